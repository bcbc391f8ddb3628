import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strengthNow } from '../../src/engine';
import { encodeCode } from '../../src/replay/code';
import type { Session } from '../../src/ui/session';
import { playRecorded } from '../replay/support';
import { PLANS, savedGame } from '../ui/card-plans';
import { browserHarness, SHOTS } from './harness';
import type { OpenOptions } from './pages';
import { playTurn } from './play-helpers';

const h = browserHarness({ shots: '' });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
] as const;

/** Opens `path` once the app is ready; these tests count uncaught errors only. */
function open(path: string, options: Omit<OpenOptions, 'errors' | 'consoleErrors'> = {}) {
  return h.open(path, { ...options, consoleErrors: false });
}

/** A game played in the engine with `plan` while `more` holds, saved; `init` starts a page there. */
function savedGameAt(
  scenario: string,
  seed: string,
  plan: readonly (readonly string[])[],
  more: (s: Session) => boolean,
): { session: Session; init: (page: Page) => Promise<unknown> } {
  const { key, text, session } = savedGame(
    scenario,
    seed,
    (t) => plan[t % plan.length]!,
    (s) => !more(s),
  );
  return {
    session,
    init: (page: Page) =>
      page.addInitScript(
        ([k, v]) => {
          if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
        },
        [key, text] as const,
      ),
  };
}

/** The focused element's tag and text, or "BODY" when focus fell to the page. */
async function focusOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'BODY';
    return `${a.tagName} ${(a.textContent ?? '').trim().slice(0, 40)}`;
  });
}

async function expectFocusNotOnBody(page: Page, after: string): Promise<void> {
  const f = await focusOf(page);
  expect(f, `focus after ${after}`).not.toBe('BODY');
}

async function live(page: Page): Promise<string> {
  return (await page.textContent('#live')) ?? '';
}

async function waitLive(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.getElementById('live')?.textContent ?? ''),
    pattern.source,
  );
  return live(page);
}

async function turnCount(page: Page): Promise<string> {
  return (await page.textContent('.turn-count')) ?? '';
}

async function inViewport(page: Page, selector: string): Promise<{ top: number; bottom: number; height: number }> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  }, selector);
}

