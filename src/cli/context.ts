import type { LoadedScenario } from '../scenarios/files';
import { loadAllScenarios } from '../scenarios/files';
import { policyByName, POLICY_NAMES, type PolicyFactory } from '../bots/policies';
import { CATALOGUE } from '../engine/catalogue';
import { scenarioHash } from '../replay/scenario-hash';
import type { ScenarioEntry } from '../replay/verify';
import { UsageError } from './usage';

let cache: LoadedScenario[] | null = null;

export function scenarios(): LoadedScenario[] {
  cache ??= loadAllScenarios();
  return cache;
}

export const scenarioChoices = (): string =>
  `valid scenarios: ${scenarios()
    .map((s) => s.scenario.id)
    .join(', ')}`;
export const policyChoices = (): string => `valid policies: ${POLICY_NAMES.join(', ')}`;

export function findScenario(command: string, id: string | undefined): LoadedScenario {
  if (id === undefined) throw new UsageError(`${command}: missing --scenario; ${scenarioChoices()}`);
  const found = scenarios().find((s) => s.scenario.id === id);
  if (!found) throw new UsageError(`${command}: unknown scenario "${id}"; ${scenarioChoices()}`);
  return found;
}

export function findPolicy(command: string, name: string | undefined): PolicyFactory {
  if (name === undefined) throw new UsageError(`${command}: missing --policy; ${policyChoices()}`);
  const p = policyByName(name);
  if (!p) {
    const spam = name.startsWith('spam:') ? ` (spam takes an action id: ${CATALOGUE.map((a) => a.id).join(', ')})` : '';
    throw new UsageError(`${command}: unknown policy "${name}"; ${policyChoices()}${spam}`);
  }
  return p;
}

/** Shipped scenarios with their content hashes, for recording and verifying replays. */
export function scenarioEntries(): ScenarioEntry[] {
  return scenarios().map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));
}
