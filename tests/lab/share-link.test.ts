import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINK_LENGTH,
  MAX_SCENARIO_BYTES,
  readShareFragment,
  shareFragment,
  SHARE_KEY,
  type ReadResult,
} from '../../src/lab/share-link';
import { toBase64Url } from '../../src/replay/bytes';
import { SCENARIO_DIR } from '../../src/scenarios/files';

const URL_SAFE = /^#lab=[A-Za-z0-9_-]+$/;
const BASE = 'https://example.org/games/momentum/?lab';

/** Raw deflate of some bytes, made independently of the module under test. */
async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const fragmentOf = (bytes: Uint8Array): string => `#${SHARE_KEY}=${toBase64Url(bytes)}`;

async function shared(text: string): Promise<string> {
  const r = await shareFragment(text);
  if (!r.ok) throw new Error(r.reason);
  return r.fragment;
}

/** A refusal is exactly one sentence: a capital, one full stop at the very end, no line break. */
function expectOneSentence(r: ReadResult | null | { ok: boolean; reason?: string }): string {
  expect(r).not.toBeNull();
  expect(r!.ok).toBe(false);
  const reason = (r as { reason: string }).reason;
  expect(reason).toMatch(/^[A-Z][^\n]*\.$/);
  expect(reason.slice(0, -1)).not.toMatch(/\.\s/);
  return reason;
}

describe('sharing a scenario as a link', () => {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

  it('gives back every shipped scenario file exactly, in a link well inside the limit', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = readFileSync(join(SCENARIO_DIR, file), 'utf8');
      const r = await shareFragment(text, { base: BASE });
      expect(r.ok, file).toBe(true);
      if (!r.ok) continue;
      expect(r.fragment).toMatch(URL_SAFE);
      expect(r.length).toBe(BASE.length + r.fragment.length);
      // A shipped scenario leaves room for one half as wordy again.
      expect(r.length * 3).toBeLessThan(MAX_LINK_LENGTH * 2);
      expect(await readShareFragment(r.fragment)).toEqual({ ok: true, text });
      // location.hash has the '#'; the same data without it reads the same.
      expect(await readShareFragment(r.fragment.slice(1))).toEqual({ ok: true, text });
    }
  });

  it('gives back any text, non-ASCII, emoji and a leading byte-order mark included, in URL-safe characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 })),
        fc.boolean(),
        async (body, bom) => {
          const text = bom ? `\uFEFF${body}` : body;
          const fragment = await shared(text);
          expect(fragment).toMatch(/^#lab=[A-Za-z0-9_-]*$/);
          expect(encodeURIComponent(fragment.slice(1))).toBe(fragment.slice(1).replace('=', '%3D'));
          expect(await readShareFragment(fragment)).toEqual({ ok: true, text });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts the page address in the length when given one, and ignores a fragment already on it', async () => {
    const text = readFileSync(join(SCENARIO_DIR, files[0]!), 'utf8');
    const bare = await shareFragment(text);
    const onPage = await shareFragment(text, { base: `${BASE}#old` });
    expect(bare.ok && onPage.ok).toBe(true);
    if (!bare.ok || !onPage.ok) return;
    expect(onPage.fragment).toBe(bare.fragment);
    expect(bare.length).toBe(bare.fragment.length);
    expect(onPage.length).toBe(BASE.length + bare.fragment.length);
  });
});

