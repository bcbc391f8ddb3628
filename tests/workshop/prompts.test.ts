import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Regime } from '../../src/engine';
import { choiceWords } from '../../src/replay/words';
import {
  collectRoom,
  debriefPrompts,
  firstDivergence,
  newRoomCache,
  STANDING_PROMPTS,
  type Room,
  type TeamRun,
} from '../../src/workshop';
import { asSubmission, ENTRIES, entry, handIn, type TeamHandIn } from './support';

/** Twenty names, none the start of another, so a question's mention of a team is never ambiguous. */
const NAMES = [
  'Red',
  'Blue',
  'Green',
  'Gold',
  'Teal',
  'Plum',
  'Rust',
  'Sand',
  'Jade',
  'Ruby',
  'Onyx',
  'Pearl',
  'Coral',
  'Amber',
  'Ivory',
  'Slate',
  'Olive',
  'Lilac',
  'Mint',
  'Navy',
].map((c) => `Team ${c}`);

const SCENARIOS = ['first-team', 'stagnant-giant', 'idea-factory', 'build-the-house', 'producers-to-leaders'];
const POLICIES = ['balanced', 'lead-only', 'manage-only', 'random', 'coast', 'reader', 'expert', 'share:30'];
const SEEDS = ['42', '7'];

interface Spec {
  readonly policy: string;
  /** Turns handed in; undefined for the whole game. */
  readonly turns?: number;
}

// Bots play a game once per scenario, seed and policy (support.ts), each hand-in is encoded once,
// and the room cache verifies each text once: a random room costs little after the first few.
const handIns = new Map<string, TeamHandIn>();
const cache = newRoomCache();

function roomOf(scenario: string, seed: string, specs: readonly Spec[]): Room {
  const submissions = specs.map((s, i) => {
    const key = `${scenario}|${seed}|${s.policy}|${s.turns ?? 'all'}|${i}`;
    let h = handIns.get(key);
    if (!h) handIns.set(key, (h = handIn(s.policy, { team: NAMES[i]! }, { scenario, seed, turns: s.turns })));
    return asSubmission(h);
  });
  return collectRoom(ENTRIES, { scenario, seed }, submissions, cache);
}

const specs = (...policies: string[]): Spec[] => policies.map((policy) => ({ policy }));

// Facts recomputed from the runs, independently of the code under test.

/** The first turn (from 1) that ended in `regime` after a turn, or the start, in another; 0 if none. */
function entered(t: TeamRun, regime: Regime): number {
  const regimes = [t.start.regime, ...t.records.map((r) => r.regime)];
  return regimes.findIndex((r, i) => i > 0 && r === regime && regimes[i - 1] !== regime);
}

