// 64-bit hash as 16 lowercase hex characters: two 32-bit multiply-xorshift lanes over UTF-16
// code units. Only Math.imul and integer bit operations, so every engine computes the same.
export function hash64(text: string): string {
  const h = new Hasher();
  h.push(text);
  return h.digest();
}

const K1 = 2654435761;
const K2 = 1597334677;

// The same hash fed piece by piece: hashing the pieces of a text in order equals hashing the
// text, so a writer can hash a state without building its text first.
export class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  push(piece: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < piece.length; i++) {
      const ch = piece.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, K1);
      h2 = Math.imul(h2 ^ ch, K2);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  // Hashes the same as `push`, for a long piece met again and again (a game's setup, inside
  // every state's text): after the first few times it costs two table lookups, not a pass.
  pushRepeated(piece: string): void {
    const known = repeatedOf(piece);
    if (known === null) return this.push(piece);
    this.h1 = known.lane1.after(this.h1);
    this.h2 = known.lane2.after(this.h2);
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return hex8(h1) + hex8(h2);
  }
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

// One lane's passage through a fixed piece of n characters, each below 2^b. A step
// h → (h ^ ch)·K changes h by XOR only in its low b bits, and those bits of every later value
// depend only on the low b bits of the first, so the passage is h ↦ h·Kⁿ + D(h mod 2^b): it is
// learned once per residue (at most 2^b of them) by one pass, then read from the table.
class Lane {
  private readonly ends: Int32Array;
  private readonly learned: Uint8Array;
  private readonly kn: number;

  constructor(
    private readonly piece: string,
    private readonly k: number,
    private readonly mask: number,
  ) {
    this.ends = new Int32Array(mask + 1);
    this.learned = new Uint8Array(mask + 1);
    // Kⁿ by repeated squaring.
    let kn = 1;
    for (let e = piece.length, b = k; e > 0; e >>>= 1, b = Math.imul(b, b)) if (e & 1) kn = Math.imul(kn, b);
    this.kn = kn;
  }

  after(h: number): number {
    const r = h & this.mask;
    if (this.learned[r] === 0) {
      let x = r;
      for (let i = 0; i < this.piece.length; i++) x = Math.imul(x ^ this.piece.charCodeAt(i), this.k);
      this.ends[r] = x;
      this.learned[r] = 1;
    }
    // h = r + (h − r), and the passage adds (h − r)·Kⁿ to where r ends.
    return (this.ends[r]! + Math.imul(h & ~this.mask, this.kn)) | 0;
  }
}

interface Repeated {
  readonly lane1: Lane;
  readonly lane2: Lane;
}

// Shorter pieces are cheaper to hash than to look up; wider characters need too large a table.
const MIN_REPEATED = 256;
const MAX_RESIDUE_BITS = 8;
// A handful of setups are in play at once; past this many pieces the tables start over.
const MAX_PIECES = 32;
const pieces = new Map<string, Repeated | null>();

function repeatedOf(piece: string): Repeated | null {
  if (piece.length < MIN_REPEATED) return null;
  let known = pieces.get(piece);
  if (known === undefined) {
    let widest = 0;
    for (let i = 0; i < piece.length; i++) widest |= piece.charCodeAt(i);
    const bits = 32 - Math.clz32(widest);
    const mask = (1 << bits) - 1;
    known = bits > MAX_RESIDUE_BITS ? null : { lane1: new Lane(piece, K1, mask), lane2: new Lane(piece, K2, mask) };
    if (pieces.size >= MAX_PIECES) pieces.clear();
    pieces.set(piece, known);
  }
  return known;
}
