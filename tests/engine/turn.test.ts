import { describe, expect, it } from 'vitest';
import { actionDef } from '../../src/engine/catalogue';
import { ASPECTS } from '../../src/engine/aspects';
import type { GameState } from '../../src/engine/state-types';
import type { Fact } from '../../src/engine/step-types';
import { HEAT_PER_USE, strengthOf } from '../../src/engine/heat';
import { scoreBreakdown } from '../../src/engine/outcome';
import { riskOdds, turnsToCollapse } from '../../src/engine/turn';
import { createGame } from '../../src/engine/create';
import { step } from '../../src/engine/step';
import { div, pct } from '../../src/engine/variables';
import {
  causeSum,
  choose,
  END,
  game,
  mid,
  ok,
  ruleEvent,
  run,
  SCENARIOS,
  withEvents,
  withShifts,
  withVars,
} from './helpers';

function def(id: string) {
  const d = actionDef(id);
  if (!d) throw new Error(`no action ${id}`);
  return d;
}

/** A quiet state: no events, every variable mid-range so nothing clamps. */
function quiet(id = 'first-team', seed = 'turn'): GameState {
  return withVars(withShifts(withEvents(game(id, seed), [], 0), []), mid());
}

describe('the profile', () => {
  it('the profile records time spent per side and aspect', () => {
    const s = quiet();
    const r = run(s, [choose('share-vision'), choose('set-goals'), choose('make-plan'), END]).state;
    const vg = ASPECTS.indexOf('vision-goals');
    const vm = ASPECTS.indexOf('vision-mission');
    expect(r.profile.lead[vg]).toBe(def('share-vision').cost);
    expect(r.profile.manage[vg]).toBe(def('set-goals').cost);
    expect(r.profile.manage[vm]).toBe(def('make-plan').cost);
    const total = [...r.profile.lead, ...r.profile.manage].reduce((a, b) => a + b, 0);
    expect(total).toBe(def('share-vision').cost + def('set-goals').cost + def('make-plan').cost);
  });
});

describe('delayed effects', () => {
  const later = def('make-plan').later!;

  it('make-plan lands exactly 2 turns later as delayed causes', () => {
    expect(later.delay).toBe(2);
    const t1 = run(quiet(), [choose('make-plan'), END]);
    expect(t1.state.pending.map((p) => p.due)).toEqual(later.effects.map(() => 1 + later.delay));
    expect(t1.causes.filter((c) => c.kind === 'delayed')).toEqual([]);
    const t2 = ok(t1.state, END);
    expect(t2.causes.filter((c) => c.kind === 'delayed')).toEqual([]);
    expect(t2.facts.some((e) => e.type === 'delayed-effect-landed')).toBe(false);
    const t3 = ok(t2.state, END);
    const delayed = t3.causes.filter((c) => c.kind === 'delayed');
    expect(delayed).toEqual(
      later.effects.map((x) => ({ var: x.var, kind: 'delayed', source: 'make-plan', amount: x.amount })),
    );
    expect(t3.facts).toContainEqual({ type: 'delayed-effect-landed', action: 'make-plan' });
    expect(t3.state.pending).toEqual([]);
    const t4 = ok(t3.state, END);
    expect(t4.causes.filter((c) => c.kind === 'delayed')).toEqual([]);
  });

  it('the delayed gain of a repeated action is diminished too', () => {
    const t1 = run(quiet(), [choose('make-plan'), choose('make-plan'), END]).state;
    const exec = t1.pending.filter((p) => p.var === 'execution').map((p) => p.amount);
    const amount = later.effects.find((x) => x.var === 'execution')!.amount;
    expect(exec).toEqual([pct(amount, strengthOf(0)), pct(amount, strengthOf(HEAT_PER_USE))]);
    expect(exec[1]).toBeLessThan(exec[0]!);
    const t3 = run(t1, [END, END]);
    expect(causeSum(t3.causes, { var: 'execution', kind: 'delayed', source: 'make-plan' })).toBe(exec[0]! + exec[1]!);
  });

  it('lead-change hurts now and helps later', () => {
    const lc = def('lead-change');
    const t1 = run(quiet(), [choose('lead-change'), END]);
    const nowCauses = t1.causes.filter((c) => c.kind === 'action' && c.source === 'lead-change');
    expect(nowCauses.length).toBeGreaterThan(0);
    for (const c of nowCauses) expect(c.amount).toBeLessThan(0);
    expect(nowCauses).toEqual(
      lc.now.map((x) => ({ var: x.var, kind: 'action', source: 'lead-change', amount: x.amount })),
    );
    const t3 = run(t1.state, [END, END]);
    const laterCauses = t3.causes.filter((c) => c.kind === 'delayed' && c.source === 'lead-change');
    expect(laterCauses.length).toBeGreaterThan(0);
    for (const c of laterCauses) expect(c.amount).toBeGreaterThan(0);
    expect(laterCauses).toEqual(
      lc.later!.effects.map((x) => ({ var: x.var, kind: 'delayed', source: 'lead-change', amount: x.amount })),
    );
  });

  it('due effects still land when the state was built with them pending', () => {
    const s = { ...quiet(), pending: [{ due: 1, var: 'trust' as const, amount: 5, source: 'x' }] };
    const r = ok(s, END);
    expect(causeSum(r.causes, { var: 'trust', kind: 'delayed', source: 'x' })).toBe(5);
  });
});

