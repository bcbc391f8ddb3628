import type Phaser from 'phaser';
import type { Shade } from './grade';
import type { Rect } from './layout';
import { stage } from './goal-stage';

const TRUNK = 0x7a4e2d;
const LEAF = [0x3f9a4f, 0x52b25f, 0x2f8443] as const;
const BLOSSOM = 0xf7a8c4;
const FRUIT = 0xe8553f;

/** Canopy clusters as (dx, dy, radius) in units of the canopy size, in the order they grow. */
const CLUSTERS = [
  [0, -0.05, 0.42],
  [-0.42, 0.12, 0.32],
  [0.42, 0.12, 0.32],
  [-0.25, -0.35, 0.33],
  [0.25, -0.35, 0.33],
  [0, -0.62, 0.3],
  [-0.6, -0.15, 0.24],
  [0.6, -0.15, 0.24],
] as const;

/** A garden whose tree grows from a sprout to a full, flowering, fruiting tree. */
export function drawCulture(g: Phaser.GameObjects.Graphics, box: Rect, p: number, s: number, tone: Shade): void {
  const gy = box.y + box.h;
  const cx = box.x + box.w / 2;
  const size = Math.min(box.w * 0.5, box.h * 0.36);

  // Raised garden bed.
  g.fillStyle(tone(0x8a6746), 1).fillRect(box.x + box.w * 0.04, gy - box.h * 0.05, box.w * 0.92, box.h * 0.05 + 4);
  g.fillStyle(tone(0x67a34d), 1).fillRect(box.x + box.w * 0.04, gy - box.h * 0.06, box.w * 0.92, box.h * 0.015);

  const grow = stage(p, 0, 0.55);
  const trunkH = box.h * (0.06 + 0.5 * grow);
  const trunkW = Math.max(2, size * (0.06 + 0.16 * grow));
  const base = gy - box.h * 0.05;
  const crown = base - trunkH;

  if (p < 0.08) {
    // A sprout.
    g.lineStyle(Math.max(2, 2 * s), tone(LEAF[0]), 1).lineBetween(cx, base, cx, base - box.h * 0.07);
    g.fillStyle(tone(LEAF[1]), 1);
    g.fillTriangle(
      cx,
      base - box.h * 0.06,
      cx - box.h * 0.05,
      base - box.h * 0.09,
      cx - box.h * 0.01,
      base - box.h * 0.04,
    );
    g.fillTriangle(
      cx,
      base - box.h * 0.07,
      cx + box.h * 0.05,
      base - box.h * 0.1,
      cx + box.h * 0.01,
      base - box.h * 0.05,
    );
    return;
  }

  g.fillStyle(tone(TRUNK), 1);
  g.fillTriangle(cx - trunkW, base, cx + trunkW, base, cx + trunkW * 0.4, crown);
  g.fillTriangle(cx - trunkW, base, cx + trunkW * 0.4, crown, cx - trunkW * 0.4, crown);
  const branches = stage(p, 0.2, 0.45);
  if (branches > 0) {
    g.lineStyle(Math.max(2, trunkW * 0.5), tone(TRUNK), 1);
    g.lineBetween(cx, crown + trunkH * 0.3, cx - size * 0.45 * branches, crown - size * 0.05);
    g.lineBetween(cx, crown + trunkH * 0.2, cx + size * 0.45 * branches, crown - size * 0.1);
  }

  for (let k = 0; k < CLUSTERS.length; k++) {
    const c = CLUSTERS[k];
    if (!c) continue;
    const a = stage(p, 0.15 + k * 0.07, 0.3 + k * 0.07);
    if (a <= 0) continue;
    g.fillStyle(tone(LEAF[k % LEAF.length] ?? 0x3f9a4f), 1);
    g.fillCircle(cx + c[0] * size, crown + c[1] * size, c[2] * size * a);
  }

  const blossom = stage(p, 0.72, 0.9);
  const fruit = stage(p, 0.9, 1);
  for (let k = 0; k < CLUSTERS.length; k++) {
    const c = CLUSTERS[k];
    if (!c) continue;
    const fx = cx + (c[0] + c[2] * 0.4) * size;
    const fy = crown + (c[1] - c[2] * 0.3) * size;
    if (blossom > 0) g.fillStyle(tone(BLOSSOM), blossom).fillCircle(fx, fy, size * 0.06);
    if (fruit > 0 && k % 2 === 0)
      g.fillStyle(tone(FRUIT), fruit).fillCircle(fx - size * 0.15, fy + size * 0.2, size * 0.07);
  }

  // Flowers spring up in the bed as the culture takes hold.
  for (let k = 0; k < 6; k++) {
    const a = stage(p, 0.4 + k * 0.1, 0.5 + k * 0.1);
    if (a <= 0) continue;
    const fx = box.x + box.w * (0.1 + ((k * 0.37) % 0.8));
    if (Math.abs(fx - cx) < trunkW * 2) continue;
    const fh = box.h * 0.05 * a;
    g.lineStyle(Math.max(1, s), tone(LEAF[2]), 1).lineBetween(fx, base, fx, base - fh);
    g.fillStyle(tone(k % 2 ? 0xf2b01e : 0xe8577e), 1).fillCircle(fx, base - fh, Math.max(2, box.h * 0.015 * a + 1));
  }
}
