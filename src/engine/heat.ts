import { actionIndex, CATALOGUE, type Effect } from './catalogue';
import type { GameState } from './state-types';
import { div, pct } from './variables';

// Repetition: each use of an action adds HEAT_PER_USE to its heat, and a third of the heat fades
// at the end of every turn, so the memory of a use lasts several turns and variety pays.
export const HEAT_PER_USE = 100;

// Percent of full effect for an action used with this much heat: 100 when fresh, 50 for a
// second use in one turn, about a third when used once every turn (heat settles near 200).
export function strengthOf(heat: number): number {
  return div(100 * 100, 100 + heat);
}

// A card's heat after a turn without it: it loses a third, rounded up, so it cools to 0.
export function cool(heat: number): number {
  return heat - div(heat + 2, 3);
}

// The strength, in percent of its full effect, that the card would have if chosen now: its heat
// from earlier turns, plus one use for each time this turn's plan already holds it (the plan's
// cards resolve in order, each heating the card for the next). What the cards show before a
// choice, and what the turn's story reports after it; 0 for an id that is no card.
export function strengthNow(state: GameState, action: string): number {
  const idx = actionIndex(action);
  if (idx < 0) return 0;
  let uses = 0;
  for (const c of state.plan) if (c.action === action) uses++;
  return strengthOf((state.heat[idx] ?? 0) + uses * HEAT_PER_USE);
}

// What a card's strength does to one of its effects: gains shrink with repetition, losses do not.
export function gained(amount: number, strength: number): number {
  return amount > 0 ? pct(amount, strength) : amount;
}

// What a card would do to the variables if chosen now, at the strength it would have: its
// immediate effects and those that land later, as the turn applies them. A card's special rule
// (coaching, delegating, a risk, a guard, recognition) is beyond these lists. Null for an id
// that is no card.
export function effectsNow(
  state: GameState,
  action: string,
): {
  readonly now: readonly Effect[];
  readonly later: { readonly delay: number; readonly effects: readonly Effect[] } | null;
} | null {
  const def = CATALOGUE[actionIndex(action)];
  if (def === undefined) return null;
  const strength = strengthNow(state, action);
  const scale = (x: Effect): Effect => ({ var: x.var, amount: gained(x.amount, strength) });
  return {
    now: def.now.map(scale),
    later: def.later ? { delay: def.later.delay, effects: def.later.effects.map(scale) } : null,
  };
}
