import { clamp } from './smooth';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Spot {
  x: number;
  /** Where the feet touch the floor. */
  y: number;
}

interface Circle {
  x: number;
  y: number;
  r: number;
}

/**
 * Where everything goes, in CSS pixels of the parent box. Recomputed on resize and when the
 * team size changes; never per frame.
 */
export interface Layout {
  readonly w: number;
  readonly h: number;
  /** 1 at 960×540; the size unit for strokes and details. */
  readonly s: number;
  /** Narrow box: the goal stands at the back of the room instead of beside the team. */
  readonly tall: boolean;
  readonly floorY: number;
  readonly charH: number;
  readonly slotW: number;
  /** Each member's place at their desk, in team order. */
  readonly desks: readonly Spot[];
  /** Where disengaged members stand, away from the group. */
  readonly apart: readonly Spot[];
  /** Area the feet may wander over. */
  readonly roam: Rect;
  /** Where engaged members scatter to when the team drifts: the office, not the apart corner. */
  readonly scatter: Rect;
  /** How far the team steps toward the goal in momentum. */
  readonly marchDx: number;
  /** The goal draws inside this box; its bottom is the ground. */
  readonly goal: Rect;
  /** Where the progress label hangs (its top centre), and which of its corners is anchored there. */
  readonly goalLabel: { x: number; y: number; originX: number; originY: number };
  readonly window: Rect;
  readonly clock: Circle;
  readonly beacon: Circle;
  /** The striped barrier that blocks the goal in chaos. */
  readonly barrier: Rect;
  readonly hud: { x: number; y: number; w: number; rowH: number; pad: number; font: number; h: number };
  readonly emblem: Circle;
  readonly nameFont: number;
  readonly smallFont: number;
  readonly pad: number;
}

/**
 * `text` scales every label (1 normally; larger in the presenter layout, read from the back of
 * a room), so a label's size does not rest on the box's size alone.
 */
