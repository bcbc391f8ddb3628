import { castDraft, produce } from 'immer';
import { z } from 'zod';
import {
  createGame,
  fingerprint as fingerprintOf,
  type Scenario,
  type GameState,
  step,
  type Action,
  type StepError,
  RULES_VERSION,
} from '../engine';
import { encodeCode } from '../replay/code';
import { documentOf, type ReplayChoice, type ReplayDocument, type ReplayTurn } from '../replay/document';
import { recordOf, timeline, type TurnRecord } from '../replay/timeline';
import type { ScenarioEntry } from '../replay/verify';

/** A game in progress in the browser: the run so far, and each resolved turn for telling. */
export interface Session {
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: string;
  readonly start: GameState;
  readonly state: GameState;
  readonly turns: readonly ReplayTurn[];
  readonly records: readonly TurnRecord[];
}

export function newSession(entry: ScenarioEntry, seed: string): Session {
  const start = createGame(entry.scenario, seed);
  return { scenario: entry.scenario, hash: entry.hash, seed, start, state: start, turns: [], records: [] };
}

export type SessionResult = { ok: true; session: Session; record?: TurnRecord } | { ok: false; error: StepError };

/** Applies a player action; ending a turn also records it for the story, chart and replay. */
export function act(session: Session, action: Action): SessionResult {
  const before = session.state;
  const r = step(before, action);
  if (!r.ok) return r;
  if (action.type !== 'end-turn')
    return { ok: true, session: produce(session, (s) => void (s.state = castDraft(r.state))) };
  const turn: ReplayTurn = { turn: session.turns.length + 1, actions: before.plan.map(toChoice) };
  const record = recordOf(turn, before, r);
  const session2 = produce(session, (s) => {
    s.state = castDraft(r.state);
    s.turns.push(castDraft(turn));
    s.records.push(castDraft(record));
  });
  return { ok: true, session: session2, record };
}

function toChoice(c: { action: string; target?: string }): ReplayChoice {
  return c.target === undefined ? { action: c.action } : { action: c.action, target: c.target };
}

/** The replay document and code of the run so far. */
export function replayOf(session: Session): { document: ReplayDocument; code: string } {
  const fingerprints = session.records.map((r) => fingerprintOf(r.after));
  const document = documentOf(session.scenario.id, session.hash, session.seed, session.turns, {
    state: session.state,
    fingerprints,
  });
  return { document, code: encodeCode(document, session.scenario) };
}

// ----- Saving and resuming -----

export const SAVE_KEY = 'momentum.save';
/** The id of the scenario last played, offered first in the picker. */
export const LAST_SCENARIO_KEY = 'momentum.last-scenario';
export const SET_ASIDE_KEY = 'momentum.save.set-aside';
const SAVE_FORMAT = 'momentum-save';
const SAVE_VERSION = 1;

const choice = z.strictObject({ action: z.string(), target: z.string().optional() });
const saveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.int(),
  rules: z.int(),
  scenario: z.strictObject({ id: z.string(), hash: z.string() }),
  seed: z.string(),
  turns: z.array(z.strictObject({ turn: z.int(), actions: z.array(choice) })),
  plan: z.array(choice),
});

/** A save is the run's choices, not its state: resuming re-plays them, so it is exact. */
export function saveText(session: Session): string {
  return JSON.stringify({
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    rules: RULES_VERSION,
    scenario: { id: session.scenario.id, hash: session.hash },
    seed: session.seed,
    turns: session.turns,
    plan: session.state.plan.map(toChoice),
  });
}

export type Resume = { ok: true; session: Session } | { ok: false; reason: string };

/** Rebuilds a session from a save, or says in one sentence why it cannot. */
export function resume(text: string, scenarios: readonly ScenarioEntry[]): Resume {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The saved game is damaged and could not be read.' };
  }
  const parsed = saveSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, reason: 'The saved game is damaged or was made by another version of the game.' };
  const save = parsed.data;
  if (save.version !== SAVE_VERSION || save.rules !== RULES_VERSION) {
    return {
      ok: false,
      reason: 'The saved game was made by an older version of the game and its rules have changed since.',
    };
  }
  const entry = scenarios.find((s) => s.scenario.id === save.scenario.id);
  if (!entry)
    return { ok: false, reason: `The saved game is of a scenario this version does not have ("${save.scenario.id}").` };
  if (entry.hash !== save.scenario.hash)
    return { ok: false, reason: `The scenario "${entry.scenario.title}" has changed since this game was saved.` };
  try {
    const turns = save.turns.map((t, i) => ({ turn: i + 1, actions: t.actions.map(toChoice) }));
    const records = timeline(entry.scenario, save.seed, turns);
    const start = createGame(entry.scenario, save.seed);
    let state = records.length ? records[records.length - 1]!.after : start;
    for (const c of save.plan) {
      const r = step(state, { type: 'choose', ...toChoice(c) });
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    return {
      ok: true,
      session: { scenario: entry.scenario, hash: entry.hash, seed: save.seed, start, state, turns, records },
    };
  } catch {
    return { ok: false, reason: 'The saved game holds moves the rules no longer allow.' };
  }
}
