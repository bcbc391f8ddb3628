import { describe, expect, it } from 'vitest';
import { MAX_HAND_IN_CHARS, MAX_SESSION_HAND_INS, type WorkshopRecord } from '../../src/platform/workshops';
import { readSessionFile, sessionFileText } from '../../src/ui/workshop/session-file';

const record: WorkshopRecord = {
  room: 'K7QX2M',
  name: 'Workshop, 7 December',
  scenario: 'first-team',
  seed: 'morning-1',
  teams: ['Team Blue'],
  createdAt: 1_765_000_000_000,
  submissions: [{ source: 'pasted text, line 1', text: 'M1.abc', at: 1_765_000_100_000 }],
};

const withFields = (change: Partial<WorkshopRecord>): string => sessionFileText({ ...record, ...change });

describe('a workshop session file', () => {
  it('reads back what it wrote', () => {
    expect(readSessionFile(sessionFileText(record))).toEqual({ ok: true, record });
  });

  it('reads back any session a dashboard keeps, up to its most hand-ins, and refuses one past it', () => {
    const many = (n: number): WorkshopRecord => ({
      ...record,
      submissions: Array.from({ length: n }, (_, i) => ({
        source: `pasted text, line ${i + 1}`,
        text: `M1.${i}`,
        at: i,
      })),
    });
    for (const n of [6_000, MAX_SESSION_HAND_INS])
      expect(readSessionFile(sessionFileText(many(n)))).toEqual({ ok: true, record: many(n) });
    const long = { ...record, submissions: [{ source: 'a.replay.json', text: 'x'.repeat(MAX_HAND_IN_CHARS), at: 1 }] };
    expect(readSessionFile(sessionFileText(long)).ok).toBe(true);
    expect(readSessionFile(sessionFileText(many(MAX_SESSION_HAND_INS + 1)))).toEqual({
      ok: false,
      reason: 'This workshop session file is damaged at submissions.',
    });
  });

  it('reads back removed hand-ins, reads a file of the first version, and refuses a damaged removal', () => {
    const removed: WorkshopRecord = { ...record, removals: [{ key: '0123456789abcdef', at: 5, removed: true }] };
    expect(readSessionFile(sessionFileText(removed))).toEqual({ ok: true, record: removed });
    const first = JSON.parse(sessionFileText(record)) as Record<string, unknown>;
    expect(readSessionFile(JSON.stringify({ ...first, version: 1 }))).toEqual({ ok: true, record });
    const bad = { ...removed, removals: [{ key: 'M1.abc', at: 5, removed: true }] };
    expect(readSessionFile(sessionFileText(bad))).toEqual({
      ok: false,
      reason: 'This workshop session file is damaged at removals.0.key.',
    });
    expect(readSessionFile(JSON.stringify({ ...first, version: 3 }))).toEqual({
      ok: false,
      reason: 'This workshop session was exported by another version of the game.',
    });
  });

  it('refuses a room code no link could open again: blank, or with a space at either end', () => {
    for (const room of ['   ', ' K7QX2M', 'K7QX2M ']) {
      const r = readSessionFile(withFields({ room }));
      expect(r).toEqual({
        ok: false,
        reason: 'This workshop session’s room code is blank or starts or ends with a space, so no link could open it.',
      });
    }
  });

  it('refuses a seed or room code the game itself would refuse, with the game’s own reason', () => {
    const seed = readSessionFile(withFields({ seed: 'bad\u0007seed' }));
    expect(seed).toEqual({
      ok: false,
      reason:
        'This workshop session cannot be imported. The seed holds an invisible control character (U+0007); please use letters, digits, spaces and punctuation only.',
    });
    const room = readSessionFile(withFields({ room: 'K7\u0000QX' }));
    expect(room.ok).toBe(false);
    expect(!room.ok && room.reason).toMatch(
      /^This workshop session cannot be imported\. The room code holds an invisible control character/,
    );
    expect(readSessionFile(withFields({ seed: 'x'.repeat(150) })).ok).toBe(false);
  });
});