export function computeLayout(w: number, h: number, n: number, text = 1): Layout {
  const tall = w / h < 1.05;
  const s = Math.min(w / 960, h / 540);
  const pad = clamp(Math.round(10 * s), 5, 24);
  const count = Math.max(1, n);

  const hudFont = clamp(Math.round(15 * s * text), 11, 34);
  const hudRowH = Math.round(hudFont * 1.75);
  const hudW = clamp(Math.round(hudFont * 13.5), 140, 460);
  const hud = { x: pad, y: pad, w: hudW, rowH: hudRowH, pad: Math.round(hudFont * 0.55), font: hudFont, h: 0 };
  hud.h = hud.pad * 2 + hudRowH * 3;

  const er = clamp(Math.round(30 * s), 17, 64);
  const emblem = { x: w - pad - er, y: pad + er, r: er };
  const nameFont = clamp(Math.round(13 * s * text), 10, 28);
  const smallFont = clamp(Math.round(12 * s * text), 9, 24);

  const floorY = Math.round(h * (tall ? 0.42 : 0.56));

  // Team area and the corner where disengaged members stand apart.
  const apartX0 = pad;
  const apartX1 = Math.round(w * (tall ? 0.19 : 0.14));
  const officeX0 = apartX1 + pad;
  const officeX1 = Math.round(tall ? w - pad : w * 0.61);

  const rows = tall ? Math.ceil(count / 3) : count <= 4 ? 1 : 2;
  const perRow = Math.ceil(count / rows);
  const slotW = (officeX1 - officeX0) / perRow;
  const yFront = h - nameFont * 1.7 - pad;
  const depth = yFront - floorY;
  let charH = tall
    ? Math.min(h * 0.13, slotW * 1.3, depth / (rows + 0.4))
    : Math.min(h * 0.21, slotW * 1.45, depth * (rows > 1 ? 0.62 : 0.85));
  charH = Math.max(charH, 24);
  // In a tall box the back row stands clear of the goal, which rests on the floor line.
  const backGap = tall ? charH * 1.1 : charH * 0.55;
  const yBack = rows > 1 ? floorY + backGap : floorY + depth * 0.62;
  const rowY = (k: number): number => (rows > 1 ? yBack + ((yFront - yBack) * k) / (rows - 1) : yBack);

  const desks: Spot[] = [];
  for (let k = 0, i = 0; k < rows; k++) {
    const inRow = Math.min(perRow, count - i);
    const stagger = rows > 1 ? (k % 2 === 0 ? -0.22 : 0.22) * slotW : 0;
    const cx = (officeX0 + officeX1) / 2 + stagger;
    for (let j = 0; j < inRow; j++, i++) desks.push({ x: cx + (j - (inRow - 1) / 2) * slotW, y: rowY(k) });
  }

  const apartCx = (apartX0 + apartX1) / 2;
  const apartW = apartX1 - apartX0;
  const apart: Spot[] = [];
  for (let j = 0; j < count; j++) {
    const y = yFront - ((j * 0.5) % 1.5) * (yFront - yBack) * 0.8 - Math.floor(j / 3) * 4;
    apart.push({ x: apartCx + (j % 2 === 0 ? -0.12 : 0.18) * apartW, y: Math.max(y, floorY + charH * 0.5) });
  }

  // Feet may go from just in front of the back wall to the front row.
  const roamTop = Math.min(yBack, floorY + charH * (tall ? 0.3 : 0.45));
  const roam = { x: apartX0 + charH * 0.25, y: roamTop, w: officeX1 - apartX0 - charH * 0.5, h: yFront - roamTop };
  const scatter = { x: officeX0 + charH * 0.3, y: roam.y, w: officeX1 - officeX0 - charH * 0.6, h: roam.h };

  const goalTop = emblem.y + er + pad;
  const goal = tall
    ? { x: Math.round(w * 0.42), y: goalTop, w: Math.round(w * 0.58) - pad, h: floorY + h * 0.02 - goalTop }
    : { x: Math.round(w * 0.645), y: goalTop, w: Math.round(w * 0.355) - pad, h: h * 0.88 - goalTop };

  const goalLabel = tall
    ? { x: goal.x + goal.w, y: goal.y + goal.h - pad * 0.5, originX: 1, originY: 1 }
    : { x: goal.x + goal.w / 2, y: goal.y + goal.h + Math.max(6, goal.h * 0.04), originX: 0.5, originY: 0 };
  const hudBottom = hud.y + hud.h;
  const clockR = clamp(Math.round(22 * s), 12, 48);
  const freeTop = emblem.x - er - (hud.x + hud.w);
  const clock = tall
    ? { x: (hud.x + hud.w + emblem.x - er) / 2, y: pad + clockR, r: freeTop > clockR * 2 + pad * 2 ? clockR : 0 }
    : { x: hud.x + clockR + pad, y: hudBottom + pad * 2 + clockR, r: clockR };
  const winX0 = tall ? pad * 3 : Math.max(hud.x + hud.w + pad * 2, w * 0.29);
  const winX1 = tall ? goal.x - pad * 3 : w * 0.59;
  const winY0 = tall ? hudBottom + pad * 3 : h * 0.09;
  const pane = { x: winX0, y: winY0, w: Math.max(0, winX1 - winX0), h: floorY - h * 0.1 - winY0 };

  const br = clamp(Math.round(11 * s), 7, 24);
  const beacon = tall
    ? { x: goal.x + goal.w * 0.1, y: goalTop + br, r: br }
    : { x: Math.round(w * 0.615), y: Math.round(h * 0.1), r: br };
  const barrierH = clamp(goal.h * 0.2, 16, charH * 0.75);
  const barrier = {
    x: goal.x + goal.w * 0.08,
    y: goal.y + goal.h + pad * 0.5 - barrierH,
    w: goal.w * 0.84,
    h: barrierH,
  };

  return {
    w,
    h,
    s,
    tall,
    floorY,
    charH,
    slotW,
    desks,
    apart,
    roam,
    scatter,
    marchDx: Math.min(slotW * 0.3, charH * 0.5),
    goal,
    goalLabel,
    window: pane,
    clock,
    beacon,
    barrier,
    hud,
    emblem,
    nameFont,
    smallFont,
    pad,
  };
}
