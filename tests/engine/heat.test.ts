/**
 * Repetition: every use of an action heats it by HEAT_PER_USE, heat cools at the end of every
 * turn, and an action's gains are scaled by strengthOf(its heat). A card used every turn weakens,
 * the memory of a use fades, and variety keeps every card strong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionDef, actionIndex, CATALOGUE } from '../../src/engine/catalogue';
import { createGame, legalActions, step } from '../../src/engine';
import { cool, effectsNow, HEAT_PER_USE, strengthNow, strengthOf } from '../../src/engine/heat';
import { gameArb } from '../arbitraries';
import type { GameState } from '../../src/engine/state-types';
import type { Fact } from '../../src/engine/step-types';
import { pct } from '../../src/engine/variables';
import { causeSum, choose, END, game, mid, ok, run, SCENARIOS, withEvents, withShifts, withVars } from './helpers';

function def(id: string) {
  const d = actionDef(id);
  if (!d) throw new Error(`no action ${id}`);
  return d;
}

function nowAmount(id: string, v: string): number {
  return def(id).now.find((x) => x.var === v)?.amount ?? 0;
}

/**
 * A quiet state: no events, no shifts, every variable mid-range so nothing clamps, and room for
 * as many turns as the rules allow, so a game does not end while heat cools.
 */
function quiet(seed = 'heat'): GameState {
  const s = withVars(withShifts(withEvents(game('first-team', seed), [], 0), []), mid());
  return { ...s, setup: { ...s.setup, turns: 30, collapseAfter: 30 } };
}

function strengths(facts: readonly Fact[]): number[] {
  return facts.flatMap((e) => (e.type === 'action-resolved' ? [e.strength] : []));
}

const heatOf = (s: GameState, id: string): number => s.heat[actionIndex(id)]!;

/** The state with every variable put back mid-range, so many turns of one action never clamp. */
const recentred = (s: GameState): GameState => withVars(s, mid());

describe('strengthOf and cool', () => {
  it('a fresh action is at full strength, and strength falls as heat rises', () => {
    expect(strengthOf(0)).toBe(100);
    for (let heat = 0; heat < 10 * HEAT_PER_USE; heat++) {
      expect(strengthOf(heat + 1)).toBeLessThanOrEqual(strengthOf(heat));
      expect(strengthOf(heat)).toBeGreaterThan(0);
      expect(Number.isInteger(strengthOf(heat))).toBe(true);
    }
    expect(strengthOf(HEAT_PER_USE)).toBeLessThan(100);
  });

  it('heat cools toward zero every turn, never below it, and reaches it', () => {
    for (let heat = 1; heat <= 10 * HEAT_PER_USE; heat++) {
      expect(cool(heat)).toBeLessThan(heat);
      expect(cool(heat)).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(cool(heat))).toBe(true);
    }
    expect(cool(0)).toBe(0);
    let heat = 10 * HEAT_PER_USE;
    let turns = 0;
    while (heat > 0 && turns < 100) {
      heat = cool(heat);
      turns++;
    }
    expect(heat).toBe(0);
  });
});