describe('mitigate-risk guard', () => {
  const setback = ruleEvent({
    id: 'setback',
    effects: [
      { var: 'execution', amount: -9 },
      { var: 'budget', amount: -10 },
    ],
  });
  const windfall = ruleEvent({ id: 'windfall', effects: [{ var: 'budget', amount: 6 }] });

  it('halves the next negative event', () => {
    const s = withEvents(quiet(), [setback]);
    const plain = ok(s, END);
    const guarded = run(s, [choose('mitigate-risk'), END]);
    expect(causeSum(plain.causes, { kind: 'event', var: 'execution' })).toBe(-9);
    expect(causeSum(plain.causes, { kind: 'event', var: 'budget' })).toBe(-10);
    expect(causeSum(guarded.causes, { kind: 'event', var: 'execution' })).toBe(div(-9, 2));
    expect(causeSum(guarded.causes, { kind: 'event', var: 'budget' })).toBe(-5);
    expect(guarded.facts).toContainEqual({
      type: 'event-occurred',
      event: 'setback',
      member: null,
      cushioned: false,
      guarded: true,
    });
    expect(guarded.state.guard).toBe(0);
  });

  it('is used up by one setback: the one after hits in full', () => {
    const s = withEvents(quiet(), [setback]);
    const two = run(s, [choose('mitigate-risk'), END, END]);
    expect(causeSum(two.causes, { kind: 'event', var: 'budget' })).toBe(-10);
  });

  it('is kept through good news', () => {
    const s = withEvents(quiet(), [windfall]);
    const r = run(s, [choose('mitigate-risk'), END]);
    expect(r.state.guard).toBe(1);
    expect(causeSum(r.causes, { kind: 'event', var: 'budget' })).toBe(6);
    const hit = ok(withEvents(r.state, [setback]), END);
    expect(causeSum(hit.causes, { kind: 'event', var: 'budget' })).toBe(-5);
    expect(hit.state.guard).toBe(0);
  });

  it('stacks to at most 2', () => {
    const s = { ...withEvents(quiet(), [], 0), time: 10 };
    const r = run(s, [choose('mitigate-risk'), choose('mitigate-risk'), choose('mitigate-risk'), END]);
    expect(r.state.guard).toBe(2);
  });
});

