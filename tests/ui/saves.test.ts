import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { fingerprint } from '../../src/engine';
import { readLaunch, linkTo } from '../../src/platform/links';
import { memoryStore, type Store } from '../../src/platform/storage';
import { branchAt, lineageProblem } from '../../src/replay/branch';
import { decodeCode } from '../../src/replay/code';
import { verifyReplay } from '../../src/replay/verify';
import { gameFor, MAX_RESULTS, parentCodeOf, savedCodes, savedGames, trimResults, writeGame } from '../../src/ui/saves';
import {
  act,
  branchSession,
  GAME_PREFIX,
  gameQuery,
  newSession,
  replayOf,
  resume,
  saveText,
  type Session,
} from '../../src/ui/session';
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

  it('reopens a workshop team’s next attempt from the team’s link, and keeps a branch played alone off a plain link', () => {
    const store = memoryStore();
    const meta = { room: 'AK7QMXS', team: 'Red' };
    const first = save(store, played(newSession(entry('first-team'), 's', { meta }), 99), 1000);
    expect(first.state.over).toBe(true);
    const point = branchAt({ document: replayOf(first).document, state: first.state }, 1);
    if (!point.ok) throw new Error(point.reason);
    const again = save(
      store,
      played(branchSession(entry('first-team'), 's', point, replayOf(first).code!, meta), 1),
      2000,
    );
    expect(again.meta).toEqual(meta);
    expect(gameFor(savedGames(store, ENTRIES), 'first-team', 's', meta.room)?.key).toBe(again.key);
    // Alone, a branch is reopened only by its own key: the plain link keeps the run it left.
    const alone = save(store, played(newSession(entry('first-team'), 't'), 99), 3000);
    const p2 = branchAt({ document: replayOf(alone).document, state: alone.state }, 1);
    if (!p2.ok) throw new Error(p2.reason);
    save(store, played(branchSession(entry('first-team'), 't', p2, replayOf(alone).code!), 1), 4000);
    expect(gameFor(savedGames(store, ENTRIES), 'first-team', 't')?.key).toBe(alone.key);
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

  it('lists a save as it is now: after another tab saves more turns, and once its scenario is known', () => {
    const store = memoryStore();
    const first = save(store, played(newSession(entry('first-team'), 'kept'), 1), 1000);
    expect(savedGames(store, ENTRIES).map((g) => g.ok && g.session.turns.length)).toEqual([1]);
    save(store, played(first, 2), 2000);
    expect(savedGames(store, ENTRIES).map((g) => g.ok && g.session.turns.length)).toEqual([3]);
    // A scenario this browser learns later (from the lab) joins the same list in place.
    const known = ENTRIES.filter((e) => e.scenario.id !== 'first-team');
    expect(savedGames(store, known).map((g) => g.ok)).toEqual([false]);
    known.push(entry('first-team'));
    expect(savedGames(store, known).map((g) => g.ok)).toEqual([true]);
    store.remove(first.key);
    expect(savedGames(store, ENTRIES)).toEqual([]);
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

/** Plays `turns` turns as the named bot would, or to the end. */
function playedBy(session: Session, turns: number, bot: string): Session {
  const choose = policyByName(bot)!(session.seed);
  let s = session;
  let guard = 0;
  for (let ended = 0; ended < turns && !s.state.over;) {
    const action = ++guard > 1000 ? ({ type: 'end-turn' } as const) : choose(s.state);
    let r = act(s, action);
    if (!r.ok) r = act(s, { type: 'end-turn' });
    if (!r.ok) throw new Error(r.error.message);
    if (r.record) {
      ended++;
      guard = 0;
    }
    s = r.session;
  }
  return s;
}

/** The code of a session's run so far; every run here can have one. */
function codeOfSession(s: Session): string {
  const { code, problem } = replayOf(s);
  if (code === null) throw new Error(`no code: ${problem}`);
  return code;
}

/** Branches a session's run after `at` turns, as the replay screen does: from its verified code. */
function branchOf(parent: Session, at: number): { branch: Session; parentCode: string } {
  const parentCode = codeOfSession(parent);
  const v = verifyReplay(parentCode, ENTRIES);
  if (!v.valid) throw new Error(v.reason);
  const point = branchAt(v, at);
  if (!point.ok) throw new Error(point.reason);
  return { branch: branchSession(entry(parent.scenario.id), parent.seed, point, parentCode), parentCode };
}

/** A reload of the page at `query`: the saved games read afresh and the link's game reopened. */
function reload(store: Store, query: Record<string, string>): Session | null {
  const launch = readLaunch(new URL(linkTo(query, { origin: 'https://example.test', pathname: '/game/' })).search);
  if (launch.kind !== 'game') throw new Error(`not a game link: ${launch.kind}`);
  return gameFor(savedGames(store, ENTRIES), launch.scenario, launch.seed, launch.room, launch.branch);
}

describe('branches in the browser', () => {
  const SCENARIO = 'first-team';

  it('starts a branch from the parent’s first turns, re-simulated, with its own key and lineage', () => {
    const parent = playedBy(newSession(entry(SCENARIO), 'br-1'), 5, 'balanced');
    expect(parent.turns).toHaveLength(5);
    const { branch, parentCode } = branchOf(parent, 3);
    expect(branch.key).not.toBe(parent.key);
    expect(branch.key.startsWith(GAME_PREFIX)).toBe(true);
    expect(branch.rev).toBe(0);
    expect(branch.turns).toEqual(parent.turns.slice(0, 3));
    expect(branch.turns.some((t) => t.actions.length > 0)).toBe(true);
    expect(branch.records).toHaveLength(3);
    expect(fingerprint(branch.state)).toBe(fingerprint(parent.records[2]!.after));
    expect(fingerprint(branch.state)).not.toBe(fingerprint(parent.state));
    expect(branch.lineage).toEqual({ atTurn: 3, parentFinal: replayOf(parent).document.final, parentCode });
    // Played on, it is its own game: the parent is unchanged.
    const on = playedBy(branch, 2, 'lead-only');
    expect(on.turns.slice(0, 3)).toEqual(parent.turns.slice(0, 3));
    expect(on.turns).toHaveLength(5);
    expect(parent.turns).toHaveLength(5);
  });

  it('gives a branch an address naming its save; a game played from the start has none', () => {
    const parent = playedBy(newSession(entry(SCENARIO), 'br-2'), 4, 'balanced');
    expect(gameQuery(parent)).toEqual({ scenario: SCENARIO, seed: 'br-2' });
    const { branch } = branchOf(parent, 2);
    const q = gameQuery(branch);
    expect(Object.keys(q).sort()).toEqual(['branch', 'scenario', 'seed']);
    expect(q.scenario).toBe(SCENARIO);
    expect(q.seed).toBe('br-2');
    expect(q.branch).toBe(branch.key.slice(GAME_PREFIX.length));
    expect(`${GAME_PREFIX}${q.branch}`).toBe(branch.key);
    expect(q.branch).not.toContain(GAME_PREFIX);
  });

  it('gives the code of a branch its lineage, and verifying it proves the shared turns', () => {
    const parent = playedBy(newSession(entry(SCENARIO), 'br-3'), 6, 'balanced');
    const { branch } = branchOf(parent, 4);
    const on = playedBy(branch, 99, 'lead-only');
    expect(on.state.over).toBe(true);
    const { code, document } = replayOf(on);
    expect(code).not.toBeNull();
    const parentFinal = replayOf(parent).document.final;
    expect(document.lineage).toEqual({ atTurn: 4, parentFinal });
    const decoded = decodeCode(code!);
    expect(decoded.ok && decoded.raw.lineage).toEqual({ atTurn: 4, parentFinal });
    const v = verifyReplay(code!, ENTRIES);
    expect(v.valid).toBe(true);
    if (!v.valid) return;
    expect(v.document.lineage).toEqual({ atTurn: 4, parentFinal });
    expect(lineageProblem(v.document, replayOf(parent).document)).toBeNull();
    // The parent's code carries no lineage.
    const p = decodeCode(codeOfSession(parent));
    expect(p.ok && p.raw.lineage).toBeUndefined();
  });

  it('keeps the lineage and the parent’s code through a save and a resume', () => {
    const store = memoryStore();
    const parent = playedBy(newSession(entry(SCENARIO), 'br-4'), 5, 'balanced');
    const { branch, parentCode } = branchOf(parent, 3);
    const saved = save(store, playedBy(branch, 1, 'manage-only'), 10);
    const text = store.get(saved.key)!;
    const r = resume(text, ENTRIES, saved.key);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header.branchedAt).toBe(3);
    expect(r.session.lineage).toEqual({ atTurn: 3, parentFinal: replayOf(parent).document.final, parentCode });
    expect(r.session.turns).toEqual(saved.turns);
    expect(replayOf(r.session).code).toBe(replayOf(saved).code);
    const [g] = savedGames(store, ENTRIES);
    expect(g?.ok && g.session.lineage).toEqual(saved.lineage);
    // A game played from the start keeps no lineage.
    const plain = resume(saveText(parent), ENTRIES, parent.key);
    expect(plain.ok && plain.session.lineage).toBeUndefined();
    expect(plain.ok && plain.header.branchedAt).toBeUndefined();
  });

  it('keeps a branch made without its parent’s code without one', () => {
    const parent = playedBy(newSession(entry(SCENARIO), 'br-4b'), 3, 'balanced');
    const { branch } = branchOf(parent, 2);
    const bare: Session = { ...branch, lineage: { atTurn: 2, parentFinal: branch.lineage!.parentFinal } };
    const r = resume(saveText(bare), ENTRIES, bare.key);
    expect(r.ok && r.session.lineage).toEqual({ atTurn: 2, parentFinal: branch.lineage!.parentFinal });
    expect(r.ok && r.session.lineage && 'parentCode' in r.session.lineage).toBe(false);
  });

  it('reopens a branch by its key on reload, and the parent’s link still reopens the parent', () => {
    const store = memoryStore();
    const parent = save(store, playedBy(newSession(entry(SCENARIO), 'br-5'), 4, 'balanced'), 100);
    expect(parent.state.over).toBe(false);
    const parentText = store.get(parent.key)!;
    const { branch } = branchOf(parent, 2);
    // The branch is played on and saved after the parent: the most recent game of this seed.
    const b = save(store, playedBy(branch, 1, 'lead-only'), 200);
    expect(b.state.over).toBe(false);
    expect(b.turns).toHaveLength(3);

    const again = reload(store, gameQuery(b));
    expect(again?.key).toBe(b.key);
    expect(again?.turns).toEqual(b.turns);
    expect(again?.lineage).toEqual(b.lineage);
    // The original game's save is untouched.
    expect(store.get(parent.key)).toBe(parentText);

    const original = reload(store, gameQuery(parent));
    expect(original?.key).toBe(parent.key);
    expect(original?.turns).toEqual(parent.turns);
    expect(original?.lineage).toBeUndefined();

    // Playing on in the branch and saving again still leaves the parent's save as it was.
    save(store, playedBy(again!, 1, 'lead-only'), 300);
    expect(store.get(parent.key)).toBe(parentText);
    expect(reload(store, gameQuery(parent))?.key).toBe(parent.key);
    expect(reload(store, gameQuery(b))?.turns).toHaveLength(4);
  });

  it('never reopens a branch by scenario and seed alone, only by its key', () => {
    const store = memoryStore();
    const parent = playedBy(newSession(entry(SCENARIO), 'br-6'), 4, 'balanced');
    const { branch } = branchOf(parent, 2);
    const b = save(store, branch, 100);
    const key = b.key.slice(GAME_PREFIX.length);
    let list = savedGames(store, ENTRIES);
    expect(gameFor(list, SCENARIO, 'br-6')).toBeNull();
    expect(gameFor(list, SCENARIO, 'br-6', undefined, key)?.key).toBe(b.key);
    expect(gameFor(list, SCENARIO, 'br-6', undefined, 'no-such-game')).toBeNull();
    // With the parent saved too, the link without a branch reopens the parent, never the branch.
    const p = save(store, parent, 50);
    list = savedGames(store, ENTRIES);
    expect(list.map((g) => g.key)).toEqual([b.key, p.key]);
    expect(gameFor(list, SCENARIO, 'br-6')?.key).toBe(p.key);
    expect(gameFor(list, SCENARIO, 'br-6', undefined, key)?.key).toBe(b.key);
  });

  it('prefers the parent’s game in progress over its finished branch and over a finished game', () => {
    const store = memoryStore();
    const seed = 'br-7';
    const done = save(store, playedBy(newSession(entry(SCENARIO), seed), 99, 'manage-only'), 10);
    expect(done.state.over).toBe(true);
    const parent = save(store, playedBy(newSession(entry(SCENARIO), seed), 3, 'balanced'), 20);
    const { branch } = branchOf(parent, 1);
    const b = save(store, playedBy(branch, 99, 'lead-only'), 30);
    expect(b.state.over).toBe(true);
    const list = savedGames(store, ENTRIES);
    expect(list).toHaveLength(3);
    expect(gameFor(list, SCENARIO, seed)?.key).toBe(parent.key);
    expect(gameFor(list, SCENARIO, seed, undefined, b.key.slice(GAME_PREFIX.length))?.key).toBe(b.key);
  });

  it('refuses to resume a save whose branch turn is after its last turn, and keeps it', () => {
    const store = memoryStore();
    const parent = playedBy(newSession(entry(SCENARIO), 'br-8'), 4, 'balanced');
    const { branch } = branchOf(parent, 3);
    const good = JSON.parse(saveText(branch)) as { turns: unknown[]; lineage: { atTurn: number } };
    expect(good.lineage.atTurn).toBe(good.turns.length);
    expect(resume(JSON.stringify(good), ENTRIES, branch.key).ok).toBe(true);
    const bad = { ...good, lineage: { ...good.lineage, atTurn: good.turns.length + 1 } };
    const r = resume(JSON.stringify(bad), ENTRIES, branch.key);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('The saved game is damaged and could not be read.');
    store.set(branch.key, JSON.stringify(bad));
    const list = savedGames(store, ENTRIES);
    expect(list.map((g) => g.ok)).toEqual([false]);
    expect(gameFor(list, SCENARIO, 'br-8', undefined, branch.key.slice(GAME_PREFIX.length))).toBeNull();
    expect(store.keys()).toEqual([branch.key]);
  });

  it('lists the code of every saved game that has played a turn, naming a branch as one', () => {
    const store = memoryStore();
    save(store, newSession(entry(SCENARIO), 'br-9'), 5);
    const parent = save(store, playedBy(newSession(entry(SCENARIO), 'br-9'), 4, 'balanced'), 10);
    const { branch } = branchOf(parent, 2);
    const b = save(store, playedBy(branch, 1, 'lead-only'), 20);
    const codes = savedCodes(store, ENTRIES);
    expect(codes.map((c) => c.code)).toEqual([codeOfSession(b), codeOfSession(parent)]);
    expect(codes.map((c) => c.final)).toEqual([replayOf(b).document.final, replayOf(parent).document.final]);
    expect(codes[0]!.label).toContain('branch after turn 2');
    expect(codes[0]!.label).toContain('turn 3 so far');
    expect(codes[1]!.label).not.toContain('branch');
    expect(codes[1]!.label).toContain('turn 4 so far');
    const v = verifyReplay(codes[0]!.code, ENTRIES);
    expect(v.valid && v.document.lineage).toEqual({ atTurn: 2, parentFinal: replayOf(parent).document.final });
  });

  it('finds the parent’s code: the one kept, else a saved game ending as the lineage says, else none', () => {
    const store = memoryStore();
    const parent = save(store, playedBy(newSession(entry(SCENARIO), 'br-10'), 4, 'balanced'), 10);
    const other = save(store, playedBy(newSession(entry(SCENARIO), 'br-11'), 2, 'balanced'), 5);
    const { branch, parentCode } = branchOf(parent, 2);
    const lineage = branch.lineage!;
    expect(parentCodeOf(lineage, store, ENTRIES)).toBe(parentCode);
    // The kept code comes first, even when a saved game would be found.
    const kept = codeOfSession(other);
    expect(parentCodeOf({ ...lineage, parentCode: kept }, store, ENTRIES)).toBe(kept);
    const bare = { atTurn: lineage.atTurn, parentFinal: lineage.parentFinal };
    expect(parentCodeOf(bare, store, ENTRIES)).toBe(codeOfSession(parent));
    // Once the parent plays on, no saved game ends as the lineage says.
    save(store, playedBy(parent, 1, 'balanced'), 20);
    expect(parentCodeOf(bare, store, ENTRIES)).toBeNull();
    expect(parentCodeOf(bare, memoryStore(), ENTRIES)).toBeNull();
  });
});
