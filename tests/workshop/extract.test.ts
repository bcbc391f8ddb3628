import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectRoom, extractSubmissions, MAX_CANDIDATES } from '../../src/workshop';
import { ENTRIES, handIn, ROOM } from './support';

const blue = handIn('balanced', { team: 'Team Blue' });
const red = handIn('lead-only', { team: 'Team Red' });
const green = handIn('manage-only', { team: 'Team Green' });
const gold = handIn('random', { team: 'Team Gold' });

/** Random text, often holding pieces a code or link starts with, so the candidates path is exercised. */
const randomText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('M1.', 'M2.', 'replay=', 'replay%3D', '%', ' ', '\n', '{"format":"momentum-replay"', '['),
      fc.stringMatching(/^[A-Za-z0-9_-]{18,40}$/),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('extractSubmissions, with codes a chat broke apart', () => {
  /** A code broken at some places by a line wrap, a quoted wrap, a space or an invisible character. */
  const broken = (code: string, cuts: readonly { at: number; how: string }[]): string => {
    let out = '';
    let from = 0;
    for (const c of [...cuts].sort((a, b) => a.at - b.at)) {
      const at = Math.max(from, Math.min(code.length, c.at));
      out += code.slice(from, at) + c.how;
      from = at;
    }
    return out + code.slice(from);
  };
  const cutsArb = fc.array(
    fc.record({
      // Past the "M1." and its first characters: a code wraps where a chat's line is full.
      at: fc.integer({ min: 24, max: 400 }),
      how: fc.constantFrom('\n', '\r\n', '\n> ', '\n>> ', ' ', '\u200B', '\u2060', '\uFEFF', '\u00AD', ' \n  '),
    }),
    { maxLength: 4 },
  );

  it('puts every team’s code back together, and the room keeps every team (property)', () => {
    fc.assert(
      fc.property(
        cutsArb,
        cutsArb,
        cutsArb,
        fc.constantFrom('thanks all', 'ok', 'M1.', '> quoted reply', ''),
        (a, b, c, after) => {
          const transcript = [
            `[10:01] Blue: ${broken(blue.code, a)}`,
            after,
            `[10:02] Red: here ${broken(red.code, b)}`,
            `> [10:03] Green wrote: ${broken(green.code, c)}`,
            after,
          ].join('\n');
          const { found } = extractSubmissions(transcript, 'pasted text');
          expect(found.map((f) => f.text)).toEqual([blue.code, red.code, green.code]);
          const room = collectRoom(ENTRIES, ROOM, found);
          expect(room.teams.map((t) => t.team).sort()).toEqual(['Team Blue', 'Team Green', 'Team Red']);
          expect(room.refused).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names who wrote the line of a code it cannot read, from the chat’s own header', () => {
    const cut = red.code.slice(0, 80);
    for (const [line, who] of [
      [`[10:01] Team Red: ${cut}`, 'Team Red'],
      [`10:01:22 From Team Red to Everyone: ${cut}`, 'Team Red'],
      [`> 10:01 AM Team Red: here it is: ${cut}`, 'Team Red'],
      [`${cut}`, null],
      [`10:01 ${cut}`, null],
    ] as const) {
      const { found } = extractSubmissions(`hello\n${line}`, 'pasted text');
      expect(found[0]!.source, line).toBe(who ? `pasted text, line 2 (${who})` : 'pasted text, line 2');
    }
    // A code that reads is told by its line alone: its run carries its own name.
    expect(extractSubmissions(`hi\n[10:01] Ana: ${red.code}`, 'pasted text').found[0]!.source).toBe(
      'pasted text, line 2',
    );
  });

  it('never glues on words that merely follow a whole code, and leaves a cut code cut', () => {
    const { found } = extractSubmissions(`${blue.code}\nthanks\n${gold.code.slice(0, 60)}\nbye`, 'pasted text');
    expect(found.map((f) => f.text)).toEqual([blue.code, gold.code.slice(0, 60)]);
  });
});

describe('extractSubmissions', () => {
  it('finds codes, plain and nested links and cut codes in a chat transcript, in order, once each', () => {
    const cut = gold.code.slice(0, Math.floor(gold.code.length / 2));
    const nested = `https://chat.example/redirect?to=${encodeURIComponent(`https://game.example/m/?replay=${green.code}&x=1`)}`;
    const transcript = [
      '[09:01] Ana: hi all, here is ours',
      `[09:02] Ana: ${blue.code}`,
      `[09:03] Ben: link → https://game.example/momentum/?replay=${red.code}&scenario=first-team (took 12 min)`,
      `[09:04] Cy: ${nested}`,
      '[09:05] Dee: M1.5 is out, and our score was 3.14',
      `[09:06] Eve: ours got cut off: ${cut}`,
      `[09:07] Ana: again ${blue.code}.`,
    ].join('\n');
    const { found, note, repeated } = extractSubmissions(transcript, 'pasted text');
    expect(note).toBeNull();
    expect(found.map((f) => f.text)).toEqual([blue.code, red.code, green.code, cut]);
    // Ana's second post of the same code is read once, and counted as a repeat.
    expect(repeated).toBe(1);
    expect(found.map((f) => f.source)).toEqual([
      'pasted text, line 2',
      'pasted text, line 3',
      'pasted text, line 4',
      // A code that cannot be read is told by who wrote its line.
      'pasted text, line 6 (Eve)',
    ]);
    const room = collectRoom(ENTRIES, ROOM, found);
    expect(room.teams.map((t) => t.team)).toEqual(['Team Blue', 'Team Green', 'Team Red']);
    expect(room.refused).toHaveLength(1);
    expect(room.refused[0]!.source).toBe('pasted text, line 6 (Eve)');
  });

  it('URL-decodes a replay parameter, and keeps a link whose parameter is not a code so it can be refused', () => {
    const encoded = `see https://x.example/?replay=${blue.code.replace('.', '%2E')}`;
    expect(extractSubmissions(encoded, 'mail').found).toEqual([{ source: 'mail', text: blue.code }]);
    const junk = extractSubmissions('https://x.example/?replay=hello%20world', 'mail').found;
    expect(junk).toEqual([{ source: 'mail', text: 'hello world' }]);
    expect(collectRoom(ENTRIES, ROOM, junk).refused[0]!.reason).toMatch(/not a Momentum replay code/);
  });

  it('keeps codes of another version, so their refusal names the version', () => {
    const other = `M2.${blue.code.slice(3)}`;
    const { found } = extractSubmissions(`old: ${other}`, 'pasted text');
    expect(found.map((f) => f.text)).toEqual([other]);
    expect(collectRoom(ENTRIES, ROOM, found).refused[0]!.reason).toMatch(/version 2/);
  });

  it('does not take a code glued to a word before it, or too short to hold a run', () => {
    expect(extractSubmissions(`xyz${blue.code}`, 't').found).toEqual([]);
    expect(extractSubmissions('M1.abcdefghij is not a code', 't').found).toEqual([]);
  });

  it('takes a replay document, a list of them, and a damaged one whole', () => {
    const text = JSON.stringify(blue.doc, null, 2);
    expect(extractSubmissions(`\uFEFF${text}\n`, 'blue.replay.json')).toEqual({
      found: [{ source: 'blue.replay.json', text }],
      note: null,
      unread: 0,
      repeated: 0,
    });
    const list = extractSubmissions(JSON.stringify([blue.doc, red.doc]), 'session.json').found;
    expect(list.map((f) => f.source)).toEqual(['session.json, run 1', 'session.json, run 2']);
    expect(collectRoom(ENTRIES, ROOM, list).teams).toHaveLength(2);
    const half = text.slice(0, text.length / 2);
    const damaged = extractSubmissions(half, 'cut.replay.json');
    expect(damaged.found).toEqual([{ source: 'cut.replay.json', text: half.trim() }]);
    expect(collectRoom(ENTRIES, ROOM, damaged.found).refused[0]!.reason).toMatch(/not valid JSON/);
  });

  it('searches JSON that is not a replay for codes', () => {
    const chat = JSON.stringify({ messages: [{ text: `ours: ${red.code}` }, { text: 'nice' }] });
    expect(extractSubmissions(chat, 'export.json').found.map((f) => f.text)).toEqual([red.code]);
  });

  it('says in one line when nothing was found', () => {
    const r = extractSubmissions('no codes here, just words', 'notes.txt');
    expect(r.found).toEqual([]);
    expect(r.note).toBe('No replay code, link or replay file was found in notes.txt.');
  });

  it('reads at most 1,000 candidates and says how many more it left unread, repeats not counted', () => {
    const codes = Array.from({ length: 1500 }, (_, i) => `M1.${String(i).padStart(24, 'A')}`);
    const r = extractSubmissions([...codes, ...codes.slice(1200)].join(' '), 'flood.txt');
    expect(r.found).toHaveLength(MAX_CANDIDATES);
    expect(r.found[999]!.text).toBe(`M1.${String(999).padStart(24, 'A')}`);
    expect(r.unread).toBe(500);
    expect(r.note).toBe(
      'flood.txt holds 1,500 different replay codes or links; only the first 1,000 are read, and 500 are left unread.',
    );
    const fits = extractSubmissions(codes.slice(0, MAX_CANDIDATES).join(' '), 'fits.txt');
    expect({ found: fits.found.length, unread: fits.unread, note: fits.note }).toEqual({
      found: MAX_CANDIDATES,
      unread: 0,
      note: null,
    });
  });

  it('reads 10 MB of text in time proportional to its length and finds the codes at its start, middle and end', () => {
    const line = 'lorem ipsum M1. dolor https://example.org/?q=replay sit amet, M1.5 replay %3D\n';
    const textOf = (lines: number): string => {
      const junk = line.repeat(lines);
      const half = junk.length / 2;
      return `${blue.code} ${junk.slice(0, half)} ?replay=${red.code} ${junk.slice(half)} ${green.code}`;
    };
    const timed = (text: string): number => {
      const t0 = performance.now();
      const r = extractSubmissions(text, 'big.txt');
      const ms = performance.now() - t0;
      expect(r.found.map((f) => f.text)).toEqual([blue.code, red.code, green.code]);
      return ms;
    };
    const big = textOf(130_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    const oneMb = timed(textOf(13_000));
    const tenMb = timed(big);
    // A figure, not a test of this machine's speed: the test is that ten times the text takes
    // about ten times as long (a search that rescans would take a hundred times as long).
    console.log(`extracting codes: 1 MB in ${oneMb.toFixed(0)} ms, 10 MB in ${tenMb.toFixed(0)} ms`);
    expect(tenMb).toBeLessThan(30 * Math.max(oneMb, 10));
  });

  it('never throws on 1,000 random strings, and whatever it finds is refused or verified with a reason', () => {
    fc.assert(
      fc.property(randomText, (s) => {
        const r = extractSubmissions(s, 'random');
        const room = collectRoom(ENTRIES, ROOM, r.found);
        expect(room.teams).toEqual([]);
        expect(room.refused).toHaveLength(r.found.length);
        for (const x of room.refused) expect(x.reason).toMatch(/^\S.*[.!]$/s);
        expect(r.found.length === 0).toBe(r.note !== null);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds every code embedded in random text between separators', () => {
    const codes = [blue.code, red.code, green.code, gold.code];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom(' ', '\n', '(', '"', ': ', '<')), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.shuffledSubarray(codes, { minLength: 1 }),
        (fillers, picked) => {
          const text = picked.map((c, i) => `${fillers[i]![0]}${fillers[i]![1]}${c}`).join(' ');
          const found = extractSubmissions(text, 't').found.map((f) => f.text);
          for (const c of picked) expect(found).toContain(c);
        },
      ),
      { numRuns: 300 },
    );
  });
});