describe('the turn summary', () => {
  it.each(SIZES)('is inside the viewport after End turn at $width×$height', async (size) => {
    const { context, page } = await open('./?scenario=first-team&seed=summary', { viewport: size });
    await playTurn(page, 'balanced', 0);
    await page.waitForFunction(() =>
      /Turn 1 in short/.test(document.querySelector('[data-testid="turn-summary"]')?.textContent ?? ''),
    );
    const box = await inViewport(page, '[data-testid="turn-summary"]');
    // Below the phone bar where there is one (it sticks to the top of a phone's screen).
    const bar = await page.evaluate(() => document.querySelector('.phone-bar-host')!.getBoundingClientRect().bottom);
    expect(box.top).toBeGreaterThanOrEqual(Math.max(0, bar));
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    await expectFocusNotOnBody(page, 'End turn');
    if (size.width < 500) {
      // On a phone the summary comes before the cards.
      const cardsTop = await page.evaluate(() => document.querySelector('#cards')!.getBoundingClientRect().top);
      expect(box.top).toBeLessThan(cardsTop);
    }
    // Two frames for the page to paint what it scrolled to.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(SHOTS, `turn-summary-${size.width}x${size.height}.png`) });
    // The full explanation is one step away.
    await page.click('[data-testid="summary-why"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('turn-explanation');
    await context.close();
  });
});

describe('the collapse warning', () => {
  it.each([
    ['idea-factory', 'chaos', PLANS.lead],
    ['stagnant-giant', 'stagnation', PLANS.manage],
  ] as const)('shows in %s once %s is under way; its screenshot is saved', async (id, want, plan) => {
    // The plan brings the regime within a few turns; after one more turn of it, the page opens there.
    let since = -1;
    const game = savedGameAt(id, 'warn', plan, (s) => {
      if (since < 0 && s.state.regime === want) since = s.records.length;
      return since < 0 ? s.records.length < 12 : s.records.length < since + 1;
    });
    expect(game.session.state.regime).toBe(want);
    const { context, page } = await open(`./?scenario=${id}&seed=warn`, { init: game.init });
    await expect(page.locator('[data-testid="collapse-warning"]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, `collapse-warning-${want}.png`) });
    await context.close();
  });
});

describe('keys', () => {
  it('Enter on a focused card chooses that card only, says when it is chosen twice, and refuses aloud when time runs out', async () => {
    const { context, page } = await open('./?scenario=first-team&seed=enter');
    const card = '[data-testid="action-share-vision"]';
    await page.focus(card);
    await page.keyboard.press('Enter');
    await expect(turnCount(page)).resolves.toBe('Turn 1 of 8');
    expect(await page.textContent('.plan')).toContain('Share the vision');
    expect(await page.getAttribute(card, 'aria-label')).toContain('chosen once');
    await waitLive(page, /Chosen: Share the vision/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('action-share-vision');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(card, 'aria-label')).toContain('chosen twice');
    await waitLive(page, /chosen twice/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // 10 hours, 3 a card: the fourth is refused, out loud, and the turn does not end.
    await waitLive(page, /Refused: Share the vision/);
    await expect(turnCount(page)).resolves.toBe('Turn 1 of 8');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('action-share-vision');
    await expect(page.locator(card).isDisabled()).resolves.toBe(true);
    // The key of an unaffordable card is refused aloud too.
    await page.keyboard.press('Digit2');
    await waitLive(page, /Refused: Tell the why/);
    // Undo is announced; Enter on the Undo button undoes, never ends the turn.
    await page.focus('[data-testid="undo"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await waitLive(page, /Nothing to undo/);
    await expect(turnCount(page)).resolves.toBe('Turn 1 of 8');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Backspace');
    await waitLive(page, /Undone: Share the vision/);
    await context.close();
  });

  it('the meters, indices and regimes are text with definitions reachable by keyboard', async () => {
    const { context, page } = await open('./?scenario=first-team&seed=meters');
    const meters = page.locator('[data-testid="meters"]');
    const text = (await meters.textContent()) ?? '';
    for (const w of ['Morale', 'Execution', 'Innovation', 'Leadership L', 'Management M', 'Regime'])
      expect(text).toContain(w);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () =>
          document.activeElement?.closest('[data-testid="meter-morale"]') !== null &&
          document.activeElement?.tagName === 'SUMMARY',
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="meter-morale"] p').isVisible()).resolves.toBe(true);
    await expect(turnCount(page)).resolves.toBe('Turn 1 of 8');
    // On to the regime's thresholds, by Tab and Space.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('[data-testid="meter-regime"]') !== null)) break;
    }
    await page.keyboard.press('Space');
    const regimeText = (await page.locator('[data-testid="meter-regime"]').textContent()) ?? '';
    expect(regimeText).toMatch(/from 62 and stays high until it falls below 50/);
    await expect(page.locator('[data-testid="meter-regime"] p').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('the member picker explains each member’s traits in a line', async () => {
    const { context, page } = await open('./?scenario=first-team&seed=traits', {
      viewport: { width: 390, height: 844 },
    });
    await page.keyboard.press('Digit8');
    const dialog = page.locator('dialog[open]');
    await expect(dialog.count()).resolves.toBe(1);
    const lines = await dialog.locator('.trait-words li').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^(ambitious|steady|creative|anxious|independent|social): .*pleased by/);
    await page.screenshot({ path: join(SHOTS, 'member-picker-traits-390x844.png') });
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog').count()).resolves.toBe(0);
    await expectFocusNotOnBody(page, 'closing the member picker');
    await context.close();
  });

  it('the skip link jumps to the cards', async () => {
    const { context, page } = await open('./?scenario=first-team&seed=skip');
    await page.focus('a.skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('card'))).toBe(true);
    await context.close();
  });
});

describe('reading the situation', () => {
  it('shows the regime’s drivers and the goal’s progress without a click, at every size', async () => {
    for (const size of SIZES) {
      const { context, page } = await open('./?scenario=idea-factory&seed=situation', { viewport: size });
      await playTurn(page, 'balanced', 0);
      const seen = await page.evaluate(() => {
        const shown = (el: Element | null): boolean =>
          el !== null && el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 100;
        const drivers = document.querySelector('[data-testid="drivers"]');
        return {
          drivers: shown(drivers),
          goal: shown(document.querySelector('[data-testid="goal-progress"]')),
          vars: [...(drivers?.querySelectorAll<HTMLElement>('[data-var]') ?? [])].map((li) => ({
            name: li.dataset.var,
            value: li.querySelector('.driver-value')?.textContent ?? '',
            shown: shown(li),
          })),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          // Every card's words whole: none cut off by its box.
          clipped: [...document.querySelectorAll<HTMLElement>('.card, .card *')]
            .filter((e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible')
            .map((e) => e.closest('.card')?.getAttribute('data-testid')),
          phoneBar: shown(document.querySelector('[data-testid="phone-bar"]')),
          closed: document.querySelector('[data-testid="drivers"]')?.closest('details:not([open])') !== null,
          // The turn starts with every hour unspent: said just above End turn.
          leftover:
            shown(document.querySelector('[data-testid="leftover-hours"]')) &&
            document.querySelector('[data-testid="leftover-hours"]')!.getBoundingClientRect().bottom <=
              document.querySelector('[data-testid="end-turn"]')!.getBoundingClientRect().top,
        };
      });
      const where = `${size.width}×${size.height}`;
      expect(seen, where).toMatchObject({
        drivers: true,
        goal: true,
        overflow: 0,
        closed: false,
        leftover: true,
        clipped: [],
        // On a phone, the bar with L, M and the hours, and a jump to each part.
        phoneBar: size.width < 900,
      });
      if (size.width < 900) {
        await page.getByTestId('jump-situation').click();
        const top = await page.evaluate(() => document.querySelector('.situation-host')!.getBoundingClientRect().top);
        const bar = await page.evaluate(
          () => document.querySelector('.phone-bar-host')!.getBoundingClientRect().bottom,
        );
        // Brought into view below the bar (or as far as the page scrolls, at its end).
        expect(top, where).toBeGreaterThanOrEqual(bar);
        expect(top, where).toBeLessThan(size.height);
        await page.getByTestId('jump-cards').click();
        await expect(page.evaluate(() => document.activeElement?.classList.contains('card'))).resolves.toBe(true);
        await page.screenshot({ path: join(SHOTS, 'phone-bar.png') });
      }
      expect(
        seen.vars.map((v) => v.name),
        where,
      ).toEqual(['clarity', 'trust', 'innovation', 'morale', 'structure', 'execution', 'control']);
      for (const v of seen.vars)
        expect(v, where).toMatchObject({ value: expect.stringMatching(/^\d{1,3}$/), shown: true });
      await page.locator('[data-testid="drivers"]').screenshot({ path: join(SHOTS, `drivers-${size.width}.png`) });
      await context.close();
    }
  });
});

describe('a card’s strength', () => {
  it('used last turn, shows its weaker strength in its text and name before it is chosen, as the engine reports, at every size', async () => {
    // Share the vision twice on turn 1, as the engine plays it.
    const { session, init } = savedGameAt(
      'first-team',
      'strength',
      [['share-vision', 'share-vision']],
      (s) => s.state.turn === 1,
    );
    const expected = strengthNow(session.state, 'share-vision');
    expect(expected).toBeLessThan(100);
    const { context, page } = await open(`./?scenario=first-team&seed=strength`, { init });
    await expect(turnCount(page)).resolves.toBe('Turn 2 of 8');
    const badge = page.locator('[data-testid="action-share-vision"] [data-testid="card-strength"]');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await badge.scrollIntoViewIfNeeded();
      await expect(badge.textContent()).resolves.toBe(`↓ ${expected}% strength`);
      expect(await page.getAttribute('[data-testid="action-share-vision"]', 'aria-label')).toContain(
        `${expected}% strength`,
      );
      // Seen, not only present: inside its card and the window, not clipped away.
      const box = await page.evaluate(() => {
        const b = document.querySelector('[data-testid="action-share-vision"] [data-testid="card-strength"]')!;
        const c = b.closest('.card')!.getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return {
          inCard: r.left >= c.left && r.right <= c.right + 0.5 && r.top >= c.top && r.bottom <= c.bottom + 0.5,
          width: r.width,
          visible: b.checkVisibility(),
        };
      });
      expect(box, `${size.width}×${size.height}`).toMatchObject({ inCard: true, visible: true });
      expect(box.width).toBeGreaterThan(20);
      await expect(
        page.locator('[data-testid="action-make-plan"] [data-testid="card-strength"]').textContent(),
      ).resolves.toBe('100% strength');
    }
    await page.setViewportSize(SIZES[0]);
    await page.screenshot({ path: join(SHOTS, 'card-strength.png') });
    await context.close();
  });
});

describe('focus after every screen change', () => {
  it('never rests on the body: Begin, End turn, game end, Play again, the replay, back to the title', async () => {
    const { context, page } = await open('./');
    // A first game: the tutorial is preselected.
    await page.getByRole('button', { name: 'New game' }).click();
    expect(await page.inputValue('input[name="scenario"]:checked')).toBe('first-team');
    await page.check('input[value="idea-factory"]');
    await page.fill('#seed', 'focus');
    await page.getByRole('button', { name: 'Read the briefing' }).click();
    await expectFocusNotOnBody(page, 'the briefing');
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.waitForSelector('[data-testid="end-turn"]');
    await expectFocusNotOnBody(page, 'Begin');
    await page.click('[data-testid="end-turn"]');
    await page.waitForFunction(() => document.querySelector('.turn-count')?.textContent === 'Turn 2 of 10');
    await expectFocusNotOnBody(page, 'End turn');
    let t = 1;
    while ((await page.locator('[data-testid="outcome"]').count()) === 0 && t < 20) await playTurn(page, 'lead', t++);
    await expectFocusNotOnBody(page, 'the game end');
    await page.screenshot({ path: join(SHOTS, 'turn-flow-end.png'), fullPage: true });
    // The turning points tell repeated events once.
    const points = await page.locator('.story li').allTextContents();
    expect(new Set(points).size).toBe(points.length);

    // A finished saved game is offered as its result on the title, not as a game to resume.
    await page.goto(new URL('./', h.url).href);
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.getByRole('button', { name: /See your last result/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Resume/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: /See your last result/ }).click();
    await page.waitForSelector('[data-testid="outcome"]');
    await expectFocusNotOnBody(page, 'See your last result');

    await page.getByRole('button', { name: 'Play again with the same seed' }).click();
    await page.waitForSelector('[data-testid="end-turn"]');
    await expectFocusNotOnBody(page, 'Play again with the same seed');

    // The picker now offers the scenario played last.
    await page.getByRole('button', { name: 'Menu' }).click();
    await expectFocusNotOnBody(page, 'back to the title');
    await page.getByRole('button', { name: 'New game' }).click();
    expect(await page.inputValue('input[name="scenario"]:checked')).toBe('idea-factory');
    await page.getByRole('button', { name: 'Back' }).click();
    await expectFocusNotOnBody(page, 'back to the title');

    // A game link opens with focus on the game's heading.
    await page.goto(new URL('./?scenario=idea-factory&seed=other', h.url).href);
    await page.waitForSelector('[data-testid="end-turn"]');
    await expectFocusNotOnBody(page, 'opening a game link');
    await context.close();
  }, 120_000);

  it('lands on the replay viewer’s controls, whose header and scene agree on the turn', async () => {
    const { context, page } = await open('./?scenario=first-team&seed=replayfocus');
    for (let t = 0; t < 2; t++) await playTurn(page, 'balanced', t);
    await page.getByRole('button', { name: 'Menu' }).click();
    // A code from a short game played to the end.
    const { doc, scenario } = playRecorded('idea-factory', 'lead-only', 'code');
    const turns = doc.turns.length;
    await page.fill('#replay-input', encodeCode(doc, scenario));
    await page.getByRole('button', { name: 'Watch' }).click();
    await page.waitForSelector('#turn-slider');
    await expectFocusNotOnBody(page, 'opening the replay');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('.turn-count')).toBe(`Turn 2 of ${turns}`);
    await page.getByRole('button', { name: 'Title' }).click();
    await expectFocusNotOnBody(page, 'back to the title from the replay');
    await context.close();
  });
});
