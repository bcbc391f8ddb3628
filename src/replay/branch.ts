import type { GameState } from '../engine';
import type { Lineage, ReplayDocument, ReplayTurn } from './document';

export type BranchPoint =
  | { readonly ok: true; readonly turns: readonly ReplayTurn[]; readonly lineage: Lineage }
  | { readonly ok: false; readonly reason: string };

/**
 * The start of a branch of a verified run at `atTurn`: the run's first `atTurn` turns (to be
 * re-simulated, never copied as state) and the lineage the branch will carry.
 */
export function branchAt(parent: { document: ReplayDocument; state: GameState }, atTurn: number): BranchPoint {
  const played = parent.document.turns.length;
  if (!Number.isSafeInteger(atTurn) || atTurn < 0) {
    return { ok: false, reason: `A branch starts after a whole number of turns, from 0 to ${played}.` };
  }
  if (atTurn > played) {
    return {
      ok: false,
      reason: `This run has ${played} turn${played === 1 ? '' : 's'}, so it cannot be branched after turn ${atTurn}.`,
    };
  }
  if (atTurn === played && parent.state.over) {
    return {
      ok: false,
      reason: `This run ended at turn ${played}, so there is nothing to play on from there: branch at an earlier turn.`,
    };
  }
  return {
    ok: true,
    turns: parent.document.turns
      .slice(0, atTurn)
      .map((t) => ({ turn: t.turn, actions: t.actions.map((c) => ({ ...c })) })),
    lineage: { atTurn, parentFinal: parent.document.final },
  };
}

/**
 * Null when `parent` is the run `branch` was branched from (same scenario and seed, its final
 * fingerprint, the same first turns), else the one sentence saying why not.
 */
export function lineageProblem(branch: ReplayDocument, parent: ReplayDocument): string | null {
  const lineage = branch.lineage;
  if (!lineage) return 'This run is not a branch: it was played from the start.';
  if (
    parent.final !== lineage.parentFinal ||
    parent.scenario.id !== branch.scenario.id ||
    parent.seed !== branch.seed
  ) {
    return `This is not the run the branch came from: that run ended with fingerprint ${lineage.parentFinal}.`;
  }
  for (let t = 0; t < lineage.atTurn; t++) {
    if (JSON.stringify(branch.turns[t]?.actions) !== JSON.stringify(parent.turns[t]?.actions)) {
      return `The branch does not share its first ${lineage.atTurn} turns with this run: turn ${t + 1} differs.`;
    }
  }
  return null;
}
