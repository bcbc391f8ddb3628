import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../src/engine';
import { encodeCode } from '../../src/replay/code';
import { compareInputs } from '../../src/replay/compare';
import type { ReplayDocument } from '../../src/replay/document';
import { ENTRIES, playRecorded } from '../replay/support';
import { launchChromium } from './chromium';
import { cliVerify, openPage } from './pages';
import { playToEnd, playTurn } from './play-helpers';
import { previewUrl } from './preview';

let url: string;
let browser: Browser;
const consoleErrors: string[] = [];

function open(path: string, init?: (page: Page) => Promise<unknown>): Promise<{ context: BrowserContext; page: Page }> {
  return openPage(browser, url, path, { errors: consoleErrors, init });
}

/** A finished game as the browser saves it, so the run a branch leaves is one of the player's own. */
function saveOf(doc: ReplayDocument): string {
  return JSON.stringify({
    format: 'momentum-save',
    version: 1,
    rules: RULES_VERSION,
    scenario: doc.scenario,
    seed: doc.seed,
    turns: doc.turns,
    plan: [],
    rev: 1,
    playedAt: 1_700_000_000_000,
  });
}

function codeOf(scenario: string, policy: string, seed: string): { doc: ReplayDocument; code: string } {
  const { doc, scenario: s } = playRecorded(scenario, policy, seed);
  return { doc, code: encodeCode(doc, s) };
}

async function turnCount(page: Page): Promise<string> {
  return (await page.textContent('.turn-count'))?.trim() ?? '';
}

beforeAll(async () => {
  url = await previewUrl();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  expect(consoleErrors).toEqual([]);
});

