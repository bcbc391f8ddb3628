import { REGIMES, type Regime, type Scenario } from '../engine';
import { choiceWords } from '../replay/words';
import type { Room, TeamRun } from './collect';
import { firstDivergence } from './compare';

/**
 * Questions that stay true whatever the room did, after the source material's: where each person
 * is stronger, who drew the plan and who built it, whether the team flexed when things moved, and
 * what paid off late. The first two are asked in every debrief; the others fill it when the runs
 * give little to ask about.
 */
export const STANDING_PROMPTS: readonly string[] = [
  'Where are you stronger, leading or managing? Did the way your team spent its hours match that answer?',
  'Who in your team was the architect, drawing where you were headed, and who was the contractor, making sure it got built? Did anyone play both parts?',
  'When the situation changed, did your team change how it spent its time, or keep the recipe that had worked until then?',
  'Which of your choices paid off only turns later, and what kept you going until it did?',
];

/** A debrief longer than this is not run to its end in a room's closing half hour. */
const MOST_QUESTIONS = 8;
/** The standing questions always asked: the first ones of STANDING_PROMPTS. */
const KEPT_STANDING = 2;
/** What a pattern every team shares, or no team at all, is worth: it says something about the scenario. */
const STRIKING = 0.95;

/**
 * One question about one pattern in the runs, and how much the room would gain from it. One
 * question per kind reaches the debrief, so a room of twenty hears each pattern once.
 */
interface Candidate {
  readonly kind: string;
  readonly weight: number;
  readonly text: string;
  /**
   * For a question about teams caught in chaos or stagnation (slid in, never left, ended early
   * there), the teams it names: two such questions about much the same teams tell one story.
   */
  readonly about?: readonly TeamRun[];
}

/**
 * At most eight questions: how the room finished first, then the patterns its runs show, most
 * telling first (at most one of each kind), then the standing questions, at least two of them.
 */
export function debriefPrompts(room: Room, scenario: Scenario): string[] {
  // The room's counts are of teams: a team's later attempts are asked about on their own.
  const teams = room.teams.filter((t) => t.attempt === 1);
  const ranked = [...candidates({ ...room, teams }, scenario), ...attemptCandidates(room.teams)]
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.weight - a.c.weight || a.order - b.order)
    .map((x) => x.c);
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => k.kind === c.kind || sameTeams(k, c))) kept.push(c);
  const summary = teams.length > 0 ? outcomeQuestion(teams) : null;
  const fromRuns = [...(summary === null ? [] : [summary]), ...kept.map((c) => c.text)];
  const asked = fromRuns.slice(0, MOST_QUESTIONS - KEPT_STANDING);
  return [...asked, ...STANDING_PROMPTS.slice(0, Math.max(KEPT_STANDING, MOST_QUESTIONS - asked.length))];
}

/**
 * Whether two questions tell one story about much the same teams (their games ended early
 * because they never left the regime they started in, say): a room of twenty would hear it twice,
 * so the less telling is left out. In a room of a team or two every question is about the same
 * teams, so it never counts there.
 */
function sameTeams(a: Candidate, b: Candidate): boolean {
  if (!a.about || !b.about) return false;
  const union = new Set([...a.about, ...b.about]);
  const shared = a.about.filter((t) => b.about!.includes(t)).length;
  return union.size >= 3 && shared >= 0.75 * union.size;
}

/** Every pattern the runs show, one candidate per kind, in the order that breaks ties in weight. */
function candidates(room: Room, scenario: Scenario): Candidate[] {
  const teams = room.teams;
  if (teams.length === 0) return [];
  const stayed = stayedQuestion(teams);
  // The teams that never left their first regime are told with the turn it ended their games at:
  // when those are all the early endings, the early endings need no question of their own.
  const toldEarly = stayed !== null && earlyGames(teams).every((t) => stayed.about!.includes(t));
  const found = [
    stayed,
    toldEarly ? null : earlyQuestion(teams),
    enteredQuestion(teams, 'chaos'),
    enteredQuestion(teams, 'stagnation'),
    momentumFirstQuestion(teams, scenario),
    momentumNeverQuestion(teams),
    momentumLostQuestion(teams),
    teams.length >= 2 ? divergenceQuestion(room) : null,
    teams.length >= 2 ? hoursQuestion(teams) : null,
    peopleQuestion(teams),
    shiftQuestion(teams, scenario),
    unfinishedQuestion(teams),
  ];
  return found.filter((c): c is Candidate => c !== null);
}