describe('a scenario too large for a link', () => {
  /** Text that hardly compresses: every character drawn from a fixed pseudo-random sequence. */
  function noisy(length: number): string {
    let x = 12345;
    let s = '';
    for (let i = 0; i < length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      s += String.fromCharCode(0x21 + ((x >>> 16) % 94));
    }
    return s;
  }

  it('is refused in one sentence naming its length and the limit, offering the file instead', async () => {
    const r = await shareFragment(noisy(MAX_LINK_LENGTH));
    const reason = expectOneSentence(r);
    expect(reason).toMatch(
      /^This scenario makes a link of [\d,]+ characters, more than the 8,000 a link can safely carry/,
    );
    expect(reason).toContain('share the file instead');
  });

  it('fits exactly up to the limit: a page address that tips it over is refused', async () => {
    const text = noisy(4000);
    const r = await shareFragment(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const room = MAX_LINK_LENGTH - r.length;
    expect((await shareFragment(text, { base: 'x'.repeat(room) })).ok).toBe(true);
    const over = await shareFragment(text, { base: 'x'.repeat(room + 1) });
    expect(expectOneSentence(over)).toContain(`link of ${(MAX_LINK_LENGTH + 1).toLocaleString('en-US')} characters`);
  });

  it('refuses text larger than a link may unpack to, however well it compresses', async () => {
    const r = await shareFragment('a'.repeat(MAX_SCENARIO_BYTES + 1));
    expect(expectOneSentence(r)).toContain('share the file instead');
  });

  it('refuses text with half of a surrogate pair, which a link cannot carry', async () => {
    const r = await shareFragment('{"title": "\uD83D"}');
    expect(expectOneSentence(r)).toContain('broken character');
  });
});

describe('reading a link', () => {
  it('is no business of the link module when the fragment holds no lab data', async () => {
    for (const hash of ['', '#', '#top', '#scenario=first-team', '#labx=abc', 'lab']) {
      expect(await readShareFragment(hash)).toBeNull();
    }
  });

  it('reads a link whose scenario does not validate: the lab shows its problems', async () => {
    const text = '{"id": "broken", "turns": "eight"';
    expect(await readShareFragment(await shared(text))).toEqual({ ok: true, text });
  });

  it('refuses each kind of bad data in one sentence, never throwing', async () => {
    const valid = await shared(readFileSync(join(SCENARIO_DIR, 'first-team.json'), 'utf8'));
    const data = valid.slice('#lab='.length);
    // Whole groups of four characters are valid base64url, so the cut is found by the unpacker.
    const cut = `#lab=${data.slice(0, Math.floor(data.length / 8) * 4)}`;
    const bomb = fragmentOf(await deflated(new Uint8Array(MAX_SCENARIO_BYTES + 1024 * 1024).fill(0x61)));
    const badUtf8 = fragmentOf(await deflated(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])));
    const overlong = fragmentOf(await deflated(Uint8Array.from([0xc0, 0xaf])));
    const cases: [string, string, RegExp][] = [
      ['empty', '#lab=', /holds no scenario/],
      ['not base64url', '#lab=not base64!', /damaged or cut short/],
      ['standard base64 padding', '#lab=AAAA==', /damaged or cut short/],
      ['a length no base64 has', '#lab=AAAAA', /damaged or cut short/],
      ['stray bits in the last character', '#lab=AB', /damaged or cut short/],
      ['garbage (a reserved block type)', fragmentOf(Uint8Array.from([0xff, 0xff, 0xff, 0xff])), /cannot be unpacked/],
      ['truncated', cut, /cannot be unpacked/],
      ['a deflate bomb', bomb, /unpacks to more than 5 MB/],
      ['invalid UTF-8', badUtf8, /not readable text/],
      ['an overlong UTF-8 slash', overlong, /not readable text/],
    ];
    for (const [what, hash, words] of cases) {
      const r = await readShareFragment(hash);
      expect(expectOneSentence(r), what).toMatch(words);
    }
  });

  it('refuses every cut of a real link, at whatever length', async () => {
    const valid = await shared(readFileSync(join(SCENARIO_DIR, 'idea-factory.json'), 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: '#lab='.length + 1, max: valid.length - 1 }), async (end) => {
        expectOneSentence(await readShareFragment(valid.slice(0, end)));
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on random data, and reads what it accepts as text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const r = await readShareFragment(fragmentOf(bytes));
        expect(r).not.toBeNull();
        if (!r!.ok) expectOneSentence(r);
        else expect(typeof r!.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
