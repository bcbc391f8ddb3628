import { quoted, type GameState, type Regime, type Scenario } from '../engine';
import { lineageProblem } from '../replay/branch';
import { decodeCode } from '../replay/code';
import type { ReplayDocument } from '../replay/document';
import { nameChange, naturalCompare, shownName } from '../replay/names';

import { timeline, type TurnRecord } from '../replay/timeline';
import { verifyReplay, type ScenarioEntry, type VerifyResult } from '../replay/verify';
import type { Submission } from './extract';

/** The session every run must belong to: one scenario, one seed, and the room code when there is one. */
export interface RoomExpectation {
  readonly scenario: string;
  readonly seed: string;
  readonly room?: string;
}

/** One team's verified run: the latest and furthest of its hand-ins. */
export interface TeamRun {
  /** The run's team name, else its player name, else "Unnamed team N": the player's own words. */
  readonly team: string;
  /** Whether the name came from the run (false for "Unnamed team N"). */
  readonly named: boolean;
  readonly source: string;
  /** Re-simulated and verified. */
  readonly doc: ReplayDocument;
  readonly records: readonly TurnRecord[];
  readonly turns: number;
  /** False for a run handed in part-way ("hand in progress"). */
  readonly finished: boolean;
  /** Null while unfinished. */
  readonly outcome: Regime | null;
  readonly ending: string | null;
  readonly score: number | null;
  /** The regime after the last turn played, finished or not. */
  readonly regime: Regime;
  /** The final fingerprint. */
  readonly fingerprint: string;
  /** How many hand-ins of this team were seen. */
  readonly handIns: number;
  /** The texts of those hand-ins, the kept one last: what removing the team removes. */
  readonly texts: readonly string[];
  /** The state before turn 1 and after the last turn played. */
  readonly start: GameState;
  readonly state: GameState;
  /**
   * 1 for a team's game; 2 and on for a game it played on from an earlier one (a branch whose
   * lineage names one of the team's runs), listed as "Team (attempt 2)".
   */
  readonly attempt: number;
  /** For an attempt after the first: the team's name, and the turn its game left the attempt before. */
  readonly of?: { readonly team: string; readonly atTurn: number; readonly parent: string };
}

/** A hand-in left out, with one sentence saying why. */
export interface RefusedHandIn {
  readonly source: string;
  /** The name the hand-in carries, when it could be read: the player's own words. */
  readonly team: string | null;
  readonly reason: string;
  /** The hand-in as given: what removing it removes. */
  readonly text: string;
}

export interface Room {
  readonly teams: readonly TeamRun[];
  readonly refused: readonly RefusedHandIn[];
  readonly notes: readonly string[];
}

/**
 * What collecting a room has already worked out, kept by a dashboard between pastes so that a
 * paste re-simulates only the hand-ins that are new: each text's verification, and each verified
 * run's turn-by-turn record. Only ever grows with what was handed in.
 */
export interface RoomCache {
  readonly verified: Map<string, VerifyResult>;
  readonly records: WeakMap<ReplayDocument, readonly TurnRecord[]>;
}

export function newRoomCache(): RoomCache {
  return { verified: new Map(), records: new WeakMap() };
}

interface Accepted {
  readonly index: number;
  readonly text: string;
  readonly source: string;
  readonly name: string | null;
  readonly doc: ReplayDocument;
  readonly state: GameState;
  readonly scenario: Scenario;
  readonly fingerprint: string;
}

/**
 * Verifies, one per step, the submissions the cache has not seen, and yields how many it has
 * verified so far: a page drives it a few at a time between frames, so a room of thousands of
 * hand-ins never holds the page still, and collectRoom then finds every one verified.
 */
export function* verifyAhead(
  entries: readonly ScenarioEntry[],
  submissions: readonly Submission[],
  cache: RoomCache,
  expect: RoomExpectation,
): Generator<number, number> {
  let done = 0;
  for (const s of submissions) {
    if (cache.verified.has(s.text)) continue;
    const r = verifyReplay(s.text, entries);
    cache.verified.set(s.text, r);
    // The turn-by-turn record too, the other half of what collecting a run costs: only for a run
    // of this room, as one of another game is refused and never drawn.
    if (r.valid && mismatchOf(r.document, expect, entries) === null)
      cache.records.set(r.document, timeline(r.scenario, r.document.seed, r.document.turns));
    yield ++done;
  }
  return done;
}

