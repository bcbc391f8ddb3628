import { leadershipIndex, managementIndex } from './regimes';
import type { Condition } from './scenario-types';
import type { MemberState, SetupCondition } from './state-types';
import type { Vars } from './variables';

// What a condition can look at besides the variables.
export interface Situation {
  readonly vars: Vars;
  readonly members: readonly MemberState[];
  readonly momentumTurns: number;
}

// A condition as written in a scenario, with its defaults filled in, as the rules test it.
export function normalCondition(c: Condition): SetupCondition {
  return { var: c.var ?? null, stat: c.stat ?? null, atLeast: c.atLeast ?? 0, atMost: c.atMost ?? 100 };
}

// How many members have left the team.
export function membersLost(members: readonly MemberState[]): number {
  let n = 0;
  for (const m of members) if (m.status === 'gone') n++;
  return n;
}

// The value a condition measures in a state: a variable, or a stat such as people lost.
export function conditionValue(c: SetupCondition, s: Situation): number {
  if (c.var !== null) return s.vars[c.var];
  switch (c.stat) {
    case 'members-lost':
      return membersLost(s.members);
    case 'momentum-turns':
      return s.momentumTurns;
    case 'leadership':
      return leadershipIndex(s.vars);
    case 'management':
      return managementIndex(s.vars);
    default:
      return 0;
  }
}

// True when every condition holds; an empty list always holds.
export function allHold(conditions: readonly SetupCondition[], s: Situation): boolean {
  for (const c of conditions) {
    const v = conditionValue(c, s);
    if (v < c.atLeast || v > c.atMost) return false;
  }
  return true;
}
