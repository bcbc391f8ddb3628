import type { Regime, Scenario } from '../engine';
import { choiceWords } from '../replay/words';
import type { Room, TeamRun } from './collect';
import { firstDivergence } from './compare';

/**
 * Questions that stay true whatever the room did, after the source material's: where each person
 * is stronger, who drew the plan and who built it, and whether the team flexed when things moved.
 */
export const STANDING_PROMPTS: readonly string[] = [
  'Where are you stronger, leading or managing? Did the way your team spent its hours match that answer?',
  'Who in your team was the architect, drawing where you were headed, and who was the contractor, making sure it got built? Did anyone play both parts?',
  'When the situation changed, did your team change how it spent its time, or keep the recipe that had worked until then?',
  'Which of your choices paid off only turns later, and what kept you going until it did?',
];

/**
 * Debrief questions built from what the room's runs did (regimes reached, when the teams' choices
 * parted, how they split their hours, who lost people, how they met the shift, who is still
 * playing), each with its real counts, followed by the standing questions.
 */
export function debriefPrompts(room: Room, scenario: Scenario): string[] {
  const teams = room.teams;
  const out: string[] = [];
  if (teams.length > 0) {
    out.push(...outcomePrompts(teams));
    out.push(...slidePrompts(teams, 'chaos'), ...slidePrompts(teams, 'stagnation'));
    out.push(...momentumPrompts(teams, scenario));
    if (teams.length >= 2) out.push(...divergencePrompts(room), ...sharePrompts(teams));
    out.push(...peoplePrompts(teams), ...shiftPrompts(teams, scenario), ...unfinishedPrompts(teams));
  }
  return [...out, ...STANDING_PROMPTS];
}

function outcomePrompts(teams: readonly TeamRun[]): string[] {
  const finished = teams.filter((t) => t.outcome !== null);
  if (finished.length === 0) return [];
  const counts = (['momentum', 'chaos', 'stagnation', 'drift'] as const)
    .map((r) => ({ r, n: finished.filter((t) => t.outcome === r).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} in ${x.r}`);
  const early = finished.filter((t) => t.state.early);
  const lines: string[] = [];
  if (teams.length === 1) {
    lines.push(`${teams[0]!.team} finished in ${finished[0]!.outcome}: what got it there?`);
  } else {
    const of =
      finished.length === teams.length
        ? `All ${teams.length} teams finished`
        : `${finished.length} of ${teams.length} teams finished`;
    lines.push(`${of}: ${listWords(counts)}. Same scenario, same seed, same dice: where did your paths part?`);
  }
  for (const t of early) {
    lines.push(
      `${t.team}'s game ended early, after turn ${t.turns}, when ${t.outcome} had lasted too long: at which turn could it still have turned back?`,
    );
  }
  return lines;
}

/** The verb as one team's past ("sank") and as several teams' "had …" ("had sunk"), and the question. */
const SLIDE_QUESTION: Record<'chaos' | 'stagnation', { verb: string; had: string; ask: string }> = {
  chaos: { verb: 'slid into chaos', had: 'slid into chaos', ask: 'what did they leave out?' },
  stagnation: {
    verb: 'sank into stagnation',
    had: 'sunk into stagnation',
    ask: 'the order was there, so what was missing?',
  },
};

/** How many teams reached a losing regime, and by when the last of them had. */
function slidePrompts(teams: readonly TeamRun[], regime: 'chaos' | 'stagnation'): string[] {
  const hit = teams
    .map((t) => ({ t, turn: firstTurnIn(t, regime) }))
    .filter((x): x is { t: TeamRun; turn: number } => x.turn !== null);
  if (hit.length === 0) return [];
  const { verb, had, ask } = SLIDE_QUESTION[regime];
  if (hit.length === 1) {
    const only = hit[0]!;
    const they = ask.replace('they', 'it');
    const alone = teams.length > 1 ? ' (the only team that did)' : '';
    return [`${only.t.team} ${verb} on turn ${only.turn}${alone}: ${they}`];
  }
  const by = Math.max(...hit.map((x) => x.turn));
  const who = hit.length === teams.length ? `All ${teams.length} teams` : `${hit.length} of ${teams.length} teams`;
  return [`${who} had ${had} by turn ${by}: ${ask}`];
}

