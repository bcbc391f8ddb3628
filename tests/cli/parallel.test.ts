import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { tallySeeds } from '../../src/bots/tally';
import { PARALLEL_FROM, tallyParallel } from '../../src/cli/parallel';
import { loadAllScenarios } from '../../src/scenarios/files';

describe('batches across worker threads', () => {
  it('count exactly what one thread counts for the same seeds', async () => {
    const { scenario } = loadAllScenarios().find((s) => s.scenario.id === 'build-the-house')!;
    const runs = PARALLEL_FROM + 123;
    let ticked = 0;
    const parallel = await tallyParallel(scenario, 'random', runs, (n) => (ticked += n));
    expect(parallel).toEqual(tallySeeds(scenario, policyByName('random')!, 1, runs));
    expect(ticked).toBe(runs);
  });
});
