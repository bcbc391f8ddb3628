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
      expect(seed).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      const room = await newRoomCode(scenario, seed, none);
      expect(room).toBe(roomLetterOf(scenario)! + seed);
      expect(readRoomCode(room)).toEqual({ ok: true, scenario, seed, room });
    }
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
    for (const seed of ['K7QMX4', 'K7QMX4', 'K7QMX4', 'leadership-day', 'leadership-day']) {
      const room = await newRoomCode('idea-factory', seed, isTaken);
      expect(taken.has(room)).toBe(false);
      taken.add(room);
      expect(readRoomCode(room)).toMatchObject({ ok: true, scenario: 'idea-factory', seed });
    }
    expect([...taken].filter((r) => !r.includes('-'))).toEqual(['CK7QMX4']);
  });

  it('a lab scenario’s code is refused on the title with the way in: its link', async () => {
    const room = await newRoomCode('my-own-scenario', 'K7QMX4', none);
    const r = readRoomCode(room);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/made in the facilitator’s lab.*open the link/);
  });

  it.each([
    ['', /^Type the room code/],
    ['BK7QM0X', /have no 0 or O/],
    ['bk7qmlx', /have no 1, I or L/],
    ['BK7QMX', /earlier version of Momentum.*open the link/],
    ['K7QMX4', /earlier version/],
    ['BK7QMX4Z', /has 7 characters .* this one has 8/],
    ['BK7Q-seed', /Before its dash a room code has 5 characters, and this one has 4/],
    ['BK7QM-', /ends at its dash/],
    ['ZK7QMX4', /No room code starts with “Z”/],
    ['BK7#MX4', /only letters and digits.*“#”/],
  ])('%j is refused: %s', (typed, reason) => {
    const r = readRoomCode(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