describe('repetition in the game', () => {
  it('every action starts cold, and every first use resolves at full strength', () => {
    const s = quiet();
    expect(s.heat).toEqual(CATALOGUE.map(() => 0));
    for (const d of CATALOGUE) {
      const a = d.targeted ? choose(d.id, s.members[0]!.id) : choose(d.id);
      expect(strengths(run(s, [a, END]).facts)).toEqual([100]);
    }
  });

  it('a second use in the same turn is weaker, by strengthOf(HEAT_PER_USE)', () => {
    const s = quiet();
    const once = run(s, [choose('share-vision'), END]);
    const twice = run(s, [choose('share-vision'), choose('share-vision'), END]);
    const amount = nowAmount('share-vision', 'clarity');
    const first = causeSum(once.causes, { var: 'clarity', kind: 'action', source: 'share-vision' });
    const both = causeSum(twice.causes, { var: 'clarity', kind: 'action', source: 'share-vision' });
    expect(first).toBe(amount);
    expect(both - first).toBe(pct(amount, strengthOf(HEAT_PER_USE)));
    expect(both - first).toBeLessThan(first);
    expect(strengths(twice.facts)).toEqual([100, strengthOf(HEAT_PER_USE)]);
  });

  it('each further use in one turn is weaker still', () => {
    const n = 5;
    const s = { ...quiet(), time: n * def('set-goals').cost };
    const r = run(s, [...Array.from({ length: n }, () => choose('set-goals')), END]);
    const got = strengths(r.facts);
    expect(got).toEqual(Array.from({ length: n }, (_, i) => strengthOf(i * HEAT_PER_USE)));
    for (let i = 1; i < n; i++) expect(got[i]!).toBeLessThan(got[i - 1]!);
  });

  it('a use heats the action by HEAT_PER_USE, and the turn’s end cools it', () => {
    const s = quiet();
    const one = run(s, [choose('tell-the-why'), END]).state;
    expect(heatOf(one, 'tell-the-why')).toBe(cool(HEAT_PER_USE));
    const two = run(s, [choose('tell-the-why'), choose('tell-the-why'), END]).state;
    expect(heatOf(two, 'tell-the-why')).toBe(cool(2 * HEAT_PER_USE));
    // Other actions stay cold.
    for (const d of CATALOGUE) if (d.id !== 'tell-the-why') expect(heatOf(two, d.id)).toBe(0);
  });

  it('a card used every turn weakens, each use at the strength its heat allows', () => {
    let s = quiet();
    const seen: number[] = [];
    for (let turn = 0; turn < 6; turn++) {
      const heat = heatOf(s, 'tell-the-why');
      const r = run(recentred(s), [choose('tell-the-why'), END]);
      const [strength] = strengths(r.facts);
      expect(strength).toBe(strengthOf(heat));
      expect(heatOf(r.state, 'tell-the-why')).toBe(cool(heat + HEAT_PER_USE));
      seen.push(strength!);
      s = r.state;
    }
    expect(seen[0]).toBe(100);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeLessThanOrEqual(seen[i - 1]!);
    expect(seen.at(-1)!).toBeLessThan(100);
    // The gain shrinks with it.
    const amount = nowAmount('tell-the-why', 'morale');
    const last = run(recentred(s), [choose('tell-the-why'), END]);
    expect(causeSum(last.causes, { var: 'morale', kind: 'action', source: 'tell-the-why' })).toBe(
      pct(amount, strengthOf(heatOf(s, 'tell-the-why'))),
    );
  });

  it('the memory of a use fades over turns until the card is fresh again', () => {
    const used = run(quiet(), [choose('share-vision'), choose('share-vision'), END]).state;
    let s = used;
    const after: number[] = [];
    for (let rest = 0; rest < 30 && heatOf(s, 'share-vision') > 0; rest++) {
      after.push(strengths(run(recentred(s), [choose('share-vision'), END]).facts)[0]!);
      const next = run(s, [END]).state;
      expect(heatOf(next, 'share-vision')).toBe(cool(heatOf(s, 'share-vision')));
      s = next;
    }
    expect(heatOf(s, 'share-vision')).toBe(0);
    expect(after.length).toBeGreaterThan(1);
    expect(after[0]).toBeLessThan(100);
    for (let i = 1; i < after.length; i++) expect(after[i]!).toBeGreaterThanOrEqual(after[i - 1]!);
    expect(strengths(run(recentred(s), [choose('share-vision'), END]).facts)).toEqual([100]);
  });

  it('variety keeps strength: different actions do not weaken each other', () => {
    const r = run(quiet(), [choose('share-vision'), choose('set-goals'), choose('monitor'), END]);
    expect(strengths(r.facts)).toEqual([100, 100, 100]);
  });

  it('rotating between cards keeps them stronger than repeating one', () => {
    const cards = ['tell-the-why', 'set-goals', 'lead-by-example', 'monitor'];
    let rotating = quiet();
    let repeating = quiet();
    for (let turn = 0; turn < 8; turn++) {
      const a = run(recentred(rotating), [choose(cards[turn % cards.length]!), END]);
      const b = run(recentred(repeating), [choose(cards[0]!), END]);
      const [sa] = strengths(a.facts);
      const [sb] = strengths(b.facts);
      expect(sa).toBeGreaterThanOrEqual(sb!);
      if (turn > 0) expect(sa).toBeGreaterThan(sb!);
      rotating = a.state;
      repeating = b.state;
    }
  });

  it('losses are never weakened by repetition', () => {
    const r = run(quiet(), [choose('lead-change'), choose('lead-change'), END]);
    expect(causeSum(r.causes, { var: 'control', kind: 'action', source: 'lead-change' })).toBe(
      2 * nowAmount('lead-change', 'control'),
    );
    expect(causeSum(r.causes, { var: 'execution', kind: 'action', source: 'lead-change' })).toBe(
      2 * nowAmount('lead-change', 'execution'),
    );
  });

  it('undoing a choice leaves no heat behind: only resolved actions heat', () => {
    const s = quiet();
    const undone = run(s, [choose('share-vision'), { type: 'undo' }, END]).state;
    expect(heatOf(undone, 'share-vision')).toBe(0);
    expect(strengths(run(recentred(undone), [choose('share-vision'), END]).facts)).toEqual([100]);
  });
});

