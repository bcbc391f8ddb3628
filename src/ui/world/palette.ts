import type { Regime } from '../../engine';

/** Colours of the world, as 0xRRGGBB numbers for Phaser Graphics. */

/** Shirts: eight hues far apart so each member is told apart at a glance. */
export const SHIRTS = [0x2f6fe0, 0xf08a24, 0x1fa86a, 0x8e4fd6, 0xe0457b, 0x16a5b8, 0xd9b21a, 0xb3472e] as const;
export const SKINS = [0xf2c9a4, 0xc98e5d, 0x8a5a3c, 0xe5b07a, 0xffdcb8, 0xa8683f, 0xd9a37a, 0x6e4630] as const;
export const HAIRS = [0x2a1c12, 0x6b3f1f, 0x141414, 0xb0662a, 0x3a2a2a, 0xcfa564, 0x5a5a5a, 0x24160c] as const;
export const TROUSERS = 0x343a4a;

export const ROOM = {
  background: 0x1d2330,
  wall: 0xeadfca,
  wallShade: 0xdccdb2,
  skirting: 0xb9a382,
  floor: 0xb78858,
  floorLine: 0xa0744a,
  floorShade: 0x9c6f45,
  frame: 0xfaf7f0,
  frameShade: 0xc9bfae,
  sky: 0x8fcdec,
  skyLow: 0xd3ecf7,
  cloud: 0xffffff,
  hill: 0x8cc084,
  desk: 0x8d5e3c,
  deskTop: 0xa8734c,
  deskLeg: 0x5e3d26,
  monitor: 0x262b36,
  chair: 0x3e4b60,
  cooler: 0x9fd3f0,
  plant: 0x3f9a4f,
  pot: 0xc0653a,
  clockFace: 0xffffff,
  ink: 0x202633,
} as const;

/** Badge colour of each regime's emblem; the emblem's shape carries the meaning too. */
export const REGIME_COLORS: Record<Regime, number> = {
  momentum: 0x1f9d57,
  chaos: 0xf0561d,
  stagnation: 0x5d6b80,
  drift: 0x4f8fb0,
};

export const METER_COLORS = { morale: 0xe8577e, execution: 0x3d8bfd, innovation: 0xf2b01e } as const;

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif';

function rgb(r: number, g: number, b: number): number {
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(b);
}

/** Linear mix of two colours; t = 0 gives a, 1 gives b. */
export function mix(a: number, b: number, t: number): number {
  if (t <= 0) return a;
  if (t >= 1) return b;
  const ar = (a >> 16) & 255;
  const ag = (a >> 8) & 255;
  const ab = a & 255;
  return rgb(ar + (((b >> 16) & 255) - ar) * t, ag + (((b >> 8) & 255) - ag) * t, ab + ((b & 255) - ab) * t);
}

/** Moves a colour toward its own grey (same luminance) by amount 0–1. */
export function greyed(c: number, amount: number): number {
  if (amount <= 0) return c;
  const r = (c >> 16) & 255;
  const g = (c >> 8) & 255;
  const b = c & 255;
  const l = r * 0.3 + g * 0.59 + b * 0.11;
  return mix(c, rgb(l, l, l), amount);
}
