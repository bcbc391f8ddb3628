/**
 * How long the scenario lab's balance report takes in headless Chromium: the production build,
 * every shipped scenario opened in the lab as a file, the report run on the page's workers, timed
 * from the click to the finished report. `npm run bench:lab [-- --runs N] [-- --json]`.
 * A figure for the README and the scenario guide, not a test: a busy machine only slows it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAllScenarios } from '../../src/scenarios/files';
import { buildSite, serveSite } from '../global-setup';
import { launchChromium } from './chromium';

const ROOT = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const json = args.includes('--json');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1000;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number of games, 1 or more');
  process.exit(2);
}
const log = json ? () => undefined : (line: string) => console.log(line);

const outDir = mkdtempSync(join(tmpdir(), 'momentum-lab-bench-'));
log('Building the site…');
await buildSite(outDir);
const { server, url: site } = await serveSite(outDir);
const url = `${site}?lab`;
const browser = await launchChromium();
const seconds: Record<string, number> = {};
let workers = 0;
try {
  log(`Balance report in the scenario lab, ${runs} games per player, headless Chromium`);
  for (const { scenario } of loadAllScenarios()) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('.cm-editor');
    workers = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.setInputFiles('[data-testid="lab-file"]', {
      name: `${scenario.id}.json`,
      mimeType: 'application/json',
      buffer: readFileSync(join(ROOT, 'scenarios', `${scenario.id}.json`)),
    });
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');
    await page.fill('[data-testid="lab-runs"]', String(runs));
    const t0 = Date.now();
    await page.click('[data-testid="lab-balance"]');
    await page.waitForSelector('[data-testid="lab-report"]', { timeout: 600_000 });
    seconds[scenario.id] = (Date.now() - t0) / 1000;
    log(`  ${scenario.id.padEnd(22)} ${seconds[scenario.id]!.toFixed(1)} s`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
if (json) console.log(JSON.stringify({ runs, workers, seconds }));
else log(`(the page used ${workers} workers, one per core)`);
