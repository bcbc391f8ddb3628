import type { Scenario } from '../engine';
import { parseScenario } from './parse';

/** The shipped scenario files, embedded in the bundle so nothing is fetched at run time. */
const files = import.meta.glob<string>('../../scenarios/*.json', { query: '?raw', import: 'default', eager: true });

export interface BundledScenario {
  readonly file: string;
  readonly text: string;
  readonly scenario: Scenario;
}

/** Every bundled scenario that validates, and one message per problem for those that do not. */
export function bundledScenarios(): { scenarios: BundledScenario[]; problems: string[] } {
  const scenarios: BundledScenario[] = [];
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith('.schema.json')) continue;
    const file = `scenarios/${path.split('/').pop()}`;
    const r = parseScenario(text, file);
    if (r.ok) scenarios.push({ file, text, scenario: r.scenario });
    else problems.push(...r.problems);
  }
  return { scenarios, problems };
}
