/**
 * Shifts: a change in the situation that happens once, on its `from` turn or as soon as its
 * conditions hold (forced on its `by` turn), hits once, then pulls every later turn until the
 * team answers it with one of its `settledBy` actions; it can also change the time per turn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionDef } from '../../src/engine/catalogue';
import { createGame, setupOf } from '../../src/engine/create';
import type { ShiftDef } from '../../src/engine/scenario-types';
import type { GameState, SetupShift } from '../../src/engine/state-types';
import type { Action, Fact } from '../../src/engine/step-types';
import { legalActions, step } from '../../src/engine/step';
import { parseScenario } from '../../src/scenarios/parse';
import {
  causeSum,
  choose,
  cond,
  END,
  makeScenario,
  mid,
  ok,
  ruleShift,
  run,
  SCENARIOS,
  withShifts,
  withVars,
} from './helpers';

/** A quiet game of the test scenario with the given shifts: nothing else happens to it. */
function gameWith(shifts: readonly SetupShift[], seed = 'shifts'): GameState {
  return withShifts(createGame(makeScenario({ turns: 12, collapseAfter: 12 }), seed), shifts);
}

const occurred = (facts: readonly Fact[]) => facts.flatMap((f) => (f.type === 'shift-occurred' ? [f.shift] : []));

/** Ends turns one by one; for each turn, the turn number and what it reported. */
function turns(s: GameState, n: number, plan: (turn: number) => Action[] = () => []) {
  const out: { turn: number; facts: readonly Fact[]; causes: ReturnType<typeof ok>['causes']; after: GameState }[] = [];
  for (let i = 0; i < n && !s.over; i++) {
    const turn = s.turn;
    const r = run(s, [...plan(turn), END]);
    out.push({ turn, facts: r.facts, causes: r.causes, after: r.state });
    s = r.state;
  }
  return out;
}

const shiftCause = (causes: ReturnType<typeof ok>['causes'], id: string, v?: string) =>
  causeSum(causes, v === undefined ? { kind: 'shift', source: id } : { kind: 'shift', source: id, var: v });

describe('when a shift happens', () => {
  it('without conditions, on its `from` turn and not before', () => {
    const log = turns(gameWith([ruleShift({ id: 'x', from: 3 })]), 5);
    expect(log.map((t) => occurred(t.facts))).toEqual([[], [], ['x'], [], []]);
    expect(log[1]!.after.shifted).toEqual([]);
    expect(log[2]!.after.shifted).toEqual(['x']);
    expect(log[2]!.facts).toContainEqual({ type: 'shift-occurred', shift: 'x', member: null });
  });

  it('with conditions, as soon as they hold from its `from` turn', () => {
    // Budget moves only by actions and events, so it holds still in a quiet game.
    const rich = ruleShift({ id: 'x', from: 2, by: 9, when: [cond({ var: 'budget', atLeast: 80 })] });
    const log = turns(withVars(gameWith([rich]), mid({ budget: 90 })), 4);
    expect(log.map((t) => occurred(t.facts))).toEqual([[], ['x'], [], []]);
  });

  it('with conditions that do not hold, not until its `by` turn, and then by force', () => {
    const rich = ruleShift({ id: 'x', from: 2, by: 5, when: [cond({ var: 'budget', atLeast: 80 })] });
    const log = turns(gameWith([rich]), 7);
    expect(log.map((t) => occurred(t.facts))).toEqual([[], [], [], [], ['x'], [], []]);
    expect(log[4]!.after.vars.budget).toBeLessThan(80);
  });

  it('with conditions that hold later, on the turn they first hold', () => {
    const rich = ruleShift({ id: 'x', from: 1, by: 9, when: [cond({ var: 'budget', atLeast: 55 })] });
    // Setting the budget raises it; the shift follows on that turn.
    const raise = actionDef('set-budget')!.now.find((e) => e.var === 'budget')!.amount;
    expect(50 + raise).toBeGreaterThanOrEqual(55);
    const log = turns(gameWith([rich]), 4, (turn) => (turn === 3 ? [choose('set-budget')] : []));
    expect(log.map((t) => occurred(t.facts))).toEqual([[], [], ['x'], []]);
  });

  it('happens once, however long its conditions keep holding', () => {
    const always = ruleShift({ id: 'x', from: 2, by: 4, when: [cond({ var: 'budget', atLeast: 0 })] });
    const log = turns(gameWith([always]), 10);
    expect(log.flatMap((t) => occurred(t.facts))).toEqual(['x']);
    expect(log.at(-1)!.after.shifted).toEqual(['x']);
  });

  it('one shift a turn: two due on the same turn come one after the other', () => {
    const log = turns(gameWith([ruleShift({ id: 'a', from: 2 }), ruleShift({ id: 'b', from: 2 })]), 4);
    expect(log.map((t) => occurred(t.facts))).toEqual([[], ['a'], ['b'], []]);
    expect(log.at(-1)!.after.shifted).toEqual(['a', 'b']);
  });

  it('reads scenario defaults: from turn 1; by `from` without conditions, never by force with them', () => {
    const base = { title: 'T', text: 'T.', effects: [] };
    const sc = makeScenario({
      turns: 9,
      shifts: [
        { id: 'plain', ...base },
        { id: 'later', from: 4, ...base },
        { id: 'iffy', from: 2, when: [{ var: 'morale', atLeast: 90 }], ...base },
        { id: 'forced', from: 2, by: 6, when: [{ var: 'morale', atLeast: 90 }], ...base },
      ],
    });
    const [plain, later, iffy, forced] = setupOf(sc).shifts as [SetupShift, SetupShift, SetupShift, SetupShift];
    expect([plain.from, plain.by]).toEqual([1, 1]);
    expect([later.from, later.by]).toEqual([4, 4]);
    expect(iffy.by).toBeGreaterThan(sc.turns);
    expect(forced.by).toBe(6);
    expect(plain).toMatchObject({ when: [], pressure: [], settledBy: [], timeBudget: null, member: null });
    expect(iffy.when).toEqual([cond({ var: 'morale', atLeast: 90 })]);
  });

  it('a shift whose conditions never hold and that has no `by` never happens', () => {
    const sc = makeScenario({
      turns: 6,
      collapseAfter: 6,
      shifts: [{ id: 'never', title: 'N', text: 'N.', when: [{ var: 'budget', atLeast: 99 }], effects: [] }],
    });
    const log = turns(createGame(sc, 'never'), 6);
    expect(log.at(-1)!.after.over).toBe(true);
    expect(log.flatMap((t) => occurred(t.facts))).toEqual([]);
  });
});

