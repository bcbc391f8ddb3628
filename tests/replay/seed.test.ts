/**
 * Every seed the game accepts gives a code it accepts: whatever text is offered as a seed (or a
 * name), seedProblem refuses it at entry with one sentence, or a whole game played from it ends
 * with a code that decodes and verifies to the same fingerprint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCode } from '../../src/replay/code';
import {
  characterCount,
  MAX_NAME_LENGTH,
  MAX_SEED_LENGTH,
  metaProblem,
  nameProblem,
  seedProblem,
} from '../../src/replay/seed';
import { verifyReplay } from '../../src/replay/verify';
import { ENTRIES, entry, expectAccepted, expectCleanReason, playRecorded } from './support';

/** Whether UTF-8 can carry the text, asked of the platform rather than of the policy. */
function encodable(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

const controls = /[\u0000-\u001f\u007f-\u009f]/;

/** Text of every kind: short and long, ASCII, any code unit, any code point, surrogate halves. */
function anyText(maxLength: number): fc.Arbitrary<string> {
  const halves = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '😀', 'a', '\u0000', '\u001b', '\u0085');
  const units = [
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'binary-ascii', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 200) }),
    fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength }).map((cps) => String.fromCodePoint(...cps)),
    fc.string({ unit: halves, maxLength: Math.min(maxLength, 40) }),
  ];
  return fc.oneof(...units);
}

/** Mostly texts short enough to be accepted, some up to 10,000 characters. */
const seeds = fc.oneof(
  { weight: 4, arbitrary: anyText(MAX_SEED_LENGTH + 5) },
  { weight: 1, arbitrary: anyText(10_000) },
);

describe('seed policy', () => {
  it('refuses a seed at entry, or a full game from it ends with a code that verifies (property)', () => {
    let played = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        seeds,
        fc.constantFrom(...ENTRIES.map((e) => e.scenario.id)),
        fc.constantFrom('balanced', 'random', 'lead-only', 'manage-only'),
        (seed, id, policy) => {
          const problem = seedProblem(seed);
          const faulty = !encodable(seed) || controls.test(seed) || characterCount(seed) > MAX_SEED_LENGTH;
          if (problem !== null) {
            refused++;
            expectCleanReason(problem);
            expect(faulty, `refused a seed with nothing wrong: ${problem}`).toBe(true);
            return;
          }
          expect(faulty).toBe(false);
          played++;
          const { doc, run } = playRecorded(id, policy, seed);
          expect(run.state.over).toBe(true);
          const back = expectAccepted(verifyReplay(encodeCode(doc, entry(id).scenario), ENTRIES));
          expect(back.fingerprint).toBe(doc.final);
          expect(back.document.seed).toBe(seed);
        },
      ),
      { numRuns: 120 },
    );
    // Both branches must have been exercised for the property to mean anything.
    expect(played).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(10);
  });

  it('names carried in a code follow the same policy, and any accepted ones survive the code (property)', () => {
    const name = fc.option(anyText(MAX_NAME_LENGTH + 5), { nil: undefined });
    let kept = 0;
    fc.assert(
      fc.property(name, name, name, (player, team, date) => {
        const meta = {
          ...(player === undefined ? {} : { player }),
          ...(team === undefined ? {} : { team }),
          ...(date === undefined ? {} : { date }),
        };
        const problem = metaProblem(meta);
        const faulty = Object.values(meta).some(
          (v) => !encodable(v) || controls.test(v) || characterCount(v) > MAX_NAME_LENGTH,
        );
        expect(problem !== null).toBe(faulty);
        if (problem !== null) {
          expectCleanReason(problem);
          return;
        }
        kept++;
        const { doc } = playRecorded('first-team', 'random', 'names', meta);
        const back = expectAccepted(verifyReplay(encodeCode(doc, entry('first-team').scenario), ENTRIES));
        expect(back.document.meta ?? {}).toStrictEqual(meta);
      }),
      { numRuns: 80 },
    );
    expect(kept).toBeGreaterThan(10);
  });

  it('says what is wrong in one sentence: a broken character, which control character, how long', () => {
    expect(seedProblem('ab\uD83D')).toMatch(/^The seed holds a broken character/);
    expect(seedProblem('\uDE00x')).toMatch(/broken character/);
    expect(seedProblem('room\u001b[2J')).toMatch(/control character \(U\+001B\)/);
    expect(seedProblem('tab\there')).toMatch(/U\+0009/);
    expect(seedProblem('x'.repeat(2900))).toBe('The seed is 2900 characters long; it can be at most 100.');
    expect(nameProblem('🚀'.repeat(MAX_NAME_LENGTH + 1), 'team')).toMatch(/^The team name is 61 characters long/);
    expect(metaProblem({ player: 'Ana', date: '2025\u0007' })).toMatch(/^The date holds/);
  });

  it('accepts the edges: empty, the longest, emoji counted as one character each', () => {
    expect(seedProblem('')).toBeNull();
    expect(seedProblem('x'.repeat(MAX_SEED_LENGTH))).toBeNull();
    expect(seedProblem('🚀'.repeat(MAX_SEED_LENGTH))).toBeNull();
    expect(seedProblem('🚀'.repeat(MAX_SEED_LENGTH + 1))).not.toBeNull();
    expect(seedProblem('Zoë’s room «α» 種 🇫🇷')).toBeNull();
    expect(metaProblem(undefined)).toBeNull();
    expect(metaProblem({})).toBeNull();
  });
});
