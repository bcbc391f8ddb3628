import { z } from 'zod';
import { ACTION_IDS } from '../engine';
import { scenarioSchema } from './schema';

/** The JSON Schema published beside the scenario files, for editor completion and checks. */
export function schemaJson(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  // The validator checks action ids in code; the published schema lists them for completion.
  properties.actions = { ...properties.actions, items: { type: 'string', enum: [...ACTION_IDS] } };
  return {
    ...schema,
    $id: 'scenario.schema.json',
    title: 'Momentum scenario',
    description:
      'A Momentum scenario: its briefing, starting state, team, events and endings. Action ids, unique ids and condition ranges are also checked when the game loads the file.',
  };
}