describe('what a shift does', () => {
  const hit = ruleShift({
    id: 'hit',
    from: 2,
    effects: [
      { var: 'budget', amount: -12 },
      { var: 'progress', amount: 5 },
    ],
  });

  it('applies its effects once, on the turn it happens, as causes of kind "shift"', () => {
    const log = turns(gameWith([hit]), 5);
    const [t1, t2, ...rest] = log;
    expect(shiftCause(t1!.causes, 'hit')).toBe(0);
    expect(t2!.causes.filter((c) => c.kind === 'shift')).toEqual([
      { var: 'budget', kind: 'shift', source: 'hit', amount: -12 },
      { var: 'progress', kind: 'shift', source: 'hit', amount: 5 },
    ]);
    // Nothing else moves the budget in a quiet turn without actions.
    expect(t2!.after.vars.budget).toBe(t1!.after.vars.budget - 12);
    for (const t of rest) expect(t.causes.filter((c) => c.kind === 'shift')).toEqual([]);
  });

  it('touches one member when it says so, and names them', () => {
    const s = gameWith([ruleShift({ id: 'm', from: 1, member: { pick: 'highest-skill', morale: -20, quits: false } })]);
    const top = { ...s, members: s.members.map((m, i) => (i === 2 ? { ...m, skill: 90 } : m)) };
    const r = ok(top, END);
    const who = top.members[2]!;
    expect(r.facts).toContainEqual({ type: 'shift-occurred', shift: 'm', member: who.id });
    const without = ok(withShifts(top, []), END);
    expect(r.state.members[2]!.morale).toBeLessThan(without.state.members[2]!.morale);
  });

  it('its clamped effects are recorded as applied, so causes still sum to each change', () => {
    const s = withVars(gameWith([ruleShift({ id: 'deep', from: 1, effects: [{ var: 'budget', amount: -40 }] })]), {
      budget: 15,
    });
    const r = ok(s, END);
    expect(r.state.vars.budget).toBe(0);
    expect(shiftCause(r.causes, 'deep', 'budget')).toBe(-15);
  });
});