describe('calculated risk', () => {
  it('odds grow with control and structure, are never certain and never zero', () => {
    const v = quiet().vars;
    for (const x of [0, 25, 50, 75]) {
      expect(riskOdds({ ...v, control: x + 25 })).toBeGreaterThanOrEqual(riskOdds({ ...v, control: x }));
      expect(riskOdds({ ...v, structure: x + 25 })).toBeGreaterThanOrEqual(riskOdds({ ...v, structure: x }));
    }
    expect(riskOdds({ ...v, control: 100, structure: 100 })).toBeGreaterThan(
      riskOdds({ ...v, control: 0, structure: 0 }),
    );
    expect(riskOdds({ ...v, control: 0, structure: 0 })).toBeGreaterThan(0);
    expect(riskOdds({ ...v, control: 100, structure: 100 })).toBeLessThan(100);
  });

  function riskCauses(r: { causes: readonly { var: string; kind: string; source: string; amount: number }[] }) {
    const sum = (v: string) => causeSum(r.causes, { kind: 'action', source: 'calculated-risk', var: v });
    return { innovation: sum('innovation'), execution: sum('execution') };
  }

  function flags(r: { facts: readonly Fact[] }): (boolean | null)[] {
    return r.facts.flatMap((e) => (e.type === 'action-resolved' ? [e.success] : []));
  }

  it('pays in innovation on success and costs execution on failure', () => {
    const gains = new Set<number>();
    const losses = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const r = run(quiet('first-team', `risk-${i}`), [choose('calculated-risk'), END]);
      const [success] = flags(r);
      const c = riskCauses(r);
      if (success) {
        expect(c.innovation).toBeGreaterThan(0);
        expect(c.execution).toBe(0);
        gains.add(c.innovation);
      } else {
        expect(success).toBe(false);
        expect(c.innovation).toBe(0);
        expect(c.execution).toBeLessThan(0);
        losses.add(c.execution);
      }
    }
    // Both outcomes happen at mid-range odds, each always the same size from the same start.
    expect(gains.size).toBe(1);
    expect(losses.size).toBe(1);
  });

  it('a repeated risk pays less when it wins but costs as much when it fails', () => {
    const single = { gain: 0, loss: 0 };
    for (let i = 0; i < 60 && (single.gain === 0 || single.loss === 0); i++) {
      const r = run(quiet('first-team', `risk-${i}`), [choose('calculated-risk'), END]);
      const c = riskCauses(r);
      if (flags(r)[0]) single.gain = c.innovation;
      else single.loss = c.execution;
    }
    let both = 0;
    for (let i = 0; i < 80; i++) {
      const s = { ...quiet('first-team', `risk2-${i}`), time: 6 };
      const r = run(s, [choose('calculated-risk'), choose('calculated-risk'), END]);
      const [a, b] = flags(r);
      const c = riskCauses(r);
      if (a && b) {
        both++;
        expect(c.innovation).toBe(single.gain + pct(single.gain, strengthOf(HEAT_PER_USE)));
      }
      if (a === false && b === false) {
        both++;
        expect(c.execution).toBe(2 * single.loss);
      }
    }
    expect(both).toBeGreaterThan(0);
  });
});

describe('people actions', () => {
  it('coaching raises the target’s skill, diminished on repeat, and no one else’s', () => {
    const s = quiet('first-team');
    const [a, b] = [s.members[0]!, s.members[1]!];
    const once = run(s, [choose('coach', a.id), END]).state;
    const twice = run(s, [choose('coach', a.id), choose('coach', a.id), END]).state;
    const gain = once.members[0]!.skill - a.skill;
    expect(gain).toBeGreaterThan(0);
    expect(twice.members[0]!.skill - once.members[0]!.skill).toBe(pct(gain, strengthOf(HEAT_PER_USE)));
    expect(twice.members[0]!.skill - once.members[0]!.skill).toBeLessThan(gain);
    expect(once.members[1]!.skill).toBe(b.skill);
  });

  it('delegating delivers execution by the target’s skill, half when disengaged', () => {
    const s = quiet('producers-to-leaders');
    const bySkill = [...s.members].sort((x, y) => x.skill - y.skill);
    const lo = bySkill[0]!;
    const hi = bySkill.at(-1)!;
    const delivered = (st: GameState, id: string) =>
      causeSum(run(st, [choose('delegate', id), END]).causes, { var: 'execution', kind: 'action', source: 'delegate' });
    const engaged = delivered(s, hi.id);
    expect(engaged).toBeGreaterThan(0);
    expect(engaged).toBeGreaterThan(delivered(s, lo.id));
    const dis = { ...s, members: s.members.map((x) => (x.id === hi.id ? { ...x, status: 'disengaged' as const } : x)) };
    expect(delivered(dis, hi.id)).toBe(div(engaged, 2));
    const after = run(s, [choose('delegate', hi.id), END]).state;
    expect(after.members.find((x) => x.id === hi.id)!.skill).toBeGreaterThan(hi.skill);
  });
});

