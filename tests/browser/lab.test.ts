import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shareFragment } from '../../src/lab/share-link';
import { browserHarness, SHOTS } from './harness';
import { playToEnd } from './play-helpers';

/*
 * The lab in a real browser: what only Chromium shows (IndexedDB and local storage across page
 * loads, real balance workers, the editor's keyboard and focus, the layout, a refused download of
 * the lab's code). Its logic with stand-in drafts and workers is tested in Node:
 * tests/ui/screens/lab.test.ts.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
/** A custom scenario (not shipped with the game) as an author would write it. */
const TEXT = readFileSync(join(ROOT, 'scenarios', 'examples', 'support-desk.json'), 'utf8');
/** The same file with one stray character: line 8, column 14. */
const BROKEN = TEXT.replace('"turns": 10', '"turns": 10x');

const h = browserHarness();

/** The lab, loaded, with its first check done. */
async function labReady(page: Page): Promise<void> {
  await page.waitForSelector('.cm-editor');
  await page.waitForFunction(() => document.querySelector('[data-testid="lab-summary"]')?.textContent);
}

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('[data-testid="lab-file"]', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="lab-source"]')?.textContent?.includes(n),
    name,
  );
}

/** A replay that verified: its last turn (End jumps there) shows the verified fingerprint. */
async function verified(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="branch"]');
  await page.keyboard.press('End');
  await page.waitForSelector('[data-testid="fingerprint"]');
}

const problems = (page: Page): Promise<string[]> => page.locator('[data-testid="lab-problems"] > li').allTextContents();

describe('the scenario lab after a site update', () => {
  it('says to reload, with a button, when its code cannot be fetched while online', async () => {
    // Its own page, outside the console-error check: the refused fetch is the point of this test.
    const context = await h.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    // A tab opened before an update asks for the lab's old file names, which the server no longer has.
    await page.route(/\/assets\/lab-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(new URL('./?lab', h.url).href);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The scenario lab could not be loaded: the site has been updated since this page was opened. Reload to get the new version (saved games, drafts and workshop sessions are kept).',
    );
    await page.unroute(/\/assets\/lab-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Reload' }).click();
    await labReady(page);
    await context.close();
  });
});

describe('a shared lab link', () => {
  it('opened in a new visit, puts the draft kept in IndexedDB aside, and opens in a tab already at the lab', async () => {
    const { context, page } = await h.open('./');
    const other = TEXT.replace('A tired help desk', 'A worn-out help desk');
    const linkTo = async (text: string): Promise<string> => {
      const r = await shareFragment(text);
      if (!r.ok) throw new Error(r.reason);
      // Opened as a new visit (a link from a chat), not a jump within the open page.
      await page.goto('about:blank');
      return new URL(`./?lab${r.fragment}`, h.url).href;
    };
    const keys = (): Promise<string[]> =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('momentum.scenario'))
          .sort(),
      );
    // The first link: a scenario new to this browser is kept for play in its local storage.
    await page.goto(await linkTo(TEXT));
    await labReady(page);
    await page.waitForFunction(() => localStorage.getItem('momentum.scenario.support-desk') !== null);
    expect(await page.evaluate(() => localStorage.getItem('momentum.scenario.support-desk'))).toBe(TEXT);

    // A second link with other content under the same id, in a new visit: nothing kept changes,
    // and the draft the first visit left is put aside.
    await page.goto(await linkTo(other));
    await labReady(page);
    await page.waitForSelector('[data-testid="lab-keep-choice"]');
    await page.waitForSelector('[data-testid="lab-aside"]');
    expect(await page.evaluate(() => localStorage.getItem('momentum.scenario.support-desk'))).toBe(TEXT);
    await page.screenshot({ path: join(SHOTS, 'lab-link-choice.png') });

    // Back to the draft the link put aside.
    await page.click('[data-testid="lab-aside-back"]');
    await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('A tired help desk'));

    // A link opened in this very tab, already at the lab: only the fragment changes, and it opens.
    const third = TEXT.replace('A tired help desk', 'A third help desk');
    const r = await shareFragment(third);
    if (!r.ok) throw new Error(r.reason);
    expect(new URL(page.url()).search).toBe('?lab');
    const before = await keys();
    await page.goto(new URL(`./?lab${r.fragment}`, h.url).href);
    await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('A third help desk'));
    await page.waitForSelector('[data-testid="lab-keep-choice"]');
    expect(await keys()).toEqual(before);
    await context.close();
  });
});

