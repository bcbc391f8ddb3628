import { endingText, type GameState, type Regime, type Scenario } from '../engine';
import type { ReplayChoice } from '../replay/document';
import { profileOfHours, timeProfile, type TimeProfile } from '../replay/profile';
import { choiceWords } from '../replay/words';
import { foldName, type Room, type TeamRun } from './collect';

/**
 * One line of the room's table. A team whose only hand-ins were refused still gets a row, marked
 * unverified with the reason, and nulls where a verified run would give figures.
 */
export interface TeamRow {
  readonly team: string;
  readonly verified: boolean;
  /** Why the team's hand-in was refused; null when verified. */
  readonly reason: string | null;
  readonly source: string;
  readonly turns: number | null;
  readonly finished: boolean;
  readonly outcome: Regime | null;
  /** The regime after the last turn played, finished or not. */
  readonly regime: Regime | null;
  readonly ending: string | null;
  /** The scenario's words for the ending. */
  readonly endingText: string | null;
  readonly score: number | null;
  readonly morale: number | null;
  readonly execution: number | null;
  readonly innovation: number | null;
  readonly l: number | null;
  readonly m: number | null;
  readonly leadHours: number | null;
  readonly manageHours: number | null;
  readonly fingerprint: string | null;
  readonly handIns: number;
}

/** Every verified team in room order, then every refused name that has no verified run. */
export function teamRows(room: Room, scenario: Scenario): TeamRow[] {
  const rows: TeamRow[] = room.teams.map((t) => {
    const profile = timeProfile(t.state);
    const v = t.state.vars;
    return {
      team: t.team,
      verified: true,
      reason: null,
      source: t.source,
      turns: t.turns,
      finished: t.finished,
      outcome: t.outcome,
      regime: t.regime,
      ending: t.ending,
      endingText: t.ending === null ? null : endingText(scenario, t.ending),
      score: t.score,
      morale: v.morale,
      execution: v.execution,
      innovation: v.innovation,
      l: t.state.l,
      m: t.state.m,
      leadHours: profile.lead,
      manageHours: profile.manage,
      fingerprint: t.fingerprint,
      handIns: t.handIns,
    };
  });
  const named = new Set(room.teams.map((t) => foldName(t.team)));
  const unverified = new Map<string, TeamRow>();
  for (const r of room.refused) {
    if (r.team === null || named.has(foldName(r.team))) continue;
    const before = unverified.get(foldName(r.team));
    unverified.set(foldName(r.team), {
      team: r.team,
      verified: false,
      reason: r.reason,
      source: r.source,
      turns: null,
      finished: false,
      outcome: null,
      regime: null,
      ending: null,
      endingText: null,
      score: null,
      morale: null,
      execution: null,
      innovation: null,
      l: null,
      m: null,
      leadHours: null,
      manageHours: null,
      fingerprint: null,
      handIns: (before?.handIns ?? 0) + 1,
    });
  }
  return [...rows, ...unverified.values()];
}

export type SeriesKey = 'morale' | 'execution' | 'innovation' | 'l' | 'm';

export const SERIES_KEYS: readonly SeriesKey[] = ['morale', 'execution', 'innovation', 'l', 'm'];

function valueOf(state: GameState, key: SeriesKey): number {
  return key === 'l' ? state.l : key === 'm' ? state.m : state.vars[key];
}

/** One line per team for a chart: values[0] is the start, then the value after each turn played. */
export function meterSeries(room: Room, key: SeriesKey): { team: string; values: number[] }[] {
  return room.teams.map((t) => ({
    team: t.team,
    values: [valueOf(t.start, key), ...t.records.map((r) => valueOf(r.after, key))],
  }));
}

/** The regime after each turn played, per team. */
export function regimeTimeline(room: Room): { team: string; regimes: Regime[] }[] {
  return room.teams.map((t) => ({ team: t.team, regimes: t.records.map((r) => r.regime) }));
}

/**
 * What each team chose at one turn (from 1), in words. `played` is false for a team whose run
 * has no such turn (it handed in earlier, or its game ended before).
 */
export function decisionsAt(
  room: Room,
  scenario: Scenario,
  turn: number,
): { team: string; choices: string[]; played: boolean }[] {
  return room.teams.map((t) => {
    const played = t.doc.turns[turn - 1];
    return {
      team: t.team,
      choices: played ? played.actions.map((c) => choiceWords(scenario, c)) : [],
      played: played !== undefined,
    };
  });
}

function sameChoices(a: readonly ReplayChoice[], b: readonly ReplayChoice[]): boolean {
  return a.length === b.length && a.every((c, i) => c.action === b[i]!.action && c.target === b[i]!.target);
}

/**
 * The first turn (from 1) at which two teams that both played it chose differently (the same
 * choices in another order count as different: order changes what the rules do). Null when no
 * two teams ever differ, or there are fewer than two. The room shares a seed, so before this turn
 * every team's run was the same.
 */
export function firstDivergence(room: Room): number | null {
  const longest = Math.max(0, ...room.teams.map((t) => t.turns));
  for (let i = 0; i < longest; i++) {
    let first: readonly ReplayChoice[] | null = null;
    for (const t of room.teams) {
      const turn = t.doc.turns[i];
      if (!turn) continue;
      if (first === null) first = turn.actions;
      else if (!sameChoices(first, turn.actions)) return i + 1;
    }
  }
  return null;
}

/** Each team's time across the eight aspects, and the room's average (in hours to a tenth). */
export interface RoomProfiles {
  readonly teams: readonly { readonly team: string; readonly profile: TimeProfile }[];
  /** The mean of the teams' hours on each side of each aspect; all zero for an empty room. */
  readonly average: TimeProfile;
}

export function aspectProfiles(room: Room): RoomProfiles {
  const teams = room.teams.map((t: TeamRun) => ({ team: t.team, profile: timeProfile(t.state) }));
  const n = Math.max(1, teams.length);
  const template = teams[0]?.profile.aspects ?? timeProfile({ profile: { lead: [], manage: [] } }).aspects;
  const mean = (f: (t: (typeof teams)[number]) => number) => tenths(teams.reduce((s, t) => s + f(t), 0) / n);
  const average = profileOfHours(
    template.map((a, i) => ({
      aspect: a.aspect,
      title: a.title,
      lead: mean((t) => t.profile.aspects[i]!.lead),
      manage: mean((t) => t.profile.aspects[i]!.manage),
    })),
  );
  return { teams, average: { ...average, lead: mean((t) => t.profile.lead), manage: mean((t) => t.profile.manage) } };
}

/** Rounded to a tenth, so an average reads 7.4 h, not 7.3999999. */
function tenths(x: number): number {
  return Math.round(x * 10) / 10;
}
