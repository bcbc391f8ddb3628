import type { GameState, Scenario } from '../../engine';
import type { ReplayDocument } from '../../replay/document';
import { timeline, type TurnRecord } from '../../replay/timeline';
import type { VerifyResult } from '../../replay/verify';

/** A run whose every turn re-played as its code says. */
export type VerifiedReplay = Extract<VerifyResult, { valid: true }>;

/** A verified run laid out turn by turn, as the replay viewer steps through it. */
export interface ReplayRun {
  readonly verified: VerifiedReplay;
  readonly scenario: Scenario;
  readonly doc: ReplayDocument;
  /** Each turn's facts and causes: `records[i]` is turn i + 1. */
  readonly records: readonly TurnRecord[];
  /** The team at the start (0) and after each turn. */
  readonly states: readonly GameState[];
  /** The last turn of the run, which is also how many it has. */
  readonly last: number;
}

export function replayRun(r: VerifiedReplay): ReplayRun {
  const records = r.records ?? timeline(r.scenario, r.document.seed, r.document.turns);
  const start = records[0]?.before ?? r.state;
  const states = [start, ...records.map((x) => x.after)];
  return { verified: r, scenario: r.scenario, doc: r.document, records, states, last: states.length - 1 };
}

/** How the viewer names turn `at`: the counter and the slider say the same. */
export function turnName(at: number, last: number): string {
  return at === 0 ? 'Start' : `Turn ${at} of ${last}`;
}