/**
 * Verifies every submission and keeps one run per team, and one per later attempt of a team (a
 * game it played on from one of its runs, listed as "Team (attempt 2)"). A refused run, and a
 * valid run of another scenario, seed or room, is listed in `refused` with its reason and never
 * mixed in. A team (or attempt) that handed in several runs keeps the one with the most turns,
 * the later on a tie, and a note says so; runs without a name are told apart by their fingerprint. Teams come in name order
 * ("Team 2" before "Team 10"), so the room does not depend on the order of hand-ins, except which
 * of two equally long runs of one team is later. Never throws on what it is handed.
 */
export function collectRoom(
  entries: readonly ScenarioEntry[],
  expect: RoomExpectation,
  submissions: readonly Submission[],
  cache: RoomCache = newRoomCache(),
): Room {
  const refused: RefusedHandIn[] = [];
  const groups = new Map<string, Accepted[]>();
  // The same text pasted twice (a quoted message, a second paste) is re-simulated once.
  const verified = cache.verified;
  // Names shown other than as written, and why: each gets a note, once.
  const changed = new Map<string, string>();
  submissions.forEach((s, index) => {
    let r = verified.get(s.text);
    if (!r) verified.set(s.text, (r = verifyReplay(s.text, entries)));
    if (!r.valid) {
      // A cut code's team is the player's own text, shown as every name is.
      const team = r.team !== undefined ? nameOf({ team: r.team }) : nameOfUnverified(s.text);
      refused.push({ source: s.source, team, reason: r.reason, text: s.text });
      return;
    }
    const name = nameOf(r.document.meta);
    const raw = rawNameOf(r.document.meta);
    const change = raw === null ? null : nameChange(raw);
    if (change !== null && name !== null) changed.set(name, change);
    const mismatch = mismatchOf(r.document, expect, entries);
    if (mismatch) {
      refused.push({ source: s.source, team: name, reason: mismatch, text: s.text });
      return;
    }
    const key = name === null ? `run ${r.fingerprint}` : `team ${foldName(name)}`;
    const accepted: Accepted = {
      index,
      text: s.text,
      source: s.source,
      name,
      doc: r.document,
      state: r.state,
      scenario: r.scenario,
      fingerprint: r.fingerprint,
    };
    const group = groups.get(key);
    if (group) group.push(accepted);
    else groups.set(key, [accepted]);
  });

  const notes: string[] = [];
  const kept = [...groups.values()]
    .flatMap((group) => {
      const teams = splitAlike(group);
      if (teams.length > 1) notes.push(alikeNote(teams));
      return teams;
    })
    .map((group) => ({ group, best: bestOf(group) }));
  const taken = new Set(kept.flatMap((k) => (k.best.name === null ? [] : [foldName(k.best.name)])));
  let unnamed = 0;
  const teams = kept
    .sort((a, b) => a.group[0]!.index - b.group[0]!.index)
    .flatMap(({ group, best }) => {
      let team = best.name;
      if (team === null) {
        do team = `Unnamed team ${++unnamed}`;
        while (taken.has(foldName(team)));
      }
      const named = best.name !== null;
      return attemptsOf(group).map((attempt, i) => {
        const top = bestOf(attempt);
        const title = i === 0 ? team : `${team} (attempt ${i + 1})`;
        if (attempt.length > 1) notes.push(handInNote(title, attempt, top));
        const run = teamRun(title, named, top, attempt, cache);
        const lineage = top.doc.lineage;
        return i === 0 || !lineage
          ? run
          : { ...run, attempt: i + 1, of: { team, atTurn: lineage.atTurn, parent: lineage.parentFinal } };
      });
    })
    .sort((a, b) => naturalCompare(a.team, b.team));
  if (expect.room !== undefined) {
    const roomless = teams.filter((t) => typeof (t.doc.meta as { room?: unknown } | undefined)?.room !== 'string');
    if (roomless.length > 0) {
      notes.push(
        roomless.length === 1
          ? `${roomless[0]!.team}'s run carries no room code (it was played from a link without one); it plays this room's scenario and seed, so it is kept.`
          : `${roomless.length} runs carry no room code (they were played from links without one); they play this room's scenario and seed, so they are kept.`,
      );
    }
  }
  for (const [name, why] of changed) notes.push(`A run's name ${why}; it is shown as “${name}”.`);
  if (unnamed > 0) {
    notes.push(
      unnamed === 1
        ? 'One run carries no team or player name; it is listed as “Unnamed team 1”.'
        : `${unnamed} runs carry no team or player name; they are listed as “Unnamed team 1” to “Unnamed team ${unnamed}”.`,
    );
  }
  return { teams, refused, notes };
}

