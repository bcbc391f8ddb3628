/** Drawing order of the world's layers, back to front. */
export const DEPTH = {
  room: 0,
  cues: 1,
  goal: 2,
  team: 3,
  particles: 4,
  front: 5,
  alarm: 6,
  puzzled: 7,
  labels: 10,
  tags: 11,
  happenings: 12,
  hud: 20,
  hudText: 21,
} as const;
