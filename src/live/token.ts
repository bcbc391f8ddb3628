import { isKey } from './keys';
import { MAX_ROOM, MAX_TEAM } from './names';

/**
 * What a connection presents to the relay. A team shows its own key (or the room key, from the
 * link every team shares); the facilitator shows the room key and the facilitator key.
 */
export type LiveToken =
  | { readonly role: 'team'; readonly room: string; readonly team: string; readonly teamKey: string }
  | { readonly role: 'team'; readonly room: string; readonly team: string; readonly roomKey: string }
  | { readonly role: 'facilitator'; readonly room: string; readonly roomKey: string; readonly facilitatorKey: string };

export function tokenText(token: LiveToken): string {
  return JSON.stringify(token);
}

const isName = (x: unknown, max: number): x is string =>
  typeof x === 'string' && x !== '' && [...x].length <= max && x.trim() === x;

/** The token in `text`, or why it is not one. Tokens come from anyone: every field is checked. */
export function readToken(text: string): LiveToken | string {
  if (text.length > 400) return 'the token is too long';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'the token is not JSON';
  }
  if (typeof raw !== 'object' || raw === null) return 'the token is not an object';
  const t = raw as Record<string, unknown>;
  if (!isName(t.room, MAX_ROOM)) return 'the token names no room';
  if (t.role === 'facilitator') {
    if (!isKey(t.roomKey) || !isKey(t.facilitatorKey)) return 'the facilitator token lacks its keys';
    return { role: 'facilitator', room: t.room, roomKey: t.roomKey, facilitatorKey: t.facilitatorKey };
  }
  if (t.role === 'team') {
    if (!isName(t.team, MAX_TEAM)) return 'the team token names no team';
    if (isKey(t.teamKey)) return { role: 'team', room: t.room, team: t.team, teamKey: t.teamKey };
    if (isKey(t.roomKey)) return { role: 'team', room: t.room, team: t.team, roomKey: t.roomKey };
    return 'the team token carries no key';
  }
  return 'the token has no known role';
}