/**
 * The scenario and seed of the first submission that verifies, with where it came from: the room
 * of a set of hand-ins when nobody said which scenario and seed it plays. Null when none verifies.
 */
export function firstRunExpectation(
  entries: readonly ScenarioEntry[],
  submissions: readonly Submission[],
): (RoomExpectation & { readonly source: string; readonly team: string | null }) | null {
  for (const s of submissions) {
    const r = verifyReplay(s.text, entries);
    if (r.valid) {
      return {
        scenario: r.document.scenario.id,
        seed: r.document.seed,
        source: s.source,
        team: nameOf(r.document.meta),
      };
    }
  }
  return null;
}

function teamRun(team: string, named: boolean, a: Accepted, group: readonly Accepted[], cache: RoomCache): TeamRun {
  let records = cache.records.get(a.doc);
  if (!records) cache.records.set(a.doc, (records = timeline(a.scenario, a.doc.seed, a.doc.turns)));
  const finished = a.state.over;
  return {
    team,
    named,
    source: a.source,
    doc: a.doc,
    records,
    turns: a.doc.turns.length,
    finished,
    outcome: finished ? a.state.regime : null,
    ending: finished ? (a.state.ending ?? a.state.regime) : null,
    score: finished ? a.state.score : null,
    regime: a.state.regime,
    fingerprint: a.fingerprint,
    handIns: group.length,
    texts: [...group.filter((g) => g !== a).map((g) => g.text), a.text],
    start: records[0]?.before ?? a.state,
    state: a.state,
    attempt: 1,
  };
}

/**
 * One team's hand-ins by attempt: its game first, then each game it played on from one of its
 * own runs (a branch whose lineage that run proves), in the order they left each other. A branch
 * of a run the room does not hold stays with the team's game, as any other run of it would.
 */
function attemptsOf(group: readonly Accepted[]): Accepted[][] {
  const parentOf = (a: Accepted): Accepted | undefined => {
    const lineage = a.doc.lineage;
    if (!lineage) return undefined;
    return group.find((p) => p !== a && p.fingerprint === lineage.parentFinal && lineageProblem(a.doc, p.doc) === null);
  };
  const depth = new Map<Accepted, number>();
  const depthOf = (a: Accepted, seen: Set<Accepted> = new Set()): number => {
    const known = depth.get(a);
    if (known !== undefined) return known;
    const parent = parentOf(a);
    // A loop of lineages cannot come from real play: such runs are taken as the team's game.
    const d = parent === undefined || seen.has(parent) ? 0 : depthOf(parent, seen.add(a)) + 1;
    depth.set(a, d);
    return d;
  };
  const byAttempt = new Map<string, { depth: number; runs: Accepted[] }>();
  for (const a of group) {
    const d = depthOf(a);
    // Hand-ins of one attempt (its progress, then its end) share the run and the turn they left.
    const key = d === 0 ? 'first' : `${a.doc.lineage!.parentFinal}@${a.doc.lineage!.atTurn}`;
    const at = byAttempt.get(key);
    if (at) at.runs.push(a);
    else byAttempt.set(key, { depth: d, runs: [a] });
  }
  return [...byAttempt.values()]
    .sort((a, b) => a.depth - b.depth || a.runs[0]!.index - b.runs[0]!.index)
    .map((x) => x.runs);
}

/**
 * The teams in hand-ins whose names fold to one (they differ only in case, spacing or Unicode
 * form). Hand-ins under the very same name are one team, as are runs that are one game's
 * progress (one's turns begin the other's) whatever the spelling; runs that are different games
 * under names merely alike are different teams, never merged.
 */
function splitAlike(group: readonly Accepted[]): Accepted[][] {
  const teams: Accepted[][] = [];
  for (const a of group) {
    const same = teams.find((t) => t.some((b) => b.name === a.name) || t.some((b) => oneGame(a, b)));
    if (same) same.push(a);
    else teams.push([a]);
  }
  return teams;
}

