/** Shared fixtures for the replay tests: shipped scenarios, bot runs, sample documents and hand-made codes. */
import { expect } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { playGame, type GameRun } from '../../src/bots/run';
import { scenarioEntries } from '../../src/cli/context';
import { GOLDEN_RUNS, goldenFile } from '../../src/cli/write-goldens';
import { hash64 } from '../../src/engine/fingerprint';
import type { Scenario } from '../../src/engine/scenario-types';
import { summaryOf } from '../../src/engine/summary';
import { ByteWriter, toBase64Url } from '../../src/replay/bytes';
import type { RawCode } from '../../src/replay/code';
import { recordReplay, simulate, type ReplayChoice, type ReplayDocument } from '../../src/replay/document';
import type { ScenarioEntry, VerifyResult } from '../../src/replay/verify';

/** Every shipped scenario with its content hash, as the game verifies against. */
export const ENTRIES: readonly ScenarioEntry[] = scenarioEntries();

export const POLICIES = ['lead-only', 'manage-only', 'balanced', 'random'] as const;

export function entry(id: string): ScenarioEntry {
  const e = ENTRIES.find((x) => x.scenario.id === id);
  if (!e) throw new Error(`no shipped scenario ${id}`);
  return e;
}

/** The committed choices of a bot run, as a replay lists them. */
export function choicesOf(run: GameRun): ReplayChoice[][] {
  return run.turns.map((t) =>
    t.flatMap((a) =>
      a.type === 'choose'
        ? [a.target === undefined ? { action: a.action } : { action: a.action, target: a.target }]
        : [],
    ),
  );
}

/** A full bot game of a shipped scenario, recorded as a replay document. */
export function playRecorded(
  scenarioId: string,
  policy: string,
  seed: string,
  meta?: ReplayDocument['meta'],
): { doc: ReplayDocument; run: GameRun; scenario: Scenario } {
  const { scenario, hash } = entry(scenarioId);
  const factory = policyByName(policy);
  if (!factory) throw new Error(`no policy ${policy}`);
  const run = playGame(scenario, seed, factory);
  return { doc: recordReplay(scenario, hash, seed, choicesOf(run), meta), run, scenario };
}

/**
 * The runs the golden replays pin (same scenarios, policies, seeds and metadata), recorded afresh
 * under the current rules. Tests that need a valid run to edit or encode use these, so they check
 * the verifier and the codes whatever the balance tuning; whether the committed files in
 * tests/golden still verify is golden.test.ts's question alone.
 */
export const SAMPLES: readonly { file: string; doc: ReplayDocument }[] = GOLDEN_RUNS.map((r) => ({
  file: goldenFile(r),
  doc: playRecorded(r.scenario, r.policy, r.seed, { player: `${r.policy} bot` }).doc,
}));

/** A fresh copy of one sample run, named like its golden file. */
export function sample(file: string): ReplayDocument {
  const g = SAMPLES.find((x) => x.file === file);
  if (!g) throw new Error(`no sample ${file}`);
  return structuredClone(g.doc);
}

/** A deep, mutable copy of a document, for editing in tests. */
export function mutable(doc: ReplayDocument): Mutable {
  return structuredClone(doc) as unknown as Mutable;
}

/** A replay document as plain editable JSON. */
export interface Mutable {
  format: unknown;
  version: unknown;
  rules: unknown;
  scenario: { id: unknown; hash: unknown };
  seed: unknown;
  turns: { turn: number; actions: { action: unknown; target?: unknown }[] }[];
  checkpoints: { turn: number; fingerprint: string }[];
  final: unknown;
  summary: { score: number; [k: string]: unknown };
  meta?: Record<string, unknown>;
  [k: string]: unknown;
}

/**
 * The code checksum as documented in code.ts: the first 4 bytes of hash64 over the body read as
 * one UTF-16 code unit per byte. Written independently so hand-made codes do not trust the encoder.
 */
function checksumHex(body: Uint8Array): string {
  let text = '';
  for (const b of body) text += String.fromCharCode(b);
  return hash64(text).slice(0, 8);
}

/** `M1.` + base64url of body and its checksum: a well-formed code around any bytes. */
export function signCode(body: Uint8Array): string {
  const sum = checksumHex(body);
  const all = new Uint8Array(body.length + 4);
  all.set(body);
  for (let i = 0; i < 4; i++) all[body.length + i] = parseInt(sum.slice(i * 2, i * 2 + 2), 16);
  return `M1.${toBase64Url(all)}`;
}

/** Encodes a decoded code, possibly edited, following the layout documented in code.ts. */
export function encodeRaw(raw: RawCode): string {
  const w = new ByteWriter()
    .varint(raw.rules)
    .string(raw.scenarioId)
    .hex(raw.hashPrefix)
    .string(raw.seed)
    .varint(raw.turns.length);
  for (const t of raw.turns) {
    w.byte(t.choices.length);
    for (const c of t.choices) w.byte(c.action * 9 + (c.member === null ? 0 : c.member + 1));
    w.hex(t.check);
  }
  w.hex(raw.final);
  const meta = raw.meta ?? {};
  w.byte((meta.player !== undefined ? 1 : 0) | (meta.team !== undefined ? 2 : 0) | (meta.date !== undefined ? 4 : 0));
  if (meta.player !== undefined) w.string(meta.player);
  if (meta.team !== undefined) w.string(meta.team);
  if (meta.date !== undefined) w.string(meta.date);
  return signCode(w.result());
}

export type VerifyRefusal = Extract<VerifyResult, { valid: false }>;
export type Acceptance = Extract<VerifyResult, { valid: true }>;

/** Asserts a refusal of the given kind with a reason fit to show a person; returns it narrowed. */
export function expectRefused(result: VerifyResult, kind?: VerifyRefusal['kind']): VerifyRefusal {
  if (result.valid) throw new Error(`expected a refusal${kind ? ` (${kind})` : ''}, but the replay was accepted`);
  if (kind !== undefined) expect(result.kind, result.reason).toBe(kind);
  expectCleanReason(result.reason);
  return result;
}

export function expectAccepted(result: VerifyResult): Acceptance {
  if (!result.valid) throw new Error(`expected acceptance, got ${result.kind}: ${result.reason}`);
  return result;
}

/** One non-empty line of plain words: no line breaks, no stack trace, no raw exception name. */
export function expectCleanReason(reason: string): void {
  expect(typeof reason).toBe('string');
  expect(reason.trim().length, 'reason is empty').toBeGreaterThan(0);
  expect(reason, 'reason spans several lines').not.toMatch(/[\r\n\u2028\u2029]/);
  expect(reason, 'reason holds a stack trace').not.toMatch(/\bat .+:\d+:\d+/);
  expect(reason, 'reason leaks an exception').not.toMatch(
    /\b(TypeError|RangeError|SyntaxError|ReferenceError)\b|call stack/,
  );
}

/** The fingerprint the rules give when a document's turns are played again from scratch. */
export function resimulatedFingerprint(doc: ReplayDocument): string {
  const sim = simulate(entry(doc.scenario.id).scenario, doc.seed, doc.turns);
  if (!sim.ok) throw new Error(`accepted document does not re-simulate: turn ${sim.turn}: ${sim.message}`);
  return summaryOf(sim.state).fingerprint;
}
