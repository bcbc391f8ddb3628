import {
  type Cause,
  type CauseKind,
  HEADLINE,
  type Headline,
  INDEX_WEIGHTS,
  quoted,
  type Regime,
  type VarName,
} from '../engine';
import type { ReplayChoice } from './document';
import { crossingsWords } from './regime-why';
import { timeline, type TurnRecord } from './timeline';
import { verifyReplay, type ScenarioEntry, type VerifyResult } from './verify';
import { causeWords, signed, VAR_LABELS } from './words';

/** A run the verifier accepted: its document, scenario, final state and summary. */
export type VerifiedRun = Extract<VerifyResult, { readonly valid: true }>;

/** What a comparison follows turn by turn: the headline meters and the two indices. */
export const TRACKED = [...HEADLINE, 'l', 'm'] as const;
export type Tracked = Headline | 'l' | 'm';

/**
 * The variables whose differing causes a comparison lists: the headline meters and whatever
 * feeds L and M, since the indices decide the regime.
 */
const GAP_VARS: readonly VarName[] = [
  ...new Set<VarName>([
    ...HEADLINE,
    ...(Object.keys(INDEX_WEIGHTS.l) as VarName[]),
    ...(Object.keys(INDEX_WEIGHTS.m) as VarName[]),
  ]),
];

/** One meter or index after a turn in both runs; null where a run has no such turn. */
export interface MeterPair {
  readonly a: number | null;
  readonly b: number | null;
  /** b − a, or null when either run lacks the turn. */
  readonly diff: number | null;
}

export interface ComparedTurn {
  readonly turn: number;
  readonly choicesA: readonly ReplayChoice[] | null;
  readonly choicesB: readonly ReplayChoice[] | null;
  /** Both runs played the turn and chose the same actions in the same order. */
  readonly same: boolean;
  /** Each headline meter and index after the turn. */
  readonly meters: Record<Tracked, MeterPair>;
  readonly regimeA: Regime | null;
  readonly regimeB: Regime | null;
}

/** One run's push on a variable from one source in one turn. */
interface CauseSide {
  readonly source: string;
  readonly kind: CauseKind;
  readonly amount: number;
  /** The cause in words, as the explanation panel words it. */
  readonly text: string;
}

/** A source that moved a variable by different amounts in the two runs on the same turn. */
interface CauseGap {
  readonly turn: number;
  readonly meter: VarName;
  /** Null when the source did not move the meter in that run. */
  readonly a: CauseSide | null;
  readonly b: CauseSide | null;
  /** How far apart the two pushes are: |b − a|, a missing push counting as 0. */
  readonly gap: number;
  readonly text: string;
}

/** Two runs of the same scenario and seed side by side, turn by turn. */
export interface Comparison {
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly seed: string;
  /** The first turn (from 1) both runs played with different choices; null when they never differ. */
  readonly divergedAtTurn: number | null;
  /** The same choices on every turn and as many turns: one run twice. */
  readonly identical: boolean;
  readonly turnsA: number;
  readonly turnsB: number;
  readonly finalA: string;
  readonly finalB: string;
  /** The headline meters and indices before the first turn, the same in both runs: they share a seed. */
  readonly start: Record<Tracked, number>;
  readonly turns: readonly ComparedTurn[];
  /**
   * The first turn the runs end in different regimes, told as which index crossed in which run
   * and what moved it most; null when their regimes never part.
   */
  readonly parting: string | null;
  /**
   * The pushes that differ most, from the divergence on, on the headline meters and the
   * variables that feed L and M; at most MAX_CAUSES.
   */
  readonly causes: readonly CauseGap[];
  readonly summary: string;
}

export type CompareResult = { ok: true; comparison: Comparison } | { ok: false; reason: string };

/** How many differing causes a comparison keeps: enough to explain a divergence, few enough to read. */
export const MAX_CAUSES = 8;

const SAME_ONLY = 'only runs of the same scenario and seed can be compared.';

/**
 * Compares two verified runs, or refuses in one sentence when they are of different scenarios,
 * different versions of one scenario, or different seeds: those runs never shared a start.
 */
export function compareRuns(a: VerifiedRun, b: VerifiedRun): CompareResult {
  const da = a.document;
  const db = b.document;
  if (da.scenario.id !== db.scenario.id) {
    return {
      ok: false,
      reason: `Run B is of scenario ${quoted(db.scenario.id)}; run A of ${quoted(da.scenario.id)}: ${SAME_ONLY}`,
    };
  }
  if (da.scenario.hash !== db.scenario.hash) {
    return {
      ok: false,
      reason: `Runs A and B were played on different versions of scenario ${quoted(da.scenario.id)}: ${SAME_ONLY}`,
    };
  }
  if (da.seed !== db.seed) {
    return {
      ok: false,
      reason: `Run B was played on seed ${JSON.stringify(db.seed)}; run A on seed ${JSON.stringify(da.seed)}: ${SAME_ONLY}`,
    };
  }
  return { ok: true, comparison: comparison(a, b) };
}

