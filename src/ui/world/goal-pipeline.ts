import type Phaser from 'phaser';
import type { Shade } from './grade';
import type { Rect } from './layout';
import { SHIRTS } from './palette';

const LEVELS = 5;
const PER_LEVEL = 2;
const FRAME = 0x5e6b7d;
const SHELF = 0x8d9aab;
const BLUEPRINT = 0x3b6fc4;

/**
 * A ladder of leaders: five rungs, each with two places that fill bottom-up with people as
 * progress grows; a pipe with an arrow feeds the top, which earns a star when full.
 */
export function drawPipeline(g: Phaser.GameObjects.Graphics, box: Rect, p: number, s: number, tone: Shade): void {
  const gy = box.y + box.h;
  const w = Math.min(box.w * 0.78, box.h * 0.75);
  const x0 = box.x + (box.w - w) / 2;
  const top = box.y + box.h * 0.1;
  const levelH = (gy - top) / LEVELS;
  const post = Math.max(3, w * 0.045);

  g.fillStyle(tone(0x8a6746), 1).fillRect(box.x, gy, box.w, Math.max(4, box.h * 0.03));

  // The frame: two posts and a shelf per level.
  g.fillStyle(tone(FRAME), 1);
  g.fillRect(x0, top, post, gy - top);
  g.fillRect(x0 + w - post, top, post, gy - top);
  for (let l = 0; l <= LEVELS; l++)
    g.fillStyle(tone(SHELF), 1).fillRect(x0, gy - l * levelH - post * 0.6, w, post * 0.6);

  // The pipe feeding people upward along the right side.
  const pipeX = x0 + w + post * 1.4;
  const pipeW = Math.max(4, w * 0.08);
  g.fillStyle(tone(0xb8c2cf), 1).fillRect(pipeX, top + levelH * 0.2, pipeW, gy - top - levelH * 0.2);
  g.fillStyle(tone(0x1f9d57), 1);
  g.fillRect(pipeX, gy - (gy - top) * p, pipeW, (gy - top) * p);
  const ah = pipeW * 1.4;
  g.fillTriangle(
    pipeX - pipeW * 0.6,
    top + levelH * 0.2,
    pipeX + pipeW * 1.6,
    top + levelH * 0.2,
    pipeX + pipeW / 2,
    top + levelH * 0.2 - ah,
  );

  const filled = p * LEVELS * PER_LEVEL;
  const cell = (w - post * 2) / PER_LEVEL;
  const ph = Math.min(levelH * 0.78, cell * 1.1);
  for (let l = 0; l < LEVELS; l++) {
    for (let k = 0; k < PER_LEVEL; k++) {
      const index = l * PER_LEVEL + k;
      const cx = x0 + post + cell * (k + 0.5);
      const floor = gy - l * levelH - post * 0.6;
      const a = Math.max(0, Math.min(1, filled - index));
      if (a < 1) {
        // An empty place: a dashed outline of the person to come.
        g.lineStyle(Math.max(1, s * 1.2), tone(BLUEPRINT), 0.45);
        g.strokeCircle(cx, floor - ph * 0.72, ph * 0.16);
        g.strokeRect(cx - ph * 0.2, floor - ph * 0.52, ph * 0.4, ph * 0.5);
      }
      if (a > 0) drawPawn(g, cx, floor, ph, SHIRTS[index % SHIRTS.length] ?? 0x888888, a, tone);
    }
  }

  if (p >= 1) {
    const cx = x0 + w / 2;
    const cy = top - levelH * 0.35;
    const r = levelH * 0.32;
    g.fillStyle(tone(0xf2b01e), 1);
    for (let k = 0; k < 5; k++) {
      const a0 = -Math.PI / 2 + (k * Math.PI * 2) / 5;
      const a1 = a0 + Math.PI / 5;
      const a2 = a0 - Math.PI / 5;
      g.fillTriangle(
        cx + Math.cos(a0) * r,
        cy + Math.sin(a0) * r,
        cx + Math.cos(a1) * r * 0.42,
        cy + Math.sin(a1) * r * 0.42,
        cx + Math.cos(a2) * r * 0.42,
        cy + Math.sin(a2) * r * 0.42,
      );
    }
    g.fillCircle(cx, cy, r * 0.45);
  }
}

function drawPawn(
  g: Phaser.GameObjects.Graphics,
  x: number,
  floor: number,
  h: number,
  color: number,
  a: number,
  tone: Shade,
): void {
  g.fillStyle(tone(color), a);
  g.fillRoundedRect(x - h * 0.2, floor - h * 0.52, h * 0.4, h * 0.52, h * 0.08);
  g.fillStyle(tone(0xf2c9a4), a).fillCircle(x, floor - h * 0.72, h * 0.16);
}
