import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { picksArb, scenarioIndexArb, seedArb } from '../arbitraries';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { causeTotal, type Cause } from '../../src/engine/causes';
import { createGame } from '../../src/engine/create';
import { fingerprint } from '../../src/engine/fingerprint';
import type { GameState } from '../../src/engine/state-types';
import type { Action, Fact } from '../../src/engine/step-types';
import { advance as advanceQuietly, legalActions, step, validate } from '../../src/engine/step';
import { VARIABLES } from '../../src/engine/variables';
import { SCENARIOS } from './helpers';

const NUM_RUNS = 150;

interface Transition {
  readonly before: GameState;
  /** JSON of `before`, taken before it was frozen and stepped. */
  readonly beforeJson: string;
  readonly action: Action;
  readonly after: GameState;
  readonly facts: readonly Fact[];
  readonly causes: readonly Cause[];
}

const scenarioArb = scenarioIndexArb(SCENARIOS.length);
const pickLists = picksArb(250);

/**
 * Plays the picks from a new game, then ends turns until the game is over. Every input state
 * is deep-frozen before it is stepped, so any write to it throws.
 */
function play(
  scenarioIndex: number,
  seed: string,
  picks: readonly number[],
  visit: (t: Transition) => void = () => {},
): GameState {
  const scenario = SCENARIOS[scenarioIndex]!;
  let s = createGame(scenario, seed);
  const moves: Action[] = [];
  for (const p of picks) {
    if (s.over) break;
    const legal = legalActions(s);
    moves.push(legal[p % legal.length]!);
    s = advance(s, moves.at(-1)!, visit);
  }
  for (let i = 0; i <= scenario.turns && !s.over; i++) s = advance(s, { type: 'end-turn' }, visit);
  return s;
}

function advance(s: GameState, action: Action, visit: (t: Transition) => void): GameState {
  const beforeJson = JSON.stringify(s);
  const before = freeze(s, true);
  const r = step(before, action);
  if (!r.ok) throw new Error(`legal action refused: ${JSON.stringify(action)} ${r.error.code}`);
  visit({ before, beforeJson, action, after: r.state, facts: r.facts, causes: r.causes });
  return r.state;
}

/** Every number anywhere in a JSON tree, with its path. */
function numbers(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, out);
  }
  return out;
}

function check(prop: fc.IPropertyWithHooks<[number, string, number[]]>) {
  fc.assert(prop, { numRuns: NUM_RUNS });
}

