import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/engine/causes';
import {
  capacity,
  DISENGAGE_BELOW,
  DISENGAGED_RECOVER,
  memberLeaves,
  QUIT_BELOW,
  quitOdds,
  SPIRAL,
  traitReaction,
  TRAIT_REACTIONS,
  updateMembers,
  type MutableMember,
} from '../../src/engine/members';
import { restoreRng, seedRng } from '../../src/engine/rng';
import type { GameState, MemberStatus } from '../../src/engine/state-types';
import { div, pct, VARIABLES, type Vars } from '../../src/engine/variables';
import { step } from '../../src/engine/step';
import { causeSum, choose, END, game, mid, ok, run, withEvents, withShifts, withVars } from './helpers';

const vars = (over: Partial<Vars> = {}): Vars => mid(over);

function member(id: string, morale: number, status: MemberStatus = 'engaged', skill = 60, low = 0): MutableMember {
  return { id, morale, skill, status, low: status === 'disengaged' && low === 0 ? 1 : low };
}

const rng = () => restoreRng(seedRng('members'));

describe('capacity', () => {
  it('is zero for an empty team', () => {
    expect(capacity([])).toBe(0);
  });

  it('counts engaged skill fully, disengaged half and leavers nothing, over the whole team', () => {
    expect(capacity([member('a', 50, 'engaged', 80)])).toBe(80);
    expect(capacity([member('a', 50, 'disengaged', 80)])).toBe(40);
    expect(capacity([member('a', 50, 'gone', 80)])).toBe(0);
    expect(
      capacity([member('a', 50, 'engaged', 90), member('b', 50, 'disengaged', 61), member('c', 50, 'gone', 99)]),
    ).toBe(div(90 + div(61, 2), 3));
  });

  it('stays within [0, 100]', () => {
    expect(capacity([member('a', 0, 'engaged', 100), member('b', 0, 'engaged', 100)])).toBe(100);
    expect(capacity([member('a', 0, 'gone', 100)])).toBe(0);
  });
});

describe('trait reactions', () => {
  it('sum over a member’s traits and are zero for unrelated actions', () => {
    expect(traitReaction([], 'monitor')).toBe(0);
    expect(traitReaction(['creative'], 'open-the-floor')).toBe(TRAIT_REACTIONS.creative['open-the-floor']);
    expect(traitReaction(['creative', 'independent'], 'monitor')).toBe(
      (TRAIT_REACTIONS.creative.monitor ?? 0) + (TRAIT_REACTIONS.independent.monitor ?? 0),
    );
    expect(traitReaction(['steady'], 'set-budget')).toBe(0);
  });

  it('move the member’s morale when the action resolves', () => {
    // idea-factory's first member is creative: open-the-floor pleases, standardise annoys.
    const s = withEvents(game('idea-factory'), [], 0);
    const traits = s.setup.traits[0]!;
    const r1 = ok(ok(s, choose('open-the-floor')).state, END).state;
    const r2 = ok(ok(s, choose('standardise')).state, END).state;
    expect(traitReaction(traits, 'open-the-floor')).toBeGreaterThan(0);
    expect(traitReaction(traits, 'standardise')).toBeLessThan(0);
    expect(r1.members[0]!.morale).toBeGreaterThan(r2.members[0]!.morale);
  });
});