describe('pressure and its answer', () => {
  const pull = ruleShift({
    id: 'pull',
    from: 2,
    effects: [{ var: 'budget', amount: -4 }],
    pressure: [{ var: 'budget', amount: -2 }],
    settledBy: ['tell-the-why', 'share-vision'],
  });

  it('pulls every turn after the shift until it is answered', () => {
    const log = turns(gameWith([pull]), 6);
    expect(log.map((t) => shiftCause(t.causes, 'pull', 'budget'))).toEqual([0, -4, -2, -2, -2, -2]);
    expect(log.at(-1)!.after.settled).toEqual([]);
  });

  it('an answer stops the pull from the turn it is taken, and is reported once', () => {
    const log = turns(gameWith([pull]), 7, (turn) => (turn === 4 || turn === 6 ? [choose('tell-the-why')] : []));
    expect(log.map((t) => shiftCause(t.causes, 'pull', 'budget'))).toEqual([0, -4, -2, 0, 0, 0, 0]);
    const settled = log.flatMap((t) => t.facts.filter((f) => f.type === 'shift-settled').map((f) => [t.turn, f]));
    expect(settled).toEqual([[4, { type: 'shift-settled', shift: 'pull', action: 'tell-the-why' }]]);
    expect(log[3]!.after.settled).toEqual(['pull']);
    expect(log.at(-1)!.after.settled).toEqual(['pull']);
  });

  it('any of its settledBy actions answers it; others do not', () => {
    const other = turns(gameWith([pull]), 4, (turn) => (turn === 3 ? [choose('set-goals')] : []));
    expect(other.map((t) => shiftCause(t.causes, 'pull', 'budget'))).toEqual([0, -4, -2, -2]);
    const second = turns(gameWith([pull]), 4, (turn) => (turn === 3 ? [choose('share-vision')] : []));
    expect(second.map((t) => shiftCause(t.causes, 'pull', 'budget'))).toEqual([0, -4, 0, 0]);
    expect(second[2]!.facts).toContainEqual({ type: 'shift-settled', shift: 'pull', action: 'share-vision' });
  });

  it('an answer taken before the shift happens does not count', () => {
    const early = turns(gameWith([pull]), 4, (turn) => (turn === 1 ? [choose('tell-the-why')] : []));
    expect(early.flatMap((t) => t.facts.filter((f) => f.type === 'shift-settled'))).toEqual([]);
    expect(early.map((t) => shiftCause(t.causes, 'pull', 'budget'))).toEqual([0, -4, -2, -2]);
  });

  it('an answer taken on the turn the shift happens does not count either: the shift comes after the actions', () => {
    const same = turns(gameWith([pull]), 4, (turn) => (turn === 2 ? [choose('tell-the-why')] : []));
    expect(same.flatMap((t) => t.facts.filter((f) => f.type === 'shift-settled'))).toEqual([]);
    expect(same.map((t) => shiftCause(t.causes, 'pull', 'budget'))).toEqual([0, -4, -2, -2]);
  });

  it('a shift without pressure never pulls, answered or not', () => {
    const calm = ruleShift({ id: 'calm', from: 1, effects: [{ var: 'budget', amount: -3 }], settledBy: ['monitor'] });
    const log = turns(gameWith([calm]), 4);
    expect(log.map((t) => shiftCause(t.causes, 'calm'))).toEqual([-3, 0, 0, 0]);
  });
});

describe('time budget', () => {
  it('a shift with a timeBudget changes state.budget and the time of every later turn', () => {
    const s = gameWith([ruleShift({ id: 'squeeze', from: 2, timeBudget: 6 })]);
    const scenarioBudget = s.setup.timeBudget;
    expect(scenarioBudget).not.toBe(6);
    expect([s.budget, s.time]).toEqual([scenarioBudget, scenarioBudget]);
    const t1 = ok(s, END).state;
    expect([t1.budget, t1.time]).toEqual([scenarioBudget, scenarioBudget]);
    const t2 = ok(t1, END).state;
    expect([t2.budget, t2.time]).toEqual([6, 6]);
    const t3 = ok(t2, END).state;
    expect([t3.budget, t3.time]).toEqual([6, 6]);
  });

  it('the new budget bounds what can be chosen, and undo refunds up to it', () => {
    const s = gameWith([ruleShift({ id: 'squeeze', from: 1, timeBudget: 4 })]);
    const t = ok(s, END).state;
    const lead = actionDef('lead-change')!;
    expect(lead.cost).toBeLessThanOrEqual(4);
    const after = ok(t, choose('lead-change')).state;
    expect(after.time).toBe(4 - lead.cost);
    for (const a of legalActions(after)) {
      if (a.type !== 'choose') continue;
      expect(actionDef(a.action)!.cost).toBeLessThanOrEqual(after.time);
    }
    expect(ok(after, { type: 'undo' }).state.time).toBe(4);
    // What fitted in the scenario's budget no longer does.
    const vision = actionDef('share-vision')!;
    const uses = Math.floor(4 / vision.cost) + 1;
    expect(uses * vision.cost).toBeLessThanOrEqual(s.setup.timeBudget);
    const fits = run(
      s,
      Array.from({ length: uses }, () => choose('share-vision')),
    );
    expect(fits.state.time).toBe(s.setup.timeBudget - uses * vision.cost);
    const short = run(
      t,
      Array.from({ length: uses - 1 }, () => choose('share-vision')),
    ).state;
    const refused = step(short, choose('share-vision'));
    expect(refused.ok ? null : refused.error.code).toBe('not-enough-time');
  });

  it('a shift can give more time as well as less', () => {
    const s = gameWith([ruleShift({ id: 'relief', from: 1, timeBudget: 16 })]);
    const t = ok(s, END).state;
    expect([t.budget, t.time]).toEqual([16, 16]);
  });
});

