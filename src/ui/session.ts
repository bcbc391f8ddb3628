import { clip } from './clip';
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
import { tryEncodeCode } from '../replay/code';
import type { BranchPoint } from '../replay/branch';
import { documentOf, type Lineage, type ReplayChoice, type ReplayDocument, type ReplayTurn } from '../replay/document';
import { recordOf, timeline, type TurnRecord } from '../replay/timeline';
import { entryFor, type ScenarioEntry } from '../replay/verify';

/** A game in progress in the browser: the run so far, and each resolved turn for telling. */
export interface Session {
  /** Where this game is saved: each game has its own key, so games never overwrite each other. */
  readonly key: string;
  /** How many times this game has been saved: a tab holding an older revision is stale. */
  readonly rev: number;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: string;
  readonly start: GameState;
  readonly state: GameState;
  readonly turns: readonly ReplayTurn[];
  readonly records: readonly TurnRecord[];
  /** A workshop game's room and team, carried in its code. */
  readonly meta?: RunMeta;
  /** A branch's lineage, and the code of the run it came from, kept to compare the two. */
  readonly lineage?: BranchLineage;
}

interface BranchLineage extends Lineage {
  readonly parentCode?: string;
}

export interface RunMeta {
  readonly room?: string;
  readonly team?: string;
}

export function newSession(
  entry: ScenarioEntry,
  seed: string,
  options: { readonly key?: string; readonly meta?: RunMeta } = {},
): Session {
  const start = createGame(entry.scenario, seed);
  return {
    key: options.key ?? newGameKey(),
    rev: 0,
    scenario: entry.scenario,
    hash: entry.hash,
    seed,
    start,
    state: start,
    turns: [],
    records: [],
    ...(options.meta ? { meta: options.meta } : {}),
  };
}

/**
 * A game that plays on from a verified run after its turn `point.lineage.atTurn`: the run's
 * turns are re-simulated (never copied as state), and the branch gets its own save.
 */
export function branchSession(
  entry: ScenarioEntry,
  seed: string,
  point: Extract<BranchPoint, { ok: true }>,
  parentCode: string,
  meta?: RunMeta,
): Session {
  const start = createGame(entry.scenario, seed);
  const records = timeline(entry.scenario, seed, point.turns);
  return {
    key: newGameKey(),
    rev: 0,
    scenario: entry.scenario,
    hash: entry.hash,
    seed,
    start,
    state: records[records.length - 1]?.after ?? start,
    turns: point.turns,
    records,
    lineage: { ...point.lineage, parentCode },
    // A workshop team playing on from its own run stays that team, in that room: its second attempt.
    ...(meta?.room !== undefined
      ? { meta: { room: meta.room, ...(meta.team !== undefined ? { team: meta.team } : {}) } }
      : {}),
  };
}

/**
 * The address of a game: scenario and seed (and a workshop's room), so a reload comes back to
 * it; a branch also names its save, as it shares its scenario and seed with the run it left.
 */
export function gameQuery(session: Session): Record<string, string> {
  return {
    scenario: session.scenario.id,
    seed: session.seed,
    ...(session.meta?.room ? { room: session.meta.room } : {}),
    ...(session.lineage ? { branch: session.key.slice(GAME_PREFIX.length) } : {}),
  };
}

/** Storage keys of saved games start with this; the rest is unique to the game. */
export const GAME_PREFIX = 'momentum.game.';
/** Where one game was saved before each game had its own key, and where a damaged one was set aside. */
export const LEGACY_KEYS = ['momentum.save', 'momentum.save.set-aside'] as const;

