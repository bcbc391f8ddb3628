/**
 * How long the facilitator's dashboard takes with a room of thousands of hand-ins, in headless
 * Chromium on the production build: a session file of 5,000 hand-ins imported, then five pastes
 * of ten new codes each, timed from the click until the new teams are drawn, with the longest
 * task the browser counted. `npm run bench:workshop [-- --hand-ins N] [-- --json]`.
 * A figure for the README, not a test: a busy machine only slows it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { scenarioEntries } from '../../src/cli/context';
import { encodeCode } from '../../src/replay/code';
import { recordReplay, type ReplayDocument } from '../../src/replay/document';
import { sessionFileText } from '../../src/ui/workshop/session-file';
import { buildSite, serveSite } from '../global-setup';
import { launchChromium } from './chromium';

const args = process.argv.slice(2);
const json = args.includes('--json');
const at = args.indexOf('--hand-ins');
const handIns = at >= 0 ? Number(args[at + 1]) : 5000;
if (!Number.isInteger(handIns) || handIns < 1 || handIns > 19_950) {
  console.error('--hand-ins takes a whole number from 1 to 19,950');
  process.exit(2);
}
const log = json ? () => undefined : (line: string) => console.log(line);

const ROOM = 'BENCH1';
const SEED = 'bench-seed';
const entry = scenarioEntries().find((e) => e.scenario.id === 'first-team')!;
const policies = ['balanced', 'lead-only', 'manage-only', 'random'];
const docs: ReplayDocument[] = policies.map((p) => {
  const run = playGame(entry.scenario, SEED, policyByName(p)!);
  const turns = run.turns.map((t) =>
    t.flatMap((a) =>
      a.type === 'choose'
        ? [a.target === undefined ? { action: a.action } : { action: a.action, target: a.target }]
        : [],
    ),
  );
  return recordReplay(entry.scenario, entry.hash, SEED, turns, { room: ROOM });
});
/** Team N's code: one of four games, under its own name, so each is a hand-in of its own. */
const code = (n: number): string => {
  const doc = docs[n % docs.length]!;
  return encodeCode({ ...doc, meta: { ...doc.meta, team: `Team ${n}` } }, entry.scenario);
};

const outDir = mkdtempSync(join(tmpdir(), 'momentum-workshop-bench-'));
// Beside the site, not in it: building the site empties its folder.
const sessionFile = join(tmpdir(), `momentum-workshop-bench-${process.pid}.json`);
writeFileSync(
  sessionFile,
  sessionFileText({
    room: ROOM,
    name: 'Bench',
    scenario: entry.scenario.id,
    seed: SEED,
    teams: [],
    createdAt: 0,
    submissions: Array.from({ length: handIns }, (_, i) => ({ source: `line ${i + 1}`, text: code(i + 1), at: 1 })),
  }),
);
log('Building the site…');
await buildSite(outDir);
const { server, url } = await serveSite(outDir);
const browser = await launchChromium();
const pastes: { ms: number; longest: number; collectMs: number; drawMs: number; storeMs: number }[] = [];
let importMs = 0;
let importLongest = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${url}?workshop`);
  await page.waitForSelector('[data-testid="import-session"]');
  // A room of more than 100 teams draws 100 rows and says how many it has.
  const rows = (n: number) =>
    page.waitForFunction(
      (k) =>
        k > 100
          ? document
              .querySelector('[data-testid="teams-cut"]')
              ?.textContent?.startsWith(`This room has ${k.toLocaleString('en')} teams`)
          : document.querySelectorAll('[data-testid="workshop-row"]').length === k,
      n,
      { timeout: 600_000, polling: 50 },
    );
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  let t0 = Date.now();
  await page.setInputFiles('[data-testid="import-session"]', sessionFile);
  await rows(handIns);
  importMs = Date.now() - t0;
  importLongest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  log(
    `A session of ${handIns.toLocaleString('en')} hand-ins imported and drawn in ${importMs.toLocaleString('en')} ms, longest task ${importLongest.toFixed(0)} ms`,
  );
  for (let p = 0; p < 5; p++) {
    const fresh = Array.from({ length: 10 }, (_, i) => code(handIns + p * 10 + i + 1));
    await page.fill('[data-testid="workshop-paste"]', fresh.join('\n'));
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    t0 = Date.now();
    await page.click('[data-testid="workshop-add"]');
    await rows(handIns + (p + 1) * 10);
    const ms = Date.now() - t0;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    const parts = await page.evaluate(() =>
      ['workshop-collect', 'workshop-draw', 'workshop-store'].map(
        (n) => performance.getEntriesByName(n).at(-1)?.duration ?? 0,
      ),
    );
    pastes.push({ ms, longest, collectMs: parts[0]!, drawMs: parts[1]!, storeMs: parts[2]! });
    log(
      `  paste ${p + 1}: 10 new codes verified and drawn in ${ms} ms (verifying ${parts[0]!.toFixed(0)} ms, drawing ${parts[1]!.toFixed(0)} ms, storing ${parts[2]!.toFixed(0)} ms), longest task ${longest.toFixed(0)} ms`,
    );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(sessionFile, { force: true });
}
if (json) console.log(JSON.stringify({ handIns, importMs, importLongest, pastes }));
