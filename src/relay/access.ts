import { createHash, timingSafeEqual } from 'node:crypto';
import { teamKey } from '../live/keys';
import { parseDocName } from '../live/names';
import { readToken, type LiveToken } from '../live/token';
import type { RoomKeys } from './store';

/** Who a connection is, once let in, and whether it may write the document it opened. */
export interface Grant {
  readonly role: 'team' | 'facilitator';
  readonly room: string;
  readonly team: string | null;
  readonly readOnly: boolean;
}

/** Why a connection is turned away: the relay logs it and tells the client. */
export class Refusal extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

const hash = (text: string): string => createHash('sha256').update(text).digest('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function facilitatorGrant(token: Extract<LiveToken, { role: 'facilitator' }>, store: RoomKeys): Promise<void> {
  const record = { roomKey: token.roomKey, facilitatorHash: hash(token.facilitatorKey) };
  const known =
    (await store.room(token.room)) ??
    ((await store.claimRoom(token.room, record)) ? record : await store.room(token.room));
  if (!known || !same(known.facilitatorHash, record.facilitatorHash) || !same(known.roomKey, token.roomKey))
    throw new Refusal('wrong facilitator key for this room');
}

async function teamGrant(token: Extract<LiveToken, { role: 'team' }>, store: RoomKeys): Promise<void> {
  const known = await store.room(token.room);
  if (!known) throw new Refusal('this room is not open on this relay');
  const shown = 'teamKey' in token ? token.teamKey : await teamKey(token.roomKey, token.team);
  if (!same(shown, await teamKey(known.roomKey, token.team))) throw new Refusal('wrong key for this team');
}

/**
 * Decides whether `tokenText` may open `documentName`: the facilitator writes the pace and reads
 * the rest; a team writes its own document and reads the pace; nobody else gets in.
 */
export async function authorize(documentName: string, tokenText: string, store: RoomKeys): Promise<Grant> {
  const doc = parseDocName(documentName);
  if (!doc) throw new Refusal('no such document');
  const token = readToken(tokenText);
  if (typeof token === 'string') throw new Refusal(token);
  if (token.room !== doc.room) throw new Refusal('the token is for another room');
  if (token.role === 'facilitator') {
    await facilitatorGrant(token, store);
    return { role: 'facilitator', room: doc.room, team: null, readOnly: doc.kind !== 'pace' };
  }
  await teamGrant(token, store);
  if (doc.kind === 'pace') return { role: 'team', room: doc.room, team: token.team, readOnly: true };
  if (doc.kind === 'team' && doc.team === token.team)
    return { role: 'team', room: doc.room, team: token.team, readOnly: false };
  throw new Refusal(doc.kind === 'team' ? 'a team may open only its own document' : 'the roster is the facilitator’s');
}
