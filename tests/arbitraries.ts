import fc from 'fast-check';

/**
 * The fast-check generators several test files share: seeds of every kind, and games as a
 * scenario, a seed and the picks that play it.
 */

/** Seeds of every kind: ASCII, full unicode graphemes, and raw UTF-16 including lone surrogates. */
export const seedArb = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

/** One of `count` scenarios, by index. */
export const scenarioIndexArb = (count: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: count - 1 });

/** Each number picks one of the legal actions at that point, modulo how many there are. */
export const picksArb = (maxLength: number): fc.Arbitrary<number[]> => fc.array(fc.nat(), { maxLength });

/** A game: which of `count` scenarios, its seed, and the picks that play it. */
export const gameArb = (count: number, maxPicks: number): fc.Arbitrary<[number, string, number[]]> =>
  fc.tuple(scenarioIndexArb(count), seedArb, picksArb(maxPicks));