/** Teams that played on from an earlier turn after their game ended early: what changed. */
function attemptCandidates(all: readonly TeamRun[]): Candidate[] {
  const again = all.filter((t) => t.of !== undefined);
  if (again.length === 0) return [];
  const from = (t: TeamRun): string =>
    t.of!.atTurn === 0 ? 'went back to the start and played again' : `went back to turn ${t.of!.atTurn} and played on`;
  const ended = (t: TeamRun): string =>
    t.finished ? `ended in ${t.outcome}` : `is in ${t.regime} after turn ${t.turns}, still playing`;
  if (again.length === 1) {
    const t = again[0]!;
    const before = all.find((x) => x.fingerprint === t.of!.parent);
    // Told from the run it left: ended early, finished, or handed in part-way.
    const first = !before?.finished
      ? `turn ${before?.turns ?? t.of!.atTurn} of its game`
      : before.state.early
        ? `its game ended early in ${before.outcome}`
        : `its game ended in ${before.outcome}`;
    return [
      {
        kind: 'attempt',
        weight: 0.7,
        text: `After ${first}, ${t.of!.team} ${from(t)}; its ${ordinal(t.attempt)} attempt ${ended(t)}: what did it do differently this time, and what did it learn from the first?`,
      },
    ];
  }
  const teams = new Set(again.map((t) => t.of!.team));
  const each = listWords(
    again.map((t) => `${t.of!.team} ${t.of!.atTurn === 0 ? 'from the start' : `from turn ${t.of!.atTurn}`}`),
    4,
    'attempt',
  );
  const better = again.filter((t) => t.outcome === 'momentum').length;
  const reached =
    better === 0 ? 'none of those attempts reached momentum' : `${better} of ${again.length} attempts reached momentum`;
  return [
    {
      kind: 'attempt',
      weight: 0.7,
      text: `${teams.size === 1 ? `${[...teams][0]!} played on ${again.length} times from earlier turns` : `${teams.size} teams played on from earlier turns of their games`} (${each}), and ${reached}: what did they do differently, and what did the first attempt teach them?`,
    },
  ];
}

/** "second", "third" …: a team's attempts are few. */
function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}

// How the room finished.

function outcomeQuestion(teams: readonly TeamRun[]): string | null {
  const finished = teams.filter((t) => t.outcome !== null);
  if (finished.length === 0) return null;
  if (finished.length === 1) {
    const t = finished[0]!;
    if (teams.length === 1) return `${t.team} finished in ${t.outcome}: what got it there?`;
    return `Only ${t.team} finished, in ${t.outcome}: what got it there?`;
  }
  const who =
    finished.length === teams.length
      ? `${allOf(teams.length)} finished`
      : `${finished.length} of ${teams.length} teams finished`;
  const counts = REGIMES.map((r) => ({ r, n: finished.filter((t) => t.outcome === r).length })).filter((x) => x.n > 0);
  if (counts.length === 1)
    return `${who} in ${counts[0]!.r}: did you ${finished.length === 2 ? 'both' : 'all'} get there the same way, or by different roads?`;
  const split = listWords(
    counts.map((x) => `${x.n} in ${x.r}`),
    counts.length,
  );
  return `${who}: ${split}. Same scenario, same seed, same dice: where did your paths part?`;
}

// Where the regimes went.

/** The games that ended early, in one question however many there are. */
function earlyQuestion(teams: readonly TeamRun[]): Candidate | null {
  const early = earlyGames(teams);
  if (early.length === 0) return null;
  const kind = 'early';
  if (early.length === 1) {
    const t = early[0]!;
    const text = `${t.team}'s game ended early, after turn ${t.turns}, when ${t.outcome} had lasted too long: at which turn could it still have turned back?`;
    return { kind, weight: shareWeight(1, teams.length), about: early, text };
  }
  const regimes = [...new Set(early.map((t) => t.outcome!))];
  // With both losing regimes among the endings, each team's is named with its turn.
  const each = listWords(
    early.map((t) => `${t.team}${regimes.length > 1 ? ` in ${t.outcome}` : ''} after turn ${t.turns}`),
  );
  return {
    kind,
    weight: early.length === teams.length ? STRIKING : shareWeight(early.length, teams.length),
    about: early,
    text: `${countOf(early.length, teams.length)}' games ended early, after too long in ${regimes.join(' or ')} (${each}): at which turn could each still have turned back?`,
  };
}

