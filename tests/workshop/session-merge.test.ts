import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keptSubmissions,
  markHandIns,
  mergeConflict,
  mergeRecords,
  mergeSubmissions,
  removalKey,
} from '../../src/platform/session-merge';
import {
  memoryWorkshopStore,
  SessionConflict,
  withMemoryFallback,
  type WorkshopRecord,
  type WorkshopStore,
} from '../../src/platform/workshops';

/** Sessions of one room, drawn from few codes, times and names so that they overlap often. */
const submission = fc.record({
  source: fc.constantFrom('pasted text, line 1', 'pasted text, line 2', 'blue.replay.json'),
  text: fc.constantFrom('M1.aaa', 'M1.bbb', ' M1.aaa ', 'M1.ccc', 'M1.ddd'),
  at: fc.integer({ min: 0, max: 5 }),
});
const session = fc.record({
  room: fc.constant('K7QX2M'),
  name: fc.constantFrom('Morning', 'Afternoon'),
  scenario: fc.constant('first-team'),
  seed: fc.constant('42'),
  teams: fc.uniqueArray(fc.constantFrom('Team 1', 'Team 2', 'Team 10', 'Blue'), { maxLength: 4 }),
  createdAt: fc.integer({ min: 0, max: 3 }),
  submissions: fc.array(submission, { maxLength: 8 }),
  removals: fc.array(
    fc.record({
      key: fc.constantFrom('M1.aaa', 'M1.bbb', 'M1.ccc').map(removalKey),
      at: fc.integer({ min: 0, max: 5 }),
      removed: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
});

/** A room of first-team, seed 42, with no hand-ins yet. */
function emptyRoom(room: string, name = 'Morning'): WorkshopRecord {
  return { room, name, scenario: 'first-team', seed: '42', teams: [], createdAt: 1, submissions: [] };
}

describe('merging two copies of one room', () => {
  it('gives the same room whichever comes first, and merging again changes nothing (property)', () => {
    fc.assert(
      fc.property(session, session, session, (s, a, b) => {
        const ab = mergeRecords(a, b);
        expect(ab).toEqual(mergeRecords(b, a));
        expect(mergeRecords(ab, a)).toEqual(ab);
        expect(mergeRecords(ab, ab)).toEqual(ab);
        // Importing A then B into a room equals importing B then A.
        expect(mergeRecords(mergeRecords(s, a), b)).toEqual(mergeRecords(mergeRecords(s, b), a));
      }),
      { numRuns: 500 },
    );
  });

  it('loses no hand-in and keeps each once, at its earliest (property)', () => {
    fc.assert(
      fc.property(session, session, (a, b) => {
        const m = mergeRecords(a, b).submissions;
        const all = [...a.submissions, ...b.submissions];
        const texts = new Set(all.map((s) => s.text.trim()));
        expect(m.map((s) => s.text.trim()).sort()).toEqual([...texts].sort());
        for (const s of m) {
          const earliest = Math.min(...all.filter((x) => x.text.trim() === s.text.trim()).map((x) => x.at));
          expect(s.at).toBe(earliest);
        }
        for (let i = 1; i < m.length; i++) expect(m[i]!.at).toBeGreaterThanOrEqual(m[i - 1]!.at);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a removal against every merge, whichever copy still holds the hand-in (property)', () => {
    fc.assert(
      // Removed after anything either copy did to these hand-ins (the clock moves on).
      fc.property(session, session, fc.integer({ min: 6, max: 10 }), (a, b, now) => {
        const texts = a.submissions.map((s) => s.text);
        const removedInA = markHandIns(a, texts, true, now);
        // Tab B never saw the removal and still holds the hand-ins: merging brings none back.
        const both = mergeRecords(b, removedInA);
        const left = new Set(keptSubmissions(both).map((s) => s.text.trim()));
        for (const t of texts) expect(left.has(t.trim())).toBe(false);
        // Undone later in B after the merge: every one is back, in every order of merging.
        const undone = markHandIns(both, texts, false, now);
        for (const m of [mergeRecords(undone, removedInA), mergeRecords(removedInA, undone)]) {
          const back = new Set(keptSubmissions(m).map((s) => s.text.trim()));
          for (const t of texts) expect(back.has(t.trim())).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a removed hand-in nowhere but keeps it, so an undo brings it back as it was', () => {
    const room: WorkshopRecord = {
      ...emptyRoom('K7QX2M'),
      submissions: [
        { source: 'line 1', text: 'M1.red', at: 1 },
        { source: 'line 2', text: 'M1.blue', at: 1 },
      ],
    };
    const removed = markHandIns(room, [' M1.red '], true, 9);
    expect(keptSubmissions(removed).map((s) => s.text)).toEqual(['M1.blue']);
    expect(removed.submissions).toEqual(room.submissions);
    // Undone at a clock that went backwards: still later than the removal, so it wins.
    const back = markHandIns(removed, ['M1.red'], false, 3);
    expect(keptSubmissions(back)).toEqual(room.submissions);
    expect(back.removals).toEqual([{ key: removalKey('M1.red'), at: 10, removed: false }]);
  });

  it('keeps a code pasted twice once', () => {
    const codes = Array.from({ length: 1000 }, (_, i) => ({ source: `line ${i + 1}`, text: `M1.${i}`, at: 1 }));
    const again = codes.map((c) => ({ ...c, at: 2 }));
    expect(mergeSubmissions(codes, again)).toEqual(codes);
  });

  it('never makes one room of two games', () => {
    const a: WorkshopRecord = emptyRoom('K7QX2M', 'A');
    expect(mergeConflict(a, { ...a, seed: '7' })).toBe(
      'room K7QX2M here plays “first-team” with seed “42”, the file “first-team” with seed “7”',
    );
    expect(mergeConflict(a, { ...a, name: 'B' })).toBeNull();
  });
});

describe('a store that merges', () => {
  it('merges what two tabs save, whichever saves last, and refuses a room of another game', async () => {
    const store = memoryWorkshopStore();
    const base: WorkshopRecord = emptyRoom('SAME01');
    await store.put(base);
    const tabA = { ...base, submissions: ['a1', 'a2', 'a3'].map((text) => ({ source: 'tab A', text, at: 2 })) };
    const tabB = { ...base, submissions: ['b1', 'b2'].map((text) => ({ source: 'tab B', text, at: 3 })) };
    await store.merge(tabA);
    const after = await store.merge(tabB);
    expect(after.submissions.map((s) => s.text)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    expect((await store.get('SAME01'))!.submissions).toHaveLength(5);
    // An empty export of the same room imported later takes nothing away.
    await store.merge(base);
    expect((await store.get('SAME01'))!.submissions).toHaveLength(5);
    await expect(store.merge({ ...base, seed: '7' })).rejects.toBeInstanceOf(SessionConflict);
    expect((await store.get('SAME01'))!.seed).toBe('42');
  });
});

describe('a store whose storage is full', () => {
  /** A store that refuses every write while `full` is set, as a browser with no room left does. */
  function fullStore(): { store: WorkshopStore; setFull: (on: boolean) => void } {
    const inner = memoryWorkshopStore(true);
    let full = true;
    const quota = (): Promise<never> => Promise.reject(new DOMException('no room', 'QuotaExceededError'));
    return {
      store: withMemoryFallback({
        ...inner,
        put: (r) => (full ? quota() : inner.put(r)),
        merge: (r) => (full ? quota() : inner.merge(r)),
      }),
      setFull: (on) => (full = on),
    };
  }
  const room: WorkshopRecord = emptyRoom('FULL01');

  it('still creates, collects and lists a session, in the page, saying so; and stores it all once there is room', async () => {
    const { store, setFull } = fullStore();
    await expect(store.put(room)).rejects.toThrow(
      'The browser’s storage is full, so this session is kept only while this page is open: export it as a file to keep it.',
    );
    expect(await store.get('FULL01')).toEqual(room);
    const runs = { ...room, submissions: [{ source: 'pasted text, line 1', text: 'M1.a', at: 2 }] };
    await expect(store.merge(runs)).rejects.toThrow(/kept only while this page is open/);
    expect((await store.get('FULL01'))!.submissions).toHaveLength(1);
    expect((await store.list()).map((r) => r.room)).toEqual(['FULL01']);
    setFull(false);
    const more = { ...room, submissions: [{ source: 'pasted text, line 1', text: 'M1.b', at: 3 }] };
    expect((await store.merge(more)).submissions.map((s) => s.text)).toEqual(['M1.a', 'M1.b']);
  });
});