describe('updateMembers', () => {
  const update = (ms: MutableMember[], v: Vars, attended: readonly string[] = [], r = rng(), ledger = new Ledger()) =>
    updateMembers(ms, attended, v, ledger, r);

  it('moves a member’s morale part of the way toward the team’s, never past it', () => {
    for (const [own, team] of [
      [80, 50],
      [20, 50],
      [50, 90],
    ] as const) {
      const m = member('a', own);
      update([m], vars({ morale: team }));
      expect(Math.abs(m.morale - own)).toBeLessThan(Math.abs(team - own));
      expect(Math.sign(m.morale - own)).toBe(Math.sign(team - own));
    }
    const level = member('a', 50);
    update([level], vars({ morale: 50 }));
    expect(level.morale).toBe(50);
  });

  it('disengages an engaged member below DISENGAGE_BELOW, not at it', () => {
    const below = member('a', DISENGAGE_BELOW - 1);
    const at = member('b', DISENGAGE_BELOW);
    // Team morale between the two: the drift rounds to nothing for both.
    const facts = update([below, at], vars({ morale: DISENGAGE_BELOW }));
    expect(below.status).toBe('disengaged');
    expect(below.low).toBe(1);
    expect(at.morale).toBe(DISENGAGE_BELOW);
    expect(at.status).toBe('engaged');
    expect(facts).toEqual([{ type: 'member-disengaged', member: 'a' }]);
  });

  it('re-engages a disengaged member at DISENGAGED_RECOVER, not below it', () => {
    const back = member('a', DISENGAGED_RECOVER, 'disengaged', 60, 3);
    // Attended to, so the spiral does not pull b down; team morale at b's level, so no drift.
    const still = member('b', DISENGAGED_RECOVER - 1, 'disengaged');
    const facts = update([back, still], vars({ morale: DISENGAGED_RECOVER - 1 }), ['a', 'b']);
    expect(back.status).toBe('engaged');
    expect(back.low).toBe(0);
    expect(still.status).toBe('disengaged');
    expect(facts).toEqual([{ type: 'member-reengaged', member: 'a' }]);
  });

  it('has hysteresis: the recover threshold is above the disengage one', () => {
    expect(DISENGAGED_RECOVER).toBeGreaterThan(DISENGAGE_BELOW);
    expect(QUIT_BELOW).toBeLessThan(DISENGAGE_BELOW);
    const m = member('a', DISENGAGE_BELOW + 2, 'disengaged');
    update([m], vars({ morale: DISENGAGE_BELOW + 2 }), ['a']);
    expect(m.status).toBe('disengaged');
  });

  it('a disengaged member not attended to loses SPIRAL morale every turn', () => {
    expect(SPIRAL).toBeGreaterThan(0);
    const start = DISENGAGED_RECOVER - 1;
    // As many turns as keep them clear of quitting, which would draw randomness.
    const turns = Math.min(3, Math.floor((start - QUIT_BELOW) / SPIRAL));
    expect(turns).toBeGreaterThanOrEqual(1);
    const m = member('a', start, 'disengaged');
    for (let turn = 1; turn <= turns; turn++) {
      // Team morale at the member's own level: no drift, only the spiral.
      const level = m.morale;
      update([m], vars({ morale: level }));
      expect(m.morale).toBe(start - turn * SPIRAL);
      const e = member('b', level, 'engaged');
      update([e], vars({ morale: level }));
      expect(e.morale, 'an engaged member at the same level').toBe(level);
    }
    expect(m.status).toBe('disengaged');
    expect(m.low).toBe(1 + turns);
  });

  it('attending to a disengaged member (coaching, delegating) stops the spiral', () => {
    const start = DISENGAGED_RECOVER - 1;
    const m = member('a', start, 'disengaged');
    for (let turn = 1; turn <= 3; turn++) update([m], vars({ morale: start }), ['a']);
    expect(m.morale).toBe(start);
    // Attending to someone else does not help.
    const other = member('a', start, 'disengaged');
    update([other], vars({ morale: start }), ['b']);
    expect(other.morale).toBe(start - SPIRAL);
  });

  it('counts the turns a member stays disengaged, and resets the count on re-engaging', () => {
    const m = member('a', DISENGAGE_BELOW - 1);
    update([m], vars({ morale: DISENGAGE_BELOW - 1 }), ['a']);
    expect([m.status, m.low]).toEqual(['disengaged', 1]);
    update([m], vars({ morale: m.morale }), ['a']);
    expect([m.status, m.low]).toEqual(['disengaged', 2]);
    m.morale = DISENGAGED_RECOVER;
    update([m], vars({ morale: DISENGAGED_RECOVER }), ['a']);
    expect([m.status, m.low]).toEqual(['engaged', 0]);
  });

  it('never makes a disengaged member at or above QUIT_BELOW quit', () => {
    for (let i = 0; i < 50; i++) {
      const ms = [member('a', QUIT_BELOW, 'disengaged', 60, 10)];
      update(ms, vars({ morale: QUIT_BELOW, trust: 0 }), ['a'], restoreRng(seedRng(`safe-${i}`)));
      expect(ms[0]!.status).toBe('disengaged');
    }
  });

  it('a member can quit only after disengaging: an engaged one at zero morale first disengages', () => {
    for (let i = 0; i < 50; i++) {
      const m = member('b', 0, 'engaged');
      const facts = update([m], vars({ morale: 0, trust: 0 }), [], restoreRng(seedRng(`engaged-${i}`)));
      expect(m.status).toBe('disengaged');
      expect(facts).toEqual([{ type: 'member-disengaged', member: 'b' }]);
    }
  });

  it('skips members who have left', () => {
    const gone = member('a', 10, 'gone');
    const facts = update([gone], vars({ morale: 90 }));
    expect(gone).toEqual(member('a', 10, 'gone'));
    expect(facts).toEqual([]);
  });

  it('makes very unhappy disengaged members quit, less often with high trust', () => {
    const quits = (trust: number): number => {
      let n = 0;
      for (let i = 0; i < 300; i++) {
        const m = member('a', 5, 'disengaged');
        const ledger = new Ledger();
        const v = vars({ morale: 5, trust });
        const facts = update([m], v, [], restoreRng(seedRng(`quit-${i}`)), ledger);
        if (m.status === 'gone') {
          n++;
          expect(facts).toEqual([{ type: 'member-quit', member: 'a' }]);
          expect(causeSum(ledger.result(), { kind: 'member', source: 'a', var: 'morale' })).toBeLessThan(0);
        } else {
          expect(facts).toEqual([]);
        }
      }
      return n;
    };
    const low = quits(0);
    const high = quits(100);
    expect(quitOdds(1, 0)).toBeGreaterThan(quitOdds(1, 100));
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(0);
    // About quitOdds(1, trust) percent of 300 draws each.
    expect(Math.abs(low - quitOdds(1, 0) * 3)).toBeLessThan(40);
    expect(Math.abs(high - quitOdds(1, 100) * 3)).toBeLessThan(40);
  });
});

