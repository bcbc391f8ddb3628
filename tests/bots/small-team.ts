import type { Scenario } from '../../src/engine';
import { loadAllScenarios } from '../../src/scenarios/files';

/**
 * The first team with eight of its actions, so a few hundred bundles fit a turn and a whole
 * balance report of a few seeds, search included, takes a second or two.
 */
const firstTeam = loadAllScenarios().find((s) => s.scenario.id === 'first-team')!.scenario;
export const ACTIONS = [
  'share-vision',
  'tell-the-why',
  'coach',
  'set-goals',
  'make-plan',
  'schedule-work',
  'delegate',
  'monitor',
];
export const small: Scenario = { ...firstTeam, id: 'small-team', actions: ACTIONS };
