/**
 * Golden values: exact results pinned from one run of the rules.
 *
 * These numbers were produced once by running the code and pasted here on purpose. They must
 * change only with a deliberate rule change: when a change to src/engine (or to a shipped
 * scenario) alters them, bump RULES_VERSION in src/engine/version.ts, so replays recorded
 * under the old rules are refused, and then update the values below together with the pinned
 * RULES_VERSION. A failure here with no intended rule change means determinism was broken.
 */
import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { createGame } from '../../src/engine/create';
import { fingerprint } from '../../src/engine/fingerprint';
import { restoreRng, seedRng } from '../../src/engine/rng';
import { RULES_VERSION } from '../../src/engine/version';
import { scenario } from './helpers';

/** The rules version these values were generated under. */
const PINNED_RULES_VERSION = 3;

describe('golden values', () => {
  it('are pinned for the current rules version', () => {
    expect(RULES_VERSION).toBe(PINNED_RULES_VERSION);
  });

  it('the generator seeded with "momentum" draws the same first ten integers', () => {
    const rng = restoreRng(seedRng('momentum'));
    const draws = Array.from({ length: 10 }, () => rng.int(1000));
    expect(draws).toEqual([228, 868, 960, 724, 439, 987, 791, 810, 871, 279]);
  });

  it.each([
    ['first-team', 'golden', 'efa281f4679e40f7'],
    ['stagnant-giant', 'ünïcode-🌱', 'e0caf3755f70f825'],
  ])('a new game of %s seeded %j has a fixed fingerprint', (id, seed, expected) => {
    expect(fingerprint(createGame(scenario(id), seed))).toBe(expected);
  });

  // Fixed bundles rather than heuristic bots: their play is defined by the policy's contract,
  // so improving a bot never moves these values.
  it.each([
    ['first-team', 'golden-1', 'fixed:share-vision+set-goals+make-plan+coach', '689f72e000176554', 'drift', 441],
    ['idea-factory', 'golden-2', 'fixed:standardise+monitor+tell-the-why+delegate', 'bb96d2dc6c010b24', 'drift', 201],
    [
      'stagnant-giant',
      'golden-3',
      'fixed:share-vision+lead-by-example+open-the-floor',
      '7d819a90aeccffa3',
      'stagnation',
      168,
    ],
  ] as const)('%s seeded %j played by %s ends with a fixed fingerprint', (id, seed, policy, print, ending, score) => {
    const factory = policyByName(policy);
    if (!factory) throw new Error(`no policy ${policy}`);
    const { state } = playGame(scenario(id), seed, factory);
    expect(state.over).toBe(true);
    // Ending and score first: they say more than a hash when the rules drift.
    expect({ ending: state.ending, score: state.score }).toEqual({ ending, score });
    expect(fingerprint(state)).toBe(print);
  });
});
