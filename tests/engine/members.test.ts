import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/engine/causes';
import {
  capacity,
  DISENGAGE_BELOW,
  DISENGAGED_RECOVER,
  memberLeaves,
  QUIT_BELOW,
  traitReaction,
  TRAIT_REACTIONS,
  updateMembers,
  type MutableMember,
} from '../../src/engine/members';
import { restoreRng, seedRng } from '../../src/engine/rng';
import type { MemberStatus } from '../../src/engine/state-types';
import { div, pct, VARIABLES, type Vars } from '../../src/engine/variables';
import { step } from '../../src/engine/step';
import { causeSum, choose, END, game, ok, run, withEvents, withVars } from './helpers';

function vars(over: Partial<Vars> = {}): Vars {
  const v = {} as Vars;
  for (const name of VARIABLES) v[name] = 50;
  return { ...v, ...over };
}

function member(id: string, morale: number, status: MemberStatus = 'engaged', skill = 60): MutableMember {
  return { id, morale, skill, status };
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
  it('moves a member’s morale a third of the way toward the team’s', () => {
    const ms = [member('a', 80), member('b', 20)];
    updateMembers(ms, vars({ morale: 50 }), new Ledger(), rng());
    expect(ms[0]!.morale).toBe(80 + div(50 - 80, 3));
    expect(ms[1]!.morale).toBe(20 + div(50 - 20, 3));
  });

  it('disengages an engaged member below DISENGAGE_BELOW, not at it', () => {
    const below = member('a', DISENGAGE_BELOW - 1);
    const at = member('b', DISENGAGE_BELOW);
    const facts = updateMembers([below, at], vars({ morale: DISENGAGE_BELOW - 1 }), new Ledger(), rng());
    // Team morale equal to the first member's: drift leaves them where they are.
    expect(below.status).toBe('disengaged');
    expect(at.morale).toBe(DISENGAGE_BELOW);
    expect(at.status).toBe('engaged');
    expect(facts).toEqual([{ type: 'member-disengaged', member: 'a' }]);
  });

  it('re-engages a disengaged member at DISENGAGED_RECOVER, not below it', () => {
    const back = member('a', DISENGAGED_RECOVER, 'disengaged');
    const still = member('b', DISENGAGED_RECOVER - 1, 'disengaged');
    const team = vars({ morale: DISENGAGED_RECOVER });
    // b drifts by a third of 1, which rounds to nothing.
    const facts = updateMembers([back, still], team, new Ledger(), rng());
    expect(back.status).toBe('engaged');
    expect(still.status).toBe('disengaged');
    expect(facts).toEqual([{ type: 'member-reengaged', member: 'a' }]);
  });

  it('has hysteresis: the recover threshold is above the disengage one', () => {
    expect(DISENGAGED_RECOVER).toBeGreaterThan(DISENGAGE_BELOW);
    expect(QUIT_BELOW).toBeLessThan(DISENGAGE_BELOW);
    const m = member('a', DISENGAGE_BELOW + 2, 'disengaged');
    updateMembers([m], vars({ morale: DISENGAGE_BELOW + 2 }), new Ledger(), rng());
    expect(m.status).toBe('disengaged');
  });

  it('never makes a disengaged member above QUIT_BELOW quit, nor an engaged one', () => {
    for (let i = 0; i < 50; i++) {
      const r = restoreRng(seedRng(`safe-${i}`));
      const ms = [member('a', QUIT_BELOW, 'disengaged'), member('b', 0, 'engaged')];
      updateMembers(ms, vars({ morale: QUIT_BELOW, trust: 0 }), new Ledger(), r);
      expect(ms[0]!.status).toBe('disengaged');
      expect(ms[1]!.status).not.toBe('gone');
    }
  });

  it('skips members who have left', () => {
    const gone = member('a', 10, 'gone');
    const facts = updateMembers([gone], vars({ morale: 90 }), new Ledger(), rng());
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
        const facts = updateMembers([m], v, ledger, restoreRng(seedRng(`quit-${i}`)));
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
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(0);
    // 45% against 12% chance over 300 draws.
    expect(low).toBeGreaterThan(high * 2);
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

  it('a more skilled leaver costs at least as much execution', () => {
    const lo = leave(50, 16);
    const hi = leave(50, 96);
    expect(hi.v.execution - hi.before.execution).toBeLessThan(lo.v.execution - lo.before.execution + 1);
    expect(hi.v.execution).toBeLessThan(hi.before.execution);
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
