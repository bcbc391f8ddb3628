import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** One import in a probe file: restricted with a message containing `says`, or allowed. */
type Probe = readonly [source: string, verdict: { says: string } | 'allowed'];

const INWARD = { says: 'Import the engine through its public surface' };
const PHASER = { says: 'Only src/ui may import Phaser' };
const ENGINE = { says: 'src/engine may import nothing outside itself' };
const only = (ring: string) => ({ says: `${ring} may import only` });

/** Where a probe file pretends to live, and the imports it makes, one a line. */
const RINGS: Record<string, readonly Probe[]> = {
  'src/engine/__probe__.ts': [
    ['../replay/x', ENGINE],
    ['../scenarios/x', ENGINE],
    ['../bots/x', ENGINE],
    ['../cli/x', ENGINE],
    ['../ui/x', ENGINE],
    ['../platform/x', ENGINE],
    ['phaser', PHASER],
    ['node:fs', { says: 'no Node modules' }],
    ['./step', 'allowed'],
    ['seedrandom/lib/alea.js', 'allowed'],
  ],
  'src/scenarios/__probe__.ts': [
    ['../replay/x', only('src/scenarios')],
    ['../engine/turn', INWARD],
    ['../bots/x', only('src/scenarios')],
    ['../ui/x', only('src/scenarios')],
    ['phaser', PHASER],
    ['../engine', 'allowed'],
    ['../engine/index', 'allowed'],
    ['./parse', 'allowed'],
    ['node:fs', 'allowed'],
  ],
  'src/replay/__probe__.ts': [
    ['../cli/x', only('src/replay')],
    ['../ui/x', only('src/replay')],
    ['../platform/x', only('src/replay')],
    ['../bots/x', only('src/replay')],
    ['../workshop/x', only('src/replay')],
    ['../scenarios/files', only('src/replay')],
    ['../scenarios', only('src/replay')],
    ['../engine/step', INWARD],
    ['phaser', PHASER],
    ['../engine', 'allowed'],
    ['../scenarios/parse', 'allowed'],
    ['./code', 'allowed'],
  ],
  'src/bots/__probe__.ts': [
    ['../scenarios/x', only('src/bots')],
    ['../replay/x', only('src/bots')],
    ['../workshop', only('src/bots')],
    ['../cli/x', only('src/bots')],
    ['../engine/step', INWARD],
    ['phaser', PHASER],
    ['../engine', 'allowed'],
    ['./policies', 'allowed'],
  ],
  'src/workshop/__probe__.ts': [
    ['../cli/x', only('src/workshop')],
    ['../ui/x', only('src/workshop')],
    ['../platform/x', only('src/workshop')],
    ['../bots/x', only('src/workshop')],
    ['../scenarios/files', only('src/workshop')],
    ['../engine/step', INWARD],
    ['phaser', PHASER],
    ['node:fs', { says: 'no Node modules' }],
    ['../engine', 'allowed'],
    ['../replay/verify', 'allowed'],
    ['./collect', 'allowed'],
    ['papaparse', 'allowed'],
  ],
  'src/lab/__probe__.ts': [
    ['../cli/x', only('src/lab')],
    ['../ui/x', only('src/lab')],
    ['../platform/x', only('src/lab')],
    ['../workshop/x', only('src/lab')],
    ['../engine/step', INWARD],
    ['phaser', PHASER],
    ['node:fs', { says: 'no Node modules' }],
    ['../engine', 'allowed'],
    ['../scenarios/lint', 'allowed'],
    ['../bots/balance', 'allowed'],
    ['../replay/seed', 'allowed'],
  ],
  'src/cli/__probe__.ts': [
    ['phaser', PHASER],
    ['../ui/x', only('src/cli')],
    ['../platform/x', only('src/cli')],
    ['../engine/step', INWARD],
    ['../engine', 'allowed'],
    ['../scenarios/files', 'allowed'],
    ['../replay/verify', 'allowed'],
    ['../bots/policies', 'allowed'],
    ['../workshop', 'allowed'],
    ['../lab/verdict', 'allowed'],
    ['node:fs', 'allowed'],
  ],
  'src/cli/commands/__probe__.ts': [
    ['../../engine/step', INWARD],
    ['../../ui/x', only('src/cli')],
    ['../../engine', 'allowed'],
    ['../usage', 'allowed'],
  ],
  'src/platform/__probe__.ts': [
    ['../ui/x', only('src/platform')],
    ['../workshop/x', only('src/platform')],
    ['../cli/x', only('src/platform')],
    ['../engine/step', INWARD],
    ['phaser', PHASER],
    ['../engine', 'allowed'],
  ],
  'src/live/__probe__.ts': [
    ['../engine', { says: 'src/live may import nothing outside itself' }],
    ['../ui/x', { says: 'src/live may import nothing outside itself' }],
    ['../relay/x', { says: 'src/live may import nothing outside itself' }],
    ['node:crypto', { says: 'no Node modules' }],
    ['phaser', PHASER],
    ['yjs', 'allowed'],
    ['./names', 'allowed'],
  ],
  'src/relay/__probe__.ts': [
    ['../engine', only('src/relay')],
    ['../replay/x', only('src/relay')],
    ['../ui/x', only('src/relay')],
    ['phaser', PHASER],
    ['../live/names', 'allowed'],
    ['node:crypto', 'allowed'],
    ['@hocuspocus/server', 'allowed'],
  ],
  'src/ui/__probe__.ts': [
    ['../cli/x', only('src/ui')],
    ['../engine/step', INWARD],
    ['../engine/index', 'allowed'],
    ['../engine', 'allowed'],
    ['../replay/timeline', 'allowed'],
    ['../workshop', 'allowed'],
    ['../platform/links', 'allowed'],
    ['phaser', 'allowed'],
  ],
  'src/ui/world/__probe__.ts': [
    ['../../engine/state-types', INWARD],
    ['../../cli/x', only('src/ui')],
    ['../../engine', 'allowed'],
    ['phaser', 'allowed'],
  ],
  'src/main.ts': [
    ['./cli/x', only('src/main.ts')],
    ['./engine/step', INWARD],
    ['phaser', PHASER],
    ['./ui/app', 'allowed'],
    ['./engine', 'allowed'],
  ],
  // Tests are no ring: they may reach into the engine's files.
  'tests/__probe__.test.ts': [
    ['../src/engine/step', 'allowed'],
    ['../src/cli/x', 'allowed'],
    ['phaser', 'allowed'],
  ],
};

describe('ring lint', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  for (const [file, probes] of Object.entries(RINGS)) {
    it(`${file}: each forbidden import is reported on its line, and allowed ones are not`, async () => {
      // Line i + 1 imports probe i; the last line uses every name so none is unused.
      const lines = probes.map(([source], i) => `import { v${i} } from '${source}';`);
      lines.push(`export const used = [${probes.map((_, i) => `v${i}`).join(', ')}];`, '');
      const [result] = await eslint.lintText(lines.join('\n'), { filePath: join(ROOT, file) });
      expect(result).toBeDefined();
      const errors = result!.messages.filter((m) => m.severity === 2);
      probes.forEach(([source, verdict], i) => {
        const onLine = errors.filter((m) => m.line === i + 1);
        if (verdict === 'allowed') {
          expect(
            onLine.map((m) => m.message),
            `${file} may import ${source}`,
          ).toEqual([]);
        } else {
          expect(
            onLine.map((m) => m.ruleId),
            `${file} must not import ${source}`,
          ).toEqual(['no-restricted-imports']);
          expect(onLine[0]!.message).toContain(verdict.says);
        }
      });
      expect(errors.filter((m) => m.line > probes.length)).toEqual([]);
    });
  }
});
