import { describe, expect, it } from 'vitest';
import { actionDef, actionIndex, CATALOGUE } from '../../src/engine/catalogue';
import { ASPECTS } from '../../src/engine/aspects';
import type { GameState } from '../../src/engine/state-types';
import type { Fact } from '../../src/engine/step-types';
import { scoreOf } from '../../src/engine/outcome';
import { DIMINISHING, riskOdds } from '../../src/engine/turn';
import { div, pct, VARIABLES, type Vars } from '../../src/engine/variables';
import { causeSum, choose, END, game, ok, ruleEvent, run, withEvents, withVars } from './helpers';

function def(id: string) {
  const d = actionDef(id);
  if (!d) throw new Error(`no action ${id}`);
  return d;
}

function nowAmount(id: string, v: string): number {
  return def(id).now.find((x) => x.var === v)?.amount ?? 0;
}

/** A quiet state: no events, every variable mid-range so nothing clamps. */
function quiet(id = 'first-team', seed = 'turn'): GameState {
  const s = withEvents(game(id, seed), [], 0);
  const v = {} as Vars;
  for (const name of VARIABLES) v[name] = 50;
  return withVars(s, v);
}

function strengths(facts: readonly Fact[]): number[] {
  return facts.flatMap((e) => (e.type === 'action-resolved' ? [e.strength] : []));
}

describe('diminishing returns', () => {
  it('is a decreasing table starting at full strength', () => {
    expect(DIMINISHING[0]).toBe(100);
    for (let i = 1; i < DIMINISHING.length; i++) expect(DIMINISHING[i]!).toBeLessThan(DIMINISHING[i - 1]!);
  });

  it('the second use of an action in one turn is weaker, per DIMINISHING', () => {
    const s = quiet();
    const once = run(s, [choose('share-vision'), END]);
    const twice = run(s, [choose('share-vision'), choose('share-vision'), END]);
    const amount = nowAmount('share-vision', 'clarity');
    const first = causeSum(once.causes, { var: 'clarity', kind: 'action', source: 'share-vision' });
    const both = causeSum(twice.causes, { var: 'clarity', kind: 'action', source: 'share-vision' });
    expect(first).toBe(pct(amount, DIMINISHING[0]));
    expect(both - first).toBe(pct(amount, DIMINISHING[1]));
    expect(both - first).toBeLessThan(first);
    expect(strengths(twice.facts)).toEqual([DIMINISHING[0], DIMINISHING[1]]);
  });

  it('repeated uses follow the table and stay at its last value', () => {
    const n = DIMINISHING.length + 2;
    const s = { ...quiet(), time: n * def('set-goals').cost };
    const r = run(s, [...Array.from({ length: n }, () => choose('set-goals')), END]);
    const expected = Array.from({ length: n }, (_, i) => DIMINISHING[Math.min(i, DIMINISHING.length - 1)]);
    expect(strengths(r.facts)).toEqual(expected);
  });

  it('different actions do not weaken each other', () => {
    const r = run(quiet(), [choose('share-vision'), choose('set-goals'), choose('monitor'), END]);
    expect(strengths(r.facts)).toEqual([100, 100, 100]);
  });

  it('losses are not diminished', () => {
    const s = quiet();
    const r = run(s, [choose('lead-change'), choose('lead-change'), END]);
    expect(causeSum(r.causes, { var: 'control', kind: 'action', source: 'lead-change' })).toBe(
      2 * nowAmount('lead-change', 'control'),
    );
    expect(causeSum(r.causes, { var: 'execution', kind: 'action', source: 'lead-change' })).toBe(
      2 * nowAmount('lead-change', 'execution'),
    );
  });

  it('recent use is halved each turn, so a heavy turn still weakens the next one', () => {
    const s = quiet();
    const heavy = run(s, [choose('tell-the-why'), choose('tell-the-why'), choose('tell-the-why'), END]).state;
    const i = actionIndex('tell-the-why');
    expect(heavy.usage[i]).toBe(1);
    const next = run(heavy, [choose('tell-the-why'), END]);
    expect(strengths(next.facts)).toEqual([DIMINISHING[1]]);
    expect(next.state.usage[i]).toBe(1);
    const light = run(s, [choose('tell-the-why'), END]).state;
    expect(light.usage[i]).toBe(0);
    expect(strengths(run(light, [choose('tell-the-why'), END]).facts)).toEqual([DIMINISHING[0]]);
  });

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
    expect(exec).toEqual([pct(amount, DIMINISHING[0]), pct(amount, DIMINISHING[1])]);
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
        expect(c.innovation).toBe(single.gain + pct(single.gain, DIMINISHING[1]));
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
    expect(twice.members[0]!.skill - once.members[0]!.skill).toBe(pct(gain, DIMINISHING[1]));
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

  it('every catalogue action resolves at full strength when first used', () => {
    const s = quiet('build-the-house');
    for (const d of CATALOGUE) {
      const a = d.targeted ? choose(d.id, s.members[0]!.id) : choose(d.id);
      const r = run(s, [a, END]);
      expect(strengths(r.facts)).toEqual([100]);
    }
  });
});

describe('ending the game', () => {
  it('collapses early after collapseAfter turns of stagnation', () => {
    const s0 = withEvents(game('stagnant-giant', 'collapse'), [], 0);
    expect(s0.regime).toBe('stagnation');
    const s = { ...s0, streak: s0.setup.collapseAfter - 1 };
    const r = ok(s, END);
    expect(r.state.regime).toBe('stagnation');
    expect(r.state.over).toBe(true);
    expect(r.state.ending).toBe('stagnation-collapse');
    expect(r.state.score).toBe(scoreOf(r.state.vars, r.state.momentumTurns, true));
    expect(r.state.score).toBeLessThanOrEqual(scoreOf(r.state.vars, r.state.momentumTurns, false));
    expect(r.facts.at(-1)).toEqual({
      type: 'game-ended',
      outcome: 'stagnation',
      ending: 'stagnation-collapse',
      score: r.state.score,
    });
  });

  it('does not collapse one turn earlier', () => {
    const s0 = withEvents(game('stagnant-giant', 'collapse'), [], 0);
    const r = ok({ ...s0, streak: s0.setup.collapseAfter - 2 }, END);
    expect(r.state.regime).toBe('stagnation');
    expect(r.state.over).toBe(false);
  });

  it('ends normally after the last turn with the regime as ending', () => {
    const s0 = game('first-team');
    const r = ok({ ...s0, turn: s0.setup.turns, streak: 0 }, END);
    expect(r.state.over).toBe(true);
    expect(r.state.ending).toBe(r.state.regime);
    expect(r.state.score).toBe(scoreOf(r.state.vars, r.state.momentumTurns, false));
  });
});
