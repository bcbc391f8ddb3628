import type Phaser from 'phaser';
import type { Shade } from './grade';
import { greyed, mix, TROUSERS } from './palette';
import { fillOval } from './shapes';

/** One frame's posture of a character; a single object is reused for every member. */
export interface Pose {
  /** Whole-body tilt in radians, about the feet. */
  lean: number;
  /** 0 upright, 1 fully drooped. */
  slump: number;
  /** 0 arms down, 1 thrown up overhead. */
  armsUp: number;
  /** -1..1: arms swinging while walking. */
  swing: number;
  /** -1..1: which leg is forward. */
  step: number;
  /** -1 frown .. 1 smile. */
  smile: number;
  /** 0 colourful, 1 grey. */
  grey: number;
  alpha: number;
}

export interface Look {
  shirt: number;
  skin: number;
  hair: number;
}

export function newPose(): Pose {
  return { lean: 0, slump: 0, armsUp: 0, swing: 0, step: 0, smile: 0, grey: 0, alpha: 1 };
}

/** Draws a person standing with feet at (x, y), H pixels tall, facing the viewer. */
export function drawCharacter(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  H: number,
  look: Look,
  p: Pose,
  k: Shade,
): void {
  const a = p.alpha;
  if (a <= 0.01) return;
  const shirt = greyed(look.shirt, p.grey * 0.85);
  const sleeve = mix(shirt, 0x000000, 0.18);
  const skin = greyed(look.skin, p.grey * 0.7);
  const hair = greyed(look.hair, p.grey * 0.7);
  const trousers = greyed(TROUSERS, p.grey);

  g.save();
  g.translateCanvas(x, y);
  if (p.lean !== 0) g.rotateCanvas(p.lean);

  const hipY = -H * 0.3;
  const sag = H * 0.07 * p.slump;
  const shoulderY = hipY - H * 0.36 + sag;
  const bw = H * 0.36;
  const r = H * 0.15;
  const headX = H * 0.05 * p.slump;
  const headY = shoulderY - r * 0.92 + sag * 0.9;

  // Shadow on the floor.
  g.fillStyle(k(0x000000), 0.16 * a);
  fillOval(g, 0, 0, H * 0.42, H * 0.07);

  // Legs, stepping alternately.
  const legW = H * 0.1;
  const stride = H * 0.05 * p.step;
  g.lineStyle(legW, k(trousers), a);
  g.lineBetween(-H * 0.085, hipY, -H * 0.085 + stride, -H * 0.02 - Math.max(0, p.step) * H * 0.04);
  g.lineBetween(H * 0.085, hipY, H * 0.085 - stride, -H * 0.02 - Math.max(0, -p.step) * H * 0.04);
  g.fillStyle(k(0x1d2028), a);
  g.fillRect(-H * 0.14 + stride, -H * 0.04 - Math.max(0, p.step) * H * 0.04, H * 0.11, H * 0.04);
  g.fillRect(H * 0.03 - stride, -H * 0.04 - Math.max(0, -p.step) * H * 0.04, H * 0.11, H * 0.04);

  // Arms: behind the body when hanging, overhead when alarmed.
  const armW = H * 0.075;
  const sx = bw * 0.5 - armW * 0.3;
  const sy = shoulderY + H * 0.05;
  const down = 1 - p.armsUp;
  const handDx = bw * 0.5 + H * (0.03 + 0.12 * p.armsUp) - H * 0.02 * p.slump;
  const handY = sy + H * (0.28 * down - 0.3 * p.armsUp) + H * 0.04 * p.slump;
  const sw = H * 0.06 * p.swing * down;
  g.lineStyle(armW, k(sleeve), a);
  g.lineBetween(-sx, sy, -handDx + sw, handY);
  g.lineBetween(sx, sy, handDx - sw, handY);
  g.fillStyle(k(skin), a);
  g.fillCircle(-handDx + sw, handY, H * 0.04);
  g.fillCircle(handDx - sw, handY, H * 0.04);

  // Torso.
  g.fillStyle(k(shirt), a).fillRoundedRect(-bw / 2, shoulderY, bw, hipY - shoulderY + H * 0.02, H * 0.07);
  g.fillStyle(k(0xffffff), 0.18 * a).fillRect(-bw * 0.06, shoulderY + H * 0.02, bw * 0.12, H * 0.08);

  // Head with hair on top.
  g.fillStyle(k(skin), a).fillCircle(headX, headY, r);
  g.fillStyle(k(hair), a);
  g.slice(headX, headY - r * 0.05, r * 1.04, Math.PI, Math.PI * 2, false).fillPath();
  g.fillRect(headX - r * 1.04, headY - r * 0.1, r * 0.22, r * 0.45);
  g.fillRect(headX + r * 0.82, headY - r * 0.1, r * 0.22, r * 0.45);

  // Face: eyes close to lines when drooping; the mouth bends with morale.
  const eyeY = headY + r * 0.2 + r * 0.12 * p.slump;
  const ex = r * 0.38;
  const eyeH = Math.max(1, r * 0.22 * (1 - 0.7 * p.slump));
  g.fillStyle(k(0x1d2028), a);
  g.fillRect(headX - ex - r * 0.08, eyeY - eyeH / 2, r * 0.16, eyeH);
  g.fillRect(headX + ex - r * 0.08, eyeY - eyeH / 2, r * 0.16, eyeH);
  const my = headY + r * 0.58 + r * 0.1 * p.slump;
  const mw = r * 0.3;
  const bend = r * 0.2 * p.smile;
  g.lineStyle(Math.max(1, r * 0.1), k(0x5a2a22), a);
  g.lineBetween(headX - mw, my - bend * 0.5, headX, my + bend * 0.5);
  g.lineBetween(headX, my + bend * 0.5, headX + mw, my - bend * 0.5);

  g.restore();
}

/** The faded outline left where someone used to stand. */
export function drawAbsence(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  H: number,
  alpha: number,
  k: Shade,
): void {
  if (alpha <= 0.01) return;
  const hipY = y - H * 0.3;
  const shoulderY = hipY - H * 0.36;
  const bw = H * 0.36;
  const r = H * 0.15;
  const lw = Math.max(1.5, H * 0.025);
  g.fillStyle(k(0xffffff), 0.12 * alpha);
  g.fillCircle(x, shoulderY - r * 0.92, r);
  g.fillRoundedRect(x - bw / 2, shoulderY, bw, hipY - shoulderY, H * 0.07);
  g.lineStyle(lw, k(0x55606f), 0.7 * alpha);
  g.strokeCircle(x, shoulderY - r * 0.92, r);
  g.strokeRoundedRect(x - bw / 2, shoulderY, bw, hipY - shoulderY, H * 0.07);
  g.lineBetween(x - H * 0.085, hipY, x - H * 0.085, y - H * 0.02);
  g.lineBetween(x + H * 0.085, hipY, x + H * 0.085, y - H * 0.02);
}
