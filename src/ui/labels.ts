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