const ENTERED: Record<'chaos' | 'stagnation', { verb: string; ask: (they: string) => string }> = {
  chaos: { verb: 'slid into chaos', ask: (they) => `what did ${they} leave out?` },
  stagnation: { verb: 'sank into stagnation', ask: () => 'the order was there, so what was missing?' },
};

/** Teams that came into a losing regime from another one, with the turn each first did. */
function enteredQuestion(teams: readonly TeamRun[], regime: 'chaos' | 'stagnation'): Candidate | null {
  const hit = teams
    .map((t) => ({ t, turn: entryTurn(t, regime) }))
    .filter((x): x is { t: TeamRun; turn: number } => x.turn !== null)
    .sort((a, b) => a.turn - b.turn);
  if (hit.length === 0) return null;
  const { verb, ask } = ENTERED[regime];
  const kind = `entered ${regime}`;
  const weight = shareWeight(hit.length, teams.length);
  const about = hit.map((x) => x.t);
  if (hit.length === 1) {
    const { t, turn } = hit[0]!;
    const alone = teams.length > 1 ? ', the only team that did' : '';
    return { kind, weight, about, text: `${t.team} ${verb} on turn ${turn}${alone}: ${ask('it')}` };
  }
  const each = listWords(hit.map((x) => `${x.t.team} on turn ${x.turn}`));
  return { kind, weight, about, text: `${countOf(hit.length, teams.length)} ${verb} (${each}): ${ask('they')}` };
}

/**
 * Teams whose whole game stayed in the regime the scenario starts in, when that is not momentum.
 * A team still playing may yet get out, so only finished games count.
 */
function stayedQuestion(teams: readonly TeamRun[]): Candidate | null {
  const stayed = teams.filter(
    (t) => t.finished && t.start.regime !== 'momentum' && t.records.every((r) => r.regime === t.start.regime),
  );
  if (stayed.length === 0) return null;
  // A room shares its scenario and seed, so every team starts alike; the biggest group is asked about.
  const regime = mostCommon(stayed.map((t) => t.start.regime));
  const about = stayed.filter((t) => t.start.regime === regime);
  const where = `never left ${regime}, where the scenario starts`;
  const kind = 'stayed';
  const weight = about.length === teams.length && teams.length > 1 ? STRIKING : shareWeight(about.length, teams.length);
  if (about.length === 1) {
    const t = about[0]!;
    const who = teams.length === 1 ? t.team : `${t.team} was the only team that`;
    const how = t.state.early ? `, and it ended its game early, after turn ${t.turns}` : '';
    return { kind, weight, about, text: `${who} ${where}${how}: what would have got it out?` };
  }
  const all = about.length === teams.length;
  const who = all ? 'No team ever left' : `${countOf(about.length, teams.length)} never left`;
  const ask = all ? 'what would it have taken to get out?' : 'what would have got them out?';
  return {
    kind,
    weight,
    about,
    text: `${who} ${regime}, where the scenario starts${stayedEndings(about, all)}: ${ask}`,
  };
}

/**
 * The teams that never left, with the turn each game ended at when staying ended it early:
 * staying and ending early are one story, told once.
 */
function stayedEndings(about: readonly TeamRun[], all: boolean): string {
  const early = earlyGames(about);
  const lasts = ` (${listWords(early.map((t) => `${t.team} after turn ${t.turns}`))})`;
  if (early.length === about.length) {
    const games = all ? 'every game' : about.length === 2 ? 'both their games' : 'all their games';
    return `, and it ended ${games} early${lasts}`;
  }
  // A room where no team left needs no list of them.
  const names = all ? '' : ` (${listWords(about.map((t) => t.team))})`;
  if (early.length === 0) return names;
  if (early.length === 1) return `${names}, and it ended ${early[0]!.team}'s game early, after turn ${early[0]!.turns}`;
  return `${names}, and it ended ${early.length} of their games early${lasts}`;
}

// Momentum: who reached it first, whether anyone did, who let it go.

