import fc from 'fast-check';
import { gameArb } from '../arbitraries';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/engine/canonical';
import { createGame } from '../../src/engine/create';
import { fingerprint, hash64 } from '../../src/engine/fingerprint';
import { Hasher } from '../../src/engine/hash';
import type { GameState } from '../../src/engine/state-types';
import { stateText } from '../../src/engine/state-text';
import { legalActions, step } from '../../src/engine/step';
import { SCENARIOS } from './helpers';

/** Every state a game passes through: random legal actions, then end-turns until it is over. */
function states(scenarioIndex: number, seed: string, picks: readonly number[]): GameState[] {
  const scenario = SCENARIOS[scenarioIndex]!;
  let s = createGame(scenario, seed);
  const out = [s];
  const advance = (action: Parameters<typeof step>[1]) => {
    const r = step(s, action);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
    out.push(s);
  };
  for (const p of picks) {
    if (s.over) break;
    const legal = legalActions(s);
    advance(legal[p % legal.length]!);
  }
  while (!s.over) advance({ type: 'end-turn' });
  return out;
}

const games = gameArb(SCENARIOS.length, 120);

/** The same text and fingerprint as the generic walk gives. */
function expectSame(value: unknown): void {
  const text = canonical(value);
  const got = stateText(value);
  // expect() only on a difference: called at every step of 150 games, it costs more than the check.
  if (got !== text) expect(got).toBe(text);
  const print = fingerprint(value);
  if (print !== hash64(text)) expect(print).toBe(hash64(text));
}

/** A JSON copy with one edit at a random path: an extra key, an undefined or removed key, a new type. */
function edited(state: GameState, path: readonly number[], edit: number): unknown {
  const root = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (const p of path) {
    const keys = Object.keys(node).filter((k) => typeof node[k] === 'object' && node[k] !== null);
    if (keys.length === 0) break;
    node = node[keys[p % keys.length]!] as Record<string, unknown>;
  }
  const keys = Object.keys(node);
  const key = keys.length > 0 ? keys[edit % keys.length]! : '0';
  const edits: (() => void)[] = [
    () => (node['zz extra'] = 1),
    () => (node[' first'] = [true, null]),
    () => (node[key] = undefined),
    () => delete node[key],
    () => (node[key] = { nested: 'x', a: -1.5 }),
    () => (node[key] = 'text "quoted" \u2028'),
    () => (node[key] = 123456789.25),
    () => (node[key] = null),
    () => Object.setPrototypeOf(node, null),
  ];
  edits[edit % edits.length]!();
  return root;
}

describe('state text', () => {
  it('matches the generic canonical text and hash at every step of random games', () => {
    fc.assert(
      fc.property(games, ([sc, seed, picks]) => {
        for (const s of states(sc, seed, picks)) {
          expectSame(s);
          expectSame(JSON.parse(JSON.stringify(s)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('matches it for frozen states and states with keys in another order', () => {
    fc.assert(
      fc.property(games, ([sc, seed, picks]) => {
        const all = states(sc, seed, picks);
        const last = all.at(-1)!;
        const reversed = Object.fromEntries(Object.entries(last).reverse());
        expectSame(reversed);
        expectSame(freeze(JSON.parse(JSON.stringify(last)) as unknown, true));
      }),
      { numRuns: 50 },
    );
  });

  it('falls back to the generic walk for anything off the state shape', () => {
    fc.assert(
      fc.property(games, fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), ([sc, seed, picks], path, edit) => {
        for (const s of states(sc, seed, picks).slice(-3)) expectSame(edited(s, path, edit));
      }),
      { numRuns: 300 },
    );
  });

  it('matches it for any JSON value with a setup key', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), (rest, setup) => {
        expectSame({ ...rest, setup });
      }),
      { numRuns: 300 },
    );
  });

  it('hashes text fed in pieces as it hashes the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (pieces) => {
        const h = new Hasher();
        for (const p of pieces) h.push(p);
        expect(h.digest()).toBe(hash64(pieces.join('')));
      }),
    );
  });
});
