import { CATALOGUE, type Scenario, type GameState, summaryOf, type Summary, RULES_VERSION, quoted } from '../engine';
import { describeIssue, jsonPath } from '../scenarios/parse';
import { cutCode, decodeCode, type CutCode, type RawCode } from './code';
import { shownName } from './names';
import {
  documentOf,
  REPLAY_FORMAT,
  REPLAY_VERSION,
  simulate,
  type ReplayDocument,
  type ReplayTurn,
  type TurnWatcher,
} from './document';
import { replayDocumentSchema } from './schema';
import { recordOf, type TurnRecord } from './timeline';

export interface ScenarioEntry {
  readonly scenario: Scenario;
  /** Content hash of the scenario file as shipped now. */
  readonly hash: string;
  /**
   * An earlier version of a custom scenario, replaced since under the same id: kept so that games
   * and codes made with it still open and verify, and never listed for a new game.
   */
  readonly archived?: boolean;
}

/**
 * The entry a run of scenario `id` was made with: of several with that id (a custom scenario and
 * its earlier versions), the one whose content hash the run names, else the current one.
 */
export function entryFor(scenarios: readonly ScenarioEntry[], id: string, hash: string): ScenarioEntry | undefined {
  let first: ScenarioEntry | undefined;
  for (const s of scenarios) {
    if (s.scenario.id !== id) continue;
    if (hash !== '' && s.hash.startsWith(hash)) return s;
    if (first === undefined && !s.archived) first = s;
  }
  return first ?? scenarios.find((s) => s.scenario.id === id);
}

export type RefusalKind =
  | 'not-a-replay'
  | 'corrupted'
  | 'format-version'
  | 'rules-version'
  | 'unknown-scenario'
  | 'scenario-changed'
  | 'illegal-action'
  | 'diverged'
  | 'summary-mismatch';

export type VerifyResult =
  | {
      readonly valid: true;
      readonly fingerprint: string;
      readonly summary: Summary;
      readonly document: ReplayDocument;
      readonly state: GameState;
      readonly scenario: Scenario;
      /** Each turn's facts and causes, when asked for: kept as the run is checked, not replayed again. */
      readonly records?: readonly TurnRecord[];
    }
  | {
      readonly valid: false;
      readonly kind: RefusalKind;
      readonly reason: string;
      readonly divergedAtTurn?: number;
      /** The team a code cut short named before its cut: unproven, but all there is to say whose it was. */
      readonly team?: string;
    };

function refuse(kind: RefusalKind, reason: string, divergedAtTurn?: number): VerifyResult {
  return divergedAtTurn === undefined ? { valid: false, kind, reason } : { valid: false, kind, reason, divergedAtTurn };
}

export interface VerifyOptions {
  /** Keep each turn's record (what the timeline gives) of a run that verifies. */
  readonly timeline?: boolean;
}

/**
 * Re-simulates a run from a replay code, a replay document's text, or a parsed document, and
 * compares every checkpoint. Anything else ends in a refusal with one reason; it never throws.
 */
export function verifyReplay(
  input: unknown,
  scenarios: readonly ScenarioEntry[],
  options: VerifyOptions = {},
): VerifyResult {
  const records: TurnRecord[] | null = options.timeline ? [] : null;
  const r = verifyInput(input, scenarios, records);
  return r.valid && records ? { ...r, records } : r;
}

function verifyInput(input: unknown, scenarios: readonly ScenarioEntry[], records: TurnRecord[] | null): VerifyResult {
  try {
    if (typeof input === 'string') {
      const text = input.trim();
      if (text.startsWith('{')) {
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          return refuse('corrupted', 'The replay file is not valid JSON; it may be truncated or damaged.');
        }
        return verifyDocument(data, scenarios, records);
      }
      return verifyCode(text, scenarios, records);
    }
    return verifyDocument(input, scenarios, records);
  } catch (e) {
    return refuse('corrupted', `The replay could not be checked: ${(e as Error).message}`);
  }
}

// Records each turn into `records` (when given) as the simulation passes it.
function watcher(records: TurnRecord[] | null): TurnWatcher | undefined {
  return records ? (t, before, end) => records.push(recordOf(t, before, end)) : undefined;
}

