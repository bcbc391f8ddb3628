import { describe, expect, it } from 'vitest';
import { nextPlanAction, planPolicy, planProblem, planProblemText, type Plan } from '../../src/bots/plan';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { actionDef, createGame, step, type Action, type GameState, type Scenario } from '../../src/engine';
import { loadAllScenarios } from '../../src/scenarios/files';

const scenarios = loadAllScenarios().map((s) => s.scenario);
const firstTeam = scenarios.find((s) => s.id === 'first-team')!;
const SEEDS = Array.from({ length: 8 }, (_, i) => `plan-${i + 1}`);

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

/** The present member with the lowest morale, the first on a tie: worked out apart from the policy. */
function lowest(state: GameState): string | undefined {
  const present = state.members.filter((m) => m.status !== 'gone');
  return present.find((m) => m.morale === Math.min(...present.map((x) => x.morale)))?.id;
}

const cost = (id: string): number => actionDef(id)!.cost;

describe('the plan policy', () => {
  it("plays each turn's cards in order, skipping those not offered, too dear or aimed at nobody there", () => {
    // Ten time: 3 + 2 + 3 + 2 fit, with a 3 that no longer fits in between and a 2 after the turn is spent.
    const scenario: Scenario = {
      ...firstTeam,
      timeBudget: 10,
      actions: firstTeam.actions.filter((a) => a !== 'lead-change'),
    };
    const turn1 = [
      'lead-change',
      'share-vision',
      { action: 'coach', member: 'nobody' },
      'tell-the-why',
      'make-plan',
      'calculated-risk',
      'set-goals',
      'monitor',
    ];
    expect(cost('share-vision') + cost('tell-the-why') + cost('make-plan') + cost('calculated-risk')).toBeGreaterThan(
      10,
    );
    expect(cost('share-vision') + cost('tell-the-why') + cost('make-plan') + cost('set-goals')).toBe(10);
    const plan: Plan = [turn1];
    for (const seed of SEEDS) {
      const run = playGame(scenario, seed, planPolicy(plan));
      expect(run.turns[0]).toEqual(
        ['share-vision', 'tell-the-why', 'make-plan', 'set-goals'].map((action) => ({ type: 'choose', action })),
      );
    }
  });

  it('aims a card with a member at that member, and one without at the present member lowest in morale', () => {
    let aimedElsewhere = 0;
    for (const seed of SEEDS) {
      const start = createGame(firstTeam, seed);
      // Someone other than whoever is lowest, so the two kinds of card aim apart.
      const other = start.members.find((m) => m.id !== lowest(start))!.id;
      const plan: Plan = [
        [{ action: 'coach', member: other }, 'delegate'],
        ['coach', { action: 'delegate', member: other }],
      ];
      const run = playGame(firstTeam, seed, planPolicy(plan));
      const states = statesOf(firstTeam, seed, run.turns);
      expect(run.turns[0]).toEqual([
        { type: 'choose', action: 'coach', target: other },
        { type: 'choose', action: 'delegate', target: lowest(states[0]!) },
      ]);
      if (states[1]!.over) continue;
      expect(run.turns[1]).toEqual([
        { type: 'choose', action: 'coach', target: lowest(states[1]!) },
        { type: 'choose', action: 'delegate', target: other },
      ]);
      if (lowest(states[1]!) !== other) aimedElsewhere++;
    }
    expect(aimedElsewhere).toBeGreaterThan(0);
  });

  it('skips a card aimed at someone who has left, and takes the next', () => {
    const base = createGame(firstTeam, '1');
    const [gone, stays] = [base.members[0]!.id, base.members[1]!.id];
    const state: GameState = {
      ...base,
      members: base.members.map((m) => (m.id === gone ? { ...m, status: 'gone' } : m)),
    };
    const plan: Plan = [
      [
        { action: 'coach', member: gone },
        { action: 'coach', member: stays },
      ],
    ];
    expect(nextPlanAction(plan, state)).toEqual({ type: 'choose', action: 'coach', target: stays });
    expect(nextPlanAction(plan, base)).toEqual({ type: 'choose', action: 'coach', target: gone });
  });

  it('ends every turn past the end of the plan at once', () => {
    const plan: Plan = [['share-vision', 'set-goals'], ['tell-the-why']];
    let past = 0;
    for (const seed of SEEDS) {
      const run = playGame(firstTeam, seed, planPolicy(plan));
      expect(run.turns[0]!.length).toBe(2);
      for (const turn of run.turns.slice(2)) {
        expect(turn).toEqual([]);
        past++;
      }
    }
    expect(past).toBeGreaterThan(0);
  });

  it('plays like fixed: when every turn lists the same cards', () => {
    for (const scenario of scenarios) {
      const cards = ['share-vision', 'coach', 'set-goals', 'delegate'];
      const plan: Plan = Array.from({ length: scenario.turns }, () => cards);
      for (const seed of SEEDS.slice(0, 3)) {
        const byPlan = playGame(scenario, seed, planPolicy(plan));
        const byFixed = playGame(scenario, seed, policyByName(`fixed:${cards.join('+')}`)!);
        expect(byPlan.turns).toEqual(byFixed.turns);
        expect(byPlan.state).toEqual(byFixed.state);
      }
    }
  });
});

describe('plan files', () => {
  it('accept lists of ids and of targeted cards, empty turns included', () => {
    for (const good of [
      [],
      [[]],
      [['share-vision', 'set-goals'], [], [{ action: 'coach', member: 'ana' }, { action: 'delegate' }, 'coach']],
    ]) {
      expect(planProblem(good)).toBeNull();
    }
  });

  it('name the JSON path of the first problem, what was expected and what was found', () => {
    const cases: [unknown, string, string][] = [
      [{ turns: [] }, '', 'found an object'],
      [[['share-vision'], 'set-goals'], '[1]', 'found "set-goals"'],
      [[[], [], [], ['share-vision', 'nope']], '[3][1]', 'found "nope"'],
      [[[], [], [], [{ action: 'share-vision' }, { action: 'nope' }]], '[3][1].action', 'found "nope"'],
      [[[{ member: 'ana' }]], '[0][0].action', 'found nothing'],
      [[[{ action: 'coach', member: 7 }]], '[0][0].member', 'found the number 7'],
      [[[{ action: 'share-vision', member: 'ana' }]], '[0][0].member', 'found "ana"'],
      [[[{ action: 'coach', target: 'ana' }]], '[0][0].target', 'found "target"'],
      [[[null]], '[0][0]', 'found null'],
    ];
    for (const [data, path, found] of cases) {
      const p = planProblem(data);
      expect(p?.path).toBe(path);
      expect(planProblemText(p!)).toMatch(/expected .+, found /);
      expect(planProblemText(p!).endsWith(found)).toBe(true);
    }
    expect(planProblemText(planProblem([[], [], [], [{}, { action: 'nope' }]])!)).toMatch(
      /^\[3\]\[0\]\.action: expected an action id \(share-vision, .*delegate\), found nothing$/,
    );
  });
});
