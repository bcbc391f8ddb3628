import { describe, expect, it } from 'vitest';
import { memoryWorkshopStore, type WorkshopRecord, type WorkshopStore } from '../../src/platform/workshops';
import { encodeCode } from '../../src/replay/code';
import { RoomKeeper, type KeeperHooks } from '../../src/ui/workshop/room-keeper';
import { ENTRIES, playRecorded } from '../replay/support';

const ROOM = 'KEEP01';
const empty: WorkshopRecord = {
  room: ROOM,
  name: 'Keeper',
  scenario: 'first-team',
  seed: 'keeper-seed',
  teams: [],
  createdAt: 1,
  submissions: [],
};

/** Team N's code for this room, played by one of three bots. */
function code(team: string, policy = 'balanced', seed = 'keeper-seed'): string {
  const { doc, scenario } = playRecorded('first-team', policy, seed, { team, room: ROOM });
  return encodeCode(doc, scenario);
}
const CODES = ['Blue', 'Green', 'Red'].map((t, i) => code(t, ['balanced', 'random', 'lead-only'][i]));
const at = (texts: readonly string[]) => texts.map((text, i) => ({ source: `line ${i + 1}`, text }));

/** A keeper on a store, with what its hooks were told written down. */
function keeperOn(store: WorkshopStore, hooks: Partial<KeeperHooks> = {}) {
  const told = { changed: 0, stored: 0, failed: [] as string[], progress: [] as (number | null)[] };
  const keeper = new RoomKeeper(ENTRIES, store, empty, {
    changed: () => told.changed++,
    progress: (done) => told.progress.push(done),
    stored: () => told.stored++,
    storeFailed: (m) => told.failed.push(m),
    clock: { now: () => Date.now(), elapsed: () => performance.now() },
    // Real time: the keeper's slices yield to Node's event loop as they would to the page's.
    timers: {
      after(ms, run) {
        const id = setTimeout(run, ms);
        return () => clearTimeout(id);
      },
      every: () => () => undefined,
    },
    ...hooks,
  });
  return { keeper, told };
}
const teams = (k: RoomKeeper): string[] => k.room.teams.map((t) => t.team);

describe('the room keeper (the dashboard’s state, without a page)', () => {
  it('verifies and stores what is pasted, once, and says which team runs are new', async () => {
    const store = memoryWorkshopStore(true);
    await store.put(empty);
    const { keeper, told } = keeperOn(store);
    await keeper.refresh();
    const first = await keeper.add(at(CODES.slice(0, 2)), 5);
    expect(first).toEqual({ ok: true, added: 2, refused: 0, tooLong: 0, stillRemoved: [] });
    await keeper.save();
    expect(told.stored).toBe(1);
    expect((await store.get(ROOM))!.submissions).toHaveLength(2);
    // The same two again and a third: one new run, nothing stored twice.
    expect(await keeper.add(at(CODES), 6)).toMatchObject({ ok: true, added: 1 });
    await keeper.save();
    expect((await store.get(ROOM))!.submissions).toHaveLength(3);
    expect(teams(keeper)).toEqual(['Blue', 'Green', 'Red']);
  });

  it('removes and restores; a removed code pasted again stays removed and is named', async () => {
    const store = memoryWorkshopStore(true);
    const { keeper } = keeperOn(store);
    await keeper.add(at(CODES), 5);
    await keeper.remove([CODES[1]!]);
    expect(teams(keeper)).toEqual(['Blue', 'Red']);
    const again = await keeper.add(at(CODES), 7);
    expect(again).toMatchObject({ ok: true, added: 0, stillRemoved: [CODES[1]] });
    expect(teams(keeper)).toEqual(['Blue', 'Red']);
    await keeper.restore([CODES[1]!]);
    expect(teams(keeper)).toEqual(['Blue', 'Green', 'Red']);
  });

  it('brings in what another tab stored, a removal there included', async () => {
    const store = memoryWorkshopStore(true);
    await store.put(empty);
    const a = keeperOn(store).keeper;
    const b = keeperOn(store).keeper;
    await a.add(at(CODES), 5);
    await a.save();
    expect(await b.takeIn()).toBe(3);
    expect(teams(b)).toEqual(['Blue', 'Green', 'Red']);
    await b.remove([CODES[0]!]);
    await b.save();
    expect(await a.takeIn()).toBe(-1);
    expect(teams(a)).toEqual(['Green', 'Red']);
    expect(await a.takeIn()).toBeNull();
  });

  it('verifies a big room in slices, saying how far it has come, with the same result', async () => {
    let clock = 0;
    const store = memoryWorkshopStore(true);
    // Every verification takes 25 ms on this clock: a slice of 40 ms holds two.
    const { keeper, told } = keeperOn(store, {
      clock: { now: () => 0, elapsed: () => (clock += 25) },
      pause: () => Promise.resolve(),
    });
    keeper.record = { ...empty, submissions: at(CODES).map((s) => ({ ...s, at: 1 })) };
    await keeper.refresh();
    expect(told.progress.filter((p) => p !== null).length).toBeGreaterThanOrEqual(1);
    expect(told.progress.at(-1)).toBeNull();
    expect(teams(keeper)).toEqual(['Blue', 'Green', 'Red']);
  });

  it('lets a paste during the first pass wait for it, so it counts only what is new', async () => {
    const store = memoryWorkshopStore(true);
    const { keeper } = keeperOn(store, { clock: { now: () => 0, elapsed: () => 0 }, pause: () => Promise.resolve() });
    keeper.record = { ...empty, submissions: at(CODES.slice(0, 2)).map((s) => ({ ...s, at: 1 })) };
    const first = keeper.refresh();
    const added = await keeper.add(at(CODES), 5);
    await first;
    expect(added).toMatchObject({ ok: true, added: 1 });
    expect(teams(keeper)).toEqual(['Blue', 'Green', 'Red']);
  });

  it('keeps the room in the page and says so when the store refuses', async () => {
    const inner = memoryWorkshopStore(true);
    const full: WorkshopStore = { ...inner, merge: () => Promise.reject(new Error('The browser’s storage is full.')) };
    const { keeper, told } = keeperOn(full);
    await keeper.add(at(CODES.slice(0, 1)), 5);
    await keeper.save();
    expect(told.failed).toEqual(['The browser’s storage is full.']);
    expect(teams(keeper)).toEqual(['Blue']);
  });

  it('refuses a paste past the most hand-ins a session keeps, adding nothing', async () => {
    const { keeper } = keeperOn(memoryWorkshopStore(true));
    keeper.record = {
      ...empty,
      submissions: Array.from({ length: 20_000 }, (_, i) => ({ source: 'x', text: `M1.${i}`, at: 1 })),
    };
    expect(await keeper.add(at(CODES.slice(0, 1)), 5)).toEqual({ ok: false, full: 20_000 });
    expect(keeper.record.submissions).toHaveLength(20_000);
  });
});