/** The team or teams that came into momentum earliest, and what a lone first chose that turn. */
function momentumFirstQuestion(teams: readonly TeamRun[], scenario: Scenario): Candidate | null {
  const reached = teams
    .map((t) => ({ t, turn: entryTurn(t, 'momentum') }))
    .filter((x): x is { t: TeamRun; turn: number } => x.turn !== null);
  if (reached.length === 0) return null;
  const first = Math.min(...reached.map((x) => x.turn));
  const firsts = reached.filter((x) => x.turn === first).map((x) => x.t);
  const lone = firsts.length === 1 && teams.length > 1;
  const weight = 0.3 + 0.3 * evenness(reached.length, teams.length) + (lone ? 0.1 : 0);
  const kind = 'momentum first';
  if (firsts.length === 1) {
    const t = firsts[0]!;
    const chosen = t.doc.turns[first - 1]?.actions.map((c) => choiceWords(scenario, c)) ?? [];
    const after =
      chosen.length > 0 ? `after choosing ${listWords(chosen, chosen.length)} that turn` : 'in a turn it chose nothing';
    const text = `${t.team} reached momentum${lone ? ' first,' : ''} on turn ${first}, ${after}: what did that turn add to the ones before it?`;
    return { kind, weight, text };
  }
  if (firsts.length === teams.length) {
    return {
      kind,
      weight,
      text: `${allOf(teams.length)} reached momentum on turn ${first}: what had each put in place by then?`,
    };
  }
  const names = listWords(firsts.map((t) => t.team));
  return {
    kind,
    weight,
    text: `${names} reached momentum first, on turn ${first}: what had they done by then that the others had not?`,
  };
}

/** No team ever in momentum: the room's most telling result, whatever else happened. */
function momentumNeverQuestion(teams: readonly TeamRun[]): Candidate | null {
  if (teams.some((t) => everIn(t, 'momentum'))) return null;
  const text =
    teams.length === 1
      ? `${teams[0]!.team} never reached momentum: which side, leading or managing, was it short of?`
      : 'No team reached momentum: which side, leading or managing, was each team short of?';
  return { kind: 'momentum never', weight: STRIKING, text };
}

/** Teams that had momentum at some point and were out of it when their run ends. */
function momentumLostQuestion(teams: readonly TeamRun[]): Candidate | null {
  const had = teams.filter((t) => everIn(t, 'momentum'));
  const lost = had.filter((t) => t.regime !== 'momentum');
  if (lost.length === 0) return null;
  const kind = 'momentum lost';
  const weight = shareWeight(lost.length, teams.length) + (lost.length === had.length ? 0.1 : 0);
  const one = lost[0]!;
  const itAsk = 'what did it stop doing once it had it?';
  if (teams.length === 1) return { kind, weight, text: `${one.team} had momentum and then lost it: ${itAsk}` };
  if (had.length === 1) {
    return {
      kind,
      weight,
      text: `${one.team} was the only team to have momentum, and it had lost it by its last turn: ${itAsk}`,
    };
  }
  const who = `${countOf(had.length, teams.length)} had momentum at some point`;
  if (lost.length === 1) {
    return { kind, weight, text: `${who}, and one of them, ${one.team}, had lost it by its last turn: ${itAsk}` };
  }
  const how = lost.length === had.length ? everyOne(had.length) : `${lost.length} of them`;
  const names = listWords(lost.map((t) => t.team));
  return {
    kind,
    weight,
    text: `${who}, and ${how} had lost it by their last turn (${names}): what did they stop doing once they had it?`,
  };
}

// How the teams played: their choices, their hours, their people, the shift, who is still playing.

/** Where the choices parted: identical runs are the most telling, a first-turn split the least. */
function divergenceQuestion(room: Room): Candidate | null {
  if (room.teams.filter((t) => t.turns > 0).length < 2) return null;
  const turn = firstDivergence(room);
  const kind = 'divergence';
  const two = room.teams.length === 2;
  const every = two ? 'Both teams' : 'Every team';
  if (turn === null) {
    const text = `${every} made the same choices on every turn ${two ? 'they' : 'it'} played, so the runs match turn for turn: with one seed only choices make a difference, so what made you ${two ? 'both' : 'all'} choose alike?`;
    return { kind, weight: STRIKING, text };
  }
  if (turn === 1) {
    return {
      kind,
      weight: 0.15,
      text: 'The teams chose differently from the very first turn: what did each put first, and why?',
    };
  }
  return {
    kind,
    weight: 0.5,
    text: `${every} chose alike until turn ${turn}, then their choices parted: what made each team choose as it did on turn ${turn}?`,
  };
}

