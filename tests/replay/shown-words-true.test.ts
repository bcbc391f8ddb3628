/**
 * The shown words are true: over many bot games of every scenario, each ending's conditions and
 * measurable claims hold in the final state, each member an event or a shift names holds any role
 * its words claim, each turning point into or out of a regime and the end screen's line on why
 * the run ended where it did name only indices that crossed as they say, credited to a variable
 * that feeds the index and moved that way, the line on how the hours were split matches them,
 * and the score's parts add up to the score.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import {
  createGame,
  endingText,
  type GameState,
  type Regime,
  type Scenario,
  step,
  type VarName,
} from '../../src/engine';
import { allHold } from '../../src/engine/conditions';
import type { ReplayChoice } from '../../src/replay/document';
import { breakdownOf, scoreRows } from '../../src/replay/score-words';
import { recordOf, type TurnRecord } from '../../src/replay/timeline';
import { flexLine } from '../../src/replay/flex';
import { regimeWhy } from '../../src/replay/regime-why';
import { turningPoints } from '../../src/replay/turning-points';
import { factWords, memberName, VAR_LABELS } from '../../src/replay/words';
import { parseScenario } from '../../src/scenarios/parse';
import { falseClaims, falseRoles } from './claims';
import { ENTRIES } from './support';

const EXAMPLE = 'scenarios/examples/support-desk.json';

/** The shipped scenarios and the worked example, which authors copy from. */
function scenarios(): Scenario[] {
  const example = parseScenario(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  if (!example.ok) throw new Error(example.problems.join('\n'));
  return [...ENTRIES.map((e) => e.scenario), example.scenario];
}

/** Seeds per policy: the expert searches every turn, so it plays fewer. */
const PLAYS: readonly (readonly [string, number])[] = [
  ['lead-only', 200],
  ['manage-only', 200],
  ['balanced', 200],
  ['random', 200],
  ['coast', 200],
  ['expert', 6],
];

/** The variables each index reads, as the rules define L and M. */
const FEEDS: Record<'l' | 'm', readonly VarName[]> = {
  l: ['clarity', 'trust', 'innovation', 'morale'],
  m: ['structure', 'execution', 'control'],
};
const BY_LABEL = new Map(Object.entries(VAR_LABELS).map(([v, label]) => [label.toLowerCase(), v as VarName]));

/** One bot game played step by step, every turn recorded as the replay view tells it. */
function playTold(scenario: Scenario, seed: string, policy: string): { state: GameState; records: TurnRecord[] } {
  const choose = policyByName(policy)!(seed);
  let state = createGame(scenario, seed);
  let before = state;
  let chosen: ReplayChoice[] = [];
  const records: TurnRecord[] = [];
  for (let guard = 0; !state.over;) {
    let action = choose(state);
    let r = ++guard > 1000 ? step(state, { type: 'end-turn' }) : step(state, action);
    if (!r.ok) r = step(state, (action = { type: 'end-turn' }));
    if (!r.ok) throw new Error(r.error.message);
    if (action.type === 'end-turn') {
      records.push(recordOf({ turn: before.turn, actions: chosen }, before, r));
      before = r.state;
      chosen = [];
      guard = 0;
    } else if (action.type === 'undo') chosen.pop();
    else if (action.type === 'choose')
      chosen.push(action.target ? { action: action.action, target: action.target } : { action: action.action });
    state = r.state;
  }
  return { state, records };
}

/** What is wrong with the ending shown: conditions that fail, claims the final state belies. */
function endingProblems(scenario: Scenario, s: GameState): string[] {
  const ending = s.setup.endings.find((e) => e.id === s.ending);
  if (!ending) return [`no ending ${String(s.ending)}`];
  const out: string[] = [];
  if (ending.outcome !== s.regime) out.push(`outcome ${ending.outcome} shown for ${s.regime}`);
  if (ending.early !== null && ending.early !== s.early) out.push(`early ${ending.early} shown for ${s.early}`);
  if (!allHold(ending.when, s)) out.push('its conditions fail');
  return [...out, ...falseClaims(endingText(scenario, s.ending), s)];
}

/** Members named by an event or a shift whose words claim a role the member does not hold. */
function memberProblems(scenario: Scenario, r: TurnRecord): string[] {
  const out: string[] = [];
  for (const f of r.facts) {
    if ((f.type !== 'event-occurred' && f.type !== 'shift-occurred') || f.member === null) continue;
    const def =
      f.type === 'event-occurred'
        ? scenario.events.find((e) => e.id === f.event)
        : scenario.shifts.find((x) => x.id === f.shift);
    const role = scenario.members.find((m) => m.id === f.member)?.role ?? '';
    const wrong = falseRoles(scenario, `${def?.title ?? ''} ${def?.text ?? ''}`, role);
    if (wrong.length) out.push(`${factWords(f, scenario)}: ${memberName(scenario, f.member)} is no ${wrong.join('/')}`);
    // A member the words say left is gone; one they say stayed is still on the team.
    const words = factWords(f, scenario) ?? '';
    const gone = r.after.members[scenario.members.findIndex((m) => m.id === f.member)]?.status === 'gone';
    if (words.includes(`${memberName(scenario, f.member)} left`) && !gone) out.push(`${words}: still on the team`);
  }
  return out;
}

const MOVE = /^Turns? ([\d, and]+): the team moved from (\w+) to (\w+): (.*)\.$/;
const CROSSING =
  /([LM]) (rose|fell) from (\d+) to (\d+), (?:reaching the 62 that makes it high|below the 50 a high ([LM]) needs)(?:, mostly through ([a-z]+) ([+−])(\d+))?/g;

/**
 * What is false in words that say an index crossed its threshold on a turn: an index that did not
 * cross that way, values it did not have, a driver that does not feed it or did not move so, or an
 * index that crossed and is not named.
 */
function crossingProblems(words: string, r: TurnRecord): string[] {
  const out: string[] = [];
  const named = new Set<'l' | 'm'>();
  for (const m of words.matchAll(CROSSING)) {
    const [, name, way, from, to, needs, label, sign, size] = m;
    const index = name === 'L' ? 'l' : 'm';
    named.add(index);
    const highKey = index === 'l' ? 'lHigh' : 'mHigh';
    const rose = way === 'rose';
    if (r.before[highKey] === r.after[highKey] || r.after[highKey] !== rose)
      out.push(`${name} did not ${rose ? 'become' : 'stop being'} high on turn ${r.turn}`);
    if (Number(from) !== r.before[index] || Number(to) !== r.after[index])
      out.push(`${name} went ${r.before[index]} → ${r.after[index]} on turn ${r.turn}, not ${from} → ${to}`);
    if (needs !== undefined && needs !== name) out.push(`${name}'s threshold named as ${needs}'s`);
    if (label === undefined) continue;
    const v = BY_LABEL.get(label);
    const change = r.changes.find((c) => c.var === v);
    const amount = (sign === '+' ? 1 : -1) * Number(size);
    if (v === undefined || !FEEDS[index].includes(v)) out.push(`${label} does not feed ${name}`);
    else if (Math.sign(amount) !== (rose ? 1 : -1)) out.push(`${label} pushed ${name} the wrong way`);
    else if (!change || change.to - change.from !== amount)
      out.push(`${label} did not move ${sign}${size} on turn ${r.turn}`);
  }
  for (const index of ['l', 'm'] as const) {
    const highKey = index === 'l' ? 'lHigh' : 'mHigh';
    if (r.before[highKey] !== r.after[highKey] && !named.has(index))
      out.push(`${index.toUpperCase()} crossed on turn ${r.turn} and is not named`);
  }
  return out;
}

/** Turning points that name a regime change that did not happen, or an index that did not cross so. */
function turningProblems(scenario: Scenario, records: readonly TurnRecord[]): string[] {
  const out: string[] = [];
  for (const line of turningPoints(scenario, records)) {
    const m = MOVE.exec(line);
    if (!line.includes('the team moved from')) continue;
    if (!m) {
      out.push(`${line}: not read`);
      continue;
    }
    const [, turns, from, to, words] = m as unknown as [string, string, Regime, Regime, string];
    for (const t of turns.match(/\d+/g)!.map(Number)) {
      const r = records.find((x) => x.turn === t);
      if (!r?.facts.some((f) => f.type === 'regime-changed' && f.from === from && f.to === to)) {
        out.push(`${line} (no such change on turn ${t})`);
        continue;
      }
      out.push(...crossingProblems(words, r).map((p) => `${line}: ${p}`));
    }
  }
  return out;
}

const WHY = /^(\w+) from (?:turn (\d+)(?: on)?|the first turn to the last): (.*)\.$/;
const STAYED =
  /([LM]) stayed (high|low) \((?:(\d+) then, )?(\d+)(?: at the end)?(; a high [LM] stays high down to 50)?\)/g;
const NEVER = /([LM]) never reached 62 \((?:(\d+) at best|its best was (\d+), after turn (\d+))\)/g;

/** What the end screen's line on why the run ended in its regime gets wrong. */
function whyProblems(scenario: Scenario, records: readonly TurnRecord[]): string[] {
  const text = regimeWhy(scenario, records);
  const end = records.at(-1)?.after;
  if (text === null || !end) return records.length ? ['no line for a run with turns'] : [];
  const m = WHY.exec(text);
  if (!m) return [`not read: ${text}`];
  const [, name, turn, words] = m as unknown as [string, string, string | undefined, string];
  const out: string[] = [];
  if (name!.toLowerCase() !== end.regime) out.push(`${text}: names ${name} for ${end.regime}`);
  const first = turn === undefined ? 0 : Number(turn) - 1;
  if (records.slice(first).some((r) => r.after.regime !== end.regime)) out.push(`${text}: the regime changed later`);
  if (first > 0 || turn !== undefined) {
    if (records[first]?.before.regime === end.regime) out.push(`${text}: turn ${turn} began in ${end.regime}`);
    if (records[first]) out.push(...crossingProblems(words, records[first]).map((p) => `${text}: ${p}`));
  } else if (records[0]!.before.regime !== end.regime) out.push(`${text}: the first turn began elsewhere`);
  for (const s of words.matchAll(STAYED)) {
    const index = s[1] === 'L' ? 'l' : 'm';
    if ((index === 'l' ? end.lHigh : end.mHigh) !== (s[2] === 'high')) out.push(`${text}: ${s[1]} is not ${s[2]}`);
    // "(a then, b at the end)" on the deciding turn and at the end; one value when they agree.
    if (Number(s[4]) !== end[index]) out.push(`${text}: ${s[1]} ended at ${end[index]}`);
    const then = records[first]!.after[index];
    if (turn !== undefined && Number(s[3] ?? s[4]) !== then) out.push(`${text}: ${s[1]} was ${then} then`);
    if ((s[5] !== undefined) !== (s[2] === 'high' && end[index] < 62))
      out.push(`${text}: the stays-high note is wrong`);
  }
  for (const n of words.matchAll(NEVER)) {
    const index = n[1] === 'L' ? 'l' : 'm';
    const values = records.map((r) => r.after[index]);
    const best = Math.max(records[0]!.before[index], ...values);
    if (records.some((r) => (index === 'l' ? r.after.lHigh : r.after.mHigh))) out.push(`${text}: ${n[1]} was high`);
    if (Number(n[2] ?? n[3]) !== best) out.push(`${text}: ${n[1]}'s best was ${best}`);
    if (n[4] !== undefined && records[Number(n[4]) - 1]?.after[index] !== best)
      out.push(`${text}: not after turn ${n[4]}`);
  }
  return out;
}

const FLEX = /^You spent (\d+)% of your hours leading \((\d+) h of (\d+)\)/;
const FLEX_GROUP = /(\d+)% in the (one|\d+) turns? that began in (\w+)/g;

/** What the end screen's line on how the player split their hours gets wrong. */
function flexProblems(records: readonly TurnRecord[]): string[] {
  const text = flexLine(records);
  if (text === null) return [];
  const m = FLEX.exec(text);
  if (!m) return [`not read: ${text}`];
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const lead = (s: GameState) => sum(s.profile.lead);
  const all = (s: GameState) => lead(s) + sum(s.profile.manage);
  const out: string[] = [];
  const first = records[0]!.before;
  const last = records.at(-1)!.after;
  if (Number(m[2]) !== lead(last) - lead(first) || Number(m[3]) !== all(last) - all(first))
    out.push(`${text}: the hours are ${lead(last)} of ${all(last)}`);
  for (const g of text.matchAll(FLEX_GROUP)) {
    const turns = records.filter((r) => r.before.regime === g[3]);
    const l = sum(turns.map((r) => lead(r.after) - lead(r.before)));
    const a = sum(turns.map((r) => all(r.after) - all(r.before)));
    if (turns.length !== (g[2] === 'one' ? 1 : Number(g[2])))
      out.push(`${text}: ${turns.length} turns began in ${g[3]}`);
    if (a === 0 || Math.abs((100 * l) / a - Number(g[1])) > 0.5) out.push(`${text}: ${l} h of ${a} in ${g[3]}`);
  }
  return out;
}

/** A score whose parts, or whose rows, do not add up to it. */
function scoreProblems(s: GameState): string[] {
  const b = breakdownOf(s);
  const parts = b.outcome + b.meters + b.progress + b.momentum + b.collapse + b.departures + b.floor;
  const rows = scoreRows(s);
  const out: string[] = [];
  if (b.total !== s.score || parts !== b.total) out.push(`parts ${parts}, total ${b.total}, score ${s.score}`);
  if (rows.rows.reduce((a, r) => a + r.points, 0) !== rows.total) out.push('rows do not add up');
  return out;
}

describe('the shown words are true', () => {
  for (const scenario of scenarios()) {
    it(`in ${scenario.id}, over ${PLAYS.map(([p, n]) => `${n} ${p}`).join(', ')} games`, { timeout: 120_000 }, () => {
      const problems: string[] = [];
      let count = 0;
      const note = (policy: string, seed: number, found: readonly string[]) => {
        count += found.length;
        for (const p of found) if (problems.length < 20) problems.push(`${policy} seed ${seed}: ${p}`);
      };
      for (const [policy, seeds] of PLAYS) {
        for (let seed = 1; seed <= seeds; seed++) {
          const { state, records } = playTold(scenario, String(seed), policy);
          note(
            policy,
            seed,
            endingProblems(scenario, state).map((p) => `ending ${String(state.ending)}: ${p}`),
          );
          for (const r of records) note(policy, seed, memberProblems(scenario, r));
          note(policy, seed, turningProblems(scenario, records));
          note(policy, seed, whyProblems(scenario, records));
          note(policy, seed, flexProblems(records));
          note(policy, seed, scoreProblems(state));
        }
      }
      expect(problems, `${count} false words in all; the first ${problems.length}`).toEqual([]);
    });
  }
});