/** Whether two runs are one game at different points: the shorter's turns begin the longer's. */
function oneGame(a: Accepted, b: Accepted): boolean {
  const [short, long] = a.doc.turns.length <= b.doc.turns.length ? [a, b] : [b, a];
  return short.doc.turns.every((t, i) => JSON.stringify(t.actions) === JSON.stringify(long.doc.turns[i]!.actions));
}

function alikeNote(teams: readonly (readonly Accepted[])[]): string {
  const names = teams.map((t) => `“${bestOf(t).name ?? ''}”`);
  const listed = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${listed} are named alike but played different games: each is kept as a team of its own. Ask them for names that differ by more than case or spacing.`;
}

/** The most turns; the later hand-in of two equally long runs. */
function bestOf(group: readonly Accepted[]): Accepted {
  let best = group[0]!;
  for (const a of group) if (a.doc.turns.length >= best.doc.turns.length) best = a;
  return best;
}

function handInNote(team: string, group: readonly Accepted[], best: Accepted): string {
  const times = group.length === 2 ? 'twice' : `${group.length} times`;
  if (group.every((a) => a.fingerprint === best.fingerprint)) {
    return `${team} handed in the same run ${times}; it is counted once.`;
  }
  const last = group[group.length - 1]!;
  if (last === best) {
    const further = group.every((a) => a === best || a.doc.turns.length < best.doc.turns.length);
    return `${team} handed in ${times}; the ${further ? 'later, further' : 'later'} run is kept (${turnsWords(best)}).`;
  }
  return `${team} handed in ${times}; the run that got furthest is kept (${turnsWords(best)}), not the later one (${turnsWords(last)}).`;
}

function turnsWords(a: Accepted): string {
  const n = a.doc.turns.length;
  return `${n} turn${n === 1 ? '' : 's'}${a.state.over ? ', finished' : ''}`;
}

/** The name a run goes by: its team's, else its player's; null when it carries neither. */
/** The name a run is shown by: its team's, else its player's, by the one display rule (src/replay/names.ts). */
function nameOf(meta: ReplayDocument['meta']): string | null {
  const raw = rawNameOf(meta);
  return raw === null ? null : shownName(raw);
}

function rawNameOf(meta: ReplayDocument['meta']): string | null {
  const team = meta?.team?.trim();
  if (team) return team;
  const player = meta?.player?.trim();
  return player ? player : null;
}

/** Names that differ only in case, spacing or Unicode spelling are one team. */
export function foldName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The name a refused hand-in carries, when its code still decodes or its file still parses. */
function nameOfUnverified(text: string): string | null {
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      const meta = (JSON.parse(t) as { meta?: unknown }).meta;
      if (typeof meta !== 'object' || meta === null) return null;
      const { team, player } = meta as { team?: unknown; player?: unknown };
      return nameOf({
        ...(typeof team === 'string' ? { team } : {}),
        ...(typeof player === 'string' ? { player } : {}),
      });
    } catch {
      return null;
    }
  }
  const decoded = decodeCode(t);
  return decoded.ok ? nameOf(decoded.raw.meta) : null;
}

/** Why a valid run does not belong in this room, or null when it does. */
function mismatchOf(doc: ReplayDocument, expect: RoomExpectation, entries: readonly ScenarioEntry[]): string | null {
  const room = (doc.meta as { room?: unknown } | undefined)?.room;
  if (doc.scenario.id !== expect.scenario) {
    return `This run is of ${scenarioWords(doc.scenario.id, entries)}, seed ${quoted(doc.seed)}, and this room plays ${scenarioWords(expect.scenario, entries)}, seed ${quoted(expect.seed)}: flagged, not mixed in.`;
  }
  if (doc.seed !== expect.seed) {
    return `This run is of seed ${quoted(doc.seed)}, and this room plays seed ${quoted(expect.seed)}: flagged, not mixed in.`;
  }
  if (expect.room !== undefined && typeof room === 'string' && room !== expect.room) {
    return `This run was played in room ${quoted(room)}, and this is room ${quoted(expect.room)}: flagged, not mixed in.`;
  }
  return null;
}

function scenarioWords(id: string, entries: readonly ScenarioEntry[]): string {
  const s = entries.find((e) => e.scenario.id === id)?.scenario;
  return s ? `“${s.title}” (${s.id})` : `the scenario ${quoted(id)}`;
}
