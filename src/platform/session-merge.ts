import { naturalCompare } from '../replay/names';
import type { StoredSubmission, WorkshopRecord } from './workshops';

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
  };
}
