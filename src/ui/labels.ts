import type { Side, Regime } from '../engine';

/** Each regime has a word, an icon and a pattern, so colour is never the only signal. */
export const REGIME_INFO: Record<Regime, { label: string; icon: string; blurb: string }> = {
  momentum: { label: 'Momentum', icon: '▲', blurb: 'Led and managed: direction with the means to get there.' },
  chaos: { label: 'Chaos', icon: '⚡', blurb: 'Led but not managed: ideas and energy without follow-through.' },
  stagnation: { label: 'Stagnation', icon: '■', blurb: 'Managed but not led: order without a reason to care.' },
  drift: { label: 'Drift', icon: '≈', blurb: 'Neither led nor managed: busy, going nowhere.' },
};

export const SIDE_INFO: Record<Side, { label: string; icon: string }> = {
  lead: { label: 'Leadership', icon: '◆' },
  manage: { label: 'Management', icon: '▣' },
};

export const DIFFICULTY_LABEL: Record<string, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

/** Time units are hours of the leader's week. */
export function hours(n: number): string {
  return `${n} h`;
}

/**
 * What each trait means in play, one line each: which actions please or annoy a member with it
 * (the engine's trait reactions, in words; tests/ui/labels.test.ts keeps the two in step).
 */
export const TRAIT_WORDS: Record<string, string> = {
  ambitious:
    'Wants to grow: pleased by “Coach someone” and “Delegate a task”, irked by “Monitor performance” and “Assign clear roles”.',
  steady:
    'Wants calm and order: pleased by “Standardise a process” and “Make a plan”, irked by “Lead a change” and “Take a calculated risk”.',
  creative:
    'Wants room for ideas: pleased by “Open the floor to ideas” and “Share the vision”, irked by “Standardise a process” and “Monitor performance”.',
  anxious:
    'Wants safety: pleased by “Mitigate risks” and “Set measurable goals”, irked by “Take a calculated risk” and “Lead a change”.',
  independent:
    'Wants autonomy: pleased by “Delegate a task” and “Lead by example”, irked by “Monitor performance” and “Assign clear roles”.',
  social: 'Wants to be heard: pleased by “Listen and recognise” and “Tell the why”, irked by “Schedule the work”.',
};

/** One-line definitions of what the meters panel shows. */
export const METER_WORDS: Record<string, string> = {
  morale: 'How willing the team is to give its best; people disengage and leave when it falls low.',
  execution: 'How reliably the team delivers what it sets out to do; it feeds the management index.',
  innovation: 'How many new ideas the team produces and tries; it feeds the leadership index.',
  l: 'The leadership index L: a weighted mix of clarity, trust, innovation and morale.',
  m: 'The management index M: a weighted mix of structure, execution and predictability.',
};
