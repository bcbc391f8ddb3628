import { existsSync } from 'node:fs';
import type { BrokenScenario, LoadedScenario } from '../scenarios/files';
import { loadScenarioFile, readScenarioDir, SCENARIO_DIR, ScenarioError } from '../scenarios/files';
import { planPolicy, planProblem, planProblemText, type Plan } from '../bots/plan';
import { type PolicyFactory } from '../bots/policies';
import { policyByName, POLICY_NAMES } from '../bots/by-name';
import { CATALOGUE } from '../engine';
import { scenarioHash } from '../replay/scenario-hash';
import { seedProblem } from '../replay/seed';
import type { ScenarioEntry } from '../replay/verify';
import { MAX_REPLAY_BYTES, readFileBounded } from './bounded-read';
import { UsageError } from './usage';

let cache: { dir: string; scenarios: LoadedScenario[]; broken: BrokenScenario[] } | null = null;

/** The scenario folder: the shipped one, or MOMENTUM_SCENARIOS when set. */
function loaded(): NonNullable<typeof cache> {
  const dir = process.env.MOMENTUM_SCENARIOS || SCENARIO_DIR;
  if (cache?.dir !== dir) cache = { dir, ...readScenarioDir(dir) };
  return cache;
}

/** The scenarios that validate; a broken file leaves the others usable. */
export function scenarios(): LoadedScenario[] {
  return loaded().scenarios;
}

/** The scenario files that do not validate, each with its problems. */
export function brokenScenarios(): BrokenScenario[] {
  return loaded().broken;
}

/** Asked for a scenario whose file is broken: its own problems, exit code 1. */
function refuseBroken(id: string): void {
  const broken = brokenScenarios().find((b) => b.id === id);
  if (broken) throw new ScenarioError(broken.problems);
}

const scenarioChoices = (): string =>
  `valid scenarios: ${scenarios()
    .map((s) => s.scenario.id)
    .join(', ')}`;
export const policyChoices = (): string => `valid policies: ${POLICY_NAMES.join(', ')}`;

export function findScenario(command: string, id: string | undefined): LoadedScenario {
  if (id === undefined) throw new UsageError(`${command}: missing --scenario; ${scenarioChoices()}`);
  const found = scenarios().find((s) => s.scenario.id === id);
  if (found) return found;
  refuseBroken(id);
  throw new UsageError(`${command}: unknown scenario "${id}"; ${scenarioChoices()}`);
}

/**
 * A shipped scenario by id, or any scenario file by path (validated like the shipped ones: a
 * broken file throws ScenarioError naming it and every problem).
 */
export function findScenarioOrFile(command: string, idOrPath: string | undefined): LoadedScenario {
  if (idOrPath === undefined)
    throw new UsageError(`${command}: missing --scenario; ${scenarioChoices()} or a path to a scenario file`);
  if (idOrPath.endsWith('.json') || /[\\/]/.test(idOrPath)) return loadScenarioFile(idOrPath);
  const found = scenarios().find((s) => s.scenario.id === idOrPath);
  if (found) return found;
  if (existsSync(idOrPath)) return loadScenarioFile(idOrPath);
  refuseBroken(idOrPath);
  throw new UsageError(`${command}: unknown scenario "${idOrPath}"; ${scenarioChoices()} or a path to a scenario file`);
}

export function findPolicy(command: string, name: string | undefined): PolicyFactory {
  return findPolicyAndPlan(command, name).policy;
}

/**
 * The policy for a name, and for `plan:FILE` also the plan read from the file (worker threads
 * are handed the plan itself, not the file's name). A file that is missing, not JSON or not a
 * plan is a usage error naming the file and, for a wrong shape, the JSON path.
 */
export function findPolicyAndPlan(
  command: string,
  name: string | undefined,
): { policy: PolicyFactory; plan: Plan | null } {
  if (name === undefined) throw new UsageError(`${command}: missing --policy; ${policyChoices()}`);
  if (name.startsWith('plan:')) {
    const plan = readPlan(command, name.slice(5));
    return { policy: planPolicy(plan), plan };
  }
  const p = policyByName(name);
  if (!p) {
    const ids = CATALOGUE.map((a) => a.id).join(', ');
    const hint = name.startsWith('spam:')
      ? ` (spam takes an action id: ${ids})`
      : name.startsWith('fixed:')
        ? ` (fixed takes action ids joined by "+": ${ids})`
        : name.startsWith('share:')
          ? ' (share takes a whole number of percent from 0 to 100)'
          : '';
    throw new UsageError(`${command}: unknown policy "${name}"; ${policyChoices()}${hint}`);
  }
  return { policy: p, plan: null };
}

/** A plan file (see src/bots/plan.ts), or a usage error in one line. */
function readPlan(command: string, file: string): Plan {
  if (file === '') throw new UsageError(`${command}: plan: takes a file: --policy plan:FILE`);
  const where = `${command}: plan file ${JSON.stringify(file)}`;
  const text = readFileBounded(`${command}: plan file`, file, MAX_REPLAY_BYTES, 'a plan file');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where} is not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const problem = planProblem(data);
  if (problem) throw new UsageError(`${where}: ${planProblemText(problem)}`);
  return data as Plan;
}

/** Shipped scenarios with their content hashes, for recording and verifying replays. */
export function scenarioEntries(): ScenarioEntry[] {
  return scenarios().map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));
}

/**
 * The shipped scenarios' entries plus one scenario file's (validated like the shipped ones; a
 * broken file throws ScenarioError). The file's scenario stands in for a shipped one of the same
 * id, so a run of an edited copy is checked against that copy.
 */
export function scenarioEntriesWithFile(path: string | undefined): {
  entries: ScenarioEntry[];
  file: LoadedScenario | null;
} {
  if (path === undefined) return { entries: scenarioEntries(), file: null };
  const file = loadScenarioFile(path);
  const entry = { scenario: file.scenario, hash: scenarioHash(file.text) };
  return { entries: [entry, ...scenarioEntries().filter((e) => e.scenario.id !== file.scenario.id)], file };
}

/** A seed as the game accepts it (see seedProblem), or a usage error in one sentence. */
export function acceptedSeed(command: string, flag: string, seed: string): string {
  const problem = seedProblem(seed);
  if (problem) throw new UsageError(`${command}: ${flag} refused: ${problem}`);
  return seed;
}
