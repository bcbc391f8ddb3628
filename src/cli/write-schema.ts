import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_DIR } from '../scenarios/files';
import { schemaJson } from '../scenarios/json-schema';

/** Regenerates scenarios/scenario.schema.json from the validator, so the two never disagree. */
const path = join(SCENARIO_DIR, 'scenario.schema.json');
writeFileSync(path, `${JSON.stringify(schemaJson(), null, 2)}\n`);
console.log(`wrote ${path}`);