/** A whole game spent in the regime it started in (a team still playing may yet leave it). */
const neverLeft = (t: TeamRun) => t.finished && t.records.every((r) => r.regime === t.start.regime);
const hadMomentum = (t: TeamRun) => [t.start, ...t.records].some((r) => r.regime === 'momentum');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "A, B, C and 12 more": the names a capped list shows, in order. */
function shownList(names: readonly string[]): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more teams`] : [...names];
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** How many teams a question says it is about: its leading count, or 1 when it opens with a name. */
function claimedCount(q: string, room: Room): number {
  const m = /^(\d+) of (\d+) teams/.exec(q);
  if (m) {
    expect(Number(m[2])).toBe(room.teams.length);
    return Number(m[1]);
  }
  if (/^(All \d+|Both) teams/.test(q)) return room.teams.length;
  expect(room.teams.some((t) => q.startsWith(t.team))).toBe(true);
  return 1;
}

/** The teams a question names, with what follows each name, and how many more it counts. */
function named(q: string, room: Room): { teams: TeamRun[]; more: number } {
  const more = /and (\d+) more/.exec(q);
  return { teams: room.teams.filter((t) => q.includes(t.team)), more: more ? Number(more[1]) : 0 };
}

/** The phrases that mark each kind of question: a debrief asks about each at most once. */
const PATTERNS: readonly RegExp[] = [
  / finished[,: ]/,
  /games? ended early/,
  /slid into chaos/,
  /sank into stagnation/,
  /never left|ever left/,
  /reached momentum (first|on turn)/,
  /never reached momentum|No team reached momentum/,
  /lost it/,
  /chose alike|chose differently|same choices/,
  /of (its|their) hours leading/,
  /lost (people|\d+ (person|people))/,
  /^“/,
  /handed in part-way/,
];

/** A question with its team names and numbers blanked: two questions of one pattern look alike. */
function skeleton(q: string, room: Room): string {
  const names = room.teams.map((t) => t.team).sort((a, b) => b.length - a.length);
  let s = q;
  for (const n of names) s = s.split(n).join('‹team›');
  return s.replace(/\d+/g, '‹n›');
}

/** Everything a debrief must be, whatever the room. */
function checkDebrief(room: Room, prompts: readonly string[]): void {
  expect(prompts.length).toBeLessThanOrEqual(8);
  expect(prompts).toContain(STANDING_PROMPTS[0]);
  expect(prompts).toContain(STANDING_PROMPTS[1]);
  expect(new Set(prompts).size).toBe(prompts.length);
  expect(new Set(prompts.map((q) => skeleton(q, room))).size).toBe(prompts.length);
  for (const p of PATTERNS) expect(prompts.filter((q) => p.test(q)).length, String(p)).toBeLessThanOrEqual(1);
  for (const q of prompts) {
    expect(q.endsWith('?'), q).toBe(true);
    expect(q).not.toMatch(/had sank|\b1 of 1\b|\b1 (teams|people|more teams)\b|\bAll [012] teams/);
    for (const m of q.matchAll(/\b(\d+) (team|person)\b/g)) expect(m[1], q).toBe('1');
    checkEntered(q, room);
    checkNeverLeft(q, room);
    checkEarly(q, room);
    checkLost(q, room);
  }
}

/** "slid into chaos" and "sank into stagnation": only teams that came into it, at the turn given. */
function checkEntered(q: string, room: Room): void {
  for (const [verb, regime] of [
    ['slid into chaos', 'chaos'],
    ['sank into stagnation', 'stagnation'],
  ] as const) {
    if (!q.includes(verb)) continue;
    const hit = room.teams.filter((t) => entered(t, regime) > 0);
    expect(claimedCount(q, room), q).toBe(hit.length);
    const { teams, more } = named(q, room);
    expect(teams.length + more, q).toBe(hit.length);
    for (const t of teams) {
      const turn = new RegExp(`${escape(t.team)} (?:${verb} )?on turn (\\d+)`).exec(q);
      expect(Number(turn?.[1]), `${t.team} in: ${q}`).toBe(entered(t, regime));
    }
  }
}

/**
 * "never left X, where the scenario starts": teams whose whole game stayed where it began, and
 * when it says so, the turn staying ended their games early at.
 */
function checkNeverLeft(q: string, room: Room): void {
  const m = /ever left (\w+), where the scenario starts/.exec(q);
  if (!m) return;
  const stayed = room.teams.filter((t) => neverLeft(t) && t.start.regime === m[1]);
  if (q.startsWith('No team ever left')) expect(stayed).toHaveLength(room.teams.length);
  else expect(claimedCount(q, room)).toBe(stayed.length);
  const { teams } = named(q, room);
  for (const t of teams) expect(stayed).toContain(t);
  const early = stayed.filter((t) => t.state.early);
  if (!q.includes('early')) return;
  const ended = /it ended (every game|both their games|all their games|(\d+) of their games|\S+ game)/.exec(q);
  expect(ended, q).not.toBeNull();
  if (ended![2] !== undefined) expect(Number(ended![2])).toBe(early.length);
  else if (!/'s game|its game/.test(ended![1]!)) expect(early).toHaveLength(stayed.length);
  for (const t of teams) {
    const turn = new RegExp(`${escape(t.team)}(?:'s game early,)? after turn (\\d+)`).exec(q);
    if (turn) expect(early.includes(t) && t.turns === Number(turn[1]), q).toBe(true);
  }
}

