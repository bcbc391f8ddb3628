import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ROOM_SEED_LENGTH,
  newRoomCode,
  newRoomSeed,
  readRoomCode,
  roomLetterOf,
} from '../../src/platform/room-codes';
import { nameProblem, seedProblem } from '../../src/replay/seed';
import { ENTRIES } from '../replay/support';

const SHIPPED = ENTRIES.map((e) => e.scenario.id);
const none = (): Promise<boolean> => Promise.resolve(false);

/** Seeds a facilitator may type: any text the game accepts as a seed, short enough for a room. */
const ownSeed = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: MAX_ROOM_SEED_LENGTH })
  .filter((s) => s.trim() === s && seedProblem(s) === null && [...s].length <= MAX_ROOM_SEED_LENGTH);

describe('room codes', () => {
  it('every shipped scenario has a letter of its own', () => {
    const letters = SHIPPED.map(roomLetterOf);
    expect(letters.every((l) => l !== null)).toBe(true);
    expect(new Set(letters).size).toBe(SHIPPED.length);
  });

  it('a room seed gives a seven-character code that reads back as its scenario and seed', async () => {
    for (const scenario of SHIPPED) {
      const seed = newRoomSeed();
      expect(seed).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
      const room = await newRoomCode(scenario, seed, none);
      expect(room).toMatch(new RegExp(`^${roomLetterOf(scenario)!}${seed}[A-HJKMNP-Z2-9]$`));
      expect(readRoomCode(room)).toEqual({ ok: true, scenario, seed, room });
    }
    expect(await newRoomCode('build-the-house', 'K7QMX', none)).toBe('BK7QMXS');
  });

  it('catches any one character mistyped, and two neighbours swapped, instead of starting another game', async () => {
    const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SHIPPED),
        fc.oneof(fc.constant(null), ownSeed),
        fc.nat(),
        fc.nat(),
        async (scenario, own, at, by) => {
          const seed = own ?? newRoomSeed();
          const room = await newRoomCode(scenario, seed, none);
          const head = room.split('-')[0]!;
          const i = at % head.length;
          const other = ALPHABET[(ALPHABET.indexOf(head[i]!) + 1 + (by % 30)) % 31]!;
          const typo = head.slice(0, i) + other + head.slice(i + 1) + room.slice(head.length);
          expect(readRoomCode(typo).ok, typo).toBe(false);
          const j = at % (head.length - 1);
          if (head[j] !== head[j + 1]) {
            const swapped = head.slice(0, j) + head[j + 1] + head[j] + head.slice(j + 2) + room.slice(head.length);
            expect(readRoomCode(swapped).ok, swapped).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a code that checks out but names no scenario says so', () => {
    const reasons = [...'ABCDEFGHJKMNPQRSTUVWXYZ23456789'].map((c) => {
      const r = readRoomCode(`ZK7QMX${c}`);
      return r.ok ? '' : r.reason;
    });
    // Exactly one check character fits; with it the code is whole, and its first letter is unknown.
    expect(reasons.filter((r) => r.includes('does not check out'))).toHaveLength(30);
    expect(reasons.filter((r) => r === 'No room code starts with “Z”: check the code on the screen.')).toHaveLength(1);
  });

  it('catches a seed after the dash typed with another case, or with 0 for O', async () => {
    const room = await newRoomCode('first-team', 'Leadership-Day-2O24', none);
    expect(readRoomCode(room)).toMatchObject({ ok: true, seed: 'Leadership-Day-2O24' });
    for (const typo of [room.replace('Leadership', 'leadership'), room.replace('2O24', '2024'), room.toUpperCase()]) {
      const r = readRoomCode(typo);
      expect(r.ok, typo).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/exactly as shown, capitals included/);
    }
  });

  it('gives a seed no code can carry (empty, or too long) a code that says to join by the link', async () => {
    for (const seed of ['', 'x'.repeat(MAX_ROOM_SEED_LENGTH + 1)]) {
      const room = await newRoomCode('idea-factory', seed, none);
      expect(room).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      const r = readRoomCode(room);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/cannot be typed to join it.*open the link/);
    }
  });

  it('takes the teams’ whole link as well as the code', () => {
    expect(readRoomCode(' https://example.org/momentum/?scenario=idea-factory&seed=K7QMX&room=CK7QMXA ')).toEqual({
      ok: true,
      scenario: 'idea-factory',
      seed: 'K7QMX',
      room: 'CK7QMXA',
    });
    const r = readRoomCode('https://example.org/?replay=M1.abc');
    expect(r.ok).toBe(false);
    // A team's own link brings its name; a full stop copied from the chat is not part of it.
    expect(
      readRoomCode('https://example.org/?scenario=idea-factory&seed=K7QMX&room=CK7QMXA&team=Blue%20Owls.'),
    ).toMatchObject({ ok: true, room: 'CK7QMXA', team: 'Blue Owls' });
    // A link cut or edited on its way: its room code names another game.
    const cut = readRoomCode('https://example.org/?scenario=idea-factory&seed=K7QMX&room=BK7QMXS');
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.reason).toMatch(/cut or changed on its way/);
  });

  it('any seed of the facilitator’s own reads back exactly, typed in any case and with spaces around', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SHIPPED), ownSeed, async (scenario, seed) => {
        const room = await newRoomCode(scenario, seed, none);
        expect(nameProblem(room, 'room')).toBeNull();
        const typed = ` ${room.slice(0, 2).toLowerCase()} ${room.slice(2)} `;
        expect(readRoomCode(typed)).toEqual({ ok: true, scenario, seed, room });
      }),
      { numRuns: 300 },
    );
  });

  it('two sessions on one scenario and seed never share a code', async () => {
    const taken = new Set<string>();
    const isTaken = (code: string): Promise<boolean> => Promise.resolve(taken.has(code));
    for (const seed of ['K7QMX', 'K7QMX', 'K7QMX', 'leadership-day', 'leadership-day']) {
      const room = await newRoomCode('idea-factory', seed, isTaken);
      expect(taken.has(room)).toBe(false);
      taken.add(room);
      expect(readRoomCode(room)).toMatchObject({ ok: true, scenario: 'idea-factory', seed });
    }
    expect([...taken].filter((r) => !r.includes('-'))).toEqual([await newRoomCode('idea-factory', 'K7QMX', none)]);
  });

  it('a lab scenario’s code is refused on the title with the way in: its link', async () => {
    const room = await newRoomCode('my-own-scenario', 'K7QMX', none);
    const r = readRoomCode(room);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/made in the facilitator’s lab.*open the link/);
  });

  it.each([
    ['', /^Type the room code/],
    ['BK7QM0X', /have no 0 or O/],
    ['bk7qmlx', /have no 1, I or L/],
    ['BK7QMX', /has 7 characters .* this one has 6: check it.*earlier version of Momentum.*open the link/],
    ['BK7QMXSZ', /has 7 characters .* this one has 8/],
    ['BK7Q-seed', /Before its dash a room code has 5 characters, and this one has 4/],
    ['BK7QM-', /ends at its dash/],
    ['BK7QMXA', /does not check out: a character is mistyped, missing or swapped/],
    ['BK7#MX4', /only letters and digits.*“#”/],
  ])('%j is refused: %s', (typed, reason) => {
    const r = readRoomCode(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
