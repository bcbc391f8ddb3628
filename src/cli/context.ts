import type { LoadedScenario } from '../scenarios/files';
import { loadAllScenarios } from '../scenarios/files';
import { policyByName, POLICY_NAMES, type PolicyFactory } from '../bots/policies';
import { CATALOGUE } from '../engine/catalogue';
import { UsageError } from './usage';

let cache: LoadedScenario[] | null = null;

export function scenarios(): LoadedScenario[] {
  cache ??= loadAllScenarios();
  return cache;
}

export function findScenario(command: string, id: string): LoadedScenario {
  const found = scenarios().find((s) => s.scenario.id === id);
  if (!found) {
    throw new UsageError(
      `${command}: unknown scenario "${id}"; valid scenarios: ${scenarios()
        .map((s) => s.scenario.id)
        .join(', ')}`,
    );
  }
  return found;
}

export function findPolicy(command: string, name: string): PolicyFactory {
  const p = policyByName(name);
  if (!p) {
    const spam = name.startsWith('spam:') ? ` (spam takes an action id: ${CATALOGUE.map((a) => a.id).join(', ')})` : '';
    throw new UsageError(`${command}: unknown policy "${name}"; valid policies: ${POLICY_NAMES.join(', ')}${spam}`);
  }
  return p;
}
