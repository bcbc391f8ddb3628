import tseslint from 'typescript-eslint';

/** Math functions whose results may differ between JavaScript engines, plus the unseeded one. */
const inexactMath = [
  'random',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'hypot',
  'cbrt',
  'fround',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine must give the same result on every machine: no clock, no screen, no
    // unseeded randomness and no floating-point functions that engines round differently.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...inexactMath.map((property) => ({
          object: 'Math',
          property,
          message: 'The engine uses exact integer arithmetic only.',
        })),
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'Date',
          'performance',
          'window',
          'document',
          'navigator',
          'localStorage',
          'setTimeout',
          'setInterval',
          'crypto',
          'process',
        ].map((name) => ({ name, message: 'The engine is pure: no clock, platform or global state.' })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "BinaryExpression[operator='**']", message: 'Use multiplication: ** is not exact everywhere.' },
        {
          selector: "AssignmentExpression[operator='**=']",
          message: 'Use multiplication: ** is not exact everywhere.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['phaser', 'node:*', 'fs', 'path', '../ui/*', '../cli/*', '../scenarios/*', '../replay/*'],
              message: 'The engine depends on nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/scenarios/**/*.ts', 'src/replay/**/*.ts', 'src/bots/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['phaser', '../ui/*'], message: 'Only src/ui may import Phaser.' }] },
      ],
    },
  },
);
