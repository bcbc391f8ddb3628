import alea from 'seedrandom/lib/alea.js';
import { actionDef, advance, createGame, type Action, type GameState, type Scenario } from '../engine';
import { bundlesOf, offeredActions } from './bundles';
import { nextPlanCard, type Plan, type PlanCard } from './plan';
import { policyByName } from './by-name';
import { playGame } from './run';

/**
 * The search for the best open-loop script: a plan of cards for every turn, fixed before the
 * game starts, that reaches momentum on as many seeds as it can. A script that wins often means
 * the game can be memorised rather than read. Pure and deterministic (its own dice, seeded from a
 * fixed string, and a budget counted in evaluations, never in time), so worker threads and Web
 * Workers find the same script.
 */

/**
 * The search's budget: `climbs` hill-climbs, each trying `evaluations` changes of one turn, each
 * change played on the first `seeds` seeds (fewer when the report plays fewer); counted in
 * changes, never in time, so every machine finds the same script. Sized for the lab's report of
 * 1,000 games, which must stay within 15 s in headless Chromium (7–10 s without the search):
 * measured on one thread in Node, the search is 3–16% of that report's work (build-the-house the
 * most) and 4–30% of `sim balance`'s 500 games, and twice the changes found at most one more
 * winning seed of 40 on the shipped scenarios.
 */
export const SCRIPT_SEARCH = { seeds: 40, climbs: 4, evaluations: 400 } as const;

/**
 * A script as the search handles it: the cards of each turn, a targeted card always with the
 * member it aims at, since a script decided before the game cannot look for the unhappiest person.
 */
export type Script = PlanCard[][];

/** Where a climb starts: a bundle every turn, the most common turns of a bot's games, or one bot game read off. */
export type ScriptStart =
  | { readonly from: 'bundle'; readonly actions: readonly string[] }
  | { readonly from: 'consensus'; readonly policy: string }
  | { readonly from: 'game'; readonly policy: string; readonly seed: number };

/** The bots whose games give a climb its starts besides the best bundle: the most common turns of each, and the expert's first game. */
const CONSENSUS_POLICIES = ['balanced', 'share:30', 'share:40', 'share:50', 'share:60', 'share:70'];

/** Every start a climb weighs: the best fixed bundle every turn (when a bundle fits), then the bots' games read off. */
export function scriptStarts(bestBundle: readonly string[] | null): ScriptStart[] {
  return [
    ...(bestBundle ? [{ from: 'bundle' as const, actions: [...bestBundle] }] : []),
    ...CONSENSUS_POLICIES.map((policy) => ({ from: 'consensus' as const, policy })),
    { from: 'game', policy: 'expert', seed: 1 },
  ];
}

/** One hill-climb on seeds PREFIX1 … PREFIXseeds; `climb` picks its start and its dice. */
export interface ScriptJob {
  readonly kind: 'script';
  readonly scenario: Scenario;
  readonly prefix: string;
  readonly seeds: number;
  /** The starts every climb weighs on the seeds before taking one of them (see startRank). */
  readonly starts: readonly ScriptStart[];
  readonly climb: number;
  readonly evaluations: number;
}

export interface ScriptPart {
  readonly kind: 'script';
  /** The best script found, with cards never played on the seeds left out. */
  readonly plan: Script;
  /** Its games ending in momentum on the seeds, and the sum of their scores (which breaks ties). */
  readonly momentum: number;
  readonly score: number;
}

/** How a script's games went on the seeds: the search's measure, momentum first, then score. */
interface Totals {
  readonly momentum: number;
  readonly score: number;
}

const better = (a: Totals, b: Totals): boolean =>
  a.momentum > b.momentum || (a.momentum === b.momentum && a.score > b.score);

/** The cards of every choice of a turn, targeted ones with the member they aimed at. */
const cardsOfTurn = (turn: readonly Action[]): PlanCard[] =>
  turn.flatMap((a): PlanCard[] => {
    if (a.type !== 'choose') return [];
    return a.target === undefined ? [a.action] : [{ action: a.action, member: a.target }];
  });

/** A card's action id. */
const actionOf = (card: PlanCard): string => (typeof card === 'string' ? card : card.action);

/** The start of a climb as a script of the scenario's length. */
export function startScript(scenario: Scenario, prefix: string, seeds: number, start: ScriptStart): Script {
  const turns = scenario.turns;
  if (start.from === 'bundle')
    return Array.from({ length: turns }, () => start.actions.map((id) => aimed(id, scenario, 0)));
  const policy = policyByName(start.policy);
  if (!policy) throw new Error(`unknown policy ${start.policy}`);
  if (start.from === 'game') {
    const run = playGame(scenario, `${prefix}${start.seed}`, policy);
    return Array.from({ length: turns }, (_, k) => cardsOfTurn(run.turns[k] ?? []));
  }
  // Each turn's most common cards over the seeds' games that reached it; the earlier seed's on a tie.
  const counts = Array.from({ length: turns }, () => new Map<string, number>());
  for (let i = 1; i <= seeds; i++) {
    playGame(scenario, `${prefix}${i}`, policy).turns.forEach((turn, k) => {
      const key = JSON.stringify(cardsOfTurn(turn));
      counts[k]?.set(key, (counts[k]!.get(key) ?? 0) + 1);
    });
  }
  return counts.map((c) => {
    let best: PlanCard[] = [];
    let most = 0;
    for (const [key, n] of c) {
      if (n > most) {
        best = JSON.parse(key) as PlanCard[];
        most = n;
      }
    }
    return best;
  });
}

