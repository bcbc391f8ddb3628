import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { playOn } from '../../src/bots/run';
import { branchAt, lineageProblem } from '../../src/replay/branch';
import { decodeCode, encodeCode } from '../../src/replay/code';
import { recordReplay, simulate, type ReplayDocument } from '../../src/replay/document';
import { verifyReplay } from '../../src/replay/verify';
import { choicesOf, ENTRIES, entry, expectAccepted, expectCleanReason, expectRefused, playRecorded } from './support';

/** Branches a verified run after `atTurn` and lets `policy` play the rest, as `sim branch` does. */
function branch(parentCode: string, atTurn: number, policy: string): { doc: ReplayDocument; code: string } {
  const parent = expectAccepted(verifyReplay(parentCode, ENTRIES));
  const point = branchAt(parent, atTurn);
  if (!point.ok) throw new Error(point.reason);
  const { scenario, hash } = entry(parent.document.scenario.id);
  const prefix = simulate(scenario, parent.document.seed, point.turns);
  if (!prefix.ok) throw new Error(prefix.message);
  const rest = playOn(prefix.state, parent.document.seed, policyByName(policy)!);
  const choices = [...point.turns.map((t) => t.actions), ...choicesOf(rest)];
  const doc = recordReplay(scenario, hash, parent.document.seed, choices, undefined, point.lineage);
  return { doc, code: encodeCode(doc, scenario) };
}

function parentRun(scenario: string, policy: string, seed: string): { doc: ReplayDocument; code: string } {
  const { doc } = playRecorded(scenario, policy, seed);
  return { doc, code: encodeCode(doc, entry(scenario).scenario) };
}

describe('branching a run', () => {
  const parent = parentRun('stagnant-giant', 'balanced', 'branch-1');

  it('re-simulates the parent’s first turns exactly: the first checkpoints are the parent’s', () => {
    const b = branch(parent.code, 3, 'lead-only');
    expect(b.doc.checkpoints.slice(0, 3)).toStrictEqual(parent.doc.checkpoints.slice(0, 3));
    expect(b.doc.turns.slice(0, 3)).toStrictEqual(parent.doc.turns.slice(0, 3));
    expect(b.doc.lineage).toStrictEqual({ atTurn: 3, parentFinal: parent.doc.final });
  });

  it('carries its lineage in its code, and verifying the code reports it', () => {
    const b = branch(parent.code, 4, 'manage-only');
    const decoded = decodeCode(b.code);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.raw.lineage).toStrictEqual({ atTurn: 4, parentFinal: parent.doc.final });
    const v = expectAccepted(verifyReplay(b.code, ENTRIES));
    expect(v.document.lineage).toStrictEqual({ atTurn: 4, parentFinal: parent.doc.final });
    expect(v.fingerprint).toBe(b.doc.final);
    // The replay document verifies too and keeps the lineage.
    const fromFile = expectAccepted(verifyReplay(JSON.stringify(b.doc), ENTRIES));
    expect(fromFile.document.lineage).toStrictEqual(b.doc.lineage);
  });

  it('knows its parent and no other run', () => {
    const b = branch(parent.code, 5, 'lead-only');
    expect(lineageProblem(b.doc, parent.doc)).toBeNull();
    const other = parentRun('stagnant-giant', 'balanced', 'branch-2');
    const problem = lineageProblem(b.doc, other.doc);
    expect(problem).toContain(parent.doc.final);
    expectCleanReason(problem!);
    expect(lineageProblem(parent.doc, b.doc)).toMatch(/not a branch/);
  });

  it('refuses a turn past the end, a negative turn, and the end of a finished run, in one sentence', () => {
    const v = expectAccepted(verifyReplay(parent.code, ENTRIES));
    const played = v.document.turns.length;
    for (const at of [played + 1, -1, 2.5, played]) {
      const r = branchAt(v, at);
      expect(r.ok, `branch after ${at}`).toBe(false);
      if (!r.ok) expectCleanReason(r.reason);
    }
    expect(branchAt(v, played - 1).ok).toBe(true);
    expect(branchAt(v, 0).ok).toBe(true);
  });

  it('refuses a document whose lineage leaves after its last turn', () => {
    const b = branch(parent.code, 2, 'balanced');
    const edited = { ...b.doc, lineage: { atTurn: b.doc.turns.length + 1, parentFinal: parent.doc.final } };
    expectRefused(verifyReplay(JSON.stringify(edited), ENTRIES), 'corrupted');
  });

  it('any run branched at any turn keeps the parent’s prefix, verifies, and has a code within 300 characters (property)', () => {
    const scenarios = ENTRIES.map((e) => e.scenario.id);
    let longest = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0),
        fc.constantFrom('balanced', 'random', 'lead-only'),
        fc.constantFrom('balanced', 'random', 'manage-only', 'expert'),
        fc.nat({ max: 40 }),
        (scenario, seed, first, then, atRaw) => {
          const p = parentRun(scenario, first, seed);
          const v = expectAccepted(verifyReplay(p.code, ENTRIES));
          const at = atRaw % v.document.turns.length;
          const b = branch(p.code, at, then);
          expect(b.doc.checkpoints.slice(0, at)).toStrictEqual(p.doc.checkpoints.slice(0, at));
          const bv = expectAccepted(verifyReplay(b.code, ENTRIES));
          expect(bv.document.lineage).toStrictEqual({ atTurn: at, parentFinal: p.doc.final });
          expect(lineageProblem(b.doc, p.doc)).toBeNull();
          longest = Math.max(longest, b.code.length);
          expect(b.code.length).toBeLessThanOrEqual(300);
        },
      ),
      { numRuns: 40 },
    );
    console.info(`longest branch code in the property run: ${longest} characters`);
  });
});
