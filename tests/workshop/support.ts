/** Fixtures for the workshop tests: teams' runs played by bots, as documents and codes. */
import { encodeCode } from '../../src/replay/code';
import { recordReplay, type ReplayChoice, type ReplayDocument } from '../../src/replay/document';
import { collectRoom, type Room, type Submission } from '../../src/workshop';
import { choicesOf, ENTRIES, entry, playRecorded } from '../replay/support';

export { ENTRIES, entry } from '../replay/support';

export const SCENARIO = 'first-team';
export const SEED = '42';
export const ROOM = { scenario: SCENARIO, seed: SEED } as const;

export interface TeamHandIn {
  readonly doc: ReplayDocument;
  readonly code: string;
  readonly choices: ReplayChoice[][];
}

const played = new Map<string, ReplayChoice[][]>();

/** The choices a bot makes in a whole game (cached: the same bot, scenario and seed always play alike). */
export function botChoices(policy: string, scenario = SCENARIO, seed = SEED): ReplayChoice[][] {
  const key = `${scenario}|${seed}|${policy}`;
  let c = played.get(key);
  if (!c) {
    c = choicesOf(playRecorded(scenario, policy, seed).run);
    played.set(key, c);
  }
  return c;
}

/** A team's hand-in: a bot's game, or its first `turns` turns ("hand in progress"). */
export function handIn(
  policy: string,
  meta: ReplayDocument['meta'],
  opts: { turns?: number; scenario?: string; seed?: string } = {},
): TeamHandIn {
  const scenarioId = opts.scenario ?? SCENARIO;
  const seed = opts.seed ?? SEED;
  const all = botChoices(policy, scenarioId, seed);
  return fromChoices(all.slice(0, opts.turns ?? all.length), meta, scenarioId, seed);
}

/** A hand-in of given choices. */
export function fromChoices(
  choices: ReplayChoice[][],
  meta: ReplayDocument['meta'],
  scenarioId = SCENARIO,
  seed = SEED,
): TeamHandIn {
  const { scenario, hash } = entry(scenarioId);
  const doc = recordReplay(scenario, hash, seed, choices, meta);
  return { doc, code: encodeCode(doc, scenario), choices };
}

/**
 * A team's next attempt: `parent`'s first `atTurn` turns, then `then`'s choices from there, carrying
 * the lineage that names `parent`; its first `turns` turns only when given (a progress hand-in).
 */
export function branchOf(
  parent: TeamHandIn,
  atTurn: number,
  then: ReplayChoice[][],
  meta: ReplayDocument['meta'],
  turns?: number,
): TeamHandIn {
  const { scenario, hash } = entry(parent.doc.scenario.id);
  const choices = [...parent.choices.slice(0, atTurn), ...then].slice(0, turns);
  const doc = recordReplay(scenario, hash, parent.doc.seed, choices, meta, { atTurn, parentFinal: parent.doc.final });
  return { doc, code: encodeCode(doc, scenario), choices };
}

/** The room made of these hand-ins, pasted in this order, with the fixtures' scenario and seed. */
export function roomOf(...hs: TeamHandIn[]): Room {
  return collectRoom(
    ENTRIES,
    ROOM,
    hs.map((h) => asSubmission(h)),
  );
}

export function asSubmission(h: TeamHandIn, source = 'pasted text'): Submission {
  return { source, text: h.code };
}

/** A code with one character in its body changed to another of the alphabet: tampered. */
export function tampered(code: string): string {
  const i = Math.floor(code.length / 2);
  const c = code[i] === 'A' ? 'B' : 'A';
  return code.slice(0, i) + c + code.slice(i + 1);
}