describe('properties over random legal play', () => {
  it('every variable and member morale and skill stays an integer in [0, 100]', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ after }) => {
          const inRange = (x: number) => Number.isInteger(x) && x >= 0 && x <= 100;
          const bad: string[] = [];
          for (const name of VARIABLES) if (!inRange(after.vars[name])) bad.push(`${name} = ${after.vars[name]}`);
          for (const m of after.members) {
            if (!inRange(m.morale)) bad.push(`${m.id}.morale = ${m.morale}`);
            if (!inRange(m.skill)) bad.push(`${m.id}.skill = ${m.skill}`);
          }
          expect(bad).toEqual([]);
          expect(Object.keys(after.vars).sort()).toEqual([...VARIABLES].sort());
        });
      }),
    );
  });

  it('every number anywhere in the state, events and causes is an integer', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        const seenRules = new Set<unknown>();
        play(sc, seed, picks, ({ after, facts, causes }) => {
          // The rules never change in a game: walk them once, everything else at every step.
          const rules = seenRules.has(after.setup) ? null : after.setup;
          seenRules.add(after.setup);
          // -0 is not an integer JSON can keep: it would come back as 0.
          const bad = numbers({ after: { ...after, setup: rules }, facts, causes }).filter(
            ([, n]) => !Number.isInteger(n) || Object.is(n, -0),
          );
          expect(bad).toEqual([]);
        });
      }),
    );
  });

  it('the state survives a JSON round trip unchanged', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ after }) => {
          const copy = JSON.parse(JSON.stringify(after)) as GameState;
          // Node's own deep equality, strict as toStrictEqual; expect() only on a failure, as it
          // costs more than the comparison at every step.
          if (!isDeepStrictEqual(copy, after)) expect(copy).toStrictEqual(after);
          expect(fingerprint(copy)).toBe(fingerprint(after));
        });
      }),
    );
  });

  it('the input state is never mutated', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ before, beforeJson, after }) => {
          // play() deep-froze `before`, so any write to it would have thrown; the snapshot taken
          // before the step also catches a change made some other way.
          expect(JSON.stringify(before)).toBe(beforeJson);
          expect(Object.isFrozen(before) && Object.isFrozen(before.vars) && Object.isFrozen(before.members)).toBe(true);
          expect(after).not.toBe(before);
        });
      }),
    );
  });

  it('the same inputs give the same fingerprint', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        const prints: string[] = [];
        const a = play(sc, seed, picks, ({ after }) => prints.push(fingerprint(after)));
        const again: string[] = [];
        const b = play(sc, seed, picks, ({ after }) => again.push(fingerprint(after)));
        expect(again).toEqual(prints);
        expect(fingerprint(b)).toBe(fingerprint(a));
        expect(b).toStrictEqual(a);
      }),
    );
  });

  it('on every end-turn, each variable changes by exactly the sum of its causes', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ before, action, after, causes }) => {
          if (action.type !== 'end-turn') {
            expect(causes).toEqual([]);
            expect(after.vars).toEqual(before.vars);
            return;
          }
          const off = VARIABLES.filter((name) => causeTotal(causes, name) !== after.vars[name] - before.vars[name]);
          expect(off).toEqual([]);
          expect(causes.filter((c) => c.amount === 0 || !VARIABLES.includes(c.var))).toEqual([]);
          const keys = causes.map((c) => `${c.var}/${c.kind}/${c.source}`);
          expect(new Set(keys).size).toBe(keys.length);
        });
      }),
    );
  });

  it('a member quits only after a turn spent disengaged, and a member who left never comes back', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ before, after, facts }) => {
          for (const f of facts) {
            if (f.type !== 'member-quit') continue;
            expect(before.members.find((m) => m.id === f.member)?.status).toBe('disengaged');
            expect(after.members.find((m) => m.id === f.member)?.status).toBe('gone');
          }
          before.members.forEach((m, i) => {
            if (m.status === 'gone') expect(after.members[i]).toEqual(m);
          });
        });
      }),
    );
  });

  it('shifts and heat stay consistent: each shift happens once, settles once, and heat is never negative', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ before, after, facts }) => {
          expect(new Set(after.shifted).size).toBe(after.shifted.length);
          expect(new Set(after.settled).size).toBe(after.settled.length);
          for (const id of after.settled) expect(after.shifted).toContain(id);
          expect(after.shifted.slice(0, before.shifted.length)).toEqual(before.shifted);
          const happened = facts.flatMap((f) => (f.type === 'shift-occurred' ? [f.shift] : []));
          expect(after.shifted).toEqual([...before.shifted, ...happened]);
          expect(after.heat.filter((h) => !Number.isInteger(h) || h < 0)).toEqual([]);
        });
      }),
    );
  });

  it('time is never negative nor above the budget', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        play(sc, seed, picks, ({ after }) => {
          expect(after.time).toBeGreaterThanOrEqual(0);
          // The budget is the scenario's until a shift changes it.
          expect(after.time).toBeLessThanOrEqual(after.budget);
          if (after.shifted.length === 0) expect(after.budget).toBe(after.setup.timeBudget);
          expect(after.guard).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('advance reaches the very state step reaches, and refuses exactly what step refuses', () => {
    // Actions a bot might send at any point: every legal one, and ones that are not.
    const odd: Action[] = [
      { type: 'undo' },
      { type: 'choose', action: 'no-such-action' },
      { type: 'choose', action: 'coach' },
      { type: 'choose', action: 'coach', target: 'nobody' },
      { type: 'choose', action: 'make-plan', target: 'nobody' },
    ];
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        const last = play(sc, seed, picks, ({ before, action, after }) => {
          const same = (x: unknown, y: unknown): void => {
            if (!isDeepStrictEqual(x, y)) expect(x).toStrictEqual(y);
          };
          same(advanceQuietly(before, action), after);
          for (const a of [...legalActions(before), ...odd]) {
            const r = step(before, a);
            const quiet = advanceQuietly(before, a);
            if (r.ok) same(quiet, r.state);
            else same([quiet, validate(before, a)], [null, r.error]);
          }
        });
        expect(advanceQuietly(last, { type: 'end-turn' })).toBeNull();
      }),
    );
  });

  it('the game always ends within the scenario’s turns', () => {
    check(
      fc.property(scenarioArb, seedArb, pickLists, (sc, seed, picks) => {
        const turns = SCENARIOS[sc]!.turns;
        let endTurns = 0;
        let endedEvents = 0;
        const last = play(sc, seed, picks, ({ before, action, after, facts }) => {
          expect(before.over).toBe(false);
          expect(after.turn).toBeLessThanOrEqual(turns + 1);
          if (action.type === 'end-turn') {
            endTurns++;
            expect(after.turn).toBe(before.turn + 1);
          } else {
            expect(after.turn).toBe(before.turn);
          }
          endedEvents += facts.filter((e) => e.type === 'game-ended').length;
          expect(after.over).toBe(facts.some((e) => e.type === 'game-ended'));
        });
        expect(last.over).toBe(true);
        expect(endedEvents).toBe(1);
        expect(endTurns).toBeLessThanOrEqual(turns);
        expect(endTurns).toBe(last.turn - 1);
        expect(last.ending).not.toBeNull();
        expect(legalActions(last)).toEqual([]);
        expect(last.early).toBe(endTurns < turns);
        if (last.early) expect(['chaos', 'stagnation']).toContain(last.regime);
      }),
    );
  });
});
