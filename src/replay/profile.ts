import { ASPECT_INFO, ASPECTS, type Aspect, type GameState } from '../engine';

/** Hours spent on one aspect, on each side. */
export interface AspectHours {
  readonly aspect: Aspect;
  readonly title: string;
  readonly lead: number;
  readonly manage: number;
}

/** Where a run's time went across the eight aspects, with the totals of each side. */
export interface TimeProfile {
  readonly aspects: readonly AspectHours[];
  readonly lead: number;
  readonly manage: number;
  /** The largest hours on one side of one aspect (0 when no time was spent): the scale of a bar. */
  readonly most: number;
}

/** The eight-aspect profile of a game so far, read from the time the state has recorded. */
export function timeProfile(state: Pick<GameState, 'profile'>): TimeProfile {
  const aspects = ASPECTS.map((aspect, i) => ({
    aspect,
    title: ASPECT_INFO[aspect].title,
    lead: state.profile.lead[i] ?? 0,
    manage: state.profile.manage[i] ?? 0,
  }));
  return profileOfHours(aspects);
}

/** Totals and scale for hours already laid out by aspect. */
export function profileOfHours(aspects: readonly AspectHours[]): TimeProfile {
  let lead = 0;
  let manage = 0;
  let most = 0;
  for (const a of aspects) {
    lead += a.lead;
    manage += a.manage;
    most = Math.max(most, a.lead, a.manage);
  }
  return { aspects, lead, manage, most };
}