describe('strengthNow', () => {
  it('is the strength each choice then resolves at, in any game of any scenario (property)', () => {
    fc.assert(
      fc.property(gameArb(SCENARIOS.length, 60), ([which, seed, picks]) => {
        let s = createGame(SCENARIOS[which]!, seed);
        let expected: number[] = [];
        for (const pick of picks) {
          if (s.over) break;
          const legal = legalActions(s);
          const a = legal[pick % legal.length]!;
          if (a.type === 'choose') expected.push(strengthNow(s, a.action));
          if (a.type === 'undo') expected = expected.slice(0, -1);
          const r = step(s, a);
          if (!r.ok) throw new Error(r.error.message);
          if (a.type === 'end-turn') {
            expect(strengths(r.facts)).toEqual(expected);
            expected = [];
          }
          s = r.state;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts this turn’s earlier choices of the card, and is 0 for an id that is no card', () => {
    const s = quiet();
    expect(strengthNow(s, 'share-vision')).toBe(100);
    const once = ok(s, choose('share-vision')).state;
    expect(strengthNow(once, 'share-vision')).toBe(strengthOf(HEAT_PER_USE));
    expect(strengthNow(once, 'make-plan')).toBe(100);
    const next = ok(once, END).state;
    expect(strengthNow(next, 'share-vision')).toBe(strengthOf(cool(HEAT_PER_USE)));
    expect(strengthNow(s, 'no-such-card')).toBe(0);
  });
});

describe('effectsNow', () => {
  it('is what each card then does: its pushes in the turn, and what it leaves to land later, at any heat', () => {
    // Cards whose work is their lists alone; a special rule pushes more under the same name.
    const plain = CATALOGUE.filter((d) => d.special === undefined);
    let s = quiet('effects');
    for (let turn = 0; turn < 6; turn++) {
      // Two cards a turn, one of them twice on odd turns: heat from this turn and earlier ones.
      const picks = [plain[turn % plain.length]!.id, plain[(turn * 5 + 3) % plain.length]!.id];
      if (turn % 2 === 1) picks.push(picks[0]!);
      const told: { id: string; fx: NonNullable<ReturnType<typeof effectsNow>> }[] = [];
      for (const id of picks) {
        told.push({ id, fx: effectsNow(s, id)! });
        s = ok(s, choose(id)).state;
      }
      const before = s;
      const r = ok(s, END);
      for (const id of new Set(picks)) {
        const mine = told.filter((t) => t.id === id);
        for (const v of new Set(mine.flatMap((t) => t.fx.now.map((x) => x.var)))) {
          const expected = mine.reduce((a, t) => a + (t.fx.now.find((x) => x.var === v)?.amount ?? 0), 0);
          expect(causeSum(r.causes, { var: v, kind: 'action', source: id }), `turn ${turn} ${id} ${v}`).toBe(expected);
        }
        const later = r.state.pending.filter((p) => p.source === id && !before.pending.includes(p));
        expect(
          later.map((p) => ({ var: p.var, amount: p.amount, delay: p.due - before.turn })),
          `turn ${turn} ${id}`,
        ).toEqual(
          mine.flatMap((t) => (t.fx.later ? t.fx.later.effects.map((x) => ({ ...x, delay: t.fx.later!.delay })) : [])),
        );
      }
      s = { ...r.state, vars: mid() };
    }
    expect(effectsNow(s, 'no-such-card')).toBeNull();
  });
});
