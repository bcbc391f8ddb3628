import {
  createGame,
  fingerprint,
  type Scenario,
  type GameState,
  step,
  type Action,
  type StepResult,
  summaryOf,
  type Summary,
  RULES_VERSION,
} from '../engine';

export const REPLAY_FORMAT = 'momentum-replay';
export const REPLAY_VERSION = 1;

export interface ReplayChoice {
  readonly action: string;
  readonly target?: string;
}

export interface ReplayTurn {
  readonly turn: number;
  readonly actions: readonly ReplayChoice[];
}

/** A run as a file: what was played, plus the fingerprints anyone can check it against. */
export interface ReplayDocument {
  readonly format: typeof REPLAY_FORMAT;
  readonly version: number;
  readonly rules: number;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly seed: string;
  readonly turns: readonly ReplayTurn[];
  /** The state's fingerprint after each listed turn. */
  readonly checkpoints: readonly { readonly turn: number; readonly fingerprint: string }[];
  readonly final: string;
  readonly summary: Omit<Summary, 'fingerprint'>;
  /**
   * The player's own words (their name, their team's, a date), never read by the simulation and
   * never proved by verifying: anyone can edit them. Show them as named by the player
   * (namedByPlayer in player-words.ts), apart from what verification confirms.
   */
  readonly meta?: {
    readonly player?: string;
    readonly team?: string;
    readonly date?: string;
    /** The workshop session's room code the run was played in. */
    readonly room?: string;
  };
  /** Present on a branch: where it left the run it was branched from. */
  readonly lineage?: Lineage;
}

/**
 * A branch's first `atTurn` turns are its parent's, re-simulated; `parentFinal` is the parent's
 * final fingerprint when it was branched. Checkable only with the parent at hand (checkLineage).
 */
export interface Lineage {
  readonly atTurn: number;
  readonly parentFinal: string;
}

/** The choices of each turn as engine actions. */
export function turnActions(turn: ReplayTurn): Action[] {
  return turn.actions.map((c) =>
    c.target === undefined
      ? { type: 'choose', action: c.action }
      : { type: 'choose', action: c.action, target: c.target },
  );
}

/** A simulation keeps the fingerprints of the turns it got through, even when it stops early. */
export type Simulation =
  | { ok: true; state: GameState; fingerprints: string[]; final: string }
  | { ok: false; turn: number; message: string; fingerprints: string[] };

/** What a simulation can hand on of each turn: the state before it and its end-turn step. */
export type TurnWatcher = (
  turn: ReplayTurn,
  before: GameState,
  end: Extract<StepResult, { readonly ok: true }>,
) => void;

/** Plays the turns from the seed, stopping at the first action the rules refuse. */
export function simulate(
  scenario: Scenario,
  seed: string,
  turns: readonly ReplayTurn[],
  watch?: TurnWatcher,
): Simulation {
  let state = createGame(scenario, seed);
  const fingerprints: string[] = [];
  for (const [i, t] of turns.entries()) {
    if (state.over)
      return { ok: false, turn: i + 1, message: `the game had already ended before turn ${i + 1}`, fingerprints };
    const before = state;
    for (const a of turnActions(t)) {
      const r = step(state, a);
      if (!r.ok) return { ok: false, turn: i + 1, message: r.error.message, fingerprints };
      state = r.state;
    }
    const end = step(state, { type: 'end-turn' });
    if (!end.ok) return { ok: false, turn: i + 1, message: end.error.message, fingerprints };
    state = end.state;
    fingerprints.push(fingerprint(state));
    watch?.(t, before, end);
  }
  // The final state is the last turn's, already fingerprinted.
  return { ok: true, state, fingerprints, final: fingerprints.at(-1) ?? fingerprint(state) };
}

/** Builds the document for a played run; throws only when given a run the rules refuse. */
export function recordReplay(
  scenario: Scenario,
  hash: string,
  seed: string,
  turns: readonly (readonly ReplayChoice[])[],
  meta?: ReplayDocument['meta'],
  lineage?: Lineage,
): ReplayDocument {
  const listed = turns.map((actions, i) => ({ turn: i + 1, actions: actions.map(copyChoice) }));
  const sim = simulate(scenario, seed, listed);
  if (!sim.ok) throw new Error(`turn ${sim.turn}: ${sim.message}`);
  return documentOf(scenario.id, hash, seed, listed, sim, meta, lineage);
}

/** The document for a simulation that already ran. */
export function documentOf(
  scenarioId: string,
  hash: string,
  seed: string,
  listed: readonly ReplayTurn[],
  sim: { state: GameState; fingerprints: readonly string[]; final?: string },
  meta?: ReplayDocument['meta'],
  lineage?: Lineage,
): ReplayDocument {
  const { fingerprint: final, ...summary } = summaryOf(sim.state, sim.final);
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    rules: RULES_VERSION,
    scenario: { id: scenarioId, hash },
    seed,
    turns: listed.map((t) => ({ turn: t.turn, actions: t.actions.map(copyChoice) })),
    checkpoints: sim.fingerprints.map((f, i) => ({ turn: i + 1, fingerprint: f })),
    final,
    summary,
    ...(meta ? { meta } : {}),
    ...(lineage ? { lineage: { atTurn: lineage.atTurn, parentFinal: lineage.parentFinal } } : {}),
  };
}

function copyChoice(c: ReplayChoice): ReplayChoice {
  return c.target === undefined ? { action: c.action } : { action: c.action, target: c.target };
}
