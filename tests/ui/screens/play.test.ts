// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  actionDef,
  createGame,
  effectsNow,
  INDEX_WEIGHTS,
  offeredCards,
  scoreBreakdown,
  step,
  strengthNow,
  traitsOf,
  type GameState,
  type VarName,
} from '../../../src/engine';
import { memoryStore, type Store } from '../../../src/platform/storage';
import { signed, VAR_LABELS } from '../../../src/replay/words';
import { REGIME_INFO } from '../../../src/ui/labels';
import { writeGame } from '../../../src/ui/saves';
import { act, resume, type Session } from '../../../src/ui/session';
import { cliVerify } from '../../browser/pages';
import { ENTRIES, PLANS, seedWithCall } from '../card-plans';
import { openApp, type OpenApp } from './app-harness';

/** A turn's cards by id; `coach` and other cards aimed at a person take the first one the picker offers. */
type Plan = readonly (readonly string[])[];

/**
 * Presses `key` as a keyboard would: on the focused element, or inside an open dialog, which
 * holds focus while it is open. `code` is the key's position, as digit keys are read by it.
 */
function press(key: string, init: KeyboardEventInit = {}): void {
  const dialog = document.querySelector('dialog[open]');
  const active = document.activeElement ?? document.body;
  const target = dialog && !dialog.contains(active) ? dialog : active;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
}

/** Presses the shortcut a card advertises (aria-keyshortcuts, "3" or "Shift+3"). */
function pressShortcutOf(app: OpenApp, card: string): void {
  const shortcut = app.byTestId(`action-${card}`).getAttribute('aria-keyshortcuts') ?? '';
  const m = /^(Shift\+)?(\d)$/.exec(shortcut);
  if (!m) throw new Error(`the card ${card} has no digit shortcut: "${shortcut}"`);
  press(m[2]!, { code: `Digit${m[2]}`, shiftKey: m[1] !== undefined });
}

const turnCount = (app: OpenApp): string => app.root.querySelector('.turn-count')?.textContent ?? '';
const text = (app: OpenApp, selector: string): string => app.root.querySelector(selector)?.textContent ?? '';
const over = (app: OpenApp): boolean => app.root.querySelector('[data-testid="outcome"]') !== null;

/** Lets the page's promises and the live region's short delay run. */
async function settle(app: OpenApp): Promise<void> {
  await app.services.settle();
  app.services.advance(100);
  await app.services.settle();
}

/**
 * Plays one turn by keyboard alone: each card's shortcut (1 then picks the first person when the
 * member picker opens), Esc for a picker left open, then Enter. Returns false once the game is over.
 */
async function playTurn(app: OpenApp, plan: Plan, turn: number): Promise<boolean> {
  for (const card of plan[turn % plan.length]!) {
    pressShortcutOf(app, card);
    if (document.querySelector('dialog[open]')) press('1', { code: 'Digit1' });
  }
  if (document.querySelector('dialog[open]')) press('Escape');
  // Enter ends the turn from anywhere but a control: from the page, as after a click on the page.
  document.activeElement?.closest<HTMLElement>('button, a, summary')?.blur();
  press('Enter');
  await settle(app);
  return !over(app);
}

/** Plays turns until the end screen; returns the number of turns played. */
async function playToEnd(app: OpenApp, plan: Plan, limit = 40): Promise<number> {
  for (let t = 0; t < limit; t++) if (!(await playTurn(app, plan, t))) return t + 1;
  throw new Error(`the game did not end within ${limit} turns`);
}

/** The address the app shows now, to open again as a reload would. */
const here = (app: OpenApp): string => `/${app.services.address.search}`;

/** The saved games' keys in `store`. */
const gameKeys = (store: Store): string[] => store.keys().filter((k) => k.startsWith('momentum.game.'));

/**
 * Storage this tab shares with another tab of the same browser. `tell` is the browser's storage
 * event: what the other tab wrote under `key` is heard here (a write without it is not, yet).
 */
