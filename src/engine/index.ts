// Public surface of the rules. Nothing here touches a clock, a screen or global randomness.
export { ASPECTS, ASPECT_INFO, type Aspect, type Side } from './aspects';
export { CATALOGUE, ACTION_IDS, actionDef, actionIndex, type ActionDef } from './catalogue';
export { causeTotal, type Cause, type CauseKind } from './causes';
export { endingText, scoreBreakdown, SCORE, type ScoreBreakdown } from './outcome';
export { createGame, setupOf } from './create';
export { seedRng } from './rng';
export { cool, HEAT_PER_USE, strengthOf } from './heat';
export { DYNAMICS } from './dynamics';
export { fingerprint, canonical, hash64 } from './fingerprint';
export { ENTER, EXIT, leadershipIndex, managementIndex, regimeOf } from './regimes';
export * from './scenario-types';
export * from './state-types';
export * from './step-types';
export { step, legalActions, validate, quoted } from './step';
export { riskOdds } from './turn';
export { RULES_VERSION } from './version';
export * from './variables';
export { summaryOf, type Summary } from './summary';
