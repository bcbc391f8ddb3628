import { hash64 } from '../engine';
import { naturalCompare } from '../replay/names';
import type { Removal, StoredSubmission, WorkshopRecord } from './workshops';

/**
 * Two copies of one room's session made one, never one replacing the other: an imported file and
 * the room already in this browser, or two dashboard tabs that each collected hand-ins. The result
 * does not depend on the order the copies arrive in, and merging a copy twice changes nothing
 * (every hand-in is kept once, at its earliest), so no tab or import can lose another's runs.
 */

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Hand-ins in the order they came: by time, then by where they were found ("line 2" before
 * "line 10", as one paste lists them), then by text, so any two copies sort alike.
 */
const order = (x: StoredSubmission, y: StoredSubmission): number =>
  x.at - y.at || naturalCompare(x.source, y.source) || compare(x.text, y.text);

/** A hand-in's identity: its text without the spaces around it (a code pasted twice is one hand-in). */
const keyOf = (s: StoredSubmission): string => s.text.trim();

/** The short key a removal names a hand-in by: a hash of its identity, so a removal of a long file stays small. */
export const removalKey = (text: string): string => hash64(text.trim());

/** Every hand-in of both lists once: of two with the same text, the earlier is kept. */
export function mergeSubmissions(
  a: readonly StoredSubmission[],
  b: readonly StoredSubmission[] = [],
): StoredSubmission[] {
  const kept = new Map<string, StoredSubmission>();
  for (const s of [...a, ...b]) {
    const key = keyOf(s);
    const old = kept.get(key);
    if (old === undefined || order(s, old) < 0) kept.set(key, s);
  }
  return [...kept.values()].sort(order);
}

/** Why two sessions with one room code cannot be one room, or null when they can. */
export function mergeConflict(a: WorkshopRecord, b: WorkshopRecord): string | null {
  if (a.room !== b.room) return `they are rooms ${a.room} and ${b.room}`;
  if (a.scenario !== b.scenario || a.seed !== b.seed) {
    return `room ${a.room} here plays “${a.scenario}” with seed “${a.seed}”, the file “${b.scenario}” with seed “${b.seed}”`;
  }
  return null;
}

/**
 * One session of both: every hand-in once, every listed team once (in name order), the earlier
 * creation time, and the name of the session created first. Call it only when mergeConflict says
 * they can be one room.
 */
export function mergeRecords(a: WorkshopRecord, b: WorkshopRecord): WorkshopRecord {
  const first = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && compare(a.name, b.name) <= 0) ? a : b;
  return {
    room: a.room,
    name: first.name,
    scenario: a.scenario,
    seed: a.seed,
    teams: [...new Set([...a.teams, ...b.teams])].sort(
      (x, y) => x.localeCompare(y, 'en', { numeric: true, sensitivity: 'base' }) || compare(x, y),
    ),
    createdAt: first.createdAt,
    submissions: mergeSubmissions(a.submissions, b.submissions),
    removals: mergeRemovals(a.removals ?? [], b.removals ?? []),
  };
}

/**
 * Every hand-in's latest removal or restoring, whichever copy made it: the later wins, and of two
 * made at one instant the removal, so two tabs agree whatever order they merge in, and a hand-in
 * removed in one tab is not brought back by another tab that still holds it.
 */
function mergeRemovals(a: readonly Removal[], b: readonly Removal[] = []): Removal[] {
  const latest = new Map<string, Removal>();
  for (const r of [...a, ...b]) {
    const old = latest.get(r.key);
    if (old === undefined || r.at > old.at || (r.at === old.at && r.removed && !old.removed)) latest.set(r.key, r);
  }
  return [...latest.values()].sort((x, y) => compare(x.key, y.key));
}

/** The hand-ins a room counts: those not removed. */
export function keptSubmissions(record: WorkshopRecord): readonly StoredSubmission[] {
  const removed = new Set((record.removals ?? []).filter((r) => r.removed).map((r) => r.key));
  if (removed.size === 0) return record.submissions;
  return record.submissions.filter((s) => !removed.has(removalKey(s.text)));
}

/**
 * The room with these hand-ins removed (or, with `removed` false, brought back), marked later than
 * any earlier mark on them so the change wins every merge.
 */
export function markHandIns(
  record: WorkshopRecord,
  texts: readonly string[],
  removed: boolean,
  now: number,
): WorkshopRecord {
  const before = new Map((record.removals ?? []).map((r) => [r.key, r]));
  const marks = [...new Set(texts.map(removalKey))].map((key) => ({
    key,
    at: Math.max(now, (before.get(key)?.at ?? -1) + 1),
    removed,
  }));
  return { ...record, removals: mergeRemovals(record.removals ?? [], marks) };
}

/** Whether two copies of a room hold the same hand-ins and removals (then nothing need be redrawn). */
export function sameHandIns(a: WorkshopRecord, b: WorkshopRecord): boolean {
  const ra = a.removals ?? [];
  const rb = b.removals ?? [];
  return (
    a.submissions.length === b.submissions.length &&
    a.submissions.every((s, i) => s.text === b.submissions[i]!.text) &&
    ra.length === rb.length &&
    ra.every((r, i) => r.key === rb[i]!.key && r.at === rb[i]!.at && r.removed === rb[i]!.removed)
  );
}