/** The two teams furthest apart in how they split their hours, or how close the room stayed. */
function hoursQuestion(teams: readonly TeamRun[]): Candidate | null {
  const shares = teams
    .map((t) => ({ t, share: leadShare(t) }))
    .filter((x): x is { t: TeamRun; share: number } => x.share !== null);
  if (shares.length < 2) return null;
  const most = shares.reduce((a, b) => (b.share > a.share ? b : a));
  const least = shares.reduce((a, b) => (b.share < a.share ? b : a));
  const gap = most.share - least.share;
  const kind = 'hours';
  if (gap >= 15) {
    return {
      kind,
      weight: 0.2 + (0.4 * gap) / 100,
      text: `${most.t.team} spent ${most.share}% of its hours leading and ${least.t.team} ${least.share}%: how did that show in their morale, execution and innovation?`,
    };
  }
  // A narrow split is worth asking about only when the runs still differ.
  const differ = new Set(shares.map((x) => x.t.fingerprint)).size > 1;
  if (!differ || shares.length < teams.length) return null;
  const span = gap === 0 ? `${least.share}%` : `between ${least.share}% and ${most.share}%`;
  const every = teams.length === 2 ? 'Both teams spent' : 'Every team spent';
  const its = teams.length === 2 ? 'their' : 'its';
  return {
    kind,
    weight: 0.35,
    text: `${every} ${span} of ${its} hours leading, yet their runs differ: what, besides the split, made the difference?`,
  };
}

