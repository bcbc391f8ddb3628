import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { readerPolicy } from '../../src/bots/reader';
import { playGame } from '../../src/bots/run';
import { actionDef, createGame, step, waiting, type GameState, type ShiftDef } from '../../src/engine';
import { END, makeScenario, ok, SCENARIOS } from '../engine/helpers';

/** A quiet team with one shift on turn 2 that hits the most skilled member and is answered by coaching them. */
const crisis: ShiftDef = {
  id: 'crisis',
  title: 'A crisis',
  text: 'Someone is struggling.',
  from: 2,
  by: 2,
  effects: [],
  member: { pick: 'highest-skill', morale: -20 },
  pressure: [{ var: 'morale', amount: -3 }],
  settledBy: ['coach'],
};
const team = makeScenario({
  turns: 8,
  collapseAfter: 8,
  cast: 'fixed',
  shifts: [crisis],
  members: ['ada', 'bo', 'cy', 'di'].map((id, i) => ({
    id,
    name: id.toUpperCase(),
    role: 'Tester',
    traits: [],
    skill: 80 - 10 * i,
    morale: 70 - 10 * i,
  })),
});

function afterTurns(s: GameState, n: number): GameState {
  for (let i = 0; i < n; i++) s = ok(s, END).state;
  return s;
}

describe('the reader', () => {
  it('answers what the situation panel shows waiting first, aimed at the person it names', () => {
    const s = afterTurns(createGame(team, 'r'), 2);
    expect(s.situations[0]!.member).toBe('ada');
    // Ada is not the lowest in morale: only the panel's aim sends the coaching to her.
    const morale = (id: string) => s.members.find((m) => m.id === id)!.morale;
    expect(morale('ada')).toBeGreaterThan(morale('di'));
    expect(readerPolicy('r')(s)).toEqual({ type: 'choose', action: 'coach', target: 'ada' });
  });

  it('coaches a disengaged member, lowest morale first, when nothing waits', () => {
    const s = createGame(team, 'r');
    const low: GameState = {
      ...s,
      members: s.members.map((m) =>
        m.id === 'cy'
          ? { ...m, status: 'disengaged', morale: 20 }
          : m.id === 'bo'
            ? { ...m, status: 'disengaged', morale: 25 }
            : m,
      ),
    };
    expect(readerPolicy('r')(low)).toEqual({ type: 'choose', action: 'coach', target: 'cy' });
  });

  it('in chaos plays only management cards and in stagnation only leadership ones, the side the regime lacks', () => {
    for (const id of ['idea-factory', 'stagnant-giant', 'build-the-house']) {
      const sc = SCENARIOS.find((x) => x.id === id)!;
      for (let seed = 1; seed <= 20; seed++) {
        const choose = readerPolicy(String(seed));
        let s = createGame(sc, String(seed));
        while (!s.over) {
          const action = choose(s);
          const def = action.type === 'choose' ? actionDef(action.action) : undefined;
          const answer = waiting(s).some((w) => def !== undefined && w.settledBy.includes(def.id));
          const disengaged = s.members.some((m) => m.status === 'disengaged');
          // What waits for an answer, and a disengaged person to coach, come before the lean.
          if (def && !answer && !(def.id === 'coach' && disengaged)) {
            if (s.regime === 'chaos') expect(def.side, `${id} ${seed} turn ${s.turn}`).toBe('manage');
            if (s.regime === 'stagnation') expect(def.side, `${id} ${seed} turn ${s.turn}`).toBe('lead');
          }
          s = ok(s, action).state;
        }
      }
    }
  });

  it('does not read the hidden heat of the state: the same screen gives the same choice', () => {
    const s = createGame(
      SCENARIOS.find((x) => x.id === 'build-the-house')!,
      'heat',
    );
    const hot: GameState = { ...s, heat: s.heat.map(() => 300) };
    expect(readerPolicy('x')(hot)).toEqual(readerPolicy('x')(s));
  });

  it('remembers its own recent cards, so it does not play the same card every turn', () => {
    const sc = SCENARIOS.find((x) => x.id === 'build-the-house')!;
    const { turns } = playGame(sc, 'memory', readerPolicy);
    const firsts = turns.map((t) => (t[0]?.type === 'choose' ? t[0].action : ''));
    expect(new Set(firsts).size).toBeGreaterThan(1);
  });

  it('plays every shipped scenario to its end with legal choices only', () => {
    for (const sc of SCENARIOS) {
      const choose = readerPolicy('legal');
      let s = createGame(sc, 'legal');
      let guard = 0;
      while (!s.over && guard++ < 500) {
        const r = step(s, choose(s));
        expect(r.ok, `${sc.id} turn ${s.turn}`).toBe(true);
        if (r.ok) s = r.state;
      }
      expect(s.over).toBe(true);
    }
  });

  it('is the policy named "reader"', () => {
    expect(policyByName('reader')).toBe(readerPolicy);
  });
});
