/**
 * The shown words are true: over many bot games of every scenario, each ending's conditions and
 * measurable claims hold in the final state, each member an event or a shift names holds any role
 * its words claim, each turning point into or out of a regime credits only a variable that feeds
 * the index that crossed and moved that way, and the score's parts add up to the score.
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
const HIGH: Record<Regime, { l: boolean; m: boolean }> = {
  momentum: { l: true, m: true },
  chaos: { l: true, m: false },
  stagnation: { l: false, m: true },
  drift: { l: false, m: false },
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

const MOVE = /^Turns? ([\d, and]+): the team moved from (\w+) to (\w+)(?:, driven most by .* \((\w+) ([+−])(\d+)\))?/;

/** Turning points that credit a regime change to a variable that did not drive it. */
function turningProblems(scenario: Scenario, records: readonly TurnRecord[]): string[] {
  const out: string[] = [];
  for (const line of turningPoints(scenario, records)) {
    const m = MOVE.exec(line);
    if (!m) continue;
    const [, turns, from, to, label, sign, size] = m as unknown as [
      string,
      string,
      Regime,
      Regime,
      string?,
      string?,
      string?,
    ];
    for (const t of turns.match(/\d+/g)!.map(Number)) {
      const r = records.find((x) => x.turn === t);
      if (!r?.facts.some((f) => f.type === 'regime-changed' && f.from === from && f.to === to)) {
        out.push(`${line} (no such change on turn ${t})`);
        continue;
      }
      if (label === undefined) continue;
      const v = BY_LABEL.get(label);
      const amount = (sign === '+' ? 1 : -1) * Number(size);
      const side = (['l', 'm'] as const).find((k) => v !== undefined && FEEDS[k].includes(v));
      const change = r.changes.find((c) => c.var === v);
      if (!side || HIGH[from][side] === HIGH[to][side]) out.push(`${line}: ${label} feeds no index that crossed`);
      else if (Math.sign(amount) !== (HIGH[to][side] ? 1 : -1)) out.push(`${line}: ${label} pushed the wrong way`);
      else if (!change || Math.sign(change.to - change.from) !== Math.sign(amount))
        out.push(`${line}: ${label} did not move that way on turn ${t}`);
      else if (!change.causes.some((c) => c.amount === amount)) out.push(`${line}: no such cause on turn ${t}`);
    }
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
          note(policy, seed, scoreProblems(state));
        }
      }
      expect(problems, `${count} false words in all; the first ${problems.length}`).toEqual([]);
    });
  }
});
