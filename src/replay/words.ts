import { actionDef, type Cause, DYNAMICS, type Scenario, type Fact, type VarName } from '../engine';

/** Plain-language names of the variables. */
export const VAR_LABELS: Record<VarName, string> = {
  morale: 'Morale',
  execution: 'Execution',
  innovation: 'Innovation',
  trust: 'Trust',
  clarity: 'Clarity',
  structure: 'Structure',
  control: 'Predictability',
  energy: 'Energy',
  progress: 'Progress',
  budget: 'Budget',
};

const RULE_WORDS: Record<string, string> = {
  [DYNAMICS.churn]: 'churn: ideas ran ahead of the structure to carry them',
  [DYNAMICS.redTape]: 'red tape: rules and checks without enough trust or clarity',
  [DYNAMICS.expectations]: 'rising expectations: success raises the bar every turn it lasts',
  [DYNAMICS.execution]: 'execution settling toward what structure, predictability and energy sustain',
  [DYNAMICS.innovation]: 'innovation settling toward what trust, clarity and energy sustain',
  [DYNAMICS.morale]: 'morale settling toward what trust, energy, clarity and results sustain',
  [DYNAMICS.fade]: 'fading without upkeep',
  [DYNAMICS.rest]: 'rest between turns',
  [DYNAMICS.work]: 'work done: execution aimed by clarity and fed by ideas',
};

/** Where progress comes from, as the rules make it each turn. */
export function progressSourceWords(): string {
  return RULE_WORDS[DYNAMICS.work]!;
}

export function memberName(scenario: Scenario, id: string | null | undefined): string {
  if (id === null || id === undefined) return '';
  return scenario.members.find((m) => m.id === id)?.name ?? id;
}

export function actionTitle(id: string): string {
  return actionDef(id)?.title ?? id;
}

/** One choice in words, e.g. "Coach someone (Ana)" or "Make a plan". */
export function choiceWords(scenario: Scenario, c: { readonly action: string; readonly target?: string }): string {
  return c.target ? `${actionTitle(c.action)} (${memberName(scenario, c.target)})` : actionTitle(c.action);
}

/** One cause in words, e.g. "Share the vision", "event: The timber arrives late". */
export function causeWords(c: Cause, scenario: Scenario): string {
  switch (c.kind) {
    case 'action':
      return actionTitle(c.source);
    case 'delayed':
      return `${actionTitle(c.source)} (earlier, now paying off)`;
    case 'event':
      return `event: ${scenario.events.find((e) => e.id === c.source)?.title ?? c.source}`;
    case 'shift':
      return `shift: ${scenario.shifts.find((x) => x.id === c.source)?.title ?? c.source}`;
    case 'member':
      return `${memberName(scenario, c.source)} left the team`;
    case 'pressure':
    case 'drift':
      return RULE_WORDS[c.source] ?? c.source;
  }
}

/**
 * Who an event or a shift touched, and whether they left: a resignation the guard stopped is told
 * as one, so the words never say someone left who is still on the team.
 */
function touched(scenario: Scenario, id: string, quits: boolean, guarded: boolean): string {
  const name = memberName(scenario, id);
  if (!quits) return name;
  return guarded ? `${name} stayed` : `${name} left`;
}

/** A fact from a step in words, or null for facts not worth telling (choices, bookkeeping). */
export function factWords(e: Fact, scenario: Scenario): string | null {
  switch (e.type) {
    case 'action-resolved': {
      const who = e.target ? ` with ${memberName(scenario, e.target)}` : '';
      const risk = e.success === null ? '' : e.success ? ' (it paid off)' : ' (it failed)';
      const weak = e.strength < 100 ? ` at ${e.strength}% strength, used recently` : '';
      return `${actionTitle(e.action)}${who}${risk}${weak}`;
    }
    case 'delayed-effect-landed':
      return `${actionTitle(e.action)} from two turns ago paid off`;
    case 'event-occurred': {
      const ev = scenario.events.find((x) => x.id === e.event);
      const who = e.member ? ` (${touched(scenario, e.member, ev?.member?.quits === true, e.guarded)})` : '';
      // What cushioned it: the team's own strength in the event's cushion variable.
      const cushion = ev?.cushion ? `cushioned by ${VAR_LABELS[ev.cushion].toLowerCase()}` : 'cushioned';
      const soft = [e.cushioned ? cushion : '', e.guarded ? 'softened by risk mitigation' : '']
        .filter(Boolean)
        .join(', ');
      return `${ev?.title ?? e.event}${who}${soft ? `, ${soft}` : ''}`;
    }
    case 'shift-occurred': {
      const x = scenario.shifts.find((y) => y.id === e.shift);
      const who = e.member ? ` (${touched(scenario, e.member, x?.member?.quits === true, false)})` : '';
      return `the situation shifted: ${x?.title ?? e.shift}${who}`;
    }
    case 'shift-settled': {
      const x = scenario.shifts.find((y) => y.id === e.shift);
      return `${actionTitle(e.action)} answered the shift: ${x?.title ?? e.shift}`;
    }
    case 'call-answered': {
      const x = scenario.events.find((y) => y.id === e.event);
      return `${actionTitle(e.action)} answered: ${x?.title ?? e.event}`;
    }
    case 'member-disengaged':
      return `${memberName(scenario, e.member)} disengaged`;
    case 'member-reengaged':
      return `${memberName(scenario, e.member)} re-engaged`;
    case 'member-quit':
      return `${memberName(scenario, e.member)} quit`;
    case 'regime-changed':
      return `the team moved from ${e.from} to ${e.to}`;
    case 'game-ended':
      return `the game ended in ${e.outcome} (${e.ending}), score ${e.score}`;
    default:
      return null;
  }
}

/** Signed number: +3, −2, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