describe('shifts in the scenario format', () => {
  it('the test scenario with a full shift is valid and plays as written', () => {
    const shift: ShiftDef = {
      id: 'rush',
      title: 'A rush order',
      text: 'A customer needs it sooner.',
      from: 2,
      by: 4,
      when: [{ var: 'execution', atLeast: 90 }],
      effects: [{ var: 'energy', amount: -6 }],
      pressure: [{ var: 'energy', amount: -2 }],
      settledBy: ['schedule-work'],
      timeBudget: 8,
      member: { pick: 'lowest-morale', morale: -5 },
    };
    const sc = makeScenario({ shifts: [shift] });
    const parsed = parseScenario(JSON.stringify(sc), 'scenarios/test-scenario.json');
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const log = turns(createGame(sc, 'format'), 6, (turn) => (turn === 6 ? [choose('schedule-work')] : []));
    expect(log.map((t) => occurred(t.facts))).toEqual([[], [], [], ['rush'], [], []]);
    expect(log.map((t) => t.after.budget)).toEqual([10, 10, 10, 8, 8, 8]);
    expect(log.map((t) => shiftCause(t.causes, 'rush', 'energy') < 0)).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(log[5]!.facts).toContainEqual({ type: 'shift-settled', shift: 'rush', action: 'schedule-work' });
  });

  it('in every shipped scenario, under random legal play, each shift happens at most once, within its turns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SCENARIOS.length - 1 }),
        fc.string(),
        fc.array(fc.nat(), { maxLength: 120 }),
        (sc, seed, picks) => {
          let s = createGame(SCENARIOS[sc]!, seed);
          const shifts = s.setup.shifts;
          const seen = new Map<string, number>();
          let i = 0;
          while (!s.over) {
            const legal = legalActions(s);
            const action = i < picks.length ? legal[picks[i]! % legal.length]! : END;
            i++;
            const turn = s.turn;
            const r = ok(s, action);
            for (const id of occurred(r.facts)) {
              expect(seen.has(id), `${id} happened twice`).toBe(false);
              seen.set(id, turn);
              expect(turn).toBeGreaterThanOrEqual(shifts.find((x) => x.id === id)!.from);
            }
            for (const f of r.facts) {
              if (f.type === 'shift-settled') {
                expect(seen.has(f.shift)).toBe(true);
                expect(shifts.find((x) => x.id === f.shift)!.settledBy).toContain(f.action);
              }
            }
            s = r.state;
          }
          expect([...s.shifted].sort()).toEqual([...seen.keys()].sort());
          // The seed dealt as many shifts as the scenario draws; only those happen.
          const dealt = s.situations.map((d) => d.shift);
          expect(dealt.length).toBe(s.setup.shiftsDrawn);
          for (const id of seen.keys()) expect(dealt, id).toContain(id);
          // A dealt shift due by force before the game ended did happen, on its drawn turn (within
          // its window) or soon after when another shift took that turn.
          const last = s.turn - 1;
          const start = createGame(SCENARIOS[sc]!, seed);
          for (const d of start.situations) {
            const x = shifts.find((y) => y.id === d.shift)!;
            if (x.by <= s.setup.turns) expect(d.turn).toBeGreaterThanOrEqual(x.from);
            expect(d.turn).toBeLessThanOrEqual(x.by);
            if (d.turn + dealt.length - 1 <= last) expect(seen.has(d.shift), d.shift).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
