/**
 * Room codes a team can type to join a workshop with no server: the code itself says which game
 * the room plays. Its first character names the scenario; the seed is the five characters after
 * it (`BK7QMXS`: build-the-house, seed `K7QMX`), or, for a seed of the facilitator's own, follows
 * a dash (`BXMHS-leadership-day`: three random characters keep two rooms on one seed apart). The
 * last character before any dash is a check over the whole code, so a mistyped or swapped
 * character is caught on the title instead of starting another game. A seed no code can carry
 * (empty, or too long) gets a code of eight random characters, joined by its link only.
 */

import { readLaunch } from './links';

/** Letters and digits nobody misreads off a projector (no 0/O, 1/I/L). */
const ROOM_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The shipped scenarios, by the letter their room codes start with. Codes handed out stay valid
 * across releases, so letters are only ever added, never moved.
 */
const SCENARIO_LETTERS: Readonly<Record<string, string>> = {
  A: 'first-team',
  B: 'build-the-house',
  C: 'idea-factory',
  D: 'producers-to-leaders',
  E: 'stagnant-giant',
};

/** The first character of rooms that play a scenario made in the lab: other devices do not have it. */
const LAB_LETTER = '9';

/** Room codes are names carried in replay codes, at most this long. */
const MAX_ROOM_LENGTH = 60;

/** The length of a code that does not carry its seed, so only its link joins its room. */
const LINK_ONLY_LENGTH = 8;

/** The longest seed of the facilitator's own a room code can carry. */
export const MAX_ROOM_SEED_LENGTH = MAX_ROOM_LENGTH - 6;

/** A seed made for a room: five characters of the room alphabet, carried whole in the code. */
const ROOM_SEED = new RegExp(`^[${ROOM_ALPHABET}]{5}$`);

/**
 * The check character of a code's other characters (head and seed): a weighted sum modulo 31, a
 * prime, with weights 1 to 30, so any one character changed, or two neighbours swapped, changes
 * it. A character outside the room alphabet counts as two digits base 31 of its code point, so
 * that "O" and "0" (31 apart) differ too.
 */
function checkOf(text: string): string {
  const n = ROOM_ALPHABET.length;
  let sum = 0;
  let i = 0;
  for (const c of text) {
    const at = ROOM_ALPHABET.indexOf(c);
    const cp = c.codePointAt(0)!;
    const value = at >= 0 ? at : (cp % n) + 7 * (Math.floor(cp / n) % n);
    sum = (sum + ((i % 30) + 1) * value) % n;
    i++;
  }
  return ROOM_ALPHABET[sum]!;
}

function randomCharacters(n: number): string {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ROOM_ALPHABET[b % ROOM_ALPHABET.length]).join('');
}

/** A seed made for a room: five characters that put the shortest code on the screen. */
export function newRoomSeed(): string {
  return randomCharacters(5);
}

/**
 * A new room code for a game of `scenario` on `seed`, not one of the codes `taken` says are in
 * use (two sessions on one seed get different codes). The seed must be at most
 * MAX_ROOM_SEED_LENGTH characters long.
 */
export async function newRoomCode(
  scenario: string,
  seed: string,
  taken: (code: string) => Promise<boolean>,
): Promise<string> {
  const letter = roomLetterOf(scenario) ?? LAB_LETTER;
  // A seed no code can carry: a code of its own length, which the title says to join by link.
  if (seed === '' || [...seed].length > MAX_ROOM_SEED_LENGTH) {
    for (;;) {
      const body = randomCharacters(LINK_ONLY_LENGTH - 1);
      const code = body + checkOf(body);
      if (!(await taken(code))) return code;
    }
  }
  const short = letter + seed;
  if (ROOM_SEED.test(seed) && !(await taken(short + checkOf(short)))) return short + checkOf(short);
  for (;;) {
    const head = letter + randomCharacters(3);
    const code = `${head}${checkOf(head + seed)}-${seed}`;
    if (!(await taken(code))) return code;
  }
}

/** The game a typed room code starts, or why it cannot start one. */
export type RoomJoin =
  | {
      readonly ok: true;
      readonly scenario: string;
      readonly seed: string;
      readonly room: string;
      /** From a team's own link: the name the facilitator put in it. */
      readonly team?: string;
    }
  | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): RoomJoin => ({ ok: false, reason });

