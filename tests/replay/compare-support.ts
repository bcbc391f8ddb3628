/**
 * Light fixtures for comparing runs: bot runs of shipped scenarios as verified runs, documents and
 * codes. Kept apart from support.ts, whose sample runs take seconds to play at import.
 */
import { expect } from 'vitest';
import { type PolicyFactory } from '../../src/bots/policies';
import { policyByName } from '../../src/bots/by-name';
import { playGame, type GameRun } from '../../src/bots/run';
import { scenarioEntries } from '../../src/cli/context';
import type { VerifiedRun } from '../../src/replay/compare';
import { encodeCode } from '../../src/replay/code';
import { recordReplay, type ReplayChoice, type ReplayDocument } from '../../src/replay/document';
import { verifyReplay, type ScenarioEntry } from '../../src/replay/verify';

export const ENTRIES: readonly ScenarioEntry[] = scenarioEntries();

function entry(id: string): ScenarioEntry {
  const e = ENTRIES.find((x) => x.scenario.id === id);
  if (!e) throw new Error(`no shipped scenario ${id}`);
  return e;
}

export function policy(name: string): PolicyFactory {
  const p = policyByName(name);
  if (!p) throw new Error(`no policy ${name}`);
  return p;
}

/** One bot for every turn but `at`, where another bot chooses. */
export function switchedAt(base: string, other: string, at: number): PolicyFactory {
  return (seed) => {
    const p = policy(base)(seed);
    const q = policy(other)(seed);
    return (state) => (state.turn === at ? q(state) : p(state));
  };
}

/** The committed choices of a bot run, as a replay lists them. */
function choicesOf(run: GameRun): ReplayChoice[][] {
  return run.turns.map((t) =>
    t.flatMap((a) =>
      a.type === 'choose'
        ? [a.target === undefined ? { action: a.action } : { action: a.action, target: a.target }]
        : [],
    ),
  );
}

/** The choices of a whole game played by a bot. */
export function choicesPlayed(scenarioId: string, seed: string, factory: PolicyFactory): ReplayChoice[][] {
  return choicesOf(playGame(entry(scenarioId).scenario, seed, factory));
}

export function docOf(scenarioId: string, seed: string, choices: readonly ReplayChoice[][]): ReplayDocument {
  const { scenario, hash } = entry(scenarioId);
  return recordReplay(scenario, hash, seed, choices);
}

export function codeOf(doc: ReplayDocument): string {
  return encodeCode(doc, entry(doc.scenario.id).scenario);
}

/** A run as the verifier accepts it, from its document or, to cover that path too, its code. */
export function verified(doc: ReplayDocument, viaCode = false): VerifiedRun {
  const r = verifyReplay(viaCode ? codeOf(doc) : doc, ENTRIES);
  if (!r.valid) throw new Error(`expected acceptance, got ${r.kind}: ${r.reason}`);
  return r;
}

/** One non-empty line of plain words: no line breaks, no stack trace. */
export function expectOneSentence(reason: string): void {
  expect(reason.trim().length).toBeGreaterThan(0);
  expect(reason).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(reason).not.toMatch(/\bat .+:\d+:\d+/);
}
