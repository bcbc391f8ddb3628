import {
  actionDef,
  advance,
  legalActions,
  waiting,
  seedRng,
  withRng,
  type Action,
  type GameState,
  type MemberState,
} from '../engine';
import { answeringBalanced, heuristic, type Policy, type PolicyFactory } from './policies';

/**
 * The expert's search budget per turn: every legal first action completed by the balanced
 * heuristic, plus whole-turn plans leaning to each side. Each plan is played through this turn
 * and HORIZON more turns of balanced play with one set of dice; the best third (at least KEEP)
 * are played with SAMPLES sets in all, and the best average wins. The dice are the bot's own: it
 * never reads the game's seeded future, like a player who knows the rules but not the dice.
 */
const EXPERT_BUDGET = { samples: 3, horizon: 2, keep: 3, keepShare: 3 } as const;

type Plan = readonly Action[];

/** A plan and the state it leads to. Choosing draws no dice, so that state serves every sample. */
interface Candidate {
  readonly plan: Plan;
  readonly after: GameState;
}

/** Plays the policy's choices into the plan until it ends the turn. */
function complete(state: GameState, start: Plan, policy: Policy): Candidate {
  let s = state;
  const plan: Action[] = [];
  for (const a of start) {
    const next = advance(s, a);
    if (next === null) return { plan, after: s };
    s = next;
    plan.push(a);
  }
  for (let guard = 0; guard < 20; guard++) {
    const a = policy(s);
    if (a.type !== 'choose') break;
    const next = advance(s, a);
    if (next === null) break;
    s = next;
    plan.push(a);
  }
  return { plan, after: s };
}

/** A state's worth to the expert: momentum kept, the goal, and the margins of both indices. */
function worth(s: GameState): number {
  let present = 0;
  for (const m of s.members) if (m.status !== 'gone') present++;
  const base = s.momentumTurns * 40 + s.vars.progress * 4 + present * 12 + (s.vars.energy >> 2);
  if (s.over) return base + (s.regime === 'momentum' ? 2000 : s.early ? -2000 : -600);
  const margin = Math.min(s.l, s.m) * 4 + s.l + s.m;
  const danger = s.regime === 'chaos' || s.regime === 'stagnation' ? s.streak * 60 : 0;
  return base + margin + (s.regime === 'momentum' ? 80 : 0) - danger;
}

const END_TURN: Action = { type: 'end-turn' };

/** Ends the turn a plan led to, with the given dice, then plays `horizon` turns of the rollout policy. */
function rollout(after: GameState, dice: GameState['rng'], rollPolicy: Policy): number {
  const ended = advance(withRng(after, dice), END_TURN);
  if (ended === null) return -Infinity;
  let s = ended;
  for (let t = 0; t < EXPERT_BUDGET.horizon && !s.over; t++) {
    for (let guard = 0; guard < 20; guard++) {
      const a = rollPolicy(s);
      const next = advance(s, a);
      if (next === null) break;
      s = next;
      if (a.type === 'end-turn') break;
    }
  }
  return worth(s);
}

/** Candidate plans for this turn: each legal first choice finished by the balanced heuristic,
 * and whole turns leaning to one side or the other. */
function candidates(state: GameState): Candidate[] {
  const balanced = answeringBalanced('');
  const lead = heuristic(['lead']);
  const manage = heuristic(['manage']);
  const plans: Candidate[] = [
    { plan: [], after: state },
    complete(state, [], balanced),
    complete(state, [], lead),
    complete(state, [], manage),
  ];
  const seen = new Set<string>();
  for (const a of legalActions(state)) {
    if (a.type !== 'choose') continue;
    const def = actionDef(a.action)!;
    // An open shift's or call's aimed answer goes to the member it touched: a plan of its own.
    const answer = waiting(state).find((w) => w.member === a.target && w.settledBy.includes(a.action));
    if (def.targeted && !answer && a.target !== pickTarget(def.special, state.members)) continue;
    const key = answer ? `${a.action}\0${a.target}` : a.action;
    if (seen.has(key)) continue;
    seen.add(key);
    plans.push(complete(state, [a], balanced));
  }
  const unique = new Map<string, Candidate>();
  // The same cards in another order end the turn all but alike: one of them is enough to judge.
  for (const c of plans) unique.set(cardsOf(c.plan), c);
  return [...unique.values()];
}

/** A plan's cards in a fixed order as one string: plans of the same cards, in any order, share it. */
function cardsOf(plan: Plan): string {
  // A catalogue id never holds a NUL, so each card reads back as its action and its target.
  const cards = plan.map((a) =>
    a.type !== 'choose' ? a.type : a.target === undefined ? a.action : `${a.action}\0${a.target}`,
  );
  return JSON.stringify(cards.sort());
}

/** Coaching goes to the member lowest in morale; delegation to the most skilled engaged one. */
function pickTarget(special: string | undefined, members: readonly MemberState[]): string | undefined {
  let best: MemberState | undefined;
  for (const m of members) {
    if (m.status === 'gone') continue;
    if (special === 'coach') {
      if (!best || m.morale < best.morale) best = m;
    } else if (m.status === 'engaged' && (!best || m.skill > best.skill)) best = m;
  }
  return best?.id;
}

/** The plan with the best average worth over the samples (the same dice for every plan). */
function bestPlan(state: GameState, seed: string): Plan {
  const rollPolicy = answeringBalanced('');
  // The dice depend on the sample, not the plan: seeded once per decision.
  const dice = Array.from({ length: EXPERT_BUDGET.samples }, (_, k) => seedRng(`${seed}/expert/${state.turn}/${k}`));
  // One sample of every plan first: most plans are plainly worse, and sampling them again
  // would spend most of the search confirming it.
  const screened = candidates(state).map((c) => ({ ...c, first: rollout(c.after, dice[0]!, rollPolicy) }));
  screened.sort((a, b) => b.first - a.first);
  const keep = Math.max(EXPERT_BUDGET.keep, Math.ceil(screened.length / EXPERT_BUDGET.keepShare));
  let best: Plan = [];
  let bestValue = -Infinity;
  for (const c of screened.slice(0, keep)) {
    let sum = c.first;
    for (let k = 1; k < dice.length; k++) sum += rollout(c.after, dice[k]!, rollPolicy);
    if (sum > bestValue) {
      best = c.plan;
      bestValue = sum;
    }
  }
  return best;
}

/**
 * The search bot: plans the rest of a turn when it first sees it (or when choices it did not
 * plan were taken back), then plays that plan one choice at a time.
 */
export const expertPolicy: PolicyFactory = (seed) => {
  let plan: Plan = [];
  let turn = -1;
  let from = 0;
  return (state) => {
    if (state.turn !== turn || state.plan.length < from) {
      plan = bestPlan(state, seed);
      turn = state.turn;
      from = state.plan.length;
    }
    return plan[state.plan.length - from] ?? { type: 'end-turn' };
  };
};