function momentumPrompts(teams: readonly TeamRun[], scenario: Scenario): string[] {
  const reached = teams
    .map((t) => ({ t, turn: firstTurnIn(t, 'momentum') }))
    .filter((x): x is { t: TeamRun; turn: number } => x.turn !== null);
  if (reached.length === 0) {
    return [
      teams.length === 1
        ? `${teams[0]!.team} never reached momentum: which side, leading or managing, was it short of?`
        : 'No team reached momentum: which side, leading or managing, was each team short of?',
    ];
  }
  const lines: string[] = [];
  const first = Math.min(...reached.map((x) => x.turn));
  const firsts = reached.filter((x) => x.turn === first);
  if (firsts.length === 1) {
    const { t } = firsts[0]!;
    const chosen = t.doc.turns[first - 1]?.actions.map((c) => choiceWords(scenario, c)) ?? [];
    const after =
      chosen.length > 0 ? `after choosing ${listWords(chosen, chosen.length)} that turn` : 'in a turn it chose nothing';
    const lead = teams.length > 1 ? ' first' : '';
    lines.push(
      `${t.team} reached momentum${lead} on turn ${first}, ${after}: what did that turn add to the ones before it?`,
    );
  } else {
    lines.push(
      `${listWords(firsts.map((x) => x.t.team))} reached momentum first, on turn ${first}: what had they done by then that the others had not?`,
    );
  }
  const lost = reached.filter((x) => x.t.regime !== 'momentum');
  if (lost.length > 0) {
    const whoReached =
      reached.length === teams.length ? `All ${teams.length} teams` : `${reached.length} of ${teams.length} teams`;
    lines.push(
      teams.length === 1
        ? `${teams[0]!.team} reached momentum and then lost it: what did it stop doing once it had it?`
        : `${whoReached} reached momentum at some point, and ${lost.length} of them had lost it by their last turn: what did they stop doing once they had it?`,
    );
  }
  return lines;
}

function divergencePrompts(room: Room): string[] {
  const turn = firstDivergence(room);
  if (turn === null) {
    return [
      'Every team made the same choices on every turn it played, so their runs are identical: with one seed, only choices make a difference.',
    ];
  }
  if (turn === 1) return ['The teams chose differently from the very first turn: what did each put first, and why?'];
  return [
    `Every team chose alike until turn ${turn}, then their choices parted: what made each team choose as it did on turn ${turn}?`,
  ];
}

/** The two teams furthest apart in how they split their hours, when the gap is worth a question. */
function sharePrompts(teams: readonly TeamRun[]): string[] {
  const shares = teams
    .map((t) => {
      const lead = sum(t.state.profile.lead);
      const all = lead + sum(t.state.profile.manage);
      return { t, share: all === 0 ? null : Math.round((100 * lead) / all) };
    })
    .filter((x): x is { t: TeamRun; share: number } => x.share !== null);
  if (shares.length < 2) return [];
  const most = shares.reduce((a, b) => (b.share > a.share ? b : a));
  const least = shares.reduce((a, b) => (b.share < a.share ? b : a));
  if (most.share - least.share < 15) {
    return [
      `Every team spent between ${least.share}% and ${most.share}% of its hours leading, yet their runs differ: what, besides the split, made the difference?`,
    ];
  }
  return [
    `${most.t.team} spent ${most.share}% of its hours leading and ${least.t.team} ${least.share}%: how did that show in their morale, execution and innovation?`,
  ];
}

function peoplePrompts(teams: readonly TeamRun[]): string[] {
  const losses = teams
    .map((t) => ({ t, n: t.state.members.filter((m) => m.status === 'gone').length }))
    .filter((x) => x.n > 0);
  if (losses.length === 0) return [];
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  const words =
    losses.length === 1
      ? `${losses[0]!.t.team} lost ${people(losses[0]!.n)}`
      : `${losses.length} teams lost people (${listWords(losses.map((x) => `${x.t.team}: ${x.n}`))})`;
  return [`${words}: who was left without coaching or a task of their own before they went?`];
}

function shiftPrompts(teams: readonly TeamRun[], scenario: Scenario): string[] {
  const lines: string[] = [];
  for (const shift of scenario.shifts) {
    const hit = teams.filter((t) => t.state.shifted.includes(shift.id));
    if (hit.length === 0) continue;
    const answered = hit.filter((t) => t.state.settled.includes(shift.id)).length;
    const whom = teams.length === 1 ? teams[0]!.team : `${hit.length} of ${teams.length} teams`;
    const answer =
      hit.length === 1 ? (answered === 1 ? 'it was answered' : 'it was not answered') : `${answered} answered it`;
    lines.push(
      `“${shift.title}” hit ${whom}, and ${answer}: how did you notice that it called for a different answer?`,
    );
  }
  return lines;
}

function unfinishedPrompts(teams: readonly TeamRun[]): string[] {
  const open = teams.filter((t) => !t.finished);
  if (open.length === 0) return [];
  if (open.length === 1) {
    const t = open[0]!;
    return [
      `${t.team} handed in part-way, after turn ${t.turns}, in ${t.regime}: where is it heading, and what would it do next turn?`,
    ];
  }
  return [
    `${open.length} teams handed in part-way (after turns ${listWords(open.map((t) => String(t.turns)))}): where is each heading, and what would it do next turn?`,
  ];
}

/** The first turn (from 1) that ended in this regime, or null. */
function firstTurnIn(t: TeamRun, regime: Regime): number | null {
  const i = t.records.findIndex((r) => r.regime === regime);
  return i < 0 ? null : i + 1;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** "a", "a and b", "a, b and c"; beyond `most` items, the first few and how many more. */
function listWords(items: readonly string[], most = 4): string {
  const shown = items.length > most ? [...items.slice(0, most - 1), `${items.length - most + 1} more`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