describe('quitOdds', () => {
  it('rises with each turn spent disengaged, falls with trust, and is never certain nor impossible', () => {
    for (let trust = 0; trust <= 100; trust += 10) {
      for (let low = 0; low < 10; low++) {
        const odds = quitOdds(low, trust);
        expect(Number.isInteger(odds)).toBe(true);
        expect(odds).toBeGreaterThan(0);
        expect(odds).toBeLessThan(100);
        expect(quitOdds(low + 1, trust)).toBeGreaterThanOrEqual(odds);
        if (trust < 100) expect(quitOdds(low, trust + 10)).toBeLessThanOrEqual(odds);
      }
    }
    expect(quitOdds(6, 50)).toBeGreaterThan(quitOdds(1, 50));
  });

  it('reads the member’s count of disengaged turns', () => {
    const draws = (low: number): number => {
      let n = 0;
      for (let i = 0; i < 300; i++) {
        const m = member('a', 5, 'disengaged', 60, low);
        updateMembers([m], [], vars({ morale: 5, trust: 60 }), new Ledger(), restoreRng(seedRng(`low-${i}`)));
        if (m.status === 'gone') n++;
      }
      return n;
    };
    expect(quitOdds(4, 60)).toBeGreaterThan(quitOdds(1, 60));
    expect(draws(4)).toBeGreaterThan(draws(1));
  });
});

describe('memberLeaves', () => {
  function leave(trust: number, skill = 64) {
    const m = member('zed', 10, 'disengaged', skill);
    const v = vars({ trust });
    const before = { ...v };
    const ledger = new Ledger();
    memberLeaves(m, v, ledger);
    return { m, v, before, causes: ledger.result() };
  }

  it('removes the member and records the loss under their id', () => {
    const { m, v, before, causes } = leave(0, 64);
    expect(m.status).toBe('gone');
    expect(v.morale).toBeLessThan(before.morale);
    expect(v.execution).toBeLessThan(before.execution);
    expect(causes.length).toBeGreaterThan(0);
    for (const c of causes) {
      expect(c.kind).toBe('member');
      expect(c.source).toBe('zed');
    }
    for (const name of VARIABLES) expect(causeSum(causes, { var: name })).toBe(v[name] - before[name]);
  });

  it('costs execution in proportion to the leaver’s skill', () => {
    const cost = (skill: number) => {
      const r = leave(50, skill);
      return r.before.execution - r.v.execution;
    };
    expect(cost(0)).toBe(0);
    expect(cost(96)).toBeGreaterThan(0);
    for (let skill = 0; skill <= 50; skill++) {
      expect(cost(skill + 1)).toBeGreaterThanOrEqual(cost(skill));
      // Twice the skill, twice the cost, give or take the rounding of integer division.
      expect(Math.abs(cost(2 * skill) - 2 * cost(skill))).toBeLessThanOrEqual(1);
    }
  });

  it('hurts morale less with high trust: halved at 100', () => {
    const low = leave(0);
    const mid = leave(50);
    const high = leave(100);
    const hit = (x: ReturnType<typeof leave>) => x.v.morale - x.before.morale;
    expect(hit(low)).toBeLessThan(0);
    expect(hit(high)).toBe(hit(low) - pct(hit(low), 50));
    expect(hit(mid)).toBeGreaterThan(hit(low));
    expect(hit(high)).toBeGreaterThan(hit(mid));
    expect(hit(high)).toBeLessThan(0);
    expect(high.v.execution - high.before.execution).toBe(low.v.execution - low.before.execution);
  });
});

