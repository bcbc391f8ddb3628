/**
 * What the measurable phrases of ending texts mean, as tests on the final state: the oracle that
 * tells a true ending from a false one whatever conditions the scenario gave it.
 */
import type { GameState, Scenario } from '../../src/engine';
import { membersLost } from '../../src/engine/conditions';

/** A phrase an ending may use, and what must hold in the final state for it to be true. */
interface Claim {
  readonly words: RegExp;
  readonly means: string;
  readonly holds: (s: GameState) => boolean;
}

const progress = (s: GameState) => s.vars.progress;

/**
 * Every phrase that names a measurable state. A scenario's endings may use others, but a phrase
 * listed here is checked wherever it appears.
 */
const CLAIMS: readonly Claim[] = [
  { words: /more than half/i, means: 'progress above 50', holds: (s) => progress(s) > 50 },
  { words: /mostly mud/i, means: 'progress below 25', holds: (s) => progress(s) < 25 },
  { words: /\bno product\b/i, means: 'progress at most 15', holds: (s) => progress(s) <= 15 },
  { words: /nothing shipped/i, means: 'progress at most 5', holds: (s) => progress(s) <= 5 },
  { words: /\bstalled\b/i, means: 'progress at most 15', holds: (s) => progress(s) <= 15 },
  { words: /without getting anywhere/i, means: 'progress at most 20', holds: (s) => progress(s) <= 20 },
  { words: /hardly shorter/i, means: 'progress at most 15', holds: (s) => progress(s) <= 15 },
  { words: /queue falls/i, means: 'progress at least 40', holds: (s) => progress(s) >= 40 },
  { words: /not shrunk much/i, means: 'progress below 40', holds: (s) => progress(s) < 40 },
  { words: /queue got shorter/i, means: 'progress above 15', holds: (s) => progress(s) > 15 },
  { words: /walls stand/i, means: 'progress at least 25', holds: (s) => progress(s) >= 25 },
  { words: /not finished|a way to go|needs more turns/i, means: 'progress below 100', holds: (s) => progress(s) < 100 },
  {
    words: /stopped bringing ideas|learns nothing|ideas have dried up/i,
    means: 'innovation at most 35',
    holds: (s) => s.vars.innovation <= 35,
  },
  { words: /ideas (still )?(surface|come)/i, means: 'innovation above 35', holds: (s) => s.vars.innovation > 35 },
  { words: /curious people/i, means: 'innovation at least 55', holds: (s) => s.vars.innovation >= 55 },
  { words: /trusted to experiment/i, means: 'trust at least 50', holds: (s) => s.vars.trust >= 50 },
  { words: /budget worn thin/i, means: 'budget at most 30', holds: (s) => s.vars.budget <= 30 },
  { words: /runway is nearly gone/i, means: 'budget at most 10', holds: (s) => s.vars.budget <= 10 },
  {
    words: /already left|walked out|started to leave|losing people/i,
    means: 'someone has left',
    holds: (s) => membersLost(s.members) >= 1,
  },
  { words: /nobody cared|\bbored\b/i, means: 'morale at most 40', holds: (s) => s.vars.morale <= 40 },
  { words: /joyless/i, means: 'morale at most 50', holds: (s) => s.vars.morale <= 50 },
  {
    words: /nobody suggests a better way/i,
    means: 'innovation at most 40',
    holds: (s) => s.vars.innovation <= 40,
  },
  { words: /people loved it/i, means: 'morale at least 55', holds: (s) => s.vars.morale >= 55 },
  { words: /tore up the rulebook/i, means: 'structure at most 40', holds: (s) => s.vars.structure <= 40 },
  { words: /energy faded/i, means: 'energy at most 40', holds: (s) => s.vars.energy <= 40 },
  {
    words: /never (arrived|caught up)/i,
    means: 'no turn ever ended in momentum',
    holds: (s) => s.momentumTurns === 0,
  },
];

/** The claims an ending's text makes that do not hold in the final state, in words. */
export function falseClaims(text: string, s: GameState): string[] {
  return CLAIMS.filter((c) => c.words.test(text) && !c.holds(s)).map((c) => `"${c.words.source}" needs ${c.means}`);
}

/**
 * The role nouns of a scenario's team: each role's last word ("Principal engineer" gives
 * "engineer"), without "lead", which texts use as a verb.
 */
function roleNouns(scenario: Scenario): string[] {
  const nouns = scenario.members.map((m) => m.role.toLowerCase().split(/\s+/).at(-1)!);
  return [...new Set(nouns)].filter((n) => n !== 'lead');
}

/** The role nouns a text claims for the member it names that the member's role does not hold. */
export function falseRoles(scenario: Scenario, text: string, role: string): string[] {
  const has = (words: string, noun: string) => new RegExp(`\\b${noun}s?\\b`, 'i').test(words);
  return roleNouns(scenario).filter((n) => has(text, n) && !has(role, n));
}