describe('scenario lab', () => {
  let shareLink = '';
  let code = '';

  it('opens from the title, lists a broken file’s problems and clears them as the file is fixed', async () => {
    const { context, page } = await h.open('./');
    await page.click('[data-testid="lab-start"]');
    await labReady(page);
    expect(page.url()).toContain('?lab');

    await openFile(page, 'support-desk.json', BROKEN);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="lab-summary"]')?.textContent?.includes('1 problem'),
    );
    const listed = await problems(page);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('support-desk.json: invalid JSON at line 8, column 14');

    // The problem's link puts the cursor on the stray character; the keyboard removes it.
    await page.click('[data-testid="lab-problems"] button');
    await page.keyboard.press('Delete');
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');
    expect(await problems(page)).toEqual([]);

    // Typing a value out of range shows its problem as you type, with its JSON path.
    await page.click('.cm-content');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace'); // the comma
    await page.keyboard.insertText('0,'); // "turns": 100
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="lab-summary"]')?.textContent?.includes('1 problem'),
    );
    expect((await problems(page))[0]).toMatch(/\$\.turns \(line 8, column 12\)/);
    const fixedAt = await page.evaluate(() => Date.now());
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');
    await page.screenshot({ path: join(SHOTS, 'lab-desktop.png'), fullPage: true });

    // The draft is kept in IndexedDB: once it is saved after the fix, a reload reopens the lab on it.
    await page.waitForFunction(async (after) => {
      const db = await new Promise<IDBDatabase>((ok, no) => {
        const q = indexedDB.open('momentum-lab-drafts');
        q.onsuccess = () => ok(q.result);
        q.onerror = () => no(q.error);
      });
      const draft = await new Promise<{ savedAt: number } | undefined>((ok) => {
        const q = db.transaction('drafts').objectStore('drafts').get('current');
        q.onsuccess = () => ok(q.result as { savedAt: number } | undefined);
      });
      db.close();
      return (draft?.savedAt ?? 0) >= after;
    }, fixedAt);
    await page.reload();
    await labReady(page);
    expect(await page.textContent('[data-testid="lab-source"]')).toContain('support-desk.json');
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');
    await context.close();
  });

  it('measures the balance on workers, plays the scenario and shares it', async () => {
    const { context, page } = await h.open('./?lab');
    await labReady(page);
    await openFile(page, 'support-desk.json', TEXT);
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');

    // A report on the page's real workers, to its end.
    await page.fill('[data-testid="lab-runs"]', '5');
    await page.click('[data-testid="lab-balance"]');
    await page.waitForSelector('[data-testid="lab-report"]', { timeout: 60_000 });
    const verdict = await page.locator('[data-testid="lab-verdict"] li').allTextContents();
    expect(verdict.length).toBeGreaterThan(0);
    expect(verdict.join(' ')).toMatch(/only 5 games/);
    // With no more games than the first screening, every bundle was played on all of them.
    expect(await page.textContent('[data-testid="lab-report"]')).toContain('Every bundle was played on all 5 seeds.');
    // The best open-loop script: its momentum, then its cards turn by turn.
    expect(await page.textContent('[data-testid="lab-script"]')).toMatch(/^\d+\.\d% momentum with these cards:$/);
    expect(await page.locator('[data-testid="lab-script"] + ul li').allTextContents()).toEqual(
      Array.from({ length: 10 }, (_, k) => expect.stringMatching(new RegExp(`^Turn ${k + 1}: `))),
    );
    await page.waitForFunction(() => document.getElementById('live')?.textContent?.includes('Balance report ready'));
    await page.screenshot({ path: join(SHOTS, 'lab-report.png'), fullPage: true });

    await page.click('[data-testid="lab-share"]');
    shareLink = await page.inputValue('[data-testid="lab-share-link"]');
    expect(shareLink).toMatch(/\?lab#lab=[\w-]+$/);

    await page.fill('#lab-seed', 'lab-1');
    await page.click('[data-testid="lab-play"]');
    await page.click('button:has-text("Begin")');
    await page.waitForSelector('[data-testid="end-turn"]');
    await playToEnd(page, 'balanced');
    code = await page.inputValue('[data-testid="replay-code"]');
    expect(code).toMatch(/^M1\./);
    // A reload resumes the custom scenario's game at its result.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.goto(new URL(`./?replay=${encodeURIComponent(code)}`, h.url).href);
    await verified(page);
    await context.close();
  }, 120_000);

  it('a replay code of a custom scenario names it, and verifies once its shared link is opened', async () => {
    const { context, page } = await h.open(`./?replay=${encodeURIComponent(code)}`);
    expect(await page.textContent('[data-testid="replay-error"]')).toContain('support-desk');

    await page.goto(shareLink);
    await labReady(page);
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');
    expect(await page.textContent('[data-testid="lab-source"]')).toContain('a shared link');
    // The link's scenario is kept: a reload reopens it without the fragment.
    await page.reload();
    await labReady(page);
    await page.waitForSelector('[data-testid="lab-summary"][data-ok="true"]');
    expect(await page.textContent('.cm-content')).toContain('"id": "support-desk"');

    await page.goto(new URL(`./?replay=${encodeURIComponent(code)}`, h.url).href);
    await verified(page);
    expect(await page.locator('[data-testid="replay-error"]').count()).toBe(0);
    await context.close();
  });

  it('checks a file of 10,000 events off the page, lists its problems, and still takes keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-lab-'));
    try {
      const data = JSON.parse(TEXT) as { events: { id: string }[] };
      const first = data.events[0]!;
      // 10,000 events whose ids repeat once each: 5,000 problems, in a file of a few megabytes.
      data.events = Array.from({ length: 10_000 }, (_, i) => ({ ...first, id: `e${i % 5_000}` }));
      const crowded = join(dir, 'support-desk.json');
      writeFileSync(crowded, JSON.stringify(data, null, 2));

      const { context, page } = await h.open('./?lab');
      await labReady(page);
      await page.setInputFiles('[data-testid="lab-file"]', crowded);
      await page.waitForFunction(() =>
        /5,?000 problems to fix/.test(document.querySelector('[data-testid="lab-summary"]')?.textContent ?? ''),
      );
      const ms = await page.getAttribute('[data-testid="lab-summary"]', 'data-ms');
      console.log(`lab: ${(readFileSync(crowded).length / 1e6).toFixed(1)} MB of 10,000 events checked in ${ms} ms`);
      const listed = await problems(page);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((p) => /\$\.events\[\d+\]\.id .*expected a unique event id/.test(p))).toBe(true);
      // The editor still takes keys.
      await page.click('.cm-content');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('x');
      await page.waitForFunction(() =>
        /invalid JSON/.test(document.querySelector('[data-testid="lab-problems"]')?.textContent ?? ''),
      );
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fits a phone, a title of markup and all', async () => {
    const { context, page } = await h.open('./?lab', { viewport: { width: 390, height: 844 } });
    await labReady(page);
    const html = TEXT.replace('"id": "support-desk"', '"id": "html-desk"').replace(
      '"title": "The Support Desk"',
      '"title": "<b>Bold</b><img src=x onerror=alert(1)>"',
    );
    await openFile(page, 'html-desk.json', html);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="lab-summary"]')?.textContent?.includes('(html-desk) is a valid scenario'),
    );

    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(390);
    const small = await page.$$eval(
      '.lab-screen button, .lab-screen input, .lab-screen select',
      (els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null && !(e as HTMLElement).closest('.lab-problem'))
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.height < 44).length,
    );
    expect(small).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'lab-phone.png'), fullPage: true });
    await context.close();
  });
});