function sharedStore(): { store: Store; tell(key: string): void } {
  const kept = memoryStore();
  const listeners = new Set<(key: string, value: string | null) => void>();
  const store: Store = {
    ...kept,
    watch(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return {
    store,
    tell(key) {
      for (const l of [...listeners]) l(key, kept.get(key));
    },
  };
}

/** Storage with room for `room` characters of keys and values; a write that does not fit is refused, as a full browser does. */
function quotaStore(room: number): Store & { makeRoom(): void } {
  const kept = new Map<string, string>();
  let limit = room;
  const size = (except: string): number =>
    [...kept].reduce((n, [k, v]) => (k === except ? n : n + k.length + v.length), 0);
  return {
    get: (k) => kept.get(k) ?? null,
    set(k, v) {
      if (size(k) + k.length + v.length > limit) return false;
      kept.set(k, v);
      return true;
    },
    remove: (k) => void kept.delete(k),
    keys: () => [...kept.keys()],
    watch: () => () => undefined,
    makeRoom: () => void (limit = Infinity),
  };
}

/** Plays `turns` turns of `plan` on `session` in the engine, as another tab would. */
function playOn(session: Session, plan: Plan, turns: number): Session {
  let s = session;
  for (let t = 0; t < turns; t++) {
    for (const action of plan[t % plan.length]!) {
      const def = offeredCards(s.state).find((d) => d.id === action);
      const r = act(
        s,
        def?.targeted ? { type: 'choose', action, target: s.scenario.members[0]!.id } : { type: 'choose', action },
      );
      if (r.ok) s = r.session;
    }
    const ended = act(s, { type: 'end-turn' });
    if (!ended.ok) throw new Error(ended.error.message);
    s = ended.session;
  }
  return s;
}

/** Another tab resumes the game saved under `key`, plays `turns` turns of `plan` and saves them. */
function otherTabPlays(store: Store, key: string, plan: Plan, turns: number): void {
  const r = resume(store.get(key)!, ENTRIES, key);
  if (!r.ok) throw new Error(r.reason);
  const w = writeGame(store, playOn(r.session, plan, turns), 0);
  if (w.kind !== 'saved') throw new Error(`the other tab's save was ${w.kind}`);
}

/** A shipped scenario as the engine reads it. */
const scenarioOf = (id: string) => ENTRIES.find((e) => e.scenario.id === id)!.scenario;

describe('the play screen, in Node', () => {
  it('a game link opens turn 1 with cards; a card chosen and the turn ended is announced and saved', async () => {
    const app = openApp('/?scenario=first-team&seed=42');
    const turn = () => app.root.querySelector('.turn-count')?.textContent;
    expect(turn()).toBe('Turn 1 of 8');
    // A card that needs no person picked.
    const cards = app
      .all<HTMLButtonElement>('#cards .card:not([disabled])')
      .filter((c) => !c.querySelector('.card-target'));
    expect(cards.length).toBeGreaterThan(3);
    cards[0]!.click();
    const endedAt = app.services.clock.now();
    app.byTestId('end-turn').click();
    await app.services.settle();
    app.services.advance(100);
    expect(app.live.textContent).toMatch(/turn 1/i);
    expect(turn()).toBe('Turn 2 of 8');
    const saved = app.store.keys().filter((k) => k.startsWith('momentum.game.'));
    expect(saved).toHaveLength(1);
    expect(JSON.parse(app.store.get(saved[0]!)!)).toMatchObject({
      playedAt: endedAt,
      turns: [{ turn: 1, actions: [{ action: cards[0]!.dataset.testid!.slice('action-'.length) }] }],
    });
  });
});

/** The state after choosing `card` and ending the turn, as the engine plays it beside the page. */
function cardThenEnd(state: GameState, card: string): GameState {
  for (const a of [{ type: 'choose', action: card }, { type: 'end-turn' }] as const) {
    const r = step(state, a);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  return state;
}

describe('each card’s strength', () => {
  /** The strength a card shows, as its text and as its accessible name say it. */
  const shown = (app: OpenApp, id: string): { text: string; name: string } => {
    const card = app.byTestId(`action-${id}`);
    return {
      text: card.querySelector('[data-testid="card-strength"]')?.textContent ?? '',
      name: card.getAttribute('aria-label') ?? '',
    };
  };
  const first = scenarioOf('first-team');

  it('is on every card before it is chosen, in its text and accessible name, as the engine reports it', async () => {
    const app = openApp('/?scenario=first-team&seed=strength');
    let state = createGame(first, 'strength');
    const agrees = (): void => {
      for (const def of offeredCards(state)) {
        const pct = `${strengthNow(state, def.id)}% strength`;
        const { text, name } = shown(app, def.id);
        expect(text, def.id).toMatch(new RegExp(`^(↓ )?${pct}$`));
        expect(name, def.id).toContain(pct);
        // Its effects in figures at that strength, as the engine reports them, seen and heard.
        const fx = effectsNow(state, def.id)!;
        const effects =
          app.byTestId(`action-${def.id}`).querySelector('[data-testid="card-effects"]')?.textContent ?? '';
        for (const x of fx.now)
          expect(effects, def.id).toContain(`${VAR_LABELS[x.var].toLowerCase()} ${signed(x.amount)}`);
        if (fx.later) expect(effects, def.id).toContain(`In ${fx.later.delay} turns: `);
        if (effects) expect(name, def.id).toContain(effects);
      }
    };
    const choose = (id: string): void => {
      app.byTestId(`action-${id}`).click();
      const r = step(state, { type: 'choose', action: id });
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    };
    agrees();
    expect(shown(app, 'share-vision').text).toBe('100% strength');
    // Chosen once this turn: a second use would be weaker, and the card says so before it.
    choose('share-vision');
    agrees();
    expect(shown(app, 'share-vision').text).toBe('↓ 50% strength');
    expect(shown(app, 'share-vision').name).toContain('50% strength if chosen now: weaker from recent use.');
    choose('share-vision');
    await settle(app);
    expect(app.live.textContent).toContain('chosen twice this turn, at 50% strength');
    app.byTestId('end-turn').click();
    await settle(app);
    const ended = step(state, { type: 'end-turn' });
    if (!ended.ok) throw new Error(ended.error.message);
    state = ended.state;
    // The turn after, the memory of both uses is still there, and other cards are fresh.
    agrees();
    expect(strengthNow(state, 'share-vision')).toBeLessThan(100);
    expect(shown(app, 'share-vision').text).toMatch(/^↓ \d+% strength$/);
    expect(shown(app, 'make-plan').text).toBe('100% strength');
  });
});

describe('the regime’s drivers', () => {
  it('show L and M against 62 and 50, each over its drivers with their values, as the engine has them, every turn', async () => {
    const app = openApp('/?scenario=stagnant-giant&seed=drivers');
    const scenario = scenarioOf('stagnant-giant');
    // The history chart marks both thresholds too, each in its own dash, with a key.
    const lines = [...app.root.querySelectorAll('.chart .threshold')];
    expect(lines.map((l) => l.getAttribute('class'))).toEqual(['threshold enter', 'threshold exit']);
    expect(Number(lines[0]!.getAttribute('y1'))).toBeLessThan(Number(lines[1]!.getAttribute('y1')));
    expect(app.all('.chart .threshold-key').map((li) => li.textContent)).toEqual([
      '— — an index is high from 62',
      '· · · and stays high down to 50',
    ]);
    let state = createGame(scenario, 'drivers');
    for (let turn = 0; turn < 3; turn++) {
      const panel = app.byTestId('drivers');
      for (const index of ['l', 'm'] as const) {
        const block = panel.querySelector(`[data-index="${index}"]`)!;
        expect(block.querySelector('.driver-index-value')?.textContent).toBe(String(state[index]));
        const high = index === 'l' ? state.lHigh : state.mHigh;
        expect(block.querySelector('.driver-standing')?.textContent).toBe(
          high
            ? `high: stays high while 50 or more (${state[index] - 50} above)`
            : `not high: counts as high from 62 (${62 - state[index]} to go)`,
        );
        const shown = [...block.querySelectorAll<HTMLElement>('[data-var]')].map((li) => [
          li.dataset.var,
          li.querySelector('.driver-value')?.textContent,
        ]);
        expect(shown).toEqual(Object.keys(INDEX_WEIGHTS[index]).map((v) => [v, String(state.vars[v as VarName])]));
      }
      app.byTestId('action-share-vision').click();
      app.byTestId('end-turn').click();
      await settle(app);
      state = cardThenEnd(state, 'share-vision');
    }
  });
});

describe('the goal', () => {
  it('shows progress and the score if the game ended now from turn 1, as the engine has them', async () => {
    const app = openApp('/?scenario=build-the-house&seed=goal');
    const scenario = scenarioOf('build-the-house');
    let state = createGame(scenario, 'goal');
    for (let turn = 0; turn < 3; turn++) {
      const panel = app.byTestId('goal-progress');
      expect(panel.querySelector('h2')?.textContent).toBe(`Goal: ${scenario.goal.label}`);
      expect(panel.querySelector('.goal-value')?.textContent).toBe(String(state.vars.progress));
      const total = scoreBreakdown(state, state.regime, false).total;
      expect(panel.querySelector('summary')?.textContent).toBe(`Score if the game ended now: ${total}`);
      expect(panel.querySelector('[data-testid="score-total"]')?.textContent).toBe(String(total));
      expect(panel.textContent).toContain('Progress 51 or more: the better ending, if the game ends in momentum');
      app.byTestId('action-make-plan').click();
      app.byTestId('end-turn').click();
      await settle(app);
      state = cardThenEnd(state, 'make-plan');
    }
    expect(state.vars.progress).toBeGreaterThan(0);
  });
});

describe('hours left over', () => {
  it('are said before End turn while there are any, with why when no card is cheap enough, and not once all are spent', async () => {
    const app = openApp('/?scenario=first-team&seed=leftover');
    const notice = (): string | null => app.root.querySelector('[data-testid="leftover-hours"]')?.textContent ?? null;
    expect(notice()).toBe('10 h left would be lost at End turn: hours do not carry over.');
    // 3 + 2 + 2 + 2 of 10 hours: 1 h left, and every card costs 2 h or more.
    for (const id of ['share-vision', 'tell-the-why', 'set-goals', 'monitor']) app.byTestId(`action-${id}`).click();
    expect(notice()).toBe('1 h left would be lost at End turn: no card costs that little.');
    app.byTestId('undo').click();
    app.byTestId('action-share-vision').click();
    // 3 + 2 + 2 + 3: every hour spent, nothing to say.
    expect(notice()).toBeNull();
    app.byTestId('undo').click();
    expect(notice()).toBe('3 h left would be lost at End turn: hours do not carry over.');
  });
});

describe('the team panel', () => {
  it('shows each person’s morale, skill, state and traits with what they do, as the engine has them', async () => {
    const app = openApp('/?scenario=stagnant-giant&seed=team');
    const scenario = scenarioOf('stagnant-giant');
    let state = createGame(scenario, 'team');
    for (let turn = 0; turn < 2; turn++) {
      scenario.members.forEach((m, i) => {
        const li = app.byTestId(`member-${m.id}`);
        const now = state.members[i]!;
        expect(li.querySelector('.member-stats')?.textContent).toBe(
          ` · morale ${now.morale} · skill ${now.skill} · ${now.status}`,
        );
        const traits = [...li.querySelectorAll('.member-traits strong')].map((x) => x.textContent);
        expect(traits).toEqual(traitsOf(state, i));
      });
      app.byTestId('action-calculated-risk').click();
      app.byTestId('end-turn').click();
      await settle(app);
      state = cardThenEnd(state, 'calculated-risk');
    }
    expect(app.all('[data-testid="team-panel"] .trait-words li').length).toBeGreaterThan(0);
  });
});

describe('the phone bar', () => {
  it('gives the turn, regime, L, M and hours as the engine has them, and jumps to each part with focus there', async () => {
    const app = openApp('/?scenario=stagnant-giant&seed=bar');
    const scenario = scenarioOf('stagnant-giant');
    let state = createGame(scenario, 'bar');
    const status = (): string => app.root.querySelector('.phone-status')?.textContent ?? '';
    const said = (st: typeof state): string =>
      `Turn ${st.turn}/${scenario.turns} · ${REGIME_INFO[st.regime].icon} ${REGIME_INFO[st.regime].label} · L ${st.l} · M ${st.m} · ${st.time} h left`;
    expect(status()).toBe(said(state));
    // No situation to jump to before the first turn: it starts as the briefing.
    expect(app.root.querySelector('[data-testid="jump-situation"]')).toBeNull();
    app.byTestId('action-share-vision').click();
    expect(status()).toContain(`${state.time - actionDef('share-vision')!.cost} h left`);
    app.byTestId('end-turn').click();
    await settle(app);
    state = cardThenEnd(state, 'share-vision');
    expect(status()).toBe(said(state));
    const focusAfter = (jump: string): Element | null => {
      app.byTestId(`jump-${jump}`).click();
      return document.activeElement;
    };
    expect(focusAfter('summary')).toBe(app.root.querySelector('[data-testid="turn-summary"] h2'));
    expect(focusAfter('drivers')).toBe(app.root.querySelector('.drivers-host'));
    expect(focusAfter('situation')).toBe(app.root.querySelector('.situation-host'));
    expect(focusAfter('meters')).toBe(app.root.querySelector('.meters-host'));
    expect(focusAfter('cards')?.getAttribute('data-testid')).toBe('action-share-vision');
    expect(focusAfter('turn')).toBe(app.byTestId('end-turn'));
  });
});

describe('on a touch screen', () => {
  it('the briefing and the first turn speak of tapping, not of keys', async () => {
    const touch = openApp('/?scenario=first-team&seed=touch', { touch: true });
    expect(touch.root.querySelector('.explanation')?.textContent).toContain('Tap a card to choose it');
    expect(touch.root.querySelector('.explanation')?.textContent).not.toContain('Keys:');
    const keys = openApp('/?scenario=first-team&seed=keys');
    expect(keys.root.querySelector('.explanation')?.textContent).toContain('Keys: 1–9 and 0');
    for (const [touched, words] of [
      [true, 'Tap cards to choose them'],
      [false, 'Choose actions with the number keys'],
    ] as const) {
      const app = openApp('/', { touch: touched });
      app.button('New game').click();
      app.button('Read the briefing').click();
      expect(app.root.querySelector('.briefing-screen')?.textContent).toContain(words);
    }
  });
});

describe('full games by keyboard alone', () => {
  it.each([
    ['first-team', 'balanced'],
    ['stagnant-giant', 'balanced'],
    ['producers-to-leaders', 'balanced'],
    ['build-the-house', 'balanced'],
    ['idea-factory', 'lead'],
  ] as const)(
    '%s (%s plan) reaches the end screen, whose fingerprint is what sim verify gives for its code, and whose replay link replays to the same end',
    async (scenario, plan) => {
      const app = openApp(`/?scenario=${scenario}&seed=keyboard`);
      const turns = await playToEnd(app, PLANS[plan]);
      // The keys chose the plan's cards.
      const saved = JSON.parse(app.store.get(gameKeys(app.store)[0]!)!) as {
        turns: { actions: { action: string }[] }[];
      };
      expect(saved.turns[0]!.actions[0]!.action).toBe(PLANS[plan][0][0]);
      const outcome = text(app, '[data-testid="outcome"]').trim();
      const fingerprint = text(app, '[data-testid="fingerprint"]').trim();
      const code = app.byTestId<HTMLInputElement>('replay-code').value;
      expect(code.length).toBeLessThanOrEqual(300);
      // The run the code carries is the one played here, turn for turn.
      expect(await cliVerify(code)).toMatchObject({ valid: true, fingerprint, outcome, turns });

      const link = app.all<HTMLAnchorElement>('a').find((a) => a.textContent === 'Watch the replay')!;
      const to = new URL(link.href);
      expect(to.searchParams.get('replay')).toBe(code);
      const replay = openApp(`${to.pathname}${to.search}`);
      await settle(replay);
      (document.activeElement as HTMLElement | null)?.blur();
      press('End');
      await settle(replay);
      expect(text(replay, '[data-testid="fingerprint"]')).toBe(fingerprint);
      expect(text(replay, '[data-testid="outcome"]')).toBe(outcome);
    },
  );
});

describe('the turn’s keys', () => {
  it('open the member picker, close it with Esc, undo with Backspace, refuse unaffordable cards, and end the turn with Enter', async () => {
    const app = openApp('/?scenario=first-team&seed=keys');
    const plan = (): string => text(app, '.plan');
    press('8', { code: 'Digit8' });
    expect(document.querySelectorAll('dialog[open]')).toHaveLength(1);
    expect(document.querySelectorAll('[data-testid^="target-"]')).toHaveLength(5);
    press('Escape');
    expect(document.querySelectorAll('dialog')).toHaveLength(0);
    expect(plan()).toContain('Nothing chosen');
    press('1', { code: 'Digit1' });
    press('3', { code: 'Digit3' });
    press('2', { code: 'Digit2' });
    expect(plan()).toContain('Lead a change');
    // 3 + 4 + 2 of 10 hours are spent: the 3-hour cards can no longer be paid for.
    expect(app.byTestId('action-share-vision').getAttribute('aria-disabled')).toBe('true');
    expect(app.byTestId('action-tell-the-why').getAttribute('aria-disabled')).toBe('true');
    press('Backspace');
    expect(plan()).not.toContain('Tell the why');
    expect(app.byTestId('action-tell-the-why').getAttribute('aria-disabled')).toBeNull();
    press('Enter');
    expect(turnCount(app)).toBe('Turn 2 of 8');
    await settle(app);
    expect(app.live.textContent).toMatch(/Turn 1 done/);
    expect(app.live.textContent).toMatch(/Morale \d+/);
  });

  it('after "Hand in progress" is closed, Enter ends the turn rather than opening it again', async () => {
    const app = openApp('/?scenario=first-team&seed=keys&room=AK7QMX4&team=Blue');
    app.byTestId<HTMLInputElement>('team-name').value = 'Blue';
    app.button('Continue to the briefing').click();
    app.button('Begin').click();
    press('1', { code: 'Digit1' });
    const opener = app.byTestId('hand-in-progress');
    opener.focus();
    opener.click();
    expect(document.querySelectorAll('dialog[open]')).toHaveLength(1);
    [...document.querySelectorAll<HTMLElement>('dialog button')]
      .find((b) => b.textContent === 'Back to the game')!
      .click();
    expect(document.querySelectorAll('dialog')).toHaveLength(0);
    // Focus is back on End turn: Enter on a focused button is that button's own (a browser's click).
    expect(document.activeElement).toBe(app.byTestId('end-turn'));
    (document.activeElement as HTMLElement).click();
    expect(document.querySelectorAll('dialog')).toHaveLength(0);
    expect(turnCount(app)).toBe('Turn 2 of 8');
  });

  it('keep the last turn explained as the player left it while cards are chosen, until the next turn', async () => {
    const app = openApp('/?scenario=first-team&seed=explained');
    app.byTestId('end-turn').click();
    await settle(app);
    expect(turnCount(app)).toBe('Turn 2 of 8');
    const supporting = (): HTMLDetailsElement => app.root.querySelector('#turn-explanation details')!;
    const opened = supporting();
    opened.open = true;
    const chart = app.root.querySelector('.chart-host')!.firstElementChild!;
    // A card chosen and taken back changes the turn, not the last turn's story or the chart.
    press('1', { code: 'Digit1' });
    await settle(app);
    expect(app.live.textContent).toMatch(/^Chosen: /);
    press('Backspace');
    await settle(app);
    expect(app.live.textContent).toMatch(/^Undone: /);
    expect(supporting()).toBe(opened);
    expect(supporting().hasAttribute('open')).toBe(true);
    expect(chart.isConnected).toBe(true);
    // The next turn brings its own explanation, closed, and a chart with one more turn.
    app.byTestId('end-turn').click();
    await settle(app);
    expect(turnCount(app)).toBe('Turn 3 of 8');
    expect(supporting().getAttribute('open')).toBeNull();
    expect(chart.isConnected).toBe(false);
  });
});

describe('what a turn tells', () => {
  it('the turn summary says why the team starts where it does, then what the turn did, and leads to the full explanation', async () => {
    const app = openApp('/?scenario=first-team&seed=summary');
    // Turn 1 says why the team starts where it does.
    expect(text(app, '[data-testid="turn-summary"]')).toMatch(/starts in \w+ because/);
    await playTurn(app, PLANS.balanced, 0);
    const summary = text(app, '[data-testid="turn-summary"]');
    expect(summary).toMatch(/Turn 1 in short/);
    for (const word of ['Morale', 'Execution', 'Innovation']) expect(summary).toContain(word);
    expect(summary).toMatch(/mostly /);
    // Focus goes to the summary's heading, never to the page.
    expect(document.activeElement).toBe(app.root.querySelector('[data-testid="turn-summary"] h2'));
    // The full explanation is one step away.
    app.byTestId('summary-why').click();
    expect(document.activeElement?.id).toBe('turn-explanation');
  });

  it.each([
    ['idea-factory', 'lead', 'chaos', 'management'],
    ['stagnant-giant', 'manage', 'stagnation', 'leadership'],
  ] as const)(
    'the collapse warning appears in %s when %s play brings %s, is announced, and says how many turns remain',
    async (id, plan, want, missing) => {
      const { collapseAfter } = scenarioOf(id);
      const app = openApp(`/?scenario=${id}&seed=warn`);
      await settle(app);
      const regime = (): string => text(app, '[data-testid="regime"]').trim();
      const warning = (): string | null =>
        app.root.querySelector('[data-testid="collapse-warning"]')?.textContent ?? null;
      let t = 0;
      for (; t < collapseAfter + 4 && regime() !== want; t++) {
        expect(warning()).toBeNull();
        expect(await playTurn(app, PLANS[plan], t)).toBe(true);
      }
      expect(regime()).toBe(want);
      const shown = warning() ?? '';
      const m = /(?:for (\d+) turns?|from the start): (\d+) more turns? of it ends? the game/.exec(shown);
      expect(m, shown).not.toBeNull();
      expect(Number(m![1] ?? 0) + Number(m![2])).toBe(collapseAfter);
      expect(shown).toContain(`missing ${missing}`);
      const said = app.live.textContent ?? '';
      expect(said).toMatch(/Warning: /);
      expect(said).toContain(`missing ${missing}`);
      expect(said).toMatch(/more turns? of it ends? the game/);
      // One more turn of the same: the count goes down, and the announcement says so.
      expect(await playTurn(app, PLANS[plan], t)).toBe(true);
      expect(regime()).toBe(want);
      const next = /for (\d+) turns?: (\d+) more turns?/.exec(warning() ?? '');
      expect(Number(next![1])).toBe(Number(m![1] ?? 0) + 1);
      expect(Number(next![2])).toBe(Number(m![2]) - 1);
      expect(app.live.textContent).toMatch(new RegExp(`${next![2]} more turns? of it`));
    },
  );

  describe('a call for an answer', () => {
    const scenario = scenarioOf('first-team');
    const call = scenario.events.find((e) => (e.settledBy ?? []).includes('coach') && e.member)!;

    it('names, in the coach picker, the person the call struck, and coaching them answers it', async () => {
      const { seed, turn, member } = seedWithCall(scenario, call.id);
      const name = scenario.members.find((m) => m.id === member)!.name;
      const app = openApp(`/?scenario=first-team&seed=${seed}`);
      for (let t = 0; t < turn; t++) expect(await playTurn(app, PLANS.balanced, t)).toBe(true);
      const listed = (): string => text(app, `[data-testid="call-${call.id}"]`);
      expect(listed()).toContain(`aimed at ${name}`);
      // The turn's summary flags it with its own words, which name the answer.
      const flagged = app
        .all('.summary-shift')
        .filter((p) => (p.textContent ?? '').includes(`A call for an answer: ${call.title} (${name})`));
      expect(flagged).toHaveLength(1);
      expect(flagged[0]!.textContent).toContain(call.text);
      expect(text(app, '.summary-events')).toMatch(/^(No other events this turn\.|Other events: )/);

      app.byTestId('action-coach').click();
      const waits = document.querySelectorAll('dialog[open] [data-testid^="waits-"]');
      expect(waits).toHaveLength(1);
      expect(waits[0]!.getAttribute('data-testid')).toBe(`waits-${member}`);
      expect(waits[0]!.textContent).toContain(`Waiting for this: ${call.title}`);
      // The line is part of the button, so a screen reader hears it with the name.
      const target = document.querySelector<HTMLButtonElement>(`[data-testid="target-${member}"]`)!;
      expect(target.textContent).toContain(call.title);
      target.click();
      app.byTestId('end-turn').click();
      await settle(app);
      expect(turnCount(app).startsWith(`Turn ${turn + 2} `)).toBe(true);
      expect(listed()).toMatch(new RegExp(`Answered by .+ on turn ${turn + 1}\\.`));
    });
  });

  describe('a shift in the situation', () => {
    // The first-team scenario's shift has no conditions, so it happens on the turn the seed drew.
    const file = scenarioOf('first-team');
    const shift = { ...file.shifts[0]!, from: createGame(file, 'shift').situations[0]!.turn };

    it('says plainly that an answer played on the turn it strikes came before it and does not count', async () => {
      const app = openApp('/?scenario=first-team&seed=shift');
      for (let t = 0; t < shift.from - 1; t++) expect(await playTurn(app, PLANS.balanced, t)).toBe(true);
      const answer = shift.settledBy![0]!;
      expect(await playTurn(app, [[answer]], 0)).toBe(true);
      const title = offeredCards(createGame(file, 'shift')).find((d) => d.id === answer)!.title;
      expect(text(app, `[data-testid="shift-${shift.id}"]`)).toContain(
        `answers count from turn ${shift.from + 1}. ${title}, played on turn ${shift.from}, came before it and does not count.`,
      );
    });

    it('is announced on its turn, listed in the briefing until answered, and the score breakdown adds up, in the replay too', async () => {
      expect(shift.when ?? []).toEqual([]);
      const app = openApp('/?scenario=first-team&seed=shift');
      const situation = (): string | null =>
        app.root.querySelector(`[data-testid="shift-${shift.id}"]`)?.textContent ?? null;
      const notice = (): string | null => app.root.querySelector('[data-testid="shift-notice"]')?.textContent ?? null;
      // The cards that say they answer this shift, and what they say.
      const answering = (): string[] =>
        app
          .all('[data-testid="card-answers"]')
          .filter((el) => (el.textContent ?? '').includes(shift.title))
          .map((el) => `${el.closest('.card')!.getAttribute('data-testid')}: ${el.textContent}`);
      for (let t = 0; t < shift.from - 1; t++) {
        expect(await playTurn(app, PLANS.balanced, t)).toBe(true);
        expect(notice()).toBeNull();
        expect(situation()).toBeNull();
        expect(answering()).toEqual([]);
      }
      expect(await playTurn(app, PLANS.balanced, shift.from - 1)).toBe(true);
      expect(notice()).toContain(`The situation shifted: ${shift.title}`);
      expect(notice()).toContain(shift.text);
      expect(situation()).toContain(shift.title);
      expect(situation()).toContain('Not answered yet');
      expect(situation()).toContain(
        `It came at the end of turn ${shift.from}, after that turn's cards: answers count from turn ${shift.from + 1}.`,
      );
      expect(app.live.textContent).toContain(`The situation shifted: ${shift.title}`);
      // While it is open, every card that answers it says so, on its face and in its name; no other does.
      expect(answering()).toEqual(shift.settledBy!.map((id) => `action-${id}: ⚑ Answers: ${shift.title}`));
      for (const id of shift.settledBy!)
        expect(app.byTestId(`action-${id}`).getAttribute('aria-label')).toContain(
          `Answers what is open now: ${shift.title}.`,
        );

      // Answer it on the next turn: the briefing says by what and when, and the notice is gone.
      app.byTestId(`action-${shift.settledBy![0]!}`).click();
      app.byTestId('end-turn').click();
      await settle(app);
      expect(turnCount(app)).toBe(`Turn ${shift.from + 2} of ${file.turns}`);
      expect(text(app, '[data-testid="shift-answered"]')).toContain(shift.title);
      expect(situation()).toMatch(new RegExp(`Answered by .+ on turn ${shift.from + 1}\\.`));
      expect(notice()).toBeNull();
      expect(answering()).toEqual([]);

      await playToEnd(app, PLANS.balanced);
      const table = text(app, '[data-testid="score-breakdown"]');
      const points = app
        .all('[data-testid="score-part"]')
        .map((p) => Number((p.textContent ?? '').replace('−', '-').replace('+', '')));
      expect(points.length).toBeGreaterThanOrEqual(6);
      const total = Number(text(app, '[data-testid="score-total"]'));
      expect(points.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Number(text(app, '[data-testid="score"]'))).toBe(total);
      for (const label of [
        'Outcome bonus',
        'Meters',
        'Goal progress',
        'Momentum turns',
        'Collapse penalty',
        'People lost',
      ])
        expect(table).toContain(label);

      // The replay viewer tells the same: the shift in its briefing, the breakdown at the end.
      const link = new URL(app.all<HTMLAnchorElement>('a').find((a) => a.textContent === 'Watch the replay')!.href);
      const replay = openApp(`${link.pathname}${link.search}`);
      await settle(replay);
      (document.activeElement as HTMLElement | null)?.blur();
      press('End');
      await settle(replay);
      expect(text(replay, '[data-testid="situation"]')).toContain(shift.title);
      expect(Number(text(replay, '[data-testid="score-total"]'))).toBe(total);
    });
  });
});

describe('saving', () => {
  it('resumes the same game exactly when the page is opened again mid-game', async () => {
    const app = openApp('/?scenario=first-team&seed=reload');
    await playTurn(app, PLANS.balanced, 0);
    await playTurn(app, PLANS.balanced, 1);
    pressShortcutOf(app, 'tell-the-why');
    const snapshot = (on: OpenApp): string[] =>
      ['.turn-count', '[data-testid="regime"]', '.indices', '.plan', '.results'].map((s) => text(on, s));
    const before = snapshot(app);
    expect(before[3]).toContain('Tell the why');
    const again = openApp(here(app), { store: app.store });
    expect(snapshot(again)).toEqual(before);
  });

  it('keeps each game apart: a link to another game, the end screen opened again, and a game just restarted', async () => {
    const store = memoryStore();
    let app = openApp('/?scenario=first-team&seed=mine', { store });
    await playTurn(app, PLANS.balanced, 0);
    await playTurn(app, PLANS.balanced, 1);
    // Another game's link opens that game and leaves this one as it was.
    app = openApp('/?scenario=idea-factory&seed=other', { store });
    press('1', { code: 'Digit1' });
    app = openApp('/', { store });
    const games = text(app, '[data-testid="saved-games"]');
    expect(games).toMatch(/Your First Team, seed “mine” · turn 3 of 8/);
    expect(games).toMatch(/Idea Factory, seed “other” · turn 1/);
    app = openApp('/?scenario=first-team&seed=mine', { store });
    expect(turnCount(app)).toBe('Turn 3 of 8');
    // The end screen opens again as itself.
    await playToEnd(app, PLANS.balanced);
    const outcome = text(app, '[data-testid="outcome"]');
    app = openApp(here(app), { store });
    expect(text(app, '[data-testid="outcome"]')).toBe(outcome);
    // A game restarted with the same seed opens again as the new game, not the old result.
    app.button('Play again with the same seed').click();
    expect(turnCount(app)).toBe('Turn 1 of 8');
    app = openApp(here(app), { store });
    expect(turnCount(app)).toBe('Turn 1 of 8');
  });
});

describe('another tab on the same game', () => {
  it('is followed at once, says so, and the choice made here after it is kept', async () => {
    const { store, tell } = sharedStore();
    const app = openApp('/?scenario=first-team&seed=tabs', { store });
    const [key] = gameKeys(store);
    otherTabPlays(store, key!, PLANS.balanced, 3);
    tell(key!);
    await settle(app);
    expect(turnCount(app)).toBe('Turn 4 of 8');
    expect(text(app, '[data-testid="notice-other-tab"]')).toMatch(/another tab/);
    pressShortcutOf(app, 'tell-the-why');
    // The other tab, opened again, finds the game as this one left it.
    const other = openApp(here(app), { store });
    expect(turnCount(other)).toBe('Turn 4 of 8');
    expect(text(other, '.plan')).toContain('Tell the why');
  });

  it('is never written over: a choice made on a game another tab has played on is not kept, and the newer game is shown', async () => {
    const { store } = sharedStore();
    const app = openApp('/?scenario=first-team&seed=stale', { store });
    const [key] = gameKeys(store);
    // The other tab's turn is saved, but this tab has not heard of it yet.
    otherTabPlays(store, key!, PLANS.balanced, 1);
    const newer = store.get(key!);
    pressShortcutOf(app, 'share-vision');
    await settle(app);
    expect(store.get(key!)).toBe(newer);
    expect(turnCount(app)).toBe('Turn 2 of 8');
    expect(text(app, '.plan')).toContain('Nothing chosen yet');
    expect(text(app, '[data-testid="notice-other-tab"]')).toContain('the choice made here was not kept');
    expect(app.live.textContent).toContain('the choice made here was not kept');
  });

  it('says so when the other tab’s newer save cannot be opened, and never writes over it', async () => {
    const { store, tell } = sharedStore();
    const app = openApp('/?scenario=first-team&seed=broken', { store });
    const [key] = gameKeys(store);
    const damaged = JSON.stringify({ format: 'momentum-save', rev: 99 });
    store.set(key!, damaged);
    tell(key!);
    await settle(app);
    expect(text(app, '[data-testid="notice-other-tab"]')).toMatch(
      /^Another tab changed this game, and its save cannot be opened: /,
    );
    expect(turnCount(app)).toBe('Turn 1 of 8');
    pressShortcutOf(app, 'share-vision');
    expect(store.get(key!)).toBe(damaged);
  });
});

describe('a browser that refuses to save', () => {
  it.each([
    ['refuses every write', 0],
    ['has room for a few hundred characters', 600],
  ])('says so at once when it %s, offers the run as a file and a code, and loses no turn', async (_pressure, room) => {
    const store = quotaStore(room);
    const app = openApp('/?scenario=first-team&seed=pressure', { store });
    await settle(app);
    const notice = (): HTMLElement | null => app.root.querySelector('[data-testid="notice-save-refused"]');
    let firstShown = notice() ? 0 : -1;
    // Every turn is either saved or said to be unsaved, on screen and to a screen reader.
    for (let t = 0; t < 4; t++) {
      const turn = Number(/Turn (\d+)/.exec(turnCount(app))![1]);
      const stored = gameKeys(store).map((k) => (JSON.parse(store.get(k)!) as { turns: unknown[] }).turns.length);
      expect(stored.includes(turn - 1) || notice() !== null, `turn ${turn}`).toBe(true);
      const shown = notice() !== null;
      await playTurn(app, PLANS.balanced, t);
      if (!shown && notice()) {
        firstShown = t + 1;
        // It is heard as well as seen, with the turn's results.
        expect(app.live.textContent).toMatch(/refused to save/);
        expect(app.live.textContent).toMatch(/Turn \d+ done/);
      }
    }
    // With no room at all the notice comes with the first screen; with a little, after a saved turn or two.
    if (room === 0) expect(firstShown).toBe(0);
    else expect(firstShown).toBeGreaterThan(0);
    expect(notice()).not.toBeNull();
    expect(turnCount(app)).toBe('Turn 5 of 8');
    [...notice()!.querySelectorAll('button')].find((b) => b.textContent === 'Download the run so far')!.click();
    const file = app.services.log.downloads.at(-1)!;
    expect(file.name).toBe('first-team-pressure.replay.json');
    expect((JSON.parse(file.text) as { turns: unknown[] }).turns).toHaveLength(4);
    [...notice()!.querySelectorAll('button')].find((b) => b.textContent === 'Copy its code')!.click();
    await settle(app);
    expect(await cliVerify(app.services.log.copied.at(-1)!)).toMatchObject({ valid: true, turns: 4 });
    expect(app.live.textContent).toBe('The code of the run so far is copied.');
    // Room made: the next choice saves, the notice goes, and the game opens again at the same turn.
    store.makeRoom();
    pressShortcutOf(app, 'tell-the-why');
    expect(notice()).toBeNull();
    const again = openApp(here(app), { store });
    expect(turnCount(again)).toBe('Turn 5 of 8');
    expect(text(again, '.plan')).toContain('Tell the why');
  });
});
