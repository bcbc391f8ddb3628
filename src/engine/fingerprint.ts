import { canonical } from './canonical';
import { hash64, Hasher } from './hash';
import { writeState } from './state-text';

export { canonical, hash64 };

// The hash of the canonical text. A game state, the common case, is hashed as its text is
// written from its known shape, never built as one string; any value hashes the same either way.
export function fingerprint(state: unknown): string {
  if (!looksLikeState(state)) return hash64(canonical(state));
  const h = new Hasher();
  writeState(state, h);
  return h.digest();
}

function looksLikeState(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { setup?: unknown }).setup !== undefined;
}
