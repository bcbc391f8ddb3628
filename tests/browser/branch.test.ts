import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { codeOf, saveOf } from '../ui/screens/replay-codes';
import { browserHarness } from './harness';
import { playTurn } from './play-helpers';

// What a branch and a comparison show, and what they refuse, is checked in Node
// (tests/ui/screens/replay.test.ts and compare.test.ts). Here stays what needs the real browser:
// a button and a form worked by the keyboard, and saves kept in the browser's own storage across a reload.
const h = browserHarness();

/** Waits until the turn counter reads `text` at its start. */
async function turnCountStarts(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('.turn-count')?.textContent?.trim().startsWith(t) === true,
    text,
  );
}

describe('branching a run and comparing two, in the browser', () => {
  it('branches a saved run at turn 3 by keyboard, and the branch survives a reload beside the untouched run', async () => {
    const parent = codeOf('build-the-house', 'balanced', 'branch-browser');
    const parentKey = 'momentum.game.parent-run';
    const { context, page } = await h.open(`./?replay=${parent.code}`, {
      init: (p) =>
        p.addInitScript(
          ([key, text]) => {
            if (!localStorage.getItem(key!)) localStorage.setItem(key!, text!);
          },
          [parentKey, saveOf(parent.doc)],
        ),
    });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await turnCountStarts(page, 'Turn 3 of');
    await page.focus('[data-testid="branch"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="end-turn"]');
    await turnCountStarts(page, 'Turn 4 of');
    expect(page.url()).toMatch(/[?&]branch=/);

    // Two turns of the branch, then a reload: the branch comes back at its turn.
    await playTurn(page, 'lead', 0);
    await turnCountStarts(page, 'Turn 5 of');
    await playTurn(page, 'lead', 1);
    await turnCountStarts(page, 'Turn 6 of');
    await page.reload();
    await page.waitForSelector('[data-testid="end-turn"]');
    await turnCountStarts(page, 'Turn 6 of');
    // The run it left is still saved, untouched.
    await expect(page.evaluate((k) => localStorage.getItem(k), parentKey)).resolves.toBe(saveOf(parent.doc));
    await context.close();
  });

  it('opens two codes pasted on the title’s compare form, submitted with Enter', async () => {
    const a = codeOf('first-team', 'balanced', 'two-teams');
    const b = codeOf('first-team', 'lead-only', 'two-teams');
    const { context, page } = await h.open('./');
    await page.click('[data-testid="compare-start"]');
    await page.fill('#compare-a', a.code);
    // A link pasted in place of a code works too.
    await page.fill('#compare-b', new URL(`./?replay=${b.code}`, h.url).href);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="divergence"]');
    expect(page.url()).toContain(`compare=${a.code}~${b.code}`);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('divergence');
    const ms = await page.evaluate(() => performance.getEntriesByName('momentum:compare').at(-1)?.duration ?? -1);
    console.log(`comparison of two ${a.doc.turns.length}-turn runs opened in ${ms.toFixed(1)} ms`);
    await context.close();
  });
});
