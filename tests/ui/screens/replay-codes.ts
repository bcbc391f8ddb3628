import { policyByName } from '../../../src/bots/by-name';
import { playOn } from '../../../src/bots/run';
import { RULES_VERSION } from '../../../src/engine';
import { branchAt } from '../../../src/replay/branch';
import { encodeCode } from '../../../src/replay/code';
import { recordReplay, simulate, type ReplayDocument } from '../../../src/replay/document';
import { verifyReplay } from '../../../src/replay/verify';
import { choicesOf, ENTRIES, entry, playRecorded } from '../../replay/support';

/** A replay code and its document. */
export interface Run {
  readonly doc: ReplayDocument;
  readonly code: string;
}

/** A whole bot game of a shipped scenario and its replay code, as a player would share it. */
export function codeOf(scenario: string, policy: string, seed: string): Run {
  const { doc, scenario: s } = playRecorded(scenario, policy, seed);
  return { doc, code: encodeCode(doc, s) };
}

/** A branch of `parent` after `atTurn`, played on to the end by `policy`, as `sim branch` makes one. */
export function branchOf(parent: Run, atTurn: number, policy: string): Run {
  const verified = verifyReplay(parent.code, ENTRIES);
  if (!verified.valid) throw new Error(verified.reason);
  const point = branchAt(verified, atTurn);
  if (!point.ok) throw new Error(point.reason);
  const { scenario, hash } = entry(parent.doc.scenario.id);
  const prefix = simulate(scenario, parent.doc.seed, point.turns);
  if (!prefix.ok) throw new Error(prefix.message);
  const rest = playOn(prefix.state, parent.doc.seed, policyByName(policy)!);
  const choices = [...point.turns.map((t) => t.actions), ...choicesOf(rest)];
  const doc = recordReplay(scenario, hash, parent.doc.seed, choices, undefined, point.lineage);
  return { doc, code: encodeCode(doc, scenario) };
}

/** A finished game as the browser saves it, so a run can be one of the player's own. */
export function saveOf(doc: ReplayDocument): string {
  return JSON.stringify({
    format: 'momentum-save',
    version: 1,
    rules: RULES_VERSION,
    scenario: doc.scenario,
    seed: doc.seed,
    turns: doc.turns,
    plan: [],
    rev: 1,
    playedAt: 1_700_000_000_000,
  });
}

/** `code` with its last characters changed, so its checksum no longer matches. */
export function tampered(code: string): string {
  return `${code.slice(0, -6)}${code.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
}
