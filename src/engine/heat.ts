import { div } from './variables';

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
