import type Phaser from 'phaser';
import type { Shade } from './grade';
import type { Rect } from './layout';
import { stage } from './goal-stage';

const BRICK = 0xc8693f;
const MORTAR = 0xe9c9a8;
const ROOF = 0x7b3a2c;
const GLASS = 0xbfe3f5;
const LIT = 0xffd66b;
const BLUEPRINT = 0x3b6fc4;

/** A house rising with progress: foundation, walls, door, windows, roof, chimney, flag. */
export function drawHouse(g: Phaser.GameObjects.Graphics, box: Rect, p: number, s: number, tone: Shade): void {
  const gy = box.y + box.h;
  const cx = box.x + box.w / 2;
  const bw = Math.min(box.w * 0.8, box.h * 0.9);
  const wallH = box.h * 0.46;
  const roofH = box.h * 0.3;
  const slabH = Math.max(4, box.h * 0.045);
  const left = cx - bw / 2;
  const eave = gy - slabH - wallH;
  const line = Math.max(1, 1.4 * s);

  // Plot of earth with a strip of grass.
  g.fillStyle(tone(0x8a6746), 1).fillRect(box.x, gy, box.w, Math.max(4, box.h * 0.03));
  g.fillStyle(tone(0x67a34d), 1).fillRect(box.x, gy - Math.max(2, box.h * 0.012), box.w, Math.max(2, box.h * 0.012));

  // The plan of the finished house, so what is missing is visible.
  g.lineStyle(line, tone(BLUEPRINT), 0.45);
  g.strokeRect(left, eave, bw, wallH + slabH);
  g.lineBetween(left - bw * 0.08, eave, cx, eave - roofH);
  g.lineBetween(cx, eave - roofH, left + bw * 1.08, eave);

  const slab = stage(p, 0, 0.12);
  if (slab > 0) {
    const fw = bw * 1.08 * slab;
    g.fillStyle(tone(0x9c9a96), 1).fillRect(cx - fw / 2, gy - slabH, fw, slabH);
  }

  const walls = stage(p, 0.12, 0.55);
  const wh = wallH * walls;
  if (walls > 0) {
    g.fillStyle(tone(BRICK), 1).fillRect(left, gy - slabH - wh, bw, wh);
    g.lineStyle(Math.max(1, s), tone(MORTAR), 0.8);
    const brick = Math.max(5, wallH / 9);
    for (let y = gy - slabH - brick, row = 0; y > gy - slabH - wh; y -= brick, row++) {
      g.lineBetween(left, y, left + bw, y);
      for (let x = left + (row % 2) * brick + brick; x < left + bw; x += brick * 2) g.lineBetween(x, y, x, y + brick);
    }
  }

  // Door once the walls are high enough, then windows one by one.
  const doorW = bw * 0.2;
  const doorH = wallH * 0.62;
  if (wh > doorH) {
    g.fillStyle(tone(0x5b3a22), 1).fillRect(cx - doorW / 2, gy - slabH - doorH, doorW, doorH);
    g.fillStyle(tone(0xf2c14e), 1).fillCircle(cx + doorW * 0.3, gy - slabH - doorH * 0.45, Math.max(1.5, doorW * 0.07));
  }
  const winS = bw * 0.2;
  const winY = gy - slabH - wallH * 0.8;
  for (let k = 0; k < 2; k++) {
    const a = stage(p, 0.5 + k * 0.1, 0.6 + k * 0.1);
    if (a <= 0) continue;
    const wx = k === 0 ? left + bw * 0.1 : left + bw * 0.9 - winS;
    g.fillStyle(tone(0xffffff), a).fillRect(wx - 2, winY - 2, winS + 4, winS + 4);
    g.fillStyle(tone(p >= 1 ? LIT : GLASS), a).fillRect(wx, winY, winS, winS);
    g.fillStyle(tone(0xffffff), a).fillRect(wx + winS / 2 - 1, winY, 2, winS);
    g.fillRect(wx, winY + winS / 2 - 1, winS, 2);
  }

  // Roof fills from the eaves up.
  const roof = stage(p, 0.55, 0.85);
  if (roof > 0) {
    const half = bw * 0.58;
    const top = eave - roofH * roof;
    const topHalf = half * (1 - roof);
    g.fillStyle(tone(ROOF), 1);
    g.fillTriangle(cx - half, eave, cx + half, eave, cx + topHalf, top);
    g.fillTriangle(cx - half, eave, cx + topHalf, top, cx - topHalf, top);
    g.lineStyle(Math.max(1, s), tone(0x5a2a20), 0.8);
    for (let r = 1; r < 5; r++) {
      const y = eave - (roofH * r) / 5;
      if (y < top) break;
      const hw = half * (1 - r / 5);
      g.lineBetween(cx - hw, y, cx + hw, y);
    }
  }

  const chimney = stage(p, 0.85, 0.93);
  if (chimney > 0) {
    const cw = bw * 0.1;
    const ch = roofH * 0.55 * chimney;
    const chx = cx + bw * 0.24;
    const base = eave - roofH * 0.42;
    g.fillStyle(tone(0x8f4a32), 1).fillRect(chx, base - ch, cw, ch);
    if (p >= 0.95) {
      g.fillStyle(tone(0xe8e8e8), 0.8);
      g.fillCircle(chx + cw * 0.5, base - ch - cw * 0.7, cw * 0.55);
      g.fillCircle(chx + cw * 1.1, base - ch - cw * 1.6, cw * 0.7);
    }
  }

  // Scaffolding while the work is underway.
  if (p > 0.1 && p < 0.93) {
    const sc = Math.min(1, (0.93 - p) * 8);
    g.lineStyle(Math.max(1.5, 2.2 * s), tone(0x8c8c8c), 0.9 * sc);
    const sh = Math.max(wh, wallH * 0.3) + box.h * 0.05;
    g.lineBetween(left - bw * 0.06, gy, left - bw * 0.06, gy - sh);
    g.lineBetween(left + bw * 1.06, gy, left + bw * 1.06, gy - sh);
    for (let y = gy - sh * 0.33; y > gy - sh; y -= sh * 0.33) g.lineBetween(left - bw * 0.06, y, left + bw * 1.06, y);
  }

  if (p >= 1) {
    const fx = cx;
    const fy = eave - roofH;
    g.lineStyle(Math.max(1.5, 2 * s), tone(0x333333), 1).lineBetween(fx, fy, fx, fy - box.h * 0.12);
    g.fillStyle(tone(0x1f9d57), 1).fillTriangle(
      fx,
      fy - box.h * 0.12,
      fx + box.h * 0.09,
      fy - box.h * 0.095,
      fx,
      fy - box.h * 0.07,
    );
  }
}