/** A fresh key of twelve random letters and digits (about 62 bits), so two tabs never pick the same one. */
function newGameKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `${GAME_PREFIX}${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
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

/**
 * The replay document and code of the run so far. A run whose seed or names a code cannot
 * carry (a save from before seeds were checked) has no code, and `problem` says why.
 */
export function replayOf(session: Session): { document: ReplayDocument; code: string | null; problem: string | null } {
  const fingerprints = session.records.map((r) => fingerprintOf(r.after));
  const document = documentOf(
    session.scenario.id,
    session.hash,
    session.seed,
    session.turns,
    {
      state: session.state,
      fingerprints,
    },
    session.meta,
    session.lineage && { atTurn: session.lineage.atTurn, parentFinal: session.lineage.parentFinal },
  );
  const r = tryEncodeCode(document, session.scenario);
  return r.ok ? { document, code: r.code, problem: null } : { document, code: null, problem: r.reason };
}

// ----- Saving and resuming -----

/** The id of the scenario last played, offered first in the picker. */
export const LAST_SCENARIO_KEY = 'momentum.last-scenario';
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
  // Added later in version 1; older saves have neither.
  rev: z.int().nonnegative().optional(),
  playedAt: z.number().nonnegative().optional(),
  meta: z.strictObject({ room: z.string().optional(), team: z.string().optional() }).optional(),
  lineage: z
    .strictObject({
      atTurn: z.int().nonnegative(),
      parentFinal: z.string().regex(/^[0-9a-f]{16}$/),
      parentCode: z.string().optional(),
    })
    .optional(),
});

/** What a save says about itself before it is replayed: enough to list it. */
export interface SaveHeader {
  readonly scenario: string;
  readonly seed: string;
  readonly rev: number;
  readonly playedAt: number;
  /** The turn a branch left the run it came from. */
  readonly branchedAt?: number;
}

/**
 * A save is the run's choices, not its state: resuming re-plays them, so it is exact. `rev`
 * counts the saves of this game and `playedAt` (milliseconds since 1970) orders the list.
 */
export function saveText(session: Session, rev = session.rev, playedAt = 0): string {
  return JSON.stringify({
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    rules: RULES_VERSION,
    scenario: { id: session.scenario.id, hash: session.hash },
    seed: session.seed,
    turns: session.turns,
    plan: session.state.plan.map(toChoice),
    rev,
    playedAt,
    ...(session.meta ? { meta: session.meta } : {}),
    ...(session.lineage ? { lineage: session.lineage } : {}),
  });
}

export type Resume =
  { ok: true; session: Session; header: SaveHeader } | { ok: false; reason: string; header: SaveHeader | null };

/** The revision a save records, or null when it cannot be read. */
export function revOf(text: string): number | null {
  try {
    const data = JSON.parse(text) as { rev?: unknown };
    return typeof data.rev === 'number' ? data.rev : 0;
  } catch {
    return null;
  }
}

/** Rebuilds a session from a save kept under `key`, or says in one sentence why it cannot. */
export function resume(text: string, scenarios: readonly ScenarioEntry[], key: string): Resume {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The saved game is damaged and could not be read.', header: null };
  }
  const version = versionProblem(data);
  if (version) return { ok: false, reason: version, header: null };
  const parsed = saveSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'The saved game is damaged and could not be read.', header: null };
  const save = parsed.data;
  if (save.lineage && save.lineage.atTurn > save.turns.length)
    return { ok: false, reason: 'The saved game is damaged and could not be read.', header: null };
  const header: SaveHeader = {
    scenario: save.scenario.id,
    seed: save.seed,
    rev: save.rev ?? 0,
    playedAt: save.playedAt ?? 0,
    ...(save.lineage ? { branchedAt: save.lineage.atTurn } : {}),
  };
  const entry = entryFor(scenarios, save.scenario.id, save.scenario.hash);
  if (!entry)
    return {
      ok: false,
      reason: `The saved game is of a scenario this version does not have (“${clip(save.scenario.id)}”).`,
      header,
    };
  if (entry.hash !== save.scenario.hash)
    return {
      ok: false,
      reason: `The scenario “${entry.scenario.title}” has changed since this game was saved.`,
      header,
    };
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
      header,
      session: {
        key,
        rev: header.rev,
        scenario: entry.scenario,
        hash: entry.hash,
        seed: save.seed,
        start,
        state,
        turns,
        records,
        ...(save.meta ? { meta: save.meta } : {}),
        ...(save.lineage ? { lineage: lineageOf(save.lineage) } : {}),
      },
    };
  } catch {
    return { ok: false, reason: 'The saved game holds moves the rules no longer allow.', header };
  }
}

function lineageOf(l: { atTurn: number; parentFinal: string; parentCode?: string | undefined }): BranchLineage {
  const base = { atTurn: l.atTurn, parentFinal: l.parentFinal };
  return l.parentCode === undefined ? base : { ...base, parentCode: l.parentCode };
}

/** A save of another format version or rules version, named the right way round. */
function versionProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { format?: unknown; version?: unknown; rules?: unknown };
  if (d.format !== SAVE_FORMAT || typeof d.version !== 'number' || typeof d.rules !== 'number') return null;
  if (d.version > SAVE_VERSION || d.rules > RULES_VERSION)
    return 'The saved game was made by a newer version of the game; open it there, or keep it as a file.';
  if (d.version < SAVE_VERSION || d.rules < RULES_VERSION)
    return 'The saved game was made by an older version of the game and its rules have changed since.';
  return null;
}
