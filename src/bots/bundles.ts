import { actionDef, actionIndex, setupOf, type Scenario } from '../engine';

/**
 * Every non-empty set of distinct actions the scenario offers whose total cost fits one turn's
 * time budget, each in catalogue order; the sets in a fixed order. The balance report plays each
 * as a fixed bundle, and the script search draws whole turns from them.
 */
export function bundlesOf(scenario: Scenario): { bundles: string[][]; timeBudget: number } {
  const setup = setupOf(scenario);
  const offered = offeredActions(scenario);
  const bundles: string[][] = [];
  const walk = (start: number, left: number, chosen: string[]): void => {
    for (let i = start; i < offered.length; i++) {
      const id = offered[i]!;
      const cost = actionDef(id)!.cost;
      if (cost > left) continue;
      const next = [...chosen, id];
      bundles.push(next);
      walk(i + 1, left - cost, next);
    }
  };
  walk(0, setup.timeBudget, []);
  return { bundles, timeBudget: setup.timeBudget };
}

/** The distinct actions a scenario offers that the catalogue has, in catalogue order. */
export function offeredActions(scenario: Scenario): string[] {
  return [...new Set(scenario.actions)]
    .filter((id) => actionDef(id) !== undefined)
    .sort((a, b) => actionIndex(a) - actionIndex(b));
}
