import type { ReplayDocument } from './document';

/**
 * The names a run carries, worded as the player's own: a code's checksum can be recomputed by
 * anyone, so verifying a run proves its choices and results, never who played it or when.
 * Null when the run carries no names. Quoted, so a name cannot pass for the game's own words.
 */
export function namedByPlayer(meta: ReplayDocument['meta']): string | null {
  const parts: string[] = [];
  if (meta?.team) parts.push(`team “${meta.team}”`);
  if (meta?.player) parts.push(`player “${meta.player}”`);
  if (meta?.date) parts.push(`date “${meta.date}”`);
  if (meta?.room) parts.push(`room “${meta.room}”`);
  return parts.length === 0 ? null : `Named by the player (not verified): ${parts.join(', ')}.`;
}
