import type { Store } from '../platform/storage';
import type { ScenarioEntry } from '../replay/verify';
import type { Lineage } from '../replay/document';
import { clip } from './clip';
import { GAME_PREFIX, LEGACY_KEYS, replayOf, resume, revOf, saveText, type SaveHeader, type Session } from './session';

/** Finished games kept as results; beyond this the oldest are dropped. */
export const MAX_RESULTS = 20;

/** One saved game as the title lists it: playable, finished, or damaged with the reason. */
export type SavedGame =
  | { readonly key: string; readonly ok: true; readonly session: Session; readonly header: SaveHeader }
  | {
      readonly key: string;
      readonly ok: false;
      readonly reason: string;
      readonly text: string;
      readonly header: SaveHeader | null;
    };

function isGameKey(key: string): boolean {
  return key.startsWith(GAME_PREFIX) || (LEGACY_KEYS as readonly string[]).includes(key);
}

// Resuming a save plays its turns again, and the title, the compare page and branch links list
// the saves often: each save's result is kept while its text and the scenarios stay the same
// (sessions are never changed in place).
const resumed = new Map<
  string,
  { readonly text: string; readonly entries: readonly ScenarioEntry[]; readonly result: ReturnType<typeof resume> }
>();

function resumeKept(key: string, text: string, entries: readonly ScenarioEntry[]): ReturnType<typeof resume> {
  const kept = resumed.get(key);
  if (kept && kept.text === text && sameEntries(kept.entries, entries)) return kept.result;
  const result = resume(text, entries, key);
  // A copy: the app's list of scenarios grows in place when the lab adds one.
  resumed.set(key, { text, entries: [...entries], result });
  return result;
}

function sameEntries(a: readonly ScenarioEntry[], b: readonly ScenarioEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/** Every saved game, most recently played first; damaged ones included, never removed. */
export function savedGames(store: Store, entries: readonly ScenarioEntry[]): SavedGame[] {
  const out: SavedGame[] = [];
  const keys = new Set(store.keys());
  for (const key of resumed.keys()) if (!keys.has(key)) resumed.delete(key);
  for (const key of keys) {
    if (!isGameKey(key)) continue;
    const text = store.get(key);
    if (text === null) continue;
    const r = resumeKept(key, text, entries);
    out.push(
      r.ok
        ? { key, ok: true, session: r.session, header: r.header }
        : { key, ok: false, reason: r.reason, text, header: r.header },
    );
  }
  const when = (g: SavedGame): number => g.header?.playedAt ?? 0;
  return out.sort((a, b) => when(b) - when(a) || (a.key < b.key ? 1 : -1));
}

/**
 * The saved game a link to `scenario`, `seed` (and workshop `room`) should reopen: the game in
 * progress played last, else the result of the last finished one, else none. A branch shares its
 * scenario and seed with the run it left, so it is reopened only by its own key (`branch`),
 * except a workshop team's next attempt, which its team's link reopens too.
 */
export function gameFor(
  saved: readonly SavedGame[],
  scenario: string,
  seed: string,
  room?: string,
  branch?: string,
): Session | null {
  if (branch !== undefined) {
    const own = saved.find((g) => g.ok && g.key === `${GAME_PREFIX}${branch}`);
    // The key must name a branch of this very scenario, seed and room, as the rest of the link says.
    const session = own?.ok ? own.session : null;
    const fits =
      session?.lineage !== undefined &&
      session.scenario.id === scenario &&
      session.seed === seed &&
      session.meta?.room === room;
    return fits ? session : null;
  }
  // A workshop room's game and a game played alone are different games, even on one seed. In a
  // room, a team's later attempt (a branch under its name and room) is its game too: the team's
  // link reopens whichever it played last.
  const same = saved.flatMap((g) =>
    g.ok &&
    (!g.session.lineage || room !== undefined) &&
    g.session.scenario.id === scenario &&
    g.session.seed === seed &&
    g.session.meta?.room === room
      ? [g.session]
      : [],
  );
  return same.find((s) => !s.state.over) ?? same[0] ?? null;
}

export type WriteResult =
  /** Saved: the session now carries its new revision. */
  | { readonly kind: 'saved'; readonly session: Session }
  /** The browser refused to keep it (storage full, disabled, private mode). */
  | { readonly kind: 'refused' }
  /** Another tab saved this game since this tab read it: its text is the newer game. */
  | { readonly kind: 'stale'; readonly text: string };

/**
 * Saves a session unless another tab has saved the same game since (its revision is higher):
 * then nothing is written and the caller reloads the newer game, so no tab undoes another's turns.
 */
export function writeGame(store: Store, session: Session, now: number): WriteResult {
  const current = store.get(session.key);
  if (current !== null) {
    const rev = revOf(current);
    if (rev !== null && rev > session.rev) return { kind: 'stale', text: current };
  }
  const rev = session.rev + 1;
  if (!store.set(session.key, saveText(session, rev, now))) return { kind: 'refused' };
  return { kind: 'saved', session: { ...session, rev } };
}

/** Drops the oldest finished games beyond MAX_RESULTS; games in progress and damaged saves stay. */
export function trimResults(store: Store, entries: readonly ScenarioEntry[]): number {
  const finished = savedGames(store, entries).filter((g) => g.ok && g.session.state.over);
  for (const g of finished.slice(MAX_RESULTS)) store.remove(g.key);
  return Math.max(0, finished.length - MAX_RESULTS);
}

/** A saved game's code, for choosing runs to compare without copying codes by hand. */
export interface SavedCode {
  readonly code: string;
  readonly final: string;
  readonly label: string;
}

/** The code of every saved game that has one and has played a turn, most recent first. */
export function savedCodes(store: Store, entries: readonly ScenarioEntry[]): SavedCode[] {
  return savedGames(store, entries).flatMap((g) => {
    if (!g.ok || g.session.turns.length === 0) return [];
    const { code, document } = replayOf(g.session);
    if (code === null) return [];
    const x = g.session;
    const state = x.state.over ? `${x.state.regime}, score ${x.state.score}` : `turn ${x.turns.length} so far`;
    const branch = x.lineage ? `, branch after turn ${x.lineage.atTurn}` : '';
    return [
      { code, final: document.final, label: `${x.scenario.title}, seed “${clip(x.seed, 30)}”${branch}: ${state}` },
    ];
  });
}

/**
 * The code of the run a branch came from: the one it kept, else a saved game that ended with the
 * fingerprint its lineage names. Null when neither is at hand.
 */
export function parentCodeOf(
  lineage: Lineage & { readonly parentCode?: string },
  store: Store,
  entries: readonly ScenarioEntry[],
): string | null {
  if (lineage.parentCode) return lineage.parentCode;
  return savedCodes(store, entries).find((g) => g.final === lineage.parentFinal)?.code ?? null;
}