describe('members in the game', () => {
  it('an engaged member with collapsing morale disengages at the end of the turn', () => {
    const s0 = withEvents(withVars(game('stagnant-giant'), { morale: 10 }), [], 0);
    const s = { ...s0, members: s0.members.map((m, i) => (i === 0 ? { ...m, morale: 0 } : m)) };
    const r = ok(s, END);
    expect(r.state.members[0]!.status).toBe('disengaged');
    expect(r.facts).toContainEqual({ type: 'member-disengaged', member: s.members[0]!.id });
  });

  /**
   * Two copies of a quiet game in which the first member sits in the band between disengaging
   * and recovering: engaged in one copy, disengaged in the other. Everything else is equal.
   */
  function pair(): { engaged: GameState; disengaged: GameState; id: string; other: string } {
    const base = withShifts(withEvents(withVars(game('first-team', 'spiral'), mid({ morale: 60 })), [], 0), []);
    const morale = DISENGAGE_BELOW + SPIRAL;
    expect(morale).toBeLessThan(DISENGAGED_RECOVER);
    expect(morale - SPIRAL).toBeGreaterThanOrEqual(QUIT_BELOW);
    const set = (status: MemberStatus): GameState => ({
      ...base,
      members: base.members.map((m, i) => (i === 0 ? { ...m, morale, status, low: status === 'engaged' ? 0 : 1 } : m)),
    });
    return {
      engaged: set('engaged'),
      disengaged: set('disengaged'),
      id: base.members[0]!.id,
      other: base.members[1]!.id,
    };
  }

  const moraleOf = (s: GameState, id: string) => s.members.find((m) => m.id === id)!.morale;

  it('left alone, a disengaged member ends the turn SPIRAL lower than an engaged one would', () => {
    const { engaged, disengaged, id, other } = pair();
    for (const plan of [[], [choose('coach', other)], [choose('tell-the-why')]]) {
      const a = run(engaged, [...plan, END]).state;
      const b = run(disengaged, [...plan, END]).state;
      expect(moraleOf(b, id)).toBe(moraleOf(a, id) - SPIRAL);
    }
  });

  it('coaching a disengaged member stops the spiral', () => {
    const { engaged, disengaged, id } = pair();
    const a = run(engaged, [choose('coach', id), END]).state;
    const b = run(disengaged, [choose('coach', id), END]).state;
    expect(moraleOf(b, id)).toBe(moraleOf(a, id));
    // And coaching them does better than leaving them be.
    expect(moraleOf(b, id)).toBeGreaterThan(moraleOf(run(disengaged, [END]).state, id));
  });

  it('a member leaves by quitting only after a turn spent disengaged', () => {
    // Every member disengaged at rock bottom, trust at zero: some quit within a few turns.
    const s0 = withShifts(withEvents(withVars(game('first-team', 'quit'), { morale: 0, trust: 0 }), [], 0), []);
    let s: GameState = { ...s0, members: s0.members.map((m) => ({ ...m, morale: 0 })) };
    let quit = 0;
    for (let turn = 0; turn < 4 && !s.over; turn++) {
      const before = s;
      const r = ok(s, END);
      for (const f of r.facts) {
        if (f.type !== 'member-quit') continue;
        quit++;
        expect(before.members.find((m) => m.id === f.member)!.status).toBe('disengaged');
      }
      s = r.state;
    }
    expect(quit).toBeGreaterThan(0);
  });

  it('a member who quit stays gone, cannot be targeted and no longer counts', () => {
    const s0 = withEvents(game('first-team'), [], 0);
    const who = s0.members[0]!.id;
    const s = { ...s0, members: s0.members.map((m, i) => (i === 0 ? { ...m, status: 'gone' as const } : m)) };
    const r = run(s, [END, END]).state;
    expect(r.members[0]).toEqual(s.members[0]);
    const refused = step(r, choose('coach', who));
    expect(refused.ok ? null : refused.error.code).toBe('unknown-target');
    const skilled = r.members.map((m, i) => (i === 0 ? { ...m, skill: 100 } : m));
    expect(capacity(skilled)).toBe(capacity(r.members));
  });
});
