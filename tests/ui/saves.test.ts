import { describe, expect, it } from 'vitest';
import { memoryStore, type Store } from '../../src/platform/storage';
import { gameFor, MAX_RESULTS, savedGames, trimResults, writeGame } from '../../src/ui/saves';
import { act, newSession, resume, saveText, type Session } from '../../src/ui/session';
import { ENTRIES, entry } from '../replay/support';

/** Plays `turns` turns of ending without acting, or to the end. */
function played(session: Session, turns: number): Session {
  let s = session;
  for (let i = 0; i < turns && !s.state.over; i++) {
    const r = act(s, { type: 'end-turn' });
    if (!r.ok) throw new Error(r.error.message);
    s = r.session;
  }
  return s;
}

function save(store: Store, s: Session, at: number): Session {
  const w = writeGame(store, s, at);
  if (w.kind !== 'saved') throw new Error(`not saved: ${w.kind}`);
  return w.session;
}

describe('saves per game', () => {
  it('keeps every game under its own key, lists them newest first, and reopens a link’s game', () => {
    const store = memoryStore();
    const a = save(store, played(newSession(entry('first-team'), 'a'), 2), 1000);
    const b = save(store, played(newSession(entry('idea-factory'), 'b'), 1), 2000);
    expect(a.key).not.toBe(b.key);
    const list = savedGames(store, ENTRIES);
    expect(list.map((g) => g.key)).toEqual([b.key, a.key]);
    const again = gameFor(list, 'first-team', 'a');
    expect(again?.turns).toEqual(a.turns);
    expect(gameFor(list, 'first-team', 'other')).toBeNull();
  });

  it('prefers the game in progress over a finished one of the same scenario and seed', () => {
    const store = memoryStore();
    const done = save(store, played(newSession(entry('first-team'), 's'), 99), 1000);
    expect(done.state.over).toBe(true);
    expect(gameFor(savedGames(store, ENTRIES), 'first-team', 's')?.key).toBe(done.key);
    const fresh = save(store, newSession(entry('first-team'), 's'), 500);
    expect(gameFor(savedGames(store, ENTRIES), 'first-team', 's')?.key).toBe(fresh.key);
  });

  it('never writes over a newer save of the same game from another tab', () => {
    const store = memoryStore();
    const start = save(store, newSession(entry('first-team'), 'tabs'), 1);
    // Two tabs hold the same revision; A plays on and saves first.
    const tabA = save(store, played(start, 1), 2);
    const w = writeGame(store, played(start, 1), 3);
    expect(w.kind).toBe('stale');
    if (w.kind !== 'stale') return;
    const r = resume(w.text, ENTRIES, start.key);
    expect(r.ok && r.session.rev).toBe(tabA.rev);
    expect(store.get(start.key)).toBe(w.text);
  });

  it('reports a refused write and changes nothing', () => {
    const base = memoryStore();
    const full: Store = { ...base, set: () => false };
    const s = newSession(entry('first-team'), 'full');
    expect(writeGame(full, s, 1)).toEqual({ kind: 'refused' });
    expect(base.keys()).toEqual([]);
  });

  it('lists a damaged save with its reason and never removes it', () => {
    const store = memoryStore();
    store.set('momentum.save', '{"format":"momentum-save", broken');
    store.set('momentum.game.x', JSON.stringify({ format: 'momentum-save', version: 9, rules: 99 }));
    const list = savedGames(store, ENTRIES);
    expect(list.map((g) => (g.ok ? 'ok' : g.reason)).sort()).toEqual([
      'The saved game is damaged and could not be read.',
      'The saved game was made by a newer version of the game; open it there, or keep it as a file.',
    ]);
    expect(store.keys().sort()).toEqual(['momentum.game.x', 'momentum.save']);
  });

  it('reads a save from before each game had its own key', () => {
    const store = memoryStore();
    const s = played(newSession(entry('first-team'), 'old'), 2);
    // The old format had neither a revision nor a time.
    const old = JSON.parse(saveText(s)) as Record<string, unknown>;
    delete old.rev;
    delete old.playedAt;
    store.set('momentum.save', JSON.stringify(old));
    const [g] = savedGames(store, ENTRIES);
    expect(g?.ok && g.session.turns).toEqual(s.turns);
    expect(g?.key).toBe('momentum.save');
  });

  it(`keeps the last ${MAX_RESULTS} finished games, and every game in progress`, () => {
    const store = memoryStore();
    for (let i = 0; i < MAX_RESULTS + 3; i++)
      save(store, played(newSession(entry('first-team'), `r${i}`), 99), 100 + i);
    const open = save(store, newSession(entry('first-team'), 'open'), 1);
    expect(trimResults(store, ENTRIES)).toBe(3);
    const list = savedGames(store, ENTRIES);
    const seeds = list.flatMap((g) => (g.ok ? [g.session.seed] : []));
    expect(seeds).toHaveLength(MAX_RESULTS + 1);
    expect(seeds).toContain(open.seed);
    for (const dropped of ['r0', 'r1', 'r2']) expect(seeds).not.toContain(dropped);
  });
});
