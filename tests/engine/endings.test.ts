/**
 * Endings and score: the game shows the first ending of the scenario whose outcome, collapse
 * flag and conditions all fit the final state, falling back on the catch-all for the outcome;
 * the score is the sum of its parts, and the game-ended fact carries it.
 */
import fc from 'fast-check';
import { gameArb } from '../arbitraries';
import { describe, expect, it } from 'vitest';
import { allHold, membersLost } from '../../src/engine/conditions';
import { createGame } from '../../src/engine/create';
import { endingOf, endingText, SCORE, scoreBreakdown, type ScoreBreakdown } from '../../src/engine/outcome';
import { REGIMES, type GameState, type Regime } from '../../src/engine/state-types';
import type { Action, Fact } from '../../src/engine/step-types';
import { legalActions, step } from '../../src/engine/step';
import { loadAllScenarios } from '../../src/scenarios/files';
import { cond, END, makeScenario, mid, ok, ruleEnding, situation, withVars } from './helpers';

const SHIPPED = loadAllScenarios().map((l) => l.scenario);

/** Plays the picks as legal actions from a new game, then ends turns until the game is over. */
function play(scenarioIndex: number, seed: string, picks: readonly number[]): { state: GameState; facts: Fact[] } {
  let s = createGame(SHIPPED[scenarioIndex]!, seed);
  let last: Fact[] = [];
  for (let i = 0; !s.over; i++) {
    const legal = legalActions(s);
    const action: Action = i < picks.length ? legal[picks[i]! % legal.length]! : END;
    const r = step(s, action);
    if (!r.ok) throw new Error(`legal action refused: ${JSON.stringify(action)} ${r.error.code}`);
    s = r.state;
    last = [...r.facts];
  }
  return { state: s, facts: last };
}

const playArb = gameArb(SHIPPED.length, 200);

const partsSum = (b: ScoreBreakdown) => b.outcome + b.meters + b.progress + b.momentum + b.collapse + b.departures;

describe('endingOf', () => {
  const endings = [
    ruleEnding({ id: 'm-rich', outcome: 'momentum', when: [cond({ var: 'progress', atLeast: 60 })] }),
    ruleEnding({ id: 'm', outcome: 'momentum' }),
    ruleEnding({ id: 'c-early', outcome: 'chaos', early: true }),
    ruleEnding({ id: 'c-late', outcome: 'chaos', early: false, when: [cond({ stat: 'members-lost', atLeast: 1 })] }),
    ruleEnding({ id: 'c', outcome: 'chaos' }),
    ruleEnding({ id: 's', outcome: 'stagnation' }),
    ruleEnding({ id: 'd', outcome: 'drift' }),
  ];
  const at = (progress: number) => situation(mid({ progress }));

  it('picks the first ending whose outcome and conditions fit', () => {
    expect(endingOf(endings, 'momentum', false, at(60))).toBe('m-rich');
    expect(endingOf(endings, 'momentum', false, at(59))).toBe('m');
    expect(endingOf(endings, 'stagnation', false, at(60))).toBe('s');
    expect(endingOf(endings, 'drift', false, at(0))).toBe('d');
  });

  it('respects the early flag: true only for an early end, false only for a full game', () => {
    const gone = situation(mid(), {
      members: [{ id: 'x', morale: 0, skill: 50, status: 'gone', low: 0 }],
    });
    expect(endingOf(endings, 'chaos', true, gone)).toBe('c-early');
    expect(endingOf(endings, 'chaos', false, gone)).toBe('c-late');
    expect(endingOf(endings, 'chaos', false, at(50))).toBe('c');
    // An early end never shows an ending meant for a full game, nor the reverse.
    const lateOnly = [
      ruleEnding({ id: 'late', outcome: 'chaos', early: false }),
      ruleEnding({ id: 'any', outcome: 'chaos' }),
    ];
    expect(endingOf(lateOnly, 'chaos', true, at(50))).toBe('any');
    const earlyOnly = [
      ruleEnding({ id: 'early', outcome: 'chaos', early: true }),
      ruleEnding({ id: 'any', outcome: 'chaos' }),
    ];
    expect(endingOf(earlyOnly, 'chaos', false, at(50))).toBe('any');
  });

  it('order decides between endings that both fit', () => {
    const a = ruleEnding({ id: 'a', outcome: 'drift', when: [cond({ var: 'progress', atLeast: 10 })] });
    const b = ruleEnding({ id: 'b', outcome: 'drift', when: [cond({ var: 'progress', atLeast: 20 })] });
    expect(endingOf([a, b], 'drift', false, at(30))).toBe('a');
    expect(endingOf([b, a], 'drift', false, at(30))).toBe('b');
  });
});

