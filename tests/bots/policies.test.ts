import { describe, expect, it } from 'vitest';
import { expertPolicy } from '../../src/bots/expert';
import { POLICY_NAMES, policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { actionDef, CATALOGUE, createGame, step, type Action, type GameState, type Scenario } from '../../src/engine';
import { loadAllScenarios } from '../../src/scenarios/files';

const scenarios = loadAllScenarios().map((s) => s.scenario);
const firstTeam = scenarios.find((s) => s.id === 'first-team')!;
const SEEDS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** The state at the start of every recorded turn, and the state after the last one. */
function statesOf(scenario: Scenario, seed: string, turns: readonly (readonly Action[])[]): GameState[] {
  let s = createGame(scenario, seed);
  const out = [s];
  for (const turn of turns) {
    for (const a of [...turn, { type: 'end-turn' } as const]) {
      const r = step(s, a);
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    out.push(s);
  }
  return out;
}

/** Percent of the time spent in a turn that went on leadership, or null when none was spent. */
function leadShare(turn: readonly Action[]): number | null {
  let lead = 0;
  let spent = 0;
  for (const a of turn) {
    if (a.type !== 'choose') continue;
    const def = actionDef(a.action)!;
    spent += def.cost;
    if (def.side === 'lead') lead += def.cost;
  }
  return spent === 0 ? null : (100 * lead) / spent;
}

describe('policy names', () => {
  it('list the new policies', () => {
    for (const name of ['coast', 'expert', 'fixed:', 'share:']) {
      expect(POLICY_NAMES.some((n) => n.startsWith(name))).toBe(true);
    }
  });

  it('give the expert bot for "expert"', () => {
    expect(policyByName('expert')).toBe(expertPolicy);
  });

  it('refuse fixed: with an unknown or missing id and share: outside 0 to 100', () => {
    for (const bad of ['fixed:', 'fixed:nope', 'fixed:coach+nope', 'fixed:coach+', 'share:', 'share:101', 'share:-1']) {
      expect(policyByName(bad)).toBeNull();
    }
    for (const good of ['fixed:coach', 'fixed:coach+set-goals', 'share:0', 'share:37', 'share:100']) {
      expect(policyByName(good)).not.toBeNull();
    }
  });
});

describe('coast', () => {
  it('plays like balanced until a turn ends in momentum, then takes no action at all', () => {
    const balanced = policyByName('balanced')!;
    const coast = policyByName('coast')!;
    let coasted = 0;
    for (const scenario of scenarios) {
      for (const seed of SEEDS) {
        const run = playGame(scenario, seed, coast);
        const states = statesOf(scenario, seed, run.turns);
        // states[k + 1] is the state after turn k (0-based) resolved.
        const first = states.slice(1).findIndex((s) => s.regime === 'momentum');
        const reference = playGame(scenario, seed, balanced).turns;
        if (first === -1) {
          expect(run.turns).toEqual(reference);
          continue;
        }
        expect(run.turns.slice(0, first + 1)).toEqual(reference.slice(0, first + 1));
        const after = run.turns.slice(first + 1);
        for (const turn of after) expect(turn).toEqual([]);
        if (after.length > 0) coasted++;
      }
    }
    // Otherwise the test above proved nothing about coasting.
    expect(coasted).toBeGreaterThan(0);
  });
});

describe('fixed', () => {
  it('plays exactly the given ids in order whenever legal and aims at the lowest-morale member', () => {
    const [coach, delegate] = [actionDef('coach')!, actionDef('delegate')!];
    // A big action that cannot fit once the others are planned, then a cheaper one that can.
    const big = [...CATALOGUE]
      .filter((a) => !a.targeted && a.id !== 'share-vision')
      .sort((a, b) => b.cost - a.cost)[0]!;
    expect(big.cost).toBeGreaterThan(delegate.cost);
    const notOffered = CATALOGUE.find((a) => !a.targeted && a.id !== big.id && a.id !== 'share-vision')!;
    const ids = ['coach', notOffered.id, 'share-vision', big.id, 'delegate'];
    const budget = coach.cost + actionDef('share-vision')!.cost + delegate.cost;
    const scenario: Scenario = {
      ...firstTeam,
      timeBudget: budget,
      actions: firstTeam.actions.filter((a) => a !== notOffered.id),
    };
    const policy = policyByName(`fixed:${ids.join('+')}`)!;
    let skippedForTime = 0;
    for (const seed of SEEDS) {
      const run = playGame(scenario, seed, policy);
      const states = statesOf(scenario, seed, run.turns);
      run.turns.forEach((turn, k) => {
        const start = states[k]!;
        // What the policy should do, worked out independently of it.
        const present = start.members.filter((m) => m.status !== 'gone');
        const lowest = present.find((m) => m.morale === Math.min(...present.map((x) => x.morale)))?.id;
        const expected: Action[] = [];
        let time = start.time;
        for (const id of ids) {
          const def = actionDef(id)!;
          const offered = scenario.actions.includes(id);
          if (!offered || def.cost > time || (def.targeted && lowest === undefined)) {
            if (offered && def.cost > time && time > 0) skippedForTime++;
            continue;
          }
          time -= def.cost;
          expected.push(
            def.targeted ? { type: 'choose', action: id, target: lowest! } : { type: 'choose', action: id },
          );
        }
        expect(turn).toEqual(expected);
      });
    }
    expect(skippedForTime).toBeGreaterThan(0);
  });

  it('picks the first of several members tied for the lowest morale', () => {
    const base = createGame(firstTeam, '1');
    const tied: GameState = {
      ...base,
      members: base.members.map((m, i) => ({ ...m, morale: i === 0 ? 70 : 40, status: i === 1 ? 'gone' : m.status })),
    };
    const action = policyByName('fixed:coach')!('1')(tied);
    expect(action).toEqual({ type: 'choose', action: 'coach', target: base.members[2]!.id });
  });
});

describe('share:N', () => {
  it('spends about N% of each turn on leadership', () => {
    for (const n of [0, 25, 50, 75, 100]) {
      const policy = policyByName(`share:${n}`)!;
      const shares: number[] = [];
      const maxCost = Math.max(...CATALOGUE.map((a) => a.cost));
      for (const seed of SEEDS.slice(0, 8)) {
        for (const turn of playGame(firstTeam, seed, policy).turns) {
          const share = leadShare(turn);
          if (share === null) continue;
          shares.push(share);
          const spent = turn.reduce((t, a) => t + (a.type === 'choose' ? actionDef(a.action)!.cost : 0), 0);
          if (n === 0 || n === 100) expect(share).toBe(n);
          // Off by at most about one action's share of the turn.
          else expect(Math.abs(share - n)).toBeLessThanOrEqual((100 * maxCost) / spent);
        }
      }
      expect(shares.length).toBeGreaterThan(0);
      const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
      expect(Math.abs(mean - n)).toBeLessThanOrEqual(10);
    }
  });

  it('spends the turn until nothing affordable is left', () => {
    const cheapest = Math.min(...CATALOGUE.map((a) => a.cost));
    for (const seed of SEEDS.slice(0, 4)) {
      const run = playGame(firstTeam, seed, policyByName('share:50')!);
      const states = statesOf(firstTeam, seed, run.turns);
      run.turns.forEach((turn, k) => {
        const spent = turn.reduce((t, a) => t + (a.type === 'choose' ? actionDef(a.action)!.cost : 0), 0);
        expect(states[k]!.time - spent).toBeLessThan(cheapest);
      });
    }
  });
});
