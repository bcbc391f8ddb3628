import {
  type Cause,
  leadershipIndex,
  managementIndex,
  type Regime,
  regimeOf,
  VARIABLES,
  type VarName,
  type Vars,
} from '../engine';
import type { TurnRecord } from './timeline';

/** Each variable's weight in an index, read off the index itself so the two can never disagree. */
function weights(index: (v: Vars) => number): ReadonlyMap<VarName, number> {
  const out = new Map<VarName, number>();
  for (const v of VARIABLES) {
    const only = Object.fromEntries(VARIABLES.map((x) => [x, x === v ? 100 : 0])) as Vars;
    const w = index(only);
    if (w > 0) out.set(v, w);
  }
  return out;
}

const L_WEIGHTS = weights(leadershipIndex);
const M_WEIGHTS = weights(managementIndex);

/** Whether each index is high in a regime, read off the rule that names the regime. */
function sidesOf(regime: Regime): { l: boolean; m: boolean } {
  for (const l of [true, false]) for (const m of [true, false]) if (regimeOf(l, m) === regime) return { l, m };
  return { l: false, m: false };
}

/**
 * The cause that did most to move the team from one regime to the other this turn, or null:
 * the largest push, weighed by its share of the index, on a variable feeding an index that
 * crossed its threshold, in the direction it crossed, on a variable that moved that way over the
 * turn. A turning point names only this, so it never credits what the regimes do not read.
 */
export function regimeDriver(r: TurnRecord, from: Regime, to: Regime): Cause | null {
  const before = sidesOf(from);
  const after = sidesOf(to);
  const crossed: { weights: ReadonlyMap<VarName, number>; sign: number }[] = [];
  if (before.l !== after.l) crossed.push({ weights: L_WEIGHTS, sign: after.l ? 1 : -1 });
  if (before.m !== after.m) crossed.push({ weights: M_WEIGHTS, sign: after.m ? 1 : -1 });
  let best: { cause: Cause; push: number } | null = null;
  for (const change of r.changes) {
    const side = crossed.find((x) => x.weights.has(change.var));
    if (!side || Math.sign(change.to - change.from) !== side.sign) continue;
    const weight = side.weights.get(change.var)!;
    for (const c of change.causes) {
      if (Math.sign(c.amount) !== side.sign) continue;
      const push = Math.abs(c.amount) * weight;
      if (!best || push > best.push) best = { cause: c, push };
    }
  }
  return best?.cause ?? null;
}
