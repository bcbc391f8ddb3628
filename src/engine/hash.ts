// 64-bit hash as 16 lowercase hex characters: two 32-bit multiply-xorshift lanes over UTF-16
// code units. Only Math.imul and integer bit operations, so every engine computes the same.
export function hash64(text: string): string {
  const h = new Hasher();
  h.push(text);
  return h.digest();
}

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
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
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