function checkEarly(q: string, room: Room): void {
  if (!/games? ended early/.test(q)) return;
  const early = room.teams.filter((t) => t.finished && t.state.early);
  expect(claimedCount(q, room)).toBe(early.length);
  const { teams, more } = named(q, room);
  expect(teams.length + more).toBe(early.length);
  for (const t of teams) {
    expect(early).toContain(t);
    expect(q).toMatch(new RegExp(`${escape(t.team)}('s game ended early,| in \\w+)? after turn ${t.turns}\\b`));
  }
}

function checkLost(q: string, room: Room): void {
  if (!q.includes('lost it')) return;
  const { teams } = named(q, room);
  expect(teams.length).toBeGreaterThan(0);
  for (const t of teams) {
    expect(hadMomentum(t)).toBe(true);
    expect(t.regime).not.toBe('momentum');
  }
}

describe('debriefPrompts over random rooms', () => {
  const spec = fc.record({
    policy: fc.constantFrom(...POLICIES),
    turns: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined, freq: 3 }),
  });
  const rooms = fc.record({
    scenario: fc.constantFrom(...SCENARIOS),
    seed: fc.constantFrom(...SEEDS),
    teams: fc.array(spec, { minLength: 1, maxLength: 20 }),
  });

  it('asks at most eight questions, one per pattern, in good grammar and true to the runs', () => {
    fc.assert(
      fc.property(rooms, ({ scenario, seed, teams }) => {
        const room = roomOf(scenario, seed, teams);
        checkDebrief(room, debriefPrompts(room, entry(scenario).scenario));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('debriefPrompts', () => {
  const firstTeam = entry('first-team').scenario;
  const five = roomOf('first-team', '42', specs('balanced', 'lead-only', 'manage-only', 'random', 'expert'));

  it('opens with how the room finished and keeps the two standing questions last', () => {
    const prompts = debriefPrompts(five, firstTeam);
    const counts = (['momentum', 'chaos', 'stagnation', 'drift'] as const)
      .map((r) => [r, five.teams.filter((t) => t.outcome === r).length] as const)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${n} in ${r}`);
    const split = `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}`;
    expect(prompts[0]).toBe(
      `All 5 teams finished: ${split}. Same scenario, same seed, same dice: where did your paths part?`,
    );
    expect(prompts).toHaveLength(8);
    expect(prompts.slice(-2)).toEqual(STANDING_PROMPTS.slice(0, 2));
    checkDebrief(five, prompts);
  });

  it('names who reached momentum first and what it chose that turn', () => {
    const prompts = debriefPrompts(five, firstTeam);
    const reached = five.teams.filter((t) => entered(t, 'momentum') > 0);
    const first = Math.min(...reached.map((t) => entered(t, 'momentum')));
    const firsts = reached.filter((t) => entered(t, 'momentum') === first);
    expect(firsts).toHaveLength(1);
    const chosen = firsts[0]!.doc.turns[first - 1]!.actions.map((c) => choiceWords(firstTeam, c));
    const words = `${chosen.slice(0, -1).join(', ')} and ${chosen[chosen.length - 1]}`;
    expect(prompts).toContain(
      `${firsts[0]!.team} reached momentum first, on turn ${first}, after choosing ${words} that turn: what did that turn add to the ones before it?`,
    );
  });

  it('sets the two teams furthest apart in their hours side by side', () => {
    expect(debriefPrompts(five, firstTeam)).toContain(
      'Team Blue spent 100% of its hours leading and Team Green 0%: how did that show in their morale, execution and innovation?',
    );
  });

  it('says truthfully that teams never left the stagnation a scenario starts in, and never that they sank into it', () => {
    const giant = entry('stagnant-giant').scenario;
    const policies = ['balanced', 'manage-only', 'random', 'lead-only', 'coast', 'reader'];
    const room = roomOf(
      'stagnant-giant',
      '42',
      specs(...Array.from({ length: 18 }, (_, i) => policies[i % policies.length]!)),
    );
    const prompts = debriefPrompts(room, giant);
    checkDebrief(room, prompts);
    expect(room.teams.every((t) => t.start.regime === 'stagnation')).toBe(true);
    const stayed = room.teams.filter(neverLeft);
    expect(stayed.length).toBeGreaterThan(1);
    // Staying in stagnation is what ended these games early: one question tells both.
    expect(stayed.every((t) => t.state.early)).toBe(true);
    const lasts = shownList(
      [...stayed].sort((a, b) => a.turns - b.turns).map((t) => `${t.team} after turn ${t.turns}`),
    );
    expect(prompts).toContain(
      `${stayed.length} of 18 teams never left stagnation, where the scenario starts, and it ended all their games early (${lasts}): what would have got them out?`,
    );
    expect(prompts.filter((q) => /ended .*early/.test(q))).toHaveLength(1);
    const sank = prompts.find((q) => q.includes('into stagnation'));
    for (const t of stayed) expect(sank ?? '').not.toContain(t.team);
    expect(prompts.join(' ')).not.toMatch(/All 18 teams (had )?s[au]nk/);
  });

  it('tells a team that stayed in the starting stagnation until it ended the game once, not twice', () => {
    const alone = roomOf('stagnant-giant', '42', specs('manage-only'));
    const t = alone.teams[0]!;
    expect(neverLeft(t) && t.state.early).toBe(true);
    const prompts = debriefPrompts(alone, entry('stagnant-giant').scenario);
    checkDebrief(alone, prompts);
    expect(prompts.filter((q) => q.includes('early'))).toEqual([
      `Team Red never left stagnation, where the scenario starts, and it ended its game early, after turn ${t.turns}: what would have got it out?`,
    ]);
  });

  it('gathers every early ending into one question, with each team’s regime and turn, the list capped', () => {
    const mix = Array.from({ length: 20 }, (_, i) => (i < 8 ? 'lead-only' : i < 15 ? 'manage-only' : 'expert'));
    const room = roomOf('first-team', '42', specs(...mix));
    const prompts = debriefPrompts(room, firstTeam);
    checkDebrief(room, prompts);
    const early = room.teams.filter((t) => t.state.early).sort((a, b) => a.turns - b.turns);
    expect(early).toHaveLength(15);
    const outcomes = [...new Set(early.map((t) => t.outcome))];
    expect(outcomes).toHaveLength(2);
    const each = shownList(early.map((t) => `${t.team} in ${t.outcome} after turn ${t.turns}`));
    expect(prompts.filter((q) => q.includes('ended early'))).toEqual([
      `15 of 20 teams' games ended early, after too long in ${outcomes.join(' or ')} (${each}): at which turn could each still have turned back?`,
    ]);
  });

  it('asks about one shift only: the one the room split on most', () => {
    const room = roomOf(
      'stagnant-giant',
      '42',
      specs('balanced', 'lead-only', 'manage-only', 'random', 'reader', 'coast'),
    );
    const giant = entry('stagnant-giant').scenario;
    const prompts = debriefPrompts(room, giant);
    const shifts = prompts.filter((q) => q.startsWith('“'));
    expect(shifts).toHaveLength(1);
    const splits = giant.shifts.map((s) => {
      const hit = room.teams.filter((t) => t.state.shifted.includes(s.id));
      const answered = hit.filter((t) => t.state.settled.includes(s.id)).length;
      // As split as can be (half answered) and as widely met as can be (every team hit) weigh most.
      const even = (4 * answered * (hit.length - answered)) / (hit.length * room.teams.length || 1);
      return { s, hit: hit.length, answered, even };
    });
    const best = splits.reduce((a, b) => (b.even > a.even || (b.even === a.even && b.hit > a.hit) ? b : a));
    expect(best.answered).toBeGreaterThan(0);
    expect(best.answered).toBeLessThan(best.hit);
    const who = best.hit === room.teams.length ? `all ${best.hit} teams` : `${best.hit} of ${room.teams.length} teams`;
    const missed = best.hit - best.answered;
    const those = best.answered === 1 ? 'the team that answered' : 'those who answered';
    const others = missed === 1 ? 'the other' : 'the others';
    expect(shifts[0]).toBe(
      `“${best.s.title}” hit ${who}; ${best.answered} answered it and ${missed} did not: what told ${those} that it called for a different answer, and what would have told ${others}?`,
    );
  });

  it('puts identical runs and a room without momentum among the first questions', () => {
    const twins = roomOf('first-team', '42', specs('balanced', 'balanced', 'balanced'));
    const same = debriefPrompts(twins, firstTeam);
    expect(firstDivergence(twins)).toBeNull();
    expect(same[0]).toMatch(
      /^All 3 teams finished in \w+: did you all get there the same way, or by different roads\?$/,
    );
    expect(same[1]).toMatch(/^Every team made the same choices on every turn it played/);
    checkDebrief(twins, same);
    const stuck = roomOf('first-team', '42', specs('random', 'coast', 'manage-only'));
    if (stuck.teams.every((t) => !hadMomentum(t))) {
      expect(debriefPrompts(stuck, firstTeam).slice(1, 3)).toContain(
        'No team reached momentum: which side, leading or managing, was each team short of?',
      );
    }
  });

  it('words a team handing in part-way, one team alone and two teams', () => {
    const part = roomOf('first-team', '42', [{ policy: 'balanced' }, { policy: 'lead-only', turns: 2 }]);
    const prompts = debriefPrompts(part, firstTeam);
    const open = part.teams.find((t) => t.team === 'Team Blue')!;
    const finished = part.teams.find((t) => t.team === 'Team Red')!;
    expect(prompts[0]).toBe(`Only Team Red finished, in ${finished.outcome}: what got it there?`);
    expect(prompts).toContain(
      `Team Blue handed in part-way, after turn 2, in ${open.regime}: where is it heading, and what would it do next turn?`,
    );
    checkDebrief(part, prompts);
    const alone = roomOf('first-team', '42', specs('lead-only'));
    const one = debriefPrompts(alone, firstTeam);
    expect(one[0]).toBe(`Team Red finished in ${alone.teams[0]!.outcome}: what got it there?`);
    checkDebrief(alone, one);
    const both = roomOf('first-team', '42', specs('lead-only', 'manage-only'));
    checkDebrief(both, debriefPrompts(both, firstTeam));
    expect(debriefPrompts(both, firstTeam).join(' ')).not.toMatch(/All 2|2 of 2/);
  });

  it('counts the people each team lost during the game', () => {
    const ask = 'who was left without coaching or a task of their own before they went?';
    const lostBy = (t: TeamRun) =>
      t.state.members.filter((m) => m.status === 'gone').length -
      t.start.members.filter((m) => m.status === 'gone').length;
    const house = roomOf('build-the-house', '42', specs('balanced', 'manage-only'));
    const one = house.teams.filter((t) => lostBy(t) > 0);
    expect(one.map(lostBy)).toEqual([1]);
    expect(debriefPrompts(house, entry('build-the-house').scenario)).toContain(
      `${one[0]!.team} lost 1 person, the only team that lost anyone: ${ask}`,
    );
    const giant = roomOf('stagnant-giant', '7', specs('balanced', 'manage-only', 'coast'));
    const two = giant.teams.filter((t) => lostBy(t) > 0).sort((a, b) => lostBy(b) - lostBy(a));
    expect(two).toHaveLength(2);
    const each = two.map((t) => `${lostBy(t)} from ${t.team}`).join(' and ');
    expect(debriefPrompts(giant, entry('stagnant-giant').scenario)).toContain(
      `2 of 3 teams lost people along the way (${each}): ${ask}`,
    );
  });

  it('fills up to eight with standing questions, and gives only those for an empty room', () => {
    expect(debriefPrompts(roomOf('first-team', '42', []), firstTeam)).toEqual(STANDING_PROMPTS);
    const twins = roomOf('first-team', '42', specs('expert', 'expert'));
    const prompts = debriefPrompts(twins, firstTeam);
    const asked = prompts.length - prompts.filter((p) => STANDING_PROMPTS.includes(p)).length;
    expect(prompts.slice(asked)).toEqual(STANDING_PROMPTS.slice(0, Math.max(2, 8 - asked)));
    expect(STANDING_PROMPTS.some((p) => p.includes('architect') && p.includes('contractor'))).toBe(true);
    expect(STANDING_PROMPTS.some((p) => p.includes('leading or managing'))).toBe(true);
  });
});