describe('ending the game', () => {
  /** The ending definition the state names, from its setup. */
  const endingDef = (s: GameState) => s.setup.endings.find((e) => e.id === s.ending);

  it('collapses early after collapseAfter turns of stagnation', () => {
    const s0 = withEvents(game('stagnant-giant', 'collapse'), [], 0);
    expect(s0.regime).toBe('stagnation');
    const s = { ...s0, streak: s0.setup.collapseAfter - 1 };
    const r = ok(s, END);
    expect(r.state.regime).toBe('stagnation');
    expect(r.state.over).toBe(true);
    expect(r.state.early).toBe(true);
    const ending = endingDef(r.state);
    expect(ending?.outcome).toBe('stagnation');
    expect(ending?.early).not.toBe(false);
    const breakdown = scoreBreakdown(r.state, 'stagnation', true);
    expect(breakdown.collapse).toBeLessThan(0);
    expect(r.state.score).toBe(breakdown.total);
    expect(r.state.score).toBeLessThanOrEqual(scoreBreakdown(r.state, 'stagnation', false).total);
    expect(r.facts.at(-1)).toEqual({
      type: 'game-ended',
      outcome: 'stagnation',
      ending: r.state.ending,
      early: true,
      score: r.state.score,
    });
  });

  it('does not collapse one turn earlier', () => {
    const s0 = withEvents(game('stagnant-giant', 'collapse'), [], 0);
    const r = ok({ ...s0, streak: s0.setup.collapseAfter - 2 }, END);
    expect(r.state.regime).toBe('stagnation');
    expect(r.state.over).toBe(false);
    expect(r.state.ending).toBeNull();
  });

  it('ends normally after the last turn with an ending of the final regime', () => {
    const s0 = game('first-team');
    const r = ok({ ...s0, turn: s0.setup.turns, streak: 0 }, END);
    expect(r.state.over).toBe(true);
    expect(r.state.early).toBe(false);
    expect(endingDef(r.state)?.outcome).toBe(r.state.regime);
    expect(endingDef(r.state)?.early).not.toBe(true);
    expect(r.state.score).toBe(scoreBreakdown(r.state, r.state.regime, false).total);
    expect(r.facts.at(-1)).toMatchObject({ type: 'game-ended', early: false, ending: r.state.ending });
  });

  it('a collapse on the last turn is an ordinary end, not an early one', () => {
    const s0 = withEvents(game('stagnant-giant', 'collapse'), [], 0);
    const r = ok({ ...s0, turn: s0.setup.turns, streak: s0.setup.collapseAfter - 1 }, END);
    expect(r.state.regime).toBe('stagnation');
    expect(r.state.over).toBe(true);
    expect(r.state.early).toBe(false);
  });
});

describe('turnsToCollapse', () => {
  it('counts down to the early end the rules bring: when it says 1 and the regime holds, the game ends', () => {
    let checked = 0;
    for (const sc of SCENARIOS) {
      for (const plan of [
        ['share-vision', 'tell-the-why'],
        ['standardise', 'monitor'],
      ]) {
        let s = createGame(sc, `collapse-${plan[0]}`);
        while (!s.over) {
          const left = turnsToCollapse(s);
          const bad = s.regime === 'chaos' || s.regime === 'stagnation';
          expect(left === null).toBe(!bad);
          for (const id of plan) {
            const r = step(s, { type: 'choose', action: id });
            if (r.ok) s = r.state;
          }
          const before = s.regime;
          const next = ok(s, END).state;
          if (left === 1 && next.regime === before) {
            expect(next.over).toBe(true);
            checked++;
          }
          if (left !== null && left > 1) expect(next.over && next.early).toBe(false);
          s = next;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