/** A pair of hand-ins compared, with the runs they verified to, or refused naming the run at fault. */
export type CompareInputsResult =
  | { ok: true; comparison: Comparison; a: VerifiedRun; b: VerifiedRun }
  | { ok: false; reason: string; run: 'A' | 'B' | null };

/**
 * Verifies two hand-ins (replay codes or replay documents' text) and compares them. A hand-in the
 * verifier refuses is named ("Run A: …"); a pair that cannot be compared gets compareRuns' reason.
 */
export function compareInputs(a: string, b: string, scenarios: readonly ScenarioEntry[]): CompareInputsResult {
  // The verifier keeps each turn's record, so the comparison does not play the runs again.
  const ra = verifyReplay(a, scenarios, { timeline: true });
  if (!ra.valid) return { ok: false, reason: `Run A: ${ra.reason}`, run: 'A' };
  const rb = verifyReplay(b, scenarios, { timeline: true });
  if (!rb.valid) return { ok: false, reason: `Run B: ${rb.reason}`, run: 'B' };
  const r = compareRuns(ra, rb);
  return r.ok ? { ok: true, comparison: r.comparison, a: ra, b: rb } : { ok: false, reason: r.reason, run: null };
}

function comparison(a: VerifiedRun, b: VerifiedRun): Comparison {
  const scenario = a.scenario;
  const seed = a.document.seed;
  const recA = a.records ?? timeline(scenario, seed, a.document.turns);
  const recB = b.records ?? timeline(scenario, seed, b.document.turns);
  const longest = Math.max(recA.length, recB.length);
  const shared = Math.min(recA.length, recB.length);

  const turns: ComparedTurn[] = [];
  let divergedAtTurn: number | null = null;
  for (let i = 0; i < longest; i++) {
    const ra = recA[i];
    const rb = recB[i];
    const same = ra !== undefined && rb !== undefined && sameChoices(ra.choices, rb.choices);
    if (!same && divergedAtTurn === null && i < shared) divergedAtTurn = i + 1;
    turns.push({
      turn: i + 1,
      choicesA: ra ? ra.choices : null,
      choicesB: rb ? rb.choices : null,
      same,
      meters: metersOf(ra, rb),
      regimeA: ra ? ra.regime : null,
      regimeB: rb ? rb.regime : null,
    });
  }

  const identical = divergedAtTurn === null && recA.length === recB.length;
  const first = recA[0]?.before ?? recB[0]?.before ?? a.state;
  const start = {
    morale: first.vars.morale,
    execution: first.vars.execution,
    innovation: first.vars.innovation,
    l: first.l,
    m: first.m,
  };
  const gaps: CauseGap[] = [];
  if (divergedAtTurn !== null) {
    for (let i = divergedAtTurn - 1; i < shared; i++) gaps.push(...causeGaps(recA[i]!, recB[i]!, scenario));
  }
  gaps.sort(byGap);

  return {
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    seed,
    divergedAtTurn,
    identical,
    turnsA: recA.length,
    turnsB: recB.length,
    finalA: a.summary.fingerprint,
    finalB: b.summary.fingerprint,
    start,
    turns,
    parting: partingText(recA, recB, scenario),
    causes: gaps.slice(0, MAX_CAUSES),
    summary: summarySentence(divergedAtTurn, recA.length, recB.length),
  };
}

/** The same choices in the same order: order changes what the rules do, so it counts. */
function sameChoices(a: readonly ReplayChoice[], b: readonly ReplayChoice[]): boolean {
  return a.length === b.length && a.every((c, i) => c.action === b[i]!.action && c.target === b[i]!.target);
}

function metersOf(ra: TurnRecord | undefined, rb: TurnRecord | undefined): Record<Tracked, MeterPair> {
  const pair = (x: number | null, y: number | null): MeterPair => ({
    a: x,
    b: y,
    diff: x === null || y === null ? null : y - x,
  });
  const meter = (v: Headline): MeterPair => pair(ra ? ra.after.vars[v] : null, rb ? rb.after.vars[v] : null);
  return {
    morale: meter('morale'),
    execution: meter('execution'),
    innovation: meter('innovation'),
    l: pair(ra ? ra.after.l : null, rb ? rb.after.l : null),
    m: pair(ra ? ra.after.m : null, rb ? rb.after.m : null),
  };
}

