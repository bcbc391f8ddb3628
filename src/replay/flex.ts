import type { GameState, Regime } from '../engine';
import type { TurnRecord } from './timeline';

const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Hours a state has recorded on each side since the game began. */
function hoursOf(s: Pick<GameState, 'profile'>): { lead: number; manage: number } {
  return { lead: total(s.profile.lead), manage: total(s.profile.manage) };
}

/** The hours of the turns that began in one regime. */
export interface FlexGroup {
  readonly regime: Regime;
  readonly turns: number;
  readonly lead: number;
  readonly manage: number;
}

/** A run's hours split by the regime each turn began in, in the order the regimes first came. */
export function flexGroups(records: readonly TurnRecord[]): FlexGroup[] {
  const groups = new Map<Regime, { turns: number; lead: number; manage: number }>();
  for (const r of records) {
    const before = hoursOf(r.before);
    const after = hoursOf(r.after);
    const g = groups.get(r.before.regime) ?? { turns: 0, lead: 0, manage: 0 };
    g.turns += 1;
    g.lead += after.lead - before.lead;
    g.manage += after.manage - before.manage;
    groups.set(r.before.regime, g);
  }
  return [...groups].map(([regime, g]) => ({ regime, ...g }));
}

const percent = (lead: number, manage: number): number => Math.round((100 * lead) / (lead + manage));
const turnsWord = (n: number): string => (n === 1 ? 'one turn' : `${n} turns`);

/**
 * How the player flexed, in one or two sentences: the share of hours spent leading over the run,
 * then in the turns that began in each regime, so a player sees whether they leaned to managing
 * in chaos and to leading in stagnation. Null before any hour is spent.
 */
export function flexLine(records: readonly TurnRecord[]): string | null {
  const groups = flexGroups(records);
  const lead = groups.reduce((a, g) => a + g.lead, 0);
  const manage = groups.reduce((a, g) => a + g.manage, 0);
  if (lead + manage === 0) return null;
  const overall = `You spent ${percent(lead, manage)}% of your hours leading (${lead} h of ${lead + manage}).`;
  if (groups.length === 1) return `${overall} Every turn began in ${groups[0]!.regime}.`;
  const shares = new Set(groups.map((g) => (g.lead + g.manage === 0 ? -1 : percent(g.lead, g.manage))));
  if (shares.size === 1) return `${overall.slice(0, -1)}, in every regime alike.`;
  const parts = groups.map((g) =>
    g.lead + g.manage === 0
      ? `no hours in the ${turnsWord(g.turns)} that began in ${g.regime}`
      : `${percent(g.lead, g.manage)}% in the ${turnsWord(g.turns)} that began in ${g.regime}`,
  );
  return `${overall} By the regime each turn began in: ${parts.join(', ')}.`;
}
