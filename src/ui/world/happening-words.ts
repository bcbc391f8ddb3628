import type { WorldHappening } from './view';

/** A happening's banner text, its kind in words first so it never rests on colour alone. */
export function happeningText(x: WorldHappening): string {
  const prefix = x.kind === 'shift' ? 'Shift: ' : x.kind === 'event' ? (x.hurts ? 'Setback: ' : 'Good news: ') : '';
  return prefix + x.text;
}

/** Banner background, 0xRRGGBB: dark enough for white bold text (≥ 4.5:1). */
export function happeningFill(x: WorldHappening): number {
  if (x.kind === 'shift') return 0x7a4a00;
  if (x.kind === 'more') return 0x121722;
  return x.hurts ? 0x961c1c : 0x126e3c;
}

/** The brighter colour of the glow and ring a happening leaves in the room. */
export function happeningGlow(x: WorldHappening): number {
  if (x.kind === 'shift') return 0xf2a516;
  return x.hurts ? 0xe0402a : 0x2fbf6a;
}
