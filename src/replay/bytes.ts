import { fromUint8Array, toUint8Array } from 'js-base64';

/** Little binary writer and reader for replay codes: unsigned varints, bytes, UTF-8 strings. */
export class ByteWriter {
  private readonly out: number[] = [];

  byte(n: number): this {
    this.out.push(n & 0xff);
    return this;
  }

  varint(n: number): this {
    let v = n;
    while (v >= 0x80) {
      this.out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.out.push(v);
    return this;
  }

  bytes(b: Uint8Array | readonly number[]): this {
    for (const x of b) this.out.push(x & 0xff);
    return this;
  }

  string(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.varint(b.length).bytes(b);
  }

  hex(h: string): this {
    for (let i = 0; i < h.length; i += 2) this.out.push(parseInt(h.slice(i, i + 2), 16));
    return this;
  }

  result(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** Thrown when a code ends early or holds something impossible; the decoder turns it into a reason. */
export class Truncated extends Error {}

/** Thrown when a code's bytes run out: the code was cut, not altered. */
export class RanOut extends Truncated {}

export class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  /** Where reading is, to come back to with `rewind`. */
  mark(): number {
    return this.pos;
  }

  rewind(at: number): void {
    this.pos = at;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new RanOut('the code ends too early');
    return this.buf[this.pos++]!;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Truncated('a number in the code is too long');
  }

  bytes(n: number): Uint8Array {
    if (n > this.remaining) throw new RanOut('the code ends too early');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    const b = this.bytes(this.varint());
    try {
      // ignoreBOM: a text that starts with U+FEFF keeps it, as the encoder wrote it.
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      throw new Truncated('a text in the code is not valid UTF-8');
    }
  }

  hex(n: number): string {
    return Array.from(this.bytes(n), (x) => x.toString(16).padStart(2, '0')).join('');
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Base64url without padding: safe in a URL and a QR code. */
export function toBase64Url(bytes: Uint8Array): string {
  return fromUint8Array(bytes, true);
}

/**
 * Strict base64url decoding: null for a character outside the alphabet or for text that is
 * not exactly what encoding the decoded bytes gives back (stray bits in the last character).
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = toUint8Array(text);
  return toBase64Url(bytes) === text ? bytes : null;
}

/**
 * The bytes base64url text holds, read leniently (stray bits in the last character ignored, a
 * lone last character dropped), for reading what a code that was cut short still holds; null
 * for other characters.
 */
export function looseBytesOf(text: string): Uint8Array | null {
  if (!BASE64URL.test(text)) return null;
  return toUint8Array(text.length % 4 === 1 ? text.slice(0, -1) : text);
}