function verifyDocument(
  data: unknown,
  scenarios: readonly ScenarioEntry[],
  records: TurnRecord[] | null,
): VerifyResult {
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== REPLAY_FORMAT) {
    return refuse('not-a-replay', `This is not a Momentum replay (expected "format": "${REPLAY_FORMAT}").`);
  }
  if ((data as { version?: unknown }).version !== REPLAY_VERSION) {
    return refuse(
      'format-version',
      `This replay file has format version ${quoted((data as { version?: unknown }).version)}; this game reads version ${REPLAY_VERSION}.`,
    );
  }
  const parsed = replayDocumentSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = jsonPath(issue.path as (string | number)[]);
    return refuse(
      'corrupted',
      `The replay file is malformed at ${where}: ${describeIssue(issue).replace(/[\r\n\u2028\u2029]/g, ' ')}.`,
    );
  }
  const doc = parsed.data as ReplayDocument;
  const entry = checkHeader(doc.rules, doc.scenario.id, scenarios, doc.scenario.hash);
  if ('valid' in entry) return entry;
  if (entry.hash !== doc.scenario.hash) return scenarioChanged(doc.scenario.id);
  const turnsInOrder = doc.turns.every((t, i) => t.turn === i + 1);
  if (!turnsInOrder) return refuse('corrupted', 'The replay file lists its turns out of order.');
  if (doc.lineage && doc.lineage.atTurn > doc.turns.length) {
    return refuse(
      'corrupted',
      `The replay file says its run left its parent at turn ${doc.lineage.atTurn}, after its last turn (${doc.turns.length}).`,
    );
  }
  const checks = new Map<number, string>();
  for (const c of doc.checkpoints) {
    if (c.turn > doc.turns.length || checks.has(c.turn)) {
      return refuse(
        'corrupted',
        `The replay file has a checkpoint for turn ${c.turn}, which its run does not have once.`,
      );
    }
    checks.set(c.turn, c.fingerprint);
  }
  const sim = simulate(entry.scenario, doc.seed, doc.turns, watcher(records));
  const played = sim.fingerprints;
  for (let t = 1; t <= played.length; t++) {
    const expected = checks.get(t);
    if (expected !== undefined && played[t - 1] !== expected) return diverged(t);
  }
  if (!sim.ok) return illegal(sim.turn, sim.message);
  const summary = summaryOf(sim.state, sim.final);
  if (summary.fingerprint !== doc.final) return diverged(Math.max(1, doc.turns.length));
  const { fingerprint: _f, ...rest } = summary;
  if (JSON.stringify(rest) !== JSON.stringify(doc.summary)) {
    return refuse('summary-mismatch', 'The replay’s summary does not match its run: the summary was altered.');
  }
  return {
    valid: true,
    fingerprint: summary.fingerprint,
    summary,
    document: doc,
    state: sim.state,
    scenario: entry.scenario,
  };
}

function verifyCode(text: string, scenarios: readonly ScenarioEntry[], records: TurnRecord[] | null): VerifyResult {
  const decoded = decodeCode(text);
  if (!decoded.ok) {
    const kind: RefusalKind = decoded.reason.startsWith('This is not')
      ? 'not-a-replay'
      : decoded.reason.includes('format version')
        ? 'format-version'
        : 'corrupted';
    const cut = kind === 'corrupted' ? cutCode(text) : null;
    if (cut && genuineStart(cut, scenarios)) {
      return { valid: false, kind, reason: cutReason(cut), ...(cut.team === null ? {} : { team: cut.team }) };
    }
    return refuse(kind, decoded.reason);
  }
  const raw = decoded.raw;
  const entry = checkHeader(raw.rules, raw.scenarioId, scenarios, raw.hashPrefix);
  if ('valid' in entry) return entry;
  if (!entry.hash.startsWith(raw.hashPrefix)) return scenarioChanged(raw.scenarioId);
  const turns = toTurns(raw, entry.scenario);
  if (!Array.isArray(turns)) return turns;
  const sim = simulate(entry.scenario, raw.seed, turns, watcher(records));
  for (const [i, f] of sim.fingerprints.entries()) {
    if (!f.startsWith(raw.turns[i]!.check)) return diverged(i + 1);
  }
  if (!sim.ok) return illegal(sim.turn, sim.message);
  // The document carries the final state's summary: one fingerprint of it, not two.
  const document = documentOf(entry.scenario.id, entry.hash, raw.seed, turns, sim, raw.meta, raw.lineage);
  if (document.final !== raw.final) return diverged(Math.max(1, raw.turns.length));
  const summary: Summary = { ...document.summary, fingerprint: document.final };
  return {
    valid: true,
    fingerprint: summary.fingerprint,
    summary,
    document,
    state: sim.state,
    scenario: entry.scenario,
  };
}