/**
 * The scenario, seed and room of a room code as a person types it: in any case, with spaces, and
 * with look-alike characters said so. The seed after a dash is kept exactly as typed.
 */
export function readRoomCode(typed: string): RoomJoin {
  const text = typed.trim();
  if (text === '') return refuse('Type the room code your facilitator shows.');
  // The teams' whole link, pasted instead of the code, is as good as the code.
  if (/^(https?:\/\/|\?)|[?&]scenario=/i.test(text)) return fromLink(text);
  const dash = text.indexOf('-');
  const head = (dash < 0 ? text : text.slice(0, dash)).replace(/\s+/g, '').toUpperCase();
  const ownSeed = dash < 0 ? null : text.slice(dash + 1).trim();
  const strange = [...head].find((c) => !ROOM_ALPHABET.includes(c));
  if (strange !== undefined) {
    return refuse(
      /[0O1IL]/.test(strange)
        ? `Room codes have no ${strange === '0' || strange === 'O' ? '0 or O' : '1, I or L'}: check the code on the screen.`
        : `A room code holds only letters and digits before any dash, and this one has “${strange}”.`,
    );
  }
  // Eight characters that check out: a room whose seed no code carries (an extra typed one would not).
  if (ownSeed === null && head.length === LINK_ONLY_LENGTH && checkOf(head.slice(0, -1)) === head.at(-1)) {
    return refuse(
      'This room’s code cannot be typed to join it (its seed is too long for a code): open the link your facilitator gave, or scan its QR code.',
    );
  }
  const expected = ownSeed === null ? 7 : 5;
  if (head.length !== expected) {
    return refuse(
      ownSeed === null
        ? `A room code has 7 characters (or 5, a dash and a seed), and this one has ${head.length}: check it against the screen.${head.length === 6 ? ' (Codes of 6 characters come from an earlier version of Momentum: open the link your facilitator gave, or scan its QR code.)' : ''}`
        : `Before its dash a room code has 5 characters, and this one has ${head.length}: check it against the screen.`,
    );
  }
  if (ownSeed === '') return refuse('The room code ends at its dash: type the seed that follows it too.');
  const body = head.slice(0, -1);
  if (checkOf(body + (ownSeed ?? '')) !== head.at(-1)) {
    return refuse(
      `This room code does not check out: a character is mistyped, missing or swapped. Check it against the screen${ownSeed === null ? '' : ', and type the part after the dash exactly as shown, capitals included'}.`,
    );
  }
  const letter = head[0]!;
  if (letter === LAB_LETTER) {
    return refuse(
      'This room plays a scenario made in the facilitator’s lab, which this device does not have: open the link your facilitator gave, or scan its QR code.',
    );
  }
  const scenario = SCENARIO_LETTERS[letter];
  if (scenario === undefined) {
    return refuse(`No room code starts with “${letter}”: check the code on the screen.`);
  }
  const room = ownSeed === null ? head : `${head}-${ownSeed}`;
  if ([...room].length > MAX_ROOM_LENGTH) return refuse(`A room code has at most ${MAX_ROOM_LENGTH} characters.`);
  return { ok: true, scenario, seed: ownSeed ?? body.slice(1), room };
}

/**
 * A team's link pasted in place of the code: its game, and the name it suggests. A link whose room
 * code reads as one of today's must name that code's own scenario and seed (a link cut or edited
 * on the way does not).
 */
function fromLink(text: string): RoomJoin {
  const linked = readLaunch(text.slice(Math.max(0, text.indexOf('?'))).replace(/[.,;)]+$/, ''));
  if (linked.kind !== 'game' || !linked.room) {
    return refuse('This is a link, but not a workshop team’s link: type the room code, or open the link itself.');
  }
  const own = readRoomCode(linked.room);
  if (own.ok && (own.scenario !== linked.scenario || own.seed !== linked.seed)) {
    return refuse('This link was cut or changed on its way: its room code names another game. Ask for the link again.');
  }
  return {
    ok: true,
    scenario: linked.scenario,
    seed: linked.seed,
    room: linked.room,
    ...(linked.team !== undefined ? { team: linked.team } : {}),
  };
}

/** The letter a shipped scenario's room codes start with; null for a scenario made in the lab. */
export function roomLetterOf(scenario: string): string | null {
  return Object.keys(SCENARIO_LETTERS).find((k) => SCENARIO_LETTERS[k] === scenario) ?? null;
}