/** Teams whose members left during the game, the most people lost first. */
function peopleQuestion(teams: readonly TeamRun[]): Candidate | null {
  const losses = teams
    .map((t) => ({ t, n: goneCount(t.state) - goneCount(t.start) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n);
  if (losses.length === 0) return null;
  const ask = 'who was left without coaching or a task of their own before they went?';
  const kind = 'people';
  const weight = shareWeight(losses.length, teams.length);
  if (losses.length === 1) {
    const { t, n } = losses[0]!;
    const alone = teams.length > 1 ? ', the only team that lost anyone' : '';
    return { kind, weight, text: `${t.team} lost ${plural(n, 'person', 'people')}${alone}: ${ask}` };
  }
  const each = listWords(
    losses.map((x) => `${x.n} from ${x.t.team}`),
    4,
    'team',
  );
  return { kind, weight, text: `${countOf(losses.length, teams.length)} lost people along the way (${each}): ${ask}` };
}

/** The one shift worth asking about: the one the room split on most between answering it and not. */
function shiftQuestion(teams: readonly TeamRun[], scenario: Scenario): Candidate | null {
  const met = scenario.shifts
    .map((shift) => {
      const hit = teams.filter((t) => t.state.shifted.includes(shift.id));
      const answered = hit.filter((t) => t.state.settled.includes(shift.id));
      return { shift, hit, answered, split: evenness(answered.length, hit.length) * (hit.length / teams.length) };
    })
    .filter((x) => x.hit.length > 0);
  if (met.length === 0) return null;
  const best = met.reduce((a, b) =>
    b.split > a.split || (b.split === a.split && b.hit.length > a.hit.length) ? b : a,
  );
  const { shift, hit, answered } = best;
  const none = hit.length >= 2 && answered.length === 0;
  const weight = 0.2 + 0.5 * best.split + (none ? 0.3 : 0);
  return { kind: 'shift', weight, text: `“${shift.title}” ${shiftWords(teams, hit, answered.length)}` };
}

/** Whom the shift hit and who answered it, with the question that fits. */
function shiftWords(teams: readonly TeamRun[], hit: readonly TeamRun[], answered: number): string {
  const noticed = 'how did you notice that it called for a different answer?';
  const missed = 'what would have told you that it called for a different answer?';
  if (hit.length === 1) {
    const who = `hit ${teams.length > 1 ? 'only ' : ''}${hit[0]!.team}`;
    return answered === 1 ? `${who}, which answered it: ${noticed}` : `${who}, and it went unanswered: ${missed}`;
  }
  const who = `hit ${countOf(hit.length, teams.length, false)}`;
  if (answered === hit.length) return `${who}, and ${everyOne(hit.length)} answered it: ${noticed}`;
  if (answered === 0) return `${who}, and ${hit.length === 2 ? 'neither' : 'none of them'} answered it: ${missed}`;
  const missedBy = hit.length - answered;
  const those = answered === 1 ? 'the team that answered' : 'those who answered';
  const others = missedBy === 1 ? 'the other' : 'the others';
  return `${who}; ${answered} answered it and ${missedBy} did not: what told ${those} that it called for a different answer, and what would have told ${others}?`;
}

/** Teams that handed in part-way, so the debrief sees where they were heading. */
function unfinishedQuestion(teams: readonly TeamRun[]): Candidate | null {
  const open = teams.filter((t) => !t.finished).sort((a, b) => a.turns - b.turns);
  if (open.length === 0) return null;
  const kind = 'unfinished';
  if (open.length === 1) {
    const t = open[0]!;
    return {
      kind,
      weight: shareWeight(1, teams.length),
      text: `${t.team} handed in part-way, ${afterTurn(t)}, in ${t.regime}: where is it heading, and what would it do next turn?`,
    };
  }
  const each = listWords(open.map((t) => `${t.team} ${afterTurn(t)} in ${t.regime}`));
  return {
    kind,
    weight: open.length === teams.length ? 0.8 : shareWeight(open.length, teams.length),
    text: `${countOf(open.length, teams.length)} handed in part-way (${each}): where is each heading, and what would it do next turn?`,
  };
}

// Facts about the runs.

/** The games chaos or stagnation ended before their last turn, the earliest ending first. */
function earlyGames(teams: readonly TeamRun[]): TeamRun[] {
  return teams.filter((t) => t.finished && t.state.early).sort((a, b) => a.turns - b.turns);
}

/** The first turn (from 1) after which the team was in this regime having been in another before it. */
function entryTurn(t: TeamRun, regime: Regime): number | null {
  let before = t.start.regime;
  for (const [i, r] of t.records.entries()) {
    if (r.regime === regime && before !== regime) return i + 1;
    before = r.regime;
  }
  return null;
}

function everIn(t: TeamRun, regime: Regime): boolean {
  return t.start.regime === regime || t.records.some((r) => r.regime === regime);
}

/** The share of its hours a team spent leading, in whole percent; null before it spent any. */
function leadShare(t: TeamRun): number | null {
  const lead = sum(t.state.profile.lead);
  const all = lead + sum(t.state.profile.manage);
  return all === 0 ? null : Math.round((100 * lead) / all);
}

function goneCount(state: TeamRun['state']): number {
  return state.members.filter((m) => m.status === 'gone').length;
}

function afterTurn(t: TeamRun): string {
  return t.turns === 0 ? 'before its first turn' : `after turn ${t.turns}`;
}

// Weights.

/** 1 when the room is split evenly on something, 0 when all or none of it is. */
function evenness(n: number, of: number): number {
  if (of === 0) return 0;
  const s = n / of;
  return 4 * s * (1 - s);
}

/** A pattern's worth by how many teams show it: most when it splits the room, some when all share it. */
function shareWeight(n: number, of: number): number {
  return 0.2 + 0.4 * evenness(n, of) + (0.2 * n) / of;
}

// Words.

/** "All 7 teams", "Both teams", "3 of 7 teams": for two teams or more; lower case within a sentence. */
function countOf(n: number, of: number, starts = true): string {
  return n === of ? allOf(of, starts) : `${n} of ${of} teams`;
}

function allOf(n: number, starts = true): string {
  const words = n === 2 ? 'Both teams' : `All ${n} teams`;
  return starts ? words : words.toLowerCase();
}

function everyOne(n: number): string {
  return n === 2 ? 'both of them' : 'every one of them';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function mostCommon<T>(xs: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * "a", "a and b", "a, b and c"; beyond `most` items, the first few and how many more ("and 12
 * more", or "and 12 more teams" given the noun), so a list of a whole room stays one line.
 */
function listWords(items: readonly string[], most = 4, noun = 'team'): string {
  const rest = items.length - most + 1;
  // "and 7 more teams", never "and 7 more", which after "turn 6" reads as a turn.
  const more = plural(rest, `more ${noun}`);
  const shown = items.length > most ? [...items.slice(0, most - 1), more] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