/**
 * Whether what a cut code still holds is a real game's start: its scenario and hash known here and
 * every whole turn re-simulated to its own check (16 bits each), or a cut inside the header itself,
 * which holds nothing to check. An altered length byte that makes the bytes run out fails this.
 */
function genuineStart(cut: CutCode, scenarios: readonly ScenarioEntry[]): boolean {
  if (cut.header === null) return true;
  const { rules, scenarioId, hashPrefix, seed } = cut.header;
  const entry = checkHeader(rules, scenarioId, scenarios, hashPrefix);
  if ('valid' in entry || !entry.hash.startsWith(hashPrefix)) return false;
  const turns = toTurns(
    { ...cut.header, turns: cut.turns, final: '', meta: undefined, lineage: undefined },
    entry.scenario,
  );
  if (!Array.isArray(turns)) return false;
  const sim = simulate(entry.scenario, seed, turns, undefined);
  if (sim.fingerprints.length !== cut.turns.length) return false;
  if (!sim.fingerprints.every((f, i) => f.startsWith(cut.turns[i]!.check))) return false;
  // All turns and the final fingerprint arrived: it must be this run's.
  return cut.final === null || !sim.ok || summaryOf(sim.state, sim.final).fingerprint === cut.final;
}

/** Why a cut code is refused: where it stops, and whose it was when that much arrived. */
function cutReason(cut: CutCode): string {
  const whose = cut.team === null ? 'The replay code' : `The replay code of “${shownName(cut.team)}”`;
  const read = cut.turns.length;
  const where =
    cut.turnsListed === null || read === 0
      ? 'it stops before the end of its first turn'
      : read < cut.turnsListed
        ? `it stops after turn ${read} of the ${cut.turnsListed} it lists`
        : 'its turns arrived, but its last characters are missing';
  return `${whose} is cut short: ${where}. A chat may have split it, or only part of it was copied; ask for the whole code again.`;
}

function toTurns(raw: RawCode, scenario: Scenario): ReplayTurn[] | VerifyResult {
  const out: ReplayTurn[] = [];
  for (const [i, t] of raw.turns.entries()) {
    const actions = [];
    for (const c of t.choices) {
      const def = CATALOGUE[c.action]!;
      if (c.member === null) {
        actions.push({ action: def.id });
        continue;
      }
      const member = scenario.members[c.member];
      if (!member)
        return illegal(
          i + 1,
          `it names team member number ${c.member + 1}, and the team has ${scenario.members.length}`,
        );
      actions.push({ action: def.id, target: member.id });
    }
    out.push({ turn: i + 1, actions });
  }
  return out;
}

function checkHeader(
  rules: number,
  scenarioId: string,
  scenarios: readonly ScenarioEntry[],
  hash: string,
): ScenarioEntry | VerifyResult {
  if (rules !== RULES_VERSION) {
    return refuse(
      'rules-version',
      `This run was played under rules version ${rules}; this game runs rules version ${RULES_VERSION}, so it cannot be re-checked here.`,
    );
  }
  const entry = entryFor(scenarios, scenarioId, hash);
  if (!entry) {
    return refuse(
      'unknown-scenario',
      `This run is of a scenario called ${quoted(scenarioId)}, which this game does not have.`,
    );
  }
  return entry;
}

function scenarioChanged(id: string): VerifyResult {
  return refuse(
    'scenario-changed',
    `The scenario ${quoted(id)} has changed since this run was played, so the run cannot be re-checked.`,
  );
}

function illegal(turn: number, message: string): VerifyResult {
  return refuse('illegal-action', `Turn ${turn} holds an action the rules refuse: ${message}`, turn);
}

function diverged(turn: number): VerifyResult {
  return refuse('diverged', `The run diverges at turn ${turn}: re-playing it does not give the recorded state.`, turn);
}
