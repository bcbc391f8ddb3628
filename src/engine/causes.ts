import { clamp, VARIABLES, type VarName, type Vars } from './variables';

// Where a change came from: the explanation panel groups and words causes by kind.
export type CauseKind = 'action' | 'delayed' | 'event' | 'shift' | 'pressure' | 'drift' | 'member';

// One change to one variable, and what made it: the ledger a turn is explained from.
export interface Cause {
  readonly var: VarName;
  readonly kind: CauseKind;
  // An action id, event id, member id or rule id, depending on kind.
  readonly source: string;
  readonly amount: number;
}

// Each variable's place in a ledger's chains.
const SLOT = Object.fromEntries(VARIABLES.map((v, i) => [v, i])) as Record<VarName, number>;

// Collects causes for one step; one entry per (variable, kind, source). A ledger made with
// `record` false only applies changes: a search that reads no explanations skips the bookkeeping.
export class Ledger {
  readonly causes: Cause[] = [];
  // The entries of each variable chained from the latest back: a repeat is looked for among
  // its variable's two or so entries, not among the twenty of a whole turn.
  private readonly latest = VARIABLES.map(() => -1);
  private readonly previous: number[] = [];
  // Whether a merge ever summed to nothing, leaving an entry for result() to drop.
  private cancelled = false;

  constructor(private readonly record = true) {}

  // Changes a variable and records the part of the change that survived clamping, so the
  // causes of a variable always sum exactly to its change.
  bump(vars: Vars, v: VarName, amount: number, kind: CauseKind, source: string): number {
    const before = vars[v];
    const after = clamp(before + amount);
    const applied = after - before;
    if (applied === 0) return 0;
    vars[v] = after;
    if (!this.record) return applied;
    const slot = SLOT[v];
    for (let i = this.latest[slot]!; i >= 0; i = this.previous[i]!) {
      const c = this.causes[i]!;
      // A repeat replaces its entry rather than editing it: causes already handed out never change.
      if (c.kind === kind && c.source === source) {
        const total = c.amount + applied;
        if (total === 0) this.cancelled = true;
        this.causes[i] = { var: v, kind, source, amount: total };
        return applied;
      }
    }
    this.previous.push(this.latest[slot]!);
    this.latest[slot] = this.causes.length;
    this.causes.push({ var: v, kind, source, amount: applied });
    return applied;
  }

  // The recorded causes without entries whose gains and losses cancelled out.
  result(): Cause[] {
    return this.cancelled ? this.causes.filter((c) => c.amount !== 0) : this.causes.slice();
  }
}

// Sum of the causes recorded for one variable.
export function causeTotal(causes: readonly Cause[], v: VarName): number {
  let sum = 0;
  for (const c of causes) if (c.var === v) sum += c.amount;
  return sum;
}
