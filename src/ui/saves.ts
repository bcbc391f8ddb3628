import type { Store } from '../platform/storage';
import type { ScenarioEntry } from '../replay/verify';
import { GAME_PREFIX, LEGACY_KEYS, resume, revOf, saveText, type SaveHeader, type Session } from './session';

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

/** Every saved game, most recently played first; damaged ones included, never removed. */
export function savedGames(store: Store, entries: readonly ScenarioEntry[]): SavedGame[] {
  const out: SavedGame[] = [];
  for (const key of store.keys()) {
    if (!isGameKey(key)) continue;
    const text = store.get(key);
    if (text === null) continue;
    const r = resume(text, entries, key);
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
 * The saved game a link to `scenario`, `seed` (and workshop `room`) should reopen: the game in progress played
 * last, else the result of the last finished one, else none.
 */
export function gameFor(saved: readonly SavedGame[], scenario: string, seed: string, room?: string): Session | null {
  // A workshop room's game and a game played alone are different games, even on one seed.
  const same = saved.flatMap((g) =>
    g.ok && g.session.scenario.id === scenario && g.session.seed === seed && g.session.meta?.room === room
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