describe('endings over random legal play of every shipped scenario', () => {
  it('the chosen ending is the scenario’s first whose outcome, early flag and conditions hold on the final state', () => {
    fc.assert(
      fc.property(playArb, ([sc, seed, picks]) => {
        const scenario = SHIPPED[sc]!;
        const { state } = play(sc, seed, picks);
        const setup = state.setup.endings;
        const index = setup.findIndex((e) => e.id === state.ending);
        expect(index, `ending ${String(state.ending)} is one of ${scenario.id}'s`).toBeGreaterThanOrEqual(0);
        const chosen = setup[index]!;
        expect(chosen.outcome).toBe(state.regime);
        if (chosen.early !== null) expect(chosen.early).toBe(state.early);
        expect(allHold(chosen.when, state)).toBe(true);
        // No earlier ending fitted: the first match is the one shown.
        for (const e of setup.slice(0, index)) {
          const fits =
            e.outcome === state.regime && (e.early === null || e.early === state.early) && allHold(e.when, state);
          expect(fits, `${e.id} fits too and comes first`).toBe(false);
        }
        // The text shown is that ending's.
        expect(endingText(scenario, state.ending)).toBe(scenario.endings.find((e) => e.id === state.ending)!.text);
      }),
      { numRuns: 200 },
    );
  });

  it('early is set exactly when chaos or stagnation ended the game before its last turn', () => {
    fc.assert(
      fc.property(playArb, ([sc, seed, picks]) => {
        const { state, facts } = play(sc, seed, picks);
        const played = state.turn - 1;
        expect(state.early).toBe(played < state.setup.turns);
        if (state.early) {
          expect(['chaos', 'stagnation']).toContain(state.regime);
          expect(state.streak).toBeGreaterThanOrEqual(state.setup.collapseAfter);
        }
        expect(facts.at(-1)).toMatchObject({ type: 'game-ended', early: state.early, ending: state.ending });
      }),
      { numRuns: 200 },
    );
  });

  it('when no specific ending fits, the outcome’s catch-all is shown', () => {
    let fellBack = 0;
    fc.assert(
      fc.property(playArb, ([sc, seed, picks]) => {
        const { state } = play(sc, seed, picks);
        const specific = state.setup.endings.filter(
          (e) =>
            e.outcome === state.regime &&
            (e.early !== null || e.when.length > 0) &&
            (e.early === null || e.early === state.early) &&
            allHold(e.when, state),
        );
        const shown = state.setup.endings.find((e) => e.id === state.ending)!;
        if (specific.length === 0) {
          fellBack++;
          expect(shown.early).toBeNull();
          expect(shown.when).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
    // Random play mostly reaches no special ending, so the catch-alls are really exercised.
    expect(fellBack).toBeGreaterThan(0);
  });

  it('the score is its breakdown’s total, and the game-ended fact carries it', () => {
    fc.assert(
      fc.property(playArb, ([sc, seed, picks]) => {
        const { state, facts } = play(sc, seed, picks);
        const b = scoreBreakdown(state, state.regime, state.early);
        expect(state.score).toBe(b.total);
        expect(facts.at(-1)).toEqual({
          type: 'game-ended',
          outcome: state.regime,
          ending: state.ending,
          early: state.early,
          score: b.total,
        });
        const sum = partsSum(b);
        expect(b.total).toBe(sum > 0 ? sum : 0);
        expect(sum + b.floor).toBe(b.total);
        expect(b.departures).toBe(membersLost(state.members) * SCORE.perDeparture);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the catch-all in a built scenario', () => {
  const built = makeScenario({
    turns: 3,
    collapseAfter: 3,
    endings: [
      ...REGIMES.map((r) => ({
        id: `${r}-special`,
        outcome: r,
        when: [{ var: 'progress' as const, atLeast: 95 }],
        text: `A special ${r}.`,
      })),
      ...REGIMES.map((r) => ({ id: `${r}-plain`, outcome: r, text: `A plain ${r}.` })),
    ],
  });

  it('is shown when the special ending’s conditions fail, and the special one when they hold', () => {
    let s = createGame(built, 'catch-all');
    while (!s.over) s = ok(s, END).state;
    expect(s.vars.progress).toBeLessThan(95);
    expect(s.ending).toBe(`${s.regime}-plain`);
    expect(endingText(built, s.ending)).toBe(`A plain ${s.regime}.`);
    let rich = withVars(createGame(built, 'catch-all'), { progress: 100 });
    while (!rich.over) rich = ok(rich, END).state;
    expect(rich.vars.progress).toBeGreaterThanOrEqual(95);
    expect(rich.ending).toBe(`${rich.regime}-special`);
  });

  it('endingText gives nothing for an id the scenario does not have', () => {
    expect(endingText(built, 'no-such-ending')).toBe('');
    expect(endingText(built, null)).toBe('');
  });
});

describe('scoreBreakdown', () => {
  const sit = (over: { progress?: number; momentumTurns?: number; lost?: number } = {}) =>
    situation(mid({ progress: over.progress ?? 40 }), {
      momentumTurns: over.momentumTurns ?? 0,
      members: Array.from({ length: 5 }, (_, i) => ({
        id: `m${i}`,
        morale: 50,
        skill: 50,
        status: i < (over.lost ?? 0) ? ('gone' as const) : ('engaged' as const),
        low: 0,
      })),
    });

  it('its parts sum to the total when the sum is positive', () => {
    for (const outcome of REGIMES) {
      for (const early of [false, true]) {
        const b = scoreBreakdown(sit({ progress: 60, momentumTurns: 3, lost: 1 }), outcome, early);
        expect(partsSum(b)).toBeGreaterThan(0);
        expect(b.floor).toBe(0);
        expect(b.total).toBe(partsSum(b));
      }
    }
  });

  it('never goes below zero', () => {
    const v = mid({ morale: 0, execution: 0, innovation: 0, progress: 0 });
    const b = scoreBreakdown(
      situation(v, { members: [{ id: 'x', morale: 0, skill: 0, status: 'gone', low: 0 }] }),
      'chaos',
      true,
    );
    expect(partsSum(b)).toBeLessThan(0);
    expect(b.total).toBe(0);
    // The floor is a part of its own: it gives back exactly what the others fell below zero.
    expect(b.floor).toBe(-partsSum(b));
    expect(partsSum(b) + b.floor).toBe(b.total);
  });

  it('each part follows its rule', () => {
    const s = sit({ progress: 37, momentumTurns: 4, lost: 2 });
    const rows: [Regime, boolean][] = [
      ['momentum', false],
      ['chaos', true],
      ['drift', false],
    ];
    for (const [outcome, early] of rows) {
      const b = scoreBreakdown(s, outcome, early);
      expect(b.outcome).toBe(outcome === 'momentum' ? SCORE.momentumFinish : 0);
      expect(b.meters).toBe(s.vars.morale + s.vars.execution + s.vars.innovation);
      expect(b.progress).toBe(37 * SCORE.perProgress);
      expect(b.momentum).toBe(4 * SCORE.perMomentumTurn);
      expect(b.collapse).toBe(early ? SCORE.collapse : 0);
      expect(b.departures).toBe(2 * SCORE.perDeparture);
    }
    // Finishing in momentum is worth more, collapsing and losing people cost.
    expect(SCORE.momentumFinish).toBeGreaterThan(0);
    expect(SCORE.collapse).toBeLessThan(0);
    expect(SCORE.perDeparture).toBeLessThan(0);
    expect(scoreBreakdown(s, 'chaos', true).total).toBeLessThan(scoreBreakdown(s, 'chaos', false).total);
    expect(scoreBreakdown(sit({ lost: 0 }), 'drift', false).total).toBeGreaterThan(
      scoreBreakdown(sit({ lost: 1 }), 'drift', false).total,
    );
  });
});
