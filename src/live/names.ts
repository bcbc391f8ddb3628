/**
 * The relay's documents. A room has a roster (what its teams have played so far, written by the
 * relay, read by the facilitator alone), a pace (turns open, pause, timer and message: written by
 * the facilitator, read by the room's teams) and one document per team (its run, written by it).
 */
export type LiveDoc =
  | { readonly kind: 'roster'; readonly room: string }
  | { readonly kind: 'pace'; readonly room: string }
  | { readonly kind: 'team'; readonly room: string; readonly team: string };

/** Longest room and team names a document may carry, in characters. */
export const MAX_ROOM = 80;
export const MAX_TEAM = 60;

const PREFIX = 'momentum';

export function docName(doc: LiveDoc): string {
  const room = `${PREFIX}/${encodeURIComponent(doc.room)}`;
  return doc.kind === 'team' ? `${room}/team/${encodeURIComponent(doc.team)}` : `${room}/${doc.kind}`;
}

function decoded(part: string | undefined, max: number): string | null {
  if (part === undefined || part === '') return null;
  let text: string;
  try {
    text = decodeURIComponent(part);
  } catch {
    return null;
  }
  // Only the exact encoding this module writes names the document: one name, one document.
  if (encodeURIComponent(text) !== part || [...text].length > max || text.trim() !== text) return null;
  return text;
}

/** The document a name stands for, or null when the name is not one of the relay's. */
export function parseDocName(name: string): LiveDoc | null {
  const parts = name.split('/');
  if (parts[0] !== PREFIX) return null;
  const room = decoded(parts[1], MAX_ROOM);
  if (room === null) return null;
  if (parts.length === 3 && (parts[2] === 'roster' || parts[2] === 'pace')) return { kind: parts[2], room };
  if (parts.length === 4 && parts[2] === 'team') {
    const team = decoded(parts[3], MAX_TEAM);
    return team === null ? null : { kind: 'team', room, team };
  }
  return null;
}