/** A game played by a script from a turn's start to its end, keeping the state at every later turn's start. */
function playFrom(plan: Plan, from: GameState, starts: GameState[]): GameState {
  let s = from;
  while (!s.over) {
    const { action } = nextPlanCard(plan, s);
    const next = advance(s, action);
    if (next === null) throw new Error('a script chose an action the rules refuse');
    s = next;
    if (action.type === 'end-turn' && !s.over) starts.push(s);
  }
  return s;
}

/** One seed's game under the current script: the state at the start of every turn it reached, and its end. */
interface Game {
  readonly starts: readonly GameState[];
  readonly end: GameState;
}

/** The current script's games on the seeds, so a change to turn k replays each game from turn k only. */
class Games {
  private games: Game[];
  private totals: Totals;
  /** The seeds' positions, those the current script wins first. */
  private order: number[];

  constructor(scenario: Scenario, prefix: string, seeds: number, plan: Plan) {
    this.games = Array.from({ length: seeds }, (_, i) => {
      const first = createGame(scenario, `${prefix}${i + 1}`);
      const starts = [first];
      return { starts, end: playFrom(plan, first, starts) };
    });
    this.totals = sum(this.games);
    this.order = winsFirst(this.games);
  }

  get current(): Totals {
    return this.totals;
  }

  /** The latest turn (0-based) any game reached. */
  get reach(): number {
    return Math.max(...this.games.map((g) => g.starts.length)) - 1;
  }

  /**
   * The games a script that differs from the current one from turn `from` (0-based) on would
   * play, or null as soon as it cannot reach as much momentum as the current one: the games the
   * current script wins are replayed first, since only they can be lost.
   */
  trial(plan: Plan, from: number): { totals: Totals; games: Game[] } | null {
    const games = [...this.games];
    let lost = 0;
    const floor = this.games.length - this.totals.momentum;
    for (const i of this.order) {
      const g = this.games[i]!;
      const at = g.starts[from];
      let end = g.end;
      if (at !== undefined) {
        const starts = g.starts.slice(0, from + 1);
        end = playFrom(plan, at, starts);
        games[i] = { starts, end };
      }
      if (end.regime !== 'momentum' && ++lost > floor) return null;
    }
    return { totals: sum(games), games };
  }

  accept(games: Game[], totals: Totals): void {
    this.games = games;
    this.totals = totals;
    this.order = winsFirst(games);
  }

  /** The script without the cards none of the games played, which change nothing on these seeds. */
  played(plan: Script): Script {
    const used = plan.map((cards) => cards.map(() => false));
    for (const g of this.games) {
      let s = g.starts[0]!;
      while (!s.over) {
        const { action, card } = nextPlanCard(plan, s);
        if (card >= 0) used[s.turn - 1]![card] = true;
        s = advance(s, action)!;
      }
    }
    return plan.map((cards, k) => cards.filter((_, i) => used[k]![i]));
  }
}

/** The games' positions, those ending in momentum first. */
function winsFirst(games: readonly Game[]): number[] {
  const at = games.map((_, i) => i);
  return [
    ...at.filter((i) => games[i]!.end.regime === 'momentum'),
    ...at.filter((i) => games[i]!.end.regime !== 'momentum'),
  ];
}

/** Momentum and total score of the games. */
function sum(games: readonly Game[]): Totals {
  let momentum = 0;
  let score = 0;
  for (const g of games) {
    if (g.end.regime === 'momentum') momentum++;
    score += g.end.score;
  }
  return { momentum, score };
}

/** The dice of a climb: a whole number below n. */
type Dice = (n: number) => number;

/** What a change may draw from: the offered cards with their costs, every bundle, the members, the most time a turn can have. */
interface Cards {
  readonly offered: readonly string[];
  readonly cost: ReadonlyMap<string, number>;
  readonly bundles: readonly (readonly string[])[];
  readonly members: readonly string[];
  readonly budget: number;
}

/** The cards of a scenario as the changes draw them. */
function cardsOf(scenario: Scenario): Cards {
  const offered = offeredActions(scenario);
  const budget = Math.max(scenario.timeBudget, ...scenario.shifts.map((x) => x.timeBudget ?? 0));
  return {
    offered,
    cost: new Map(offered.map((id) => [id, actionDef(id)!.cost])),
    bundles: bundlesOf(scenario).bundles,
    members: scenario.members.map((m) => m.id),
    budget,
  };
}