/** "Turn 6: run B moved from momentum to chaos: M fell …; run A stayed in momentum (L 66, M 58)." */
function partingText(
  recA: readonly TurnRecord[],
  recB: readonly TurnRecord[],
  scenario: VerifiedRun['scenario'],
): string | null {
  const shared = Math.min(recA.length, recB.length);
  for (let i = 0; i < shared; i++) {
    const ra = recA[i]!;
    const rb = recB[i]!;
    if (ra.regime === rb.regime) continue;
    const told = [['A', ra] as const, ['B', rb] as const].map(([name, r]) =>
      r.before.regime === r.regime
        ? `run ${name} stayed in ${r.regime} (L ${r.l}, M ${r.m})`
        : `run ${name} moved from ${r.before.regime} to ${r.regime}: ${crossingsWords(scenario, r)}`,
    );
    // The run that moved is told first: its crossing is what parted them.
    if (ra.before.regime === ra.regime) told.reverse();
    return `Turn ${ra.turn}: ${told.join('; ')}.`;
  }
  return null;
}

type Sources = Map<string, Cause>;

/** A turn's causes of one variable by their kind and source (one entry each, as the ledger keeps them). */
function sourcesOf(r: TurnRecord, meter: VarName): Sources {
  const out: Sources = new Map();
  for (const c of r.changes.find((x) => x.var === meter)?.causes ?? []) {
    const key = `${c.kind}\u0000${c.source}`;
    const seen = out.get(key);
    out.set(key, seen ? { ...c, amount: seen.amount + c.amount } : c);
  }
  return out;
}

/** Every source that pushed a listed variable by different amounts in the two runs on this turn. */
function causeGaps(ra: TurnRecord, rb: TurnRecord, scenario: VerifiedRun['scenario']): CauseGap[] {
  const out: CauseGap[] = [];
  for (const meter of GAP_VARS) {
    const inA = sourcesOf(ra, meter);
    const inB = sourcesOf(rb, meter);
    const keys = new Set([...inA.keys(), ...inB.keys()]);
    for (const key of keys) {
      const ca = inA.get(key);
      const cb = inB.get(key);
      const gap = Math.abs((cb?.amount ?? 0) - (ca?.amount ?? 0));
      if (gap === 0) continue;
      const side = (c: Cause | undefined): CauseSide | null =>
        c ? { source: c.source, kind: c.kind, amount: c.amount, text: causeWords(c, scenario) } : null;
      const a = side(ca);
      const b = side(cb);
      out.push({ turn: ra.turn, meter, a, b, gap, text: gapText(ra.turn, meter, a, b) });
    }
  }
  return out;
}

/** "turn 5: morale +9 from Coach someone in A, +2 in B"; a run without the push has "none". */
function gapText(turn: number, meter: VarName, a: CauseSide | null, b: CauseSide | null): string {
  const label = VAR_LABELS[meter].toLowerCase();
  const lead = a ?? b!;
  const first = a ? 'A' : 'B';
  const other = a ? b : null;
  const second = a ? 'B' : 'A';
  const rest = other ? signed(other.amount) : 'none';
  return `turn ${turn}: ${label} ${signed(lead.amount)} from ${lead.text} in ${first}, ${rest} in ${second}`;
}

const KIND_ORDER: readonly CauseKind[] = ['action', 'delayed', 'event', 'shift', 'member', 'pressure', 'drift'];

/** Biggest gap first; then by turn, meter, kind and source, none of which depends on which run is A. */
function byGap(x: CauseGap, y: CauseGap): number {
  const kx = (x.a ?? x.b)!;
  const ky = (y.a ?? y.b)!;
  return (
    y.gap - x.gap ||
    x.turn - y.turn ||
    GAP_VARS.indexOf(x.meter) - GAP_VARS.indexOf(y.meter) ||
    KIND_ORDER.indexOf(kx.kind) - KIND_ORDER.indexOf(ky.kind) ||
    (kx.source < ky.source ? -1 : kx.source > ky.source ? 1 : 0)
  );
}

const turnsWord = (n: number): string => `${n} ${n === 1 ? 'turn' : 'turns'}`;

function summarySentence(divergedAtTurn: number | null, turnsA: number, turnsB: number): string {
  if (divergedAtTurn === 1) return 'The runs differ from the first turn.';
  if (divergedAtTurn !== null) return `The runs first differ at turn ${divergedAtTurn}.`;
  if (turnsA === turnsB) return 'These two runs are the same run: they never diverge.';
  const [short, long, n] = turnsA < turnsB ? ['A', 'B', turnsA] : ['B', 'A', turnsB];
  if (n === 0) return `Run ${short} has no turns yet, so it is run ${long} before its first turn.`;
  return `Run ${short} is the first ${turnsWord(n)} of run ${long}: their choices never differ.`;
}