describe('branching a run and comparing the two', () => {
  it('branches a saved run at turn 3, plays on by keyboard, survives a reload, and compares with its parent', async () => {
    const parent = codeOf('build-the-house', 'balanced', 'branch-browser');
    const parentKey = 'momentum.game.parent-run';
    const { context, page } = await open(`./?replay=${parent.code}`, (p) =>
      p.addInitScript(
        ([key, text]) => {
          if (!localStorage.getItem(key!)) localStorage.setItem(key!, text!);
        },
        [parentKey, saveOf(parent.doc)],
      ),
    );
    // Step to turn 3 by keyboard, then play on from there.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.textContent('.turn-count')).resolves.toContain('Turn 3 of');
    await page.focus('[data-testid="branch"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="end-turn"]');
    expect(await turnCount(page)).toMatch(/^Turn 4 of/);
    expect(page.url()).toMatch(/[?&]branch=/);

    // Two turns of the branch, then a reload: the branch comes back at its turn.
    await playTurn(page, 'lead', 0);
    await playTurn(page, 'lead', 1);
    await page.reload();
    await page.waitForSelector('[data-testid="end-turn"]');
    expect(await turnCount(page)).toMatch(/^Turn 6 of/);
    // The run it left is still saved, untouched.
    await expect(page.evaluate((k) => localStorage.getItem(k), parentKey)).resolves.toBe(saveOf(parent.doc));

    await playToEnd(page, 'lead');
    const branchCode = await page.inputValue('[data-testid="replay-code"]');
    const verified = await cliVerify(branchCode);
    expect(verified.valid).toBe(true);
    expect(verified.lineage).toStrictEqual({ atTurn: 3, parentFinal: parent.doc.final });
    expect(await page.textContent('[data-testid="fingerprint"]')).toBe(verified.fingerprint);

    // The title lists the original result and the branch apart.
    await page.click('[data-testid="compare-open"]');
    await page.waitForSelector('[data-testid="divergence"]');
    const expected = compareInputs(parent.code, branchCode, ENTRIES);
    if (!expected.ok) throw new Error(expected.reason);
    expect(expected.comparison.divergedAtTurn).toBe(4);
    expect(await page.textContent('[data-testid="divergence"]')).toContain('first differ at turn 4');
    expect(await page.textContent('[data-testid="fingerprint-a"]')).toBe((await cliVerify(parent.code)).fingerprint);
    expect(await page.textContent('[data-testid="fingerprint-b"]')).toBe(verified.fingerprint);
    expect(page.url()).toContain(`compare=${parent.code}~${branchCode}`);
    const ms = await page.evaluate(() => performance.getEntriesByName('momentum:compare').at(-1)?.duration ?? -1);
    console.log(`comparison of a ${parent.doc.turns.length}-turn run and its branch opened in ${ms.toFixed(1)} ms`);
    console.log(`branch code: ${branchCode.length} characters`);

    await page.goto(new URL('./', url).href);
    await page.waitForSelector('body[data-ready="true"]');
    const results = (await page.textContent('[data-testid="saved-results"]')) ?? '';
    expect(results).toContain('branch after turn 3');
    expect(results.match(/Build the House/g)?.length).toBe(2);
    await context.close();
  });

  it('opens two pasted codes from the title, and a compare link, at the turn they first differ', async () => {
    const a = codeOf('first-team', 'balanced', 'two-teams');
    const b = codeOf('first-team', 'lead-only', 'two-teams');
    const expected = compareInputs(a.code, b.code, ENTRIES);
    if (!expected.ok) throw new Error(expected.reason);
    const { context, page } = await open('./');
    await page.click('[data-testid="compare-start"]');
    await page.fill('#compare-a', a.code);
    // A link pasted in place of a code works too.
    await page.fill('#compare-b', new URL(`./?replay=${b.code}`, url).href);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="divergence"]');
    expect(await page.textContent('[data-testid="divergence"]')).toContain(
      `turn ${expected.comparison.divergedAtTurn}`.replace('turn 1', 'first turn'),
    );
    expect(await page.locator('.pair-chart').count()).toBe(3);
    expect(await page.locator('.compare-table tbody tr').count()).toBe(
      Math.max(a.doc.turns.length, b.doc.turns.length),
    );
    await context.close();
  });

  it('says in one sentence why two runs cannot be compared, or that they never diverge', async () => {
    const a = codeOf('first-team', 'balanced', 'seed-one');
    const otherSeed = codeOf('first-team', 'balanced', 'seed-two');
    const otherScenario = codeOf('idea-factory', 'balanced', 'seed-one');
    const tampered = `${a.code.slice(0, -6)}${a.code.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    const cases: [string, RegExp][] = [
      [`${a.code}~${otherSeed.code}`, /seed/],
      [`${a.code}~${otherScenario.code}`, /scenario/],
      [`${a.code}~${tampered}`, /^Run B: /],
      [`${a.code}~`, /Run B is missing/],
    ];
    const { context, page } = await open('./');
    for (const [query, pattern] of cases) {
      await page.goto(new URL(`./?compare=${query}`, url).href);
      await page.waitForSelector('[data-testid="compare-error"]');
      const text = (await page.textContent('[data-testid="compare-error"]')) ?? '';
      expect(text).toMatch(pattern);
      expect(text).not.toMatch(/[\n]|Error|at .+:\d+/);
    }
    await page.goto(new URL(`./?compare=${a.code}~${a.code}`, url).href);
    await page.waitForSelector('[data-testid="divergence"]');
    expect(await page.textContent('[data-testid="divergence"]')).toMatch(/never diverge/);
    await context.close();
  });

  it('refuses to branch at the end of a finished run, and a link to a branch this browser lacks says so', async () => {
    const run = codeOf('first-team', 'balanced', 'the-end');
    const { context, page } = await open(`./?replay=${run.code}`);
    await page.keyboard.press('End');
    await page.click('[data-testid="branch"]');
    await page.waitForSelector('[data-testid="branch-refused"]:not([hidden])');
    expect(await page.textContent('[data-testid="branch-refused"]')).toMatch(/nothing to play on/);
    expect(await page.locator('[data-testid="end-turn"]').count()).toBe(0);
    await page.goto(new URL(`./?scenario=first-team&seed=the-end&branch=nowhere`, url).href);
    await page.waitForSelector('[data-testid="notice-link-branch"]');
    expect(await page.textContent('[data-testid="notice-link-branch"]')).toMatch(/not saved in this browser/);
    await context.close();
  });
});