/** Action `id` as a card: a targeted one aimed at the scenario's member number `which`. */
function aimed(id: string, scenario: Scenario, which: number): PlanCard {
  if (!actionDef(id)?.targeted) return id;
  const member = scenario.members[which % Math.max(1, scenario.members.length)]?.id;
  return member === undefined ? id : { action: id, member };
}

/**
 * One change to turn k of a script, in place: the turn replaced by a bundle (a set of distinct
 * offered cards that fits a turn), one card replaced by another that fits, one added that fits or
 * one dropped, two swapped, a targeted card aimed at someone else, or a neighbouring turn's cards
 * copied. A targeted card drawn anew aims at a member the dice draw. False when the dice drew a
 * change that leaves the turn as it was.
 */
function mutate(plan: Script, k: number, dice: Dice, c: Cards): boolean {
  const cards = plan[k]!;
  const before = JSON.stringify(cards);
  const card = (id: string): PlanCard =>
    actionDef(id)?.targeted && c.members.length > 0 ? { action: id, member: c.members[dice(c.members.length)]! } : id;
  const spent = cards.reduce((t, x) => t + (c.cost.get(actionOf(x)) ?? 0), 0);
  const fits = (left: number): string[] =>
    c.offered.filter((id) => !cards.some((x) => actionOf(x) === id) && c.cost.get(id)! <= left);
  const roll = dice(100);
  if (roll < 25 && c.bundles.length > 0) {
    plan[k] = c.bundles[dice(c.bundles.length)]!.map(card);
  } else if (roll < 45 && cards.length > 0) {
    const i = dice(cards.length);
    const choices = fits(c.budget - spent + c.cost.get(actionOf(cards[i]!))!);
    if (choices.length > 0) cards[i] = card(choices[dice(choices.length)]!);
  } else if (roll < 55) {
    const targeted = cards.flatMap((x, i) => (typeof x === 'string' ? [] : [i]));
    if (targeted.length > 0) {
      const i = targeted[dice(targeted.length)]!;
      cards[i] = card(actionOf(cards[i]!));
    }
  } else if (roll < 67) {
    const choices = fits(c.budget - spent);
    if (choices.length > 0) cards.splice(dice(cards.length + 1), 0, card(choices[dice(choices.length)]!));
  } else if (roll < 80) {
    if (cards.length > 0) cards.splice(dice(cards.length), 1);
  } else if (roll < 90) {
    if (cards.length > 1) {
      const i = dice(cards.length);
      const j = dice(cards.length);
      [cards[i], cards[j]] = [cards[j]!, cards[i]!];
    }
  } else {
    const other = plan[k + (dice(2) === 0 ? -1 : 1)];
    if (other) plan[k] = [...other];
  }
  return JSON.stringify(plan[k]) !== before;
}

/**
 * Which of the starts, best first, climb c takes: the best for every even c, each with its own
 * dice, and the second, third… best for c = 1, 3…, so some climbs explore from elsewhere.
 */
const startRank = (climb: number): number => (climb % 2 === 0 ? 0 : (climb + 1) / 2);

/**
 * Runs one climb: from its start, tries `evaluations` changes of one turn each (a turn some game
 * reached) and keeps every change that plays no worse on the seeds: no less momentum, and no
 * lower total score at equal momentum, so it can walk across a level stretch.
 */
export function runScriptJob(job: ScriptJob): ScriptPart {
  const { scenario, prefix, seeds } = job;
  const cards = cardsOf(scenario);
  const starts = job.starts.map((start, i) => {
    const plan = startScript(scenario, prefix, seeds, start);
    return { plan, i, games: new Games(scenario, prefix, seeds, plan) };
  });
  // Best first; the earlier start on a tie.
  starts.sort((a, b) =>
    better(a.games.current, b.games.current) ? -1 : better(b.games.current, a.games.current) ? 1 : a.i - b.i,
  );
  const chosen = starts[Math.min(startRank(job.climb), starts.length - 1)];
  if (!chosen) throw new Error('a script climb needs a start');
  let plan = chosen.plan;
  const games = chosen.games;
  const prng = alea(`momentum/script-search/${job.climb}`, { state: true });
  const dice: Dice = (n) => Math.floor(prng() * n);
  // Once every seed ends in momentum, changes can only trade score: the climb has what it came for.
  for (let e = 0; e < job.evaluations && games.current.momentum < seeds; e++) {
    const k = dice(games.reach + 1);
    const next: Script = plan.map((turn) => [...turn]);
    if (!mutate(next, k, dice, cards)) continue;
    const trial = games.trial(next, k);
    if (trial !== null && !better(games.current, trial.totals)) {
      games.accept(trial.games, trial.totals);
      plan = next;
    }
  }
  return { kind: 'script', plan: games.played(plan), ...games.current };
}
