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

/**
 * The rings of src/, inner to outer. A ring may import its own files, the rings it `reaches`,
 * and the engine only through its public surface, src/engine/index.ts (`../engine`). Only src/ui
 * may import Phaser. Tests are no ring: they may import anything, engine internals included.
 */
const RINGS = {
  engine: { files: ['src/engine/**/*.ts'], reaches: [] },
  scenarios: { files: ['src/scenarios/**/*.ts'], reaches: ['engine'] },
  replay: { files: ['src/replay/**/*.ts'], reaches: ['engine'] },
  bots: { files: ['src/bots/**/*.ts'], reaches: ['engine'] },
  workshop: { files: ['src/workshop/**/*.ts'], reaches: ['engine', 'replay'] },
  lab: { files: ['src/lab/**/*.ts'], reaches: ['engine', 'scenarios', 'replay', 'bots'] },
  cli: { files: ['src/cli/**/*.ts'], reaches: ['engine', 'scenarios', 'replay', 'bots', 'workshop', 'lab'] },
  platform: { files: ['src/platform/**/*.ts'], reaches: ['engine', 'scenarios', 'replay', 'bots'] },
  // The live rooms' protocol (document names, keys, tokens, shapes) and client: browser and Node.
  live: { files: ['src/live/**/*.ts'], reaches: [] },
  // The relay server: Node only, and it knows nothing of the game, only the live protocol.
  relay: { files: ['src/relay/**/*.ts'], reaches: ['live'] },
  ui: {
    files: ['src/ui/**/*.ts'],
    reaches: ['engine', 'scenarios', 'replay', 'bots', 'workshop', 'lab', 'platform', 'live'],
  },
  main: {
    files: ['src/main.ts'],
    reaches: ['engine', 'scenarios', 'replay', 'bots', 'workshop', 'lab', 'platform', 'ui', 'live'],
  },
};

/** Files of an otherwise unreachable ring that one ring may still import, each with its reason. */
const RING_EXCEPTIONS = {
  // Replay documents are checked with the scenario files' zod-issue wording (describeIssue,
  // jsonPath); parse.ts runs in the browser too, unlike files.ts, which reads the disk.
  replay: { scenarios: ['parse'] },
};

/** `../x`, `../../x` or `./x` in an import path, where x is the folder (or src/main.ts) of a ring. */
const ringPath = (folder, except = []) =>
  except.length === 0 ? `^(\\.{1,2}/)+${folder}(/|$)` : `^(\\.{1,2}/)+${folder}(/(?!(${except.join('|')})$)|$)`;

const ringName = (ring) => (ring === 'main' ? 'src/main.ts' : `src/${ring}`);

function ringPatterns(ring) {
  const { reaches } = RINGS[ring];
  const may = reaches.length === 0 ? 'nothing outside itself' : `only ${reaches.join(', ')} and its own files`;
  const patterns = Object.keys(RINGS)
    .filter((other) => other !== ring && !reaches.includes(other))
    .map((other) => {
      const except = RING_EXCEPTIONS[ring]?.[other] ?? [];
      return {
        regex: ringPath(other, except),
        message: `${ringName(ring)} may import ${may}${except.length > 0 ? ` (and ${other}/${except.join(', ')})` : ''}.`,
      };
    });
  if (reaches.includes('engine')) {
    patterns.push({
      regex: '^(\\.{1,2}/)+engine/(?!index$)',
      message: "Import the engine through its public surface, src/engine/index.ts ('../engine'), not its files.",
    });
  }
  if (ring === 'engine') {
    patterns.push({
      group: ['node:*', 'fs', 'path'],
      message: 'The engine depends on nothing outside itself: no Node modules.',
    });
  }
  if (ring === 'workshop') {
    patterns.push({
      group: ['node:*', 'fs', 'path'],
      message: 'src/workshop runs in the browser as well as the CLI: no Node modules.',
    });
  }
  if (ring === 'live') {
    patterns.push({
      group: ['node:*', 'fs', 'path'],
      message: 'src/live runs in the browser as well as the relay: no Node modules.',
    });
  }
  if (ring === 'lab') {
    patterns.push({
      group: ['node:*', 'fs', 'path'],
      message: 'src/lab runs in the browser and its workers: no Node modules.',
    });
  }
  if (ring !== 'ui') patterns.push({ regex: '^phaser(/|$)', message: 'Only src/ui may import Phaser.' });
  return patterns;
}

const ringConfigs = Object.entries(RINGS).map(([ring, { files }]) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: ringPatterns(ring) }] },
}));

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
    },
  },
  {
    // A function a newcomer can read in one go: longer ones are split into a controller and
    // builders by concern (see src/ui/screens for the pattern).
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    // Screens reach the browser's clock, timers, address, printing, media queries, tab storage,
    // workers, channels and camera only through the app's context (src/ui/services.ts), so they
    // run in Node tests with stand-ins; browser-services.ts is the one file that wires the real ones.
    files: ['src/ui/**/*.ts'],
    ignores: ['src/ui/browser-services.ts', 'src/ui/world/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          ['Date', 'now'],
          ['window', 'setTimeout'],
          ['window', 'setInterval'],
          ['window', 'print'],
          ['window', 'matchMedia'],
          ['window', 'location'],
          ['window', 'history'],
          ['window', 'sessionStorage'],
          ['navigator', 'hardwareConcurrency'],
        ].map(([object, property]) => ({
          object,
          property,
          message: 'Ask the app context for it: ctx.services (src/ui/services.ts).',
        })),
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'location',
          'history',
          'print',
          'matchMedia',
          'sessionStorage',
          'Worker',
          'BroadcastChannel',
        ].map((name) => ({ name, message: 'Ask the app context for it: ctx.services (src/ui/services.ts).' })),
      ],
    },
  },
  ...ringConfigs,
);
