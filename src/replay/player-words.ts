import type { ReplayDocument } from './document';
import { shownName } from './names';

/**
 * The names a run carries, worded as the player's own: a code's checksum can be recomputed by
 * anyone, so verifying a run proves its choices and results, never who played it or when.
 * Null when the run carries no names. Quoted, and shown by the one display rule (names.ts), so a
 * name can neither pass for the game's own words nor print lines of its own.
 */
export function namedByPlayer(meta: ReplayDocument['meta']): string | null {
  const parts: string[] = [];
  if (meta?.team) parts.push(`team “${shownName(meta.team)}”`);
  if (meta?.player) parts.push(`player “${shownName(meta.player)}”`);
  if (meta?.date) parts.push(`date “${shownName(meta.date)}”`);
  if (meta?.room) parts.push(`room “${shownName(meta.room)}”`);
  return parts.length === 0 ? null : `Named by the player (not verified): ${parts.join(', ')}.`;
}
