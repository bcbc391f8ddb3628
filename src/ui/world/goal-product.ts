import type Phaser from 'phaser';
import type { Shade } from './grade';
import type { Rect } from './layout';
import { stage } from './goal-stage';

const BOARD = 0x2f8f5b;
const TRACE = 0xa8e6c0;
const CHIP = 0x23272f;
const CASE = 0x3b4252;
const SCREEN = 0x3d8bfd;
const CARD = 0xc9965a;
const BLUEPRINT = 0x3b6fc4;
const ICONS = [0xf2b01e, 0xe8577e, 0x1fa86a, 0xffffff, 0x8e4fd6, 0x16a5b8] as const;

/** A device assembled on a workbench, then packed into a shipping box. */
export function drawProduct(g: Phaser.GameObjects.Graphics, box: Rect, p: number, s: number, tone: Shade): void {
  const gy = box.y + box.h;
  const benchH = box.h * 0.2;
  const benchY = gy - benchH;
  const line = Math.max(1, 1.4 * s);

  // Workbench.
  g.fillStyle(tone(0x6d4a30), 1);
  g.fillRect(box.x + box.w * 0.06, benchY, Math.max(3, box.w * 0.035), benchH);
  g.fillRect(box.x + box.w * 0.9, benchY, Math.max(3, box.w * 0.035), benchH);
  g.fillStyle(tone(0x9a6a44), 1).fillRect(box.x, benchY - Math.max(4, box.h * 0.03), box.w, Math.max(4, box.h * 0.03));
  const top = benchY - Math.max(4, box.h * 0.03);

  // The device: a tablet standing on the bench.
  const dh = Math.min((top - box.y) * 0.86, box.w * 0.95);
  const dw = dh * 0.64;
  const dx = box.x + box.w * 0.36 - dw / 2;
  const dy = top - dh;
  const r = dw * 0.1;
  g.lineStyle(line, tone(BLUEPRINT), 0.45).strokeRoundedRect(dx, dy, dw, dh, r);

  const board = stage(p, 0, 0.2);
  if (board > 0) {
    const bh = (dh - r * 2) * board;
    g.fillStyle(tone(BOARD), 1).fillRect(dx + r * 0.7, top - r - bh, dw - r * 1.4, bh);
    g.lineStyle(Math.max(1, s), tone(TRACE), 0.9);
    for (let k = 1; k < 6; k++) {
      const y = top - r - (bh * k) / 6;
      g.lineBetween(dx + r, y, dx + dw * (0.3 + 0.1 * (k % 3)), y);
      g.lineBetween(dx + dw - r, y + bh / 12, dx + dw * (0.6 + 0.08 * (k % 2)), y + bh / 12);
    }
  }
  for (let k = 0; k < 3; k++) {
    const a = stage(p, 0.2 + k * 0.07, 0.26 + k * 0.07);
    if (a <= 0) continue;
    const cs = dw * (k === 1 ? 0.34 : 0.22);
    const cx = dx + dw * (k === 2 ? 0.64 : 0.36) - cs / 2;
    const cy = dy + dh * (0.22 + k * 0.24);
    g.fillStyle(tone(CHIP), a).fillRect(cx, cy, cs, cs);
    g.fillStyle(tone(0xc0c6d0), a);
    for (let pin = 0; pin < 3; pin++) {
      g.fillRect(cx - cs * 0.12, cy + cs * (0.2 + pin * 0.25), cs * 0.12, cs * 0.08);
      g.fillRect(cx + cs, cy + cs * (0.2 + pin * 0.25), cs * 0.12, cs * 0.08);
    }
  }

  const shell = stage(p, 0.42, 0.58);
  if (shell > 0) {
    const t = Math.max(2, r * 0.9) * shell;
    g.fillStyle(tone(CASE), 1);
    g.fillRect(dx, dy, dw, t);
    g.fillRect(dx, top - t, dw, t);
    g.fillRect(dx, dy, t, dh);
    g.fillRect(dx + dw - t, dy, t, dh);
  }

  const glass = stage(p, 0.58, 0.68);
  if (glass > 0) {
    const m = r * 0.9;
    g.fillStyle(tone(CASE), glass).fillRoundedRect(dx, dy, dw, dh, r);
    g.fillGradientStyle(tone(SCREEN), tone(SCREEN), tone(0x20306a), tone(0x20306a), glass).fillRect(
      dx + m,
      dy + m * 1.4,
      dw - m * 2,
      dh - m * 2.8,
    );
    // App icons light up one after another.
    const icon = (dw - m * 2) / 4;
    for (let k = 0; k < 6; k++) {
      const a = stage(p, 0.66 + k * 0.025, 0.69 + k * 0.025);
      if (a <= 0) continue;
      g.fillStyle(tone(ICONS[k] ?? 0xffffff), a);
      g.fillRoundedRect(
        dx + m + icon * (0.5 + (k % 3) * 1.1),
        dy + m * 2 + icon * (0.4 + Math.floor(k / 3) * 1.3),
        icon * 0.8,
        icon * 0.8,
        icon * 0.18,
      );
    }
  }

  // A shipping box folds up beside the device and gets taped and ticked.
  const boxA = stage(p, 0.8, 0.92);
  const bs = Math.min(box.w * 0.34, dh * 0.55);
  const bx = box.x + box.w * 0.94 - bs;
  const by = top - bs;
  g.lineStyle(line, tone(BLUEPRINT), 0.45).strokeRect(bx, by, bs, bs);
  if (boxA > 0) {
    const h = bs * boxA;
    g.fillStyle(tone(CARD), 1).fillRect(bx, top - h, bs, h);
    g.fillStyle(tone(0xa87942), 1).fillRect(bx, top - h, bs, Math.max(2, bs * 0.08));
    if (p >= 0.95) g.fillStyle(tone(0xe9d9b0), 1).fillRect(bx + bs * 0.42, by, bs * 0.16, bs);
  }
  if (p >= 1) {
    const cx = bx + bs / 2;
    const cy = by - bs * 0.35;
    const rr = bs * 0.24;
    g.fillStyle(tone(0x1f9d57), 1).fillCircle(cx, cy, rr);
    g.lineStyle(Math.max(2, rr * 0.25), tone(0xffffff), 1);
    g.lineBetween(cx - rr * 0.45, cy, cx - rr * 0.1, cy + rr * 0.35);
    g.lineBetween(cx - rr * 0.1, cy + rr * 0.35, cx + rr * 0.5, cy - rr * 0.35);
  }
}
