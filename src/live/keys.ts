/**
 * Keys of a live room. The room key rides in the teams' links; the facilitator key stays in the
 * dashboard (its address's fragment, never sent to a team). A team's key is derived from the room
 * key and the team's name, so a link made for one team writes only that team's document.
 */

/** 16 random bytes, URL-safe. */
export function newKey(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key of team `team` in the room whose key is `roomKey`: HMAC-SHA-256, cut to 22 characters. */
export async function teamKey(roomKey: string, team: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(roomKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(team.normalize('NFC'))));
  return base64url(mac).slice(0, 22);
}

/** A key as the links carry it: 22 URL-safe characters. */
export function isKey(text: unknown): text is string {
  return typeof text === 'string' && /^[A-Za-z0-9_-]{22}$/.test(text);
}
