import type Phaser from 'phaser';
import type { Layout, Spot } from './layout';
import type { Shade } from './grade';
import { ROOM } from './palette';

/**
 * The still parts of the workplace: window, floor, desks. Redrawn only when the layout or the
 * light changes. The wall itself is the canvas clear colour (see WorldScene), which costs far
 * less than a blended full-screen fill under software WebGL.
 */
export function drawRoom(g: Phaser.GameObjects.Graphics, L: Layout, k: Shade): void {
  const { w, h, s, floorY } = L;
  g.clear();

  // A darker lower band of wall and the skirting board.
  const band = Math.round(h * 0.09);
  g.fillStyle(k(ROOM.wallShade), 1).fillRect(0, floorY - band, w, band);
  g.fillStyle(k(ROOM.skirting), 1).fillRect(0, floorY - Math.max(3, 5 * s), w, Math.max(3, 5 * s));

  // Wooden floor: planks as horizontal lines with staggered joints.
  g.fillStyle(k(ROOM.floor), 1).fillRect(0, floorY, w, h - floorY);
  const plank = Math.max(10, (h - floorY) / 7);
  g.lineStyle(Math.max(1, s), k(ROOM.floorLine), 1);
  for (let y = floorY + plank, row = 0; y < h; y += plank, row++) {
    g.lineBetween(0, y, w, y);
    // A few staggered joints; every line is replayed each frame, so not one per plank.
    const step = Math.max(plank * 8, w / 5);
    for (let x = (row % 2) * step * 0.5 + step * 0.3; x < w; x += step) g.lineBetween(x, y - plank, x, y);
  }
  g.fillStyle(k(ROOM.floorShade), 0.5).fillRect(0, floorY, w, Math.max(2, 4 * s));

  drawWindow(g, L, k);
  drawClockFace(g, L, k);
  drawCorner(g, L, k);
  for (const d of L.desks) drawDesk(g, L, d, k);
}

function drawWindow(g: Phaser.GameObjects.Graphics, L: Layout, k: Shade): void {
  const { x, y, w, h } = L.window;
  if (w < 20 || h < 20) return;
  const f = Math.max(4, 8 * L.s);
  // The frame as four bars around the pane, not a slab under it: less overdraw per frame.
  g.fillStyle(k(ROOM.frame), 1);
  g.fillRect(x - f, y - f, w + f * 2, f);
  g.fillRect(x - f, y + h, w + f * 2, f);
  g.fillRect(x - f, y, f, h);
  g.fillRect(x + w, y, f, h);
  g.fillGradientStyle(k(ROOM.sky), k(ROOM.sky), k(ROOM.skyLow), k(ROOM.skyLow), 1).fillRect(x, y, w, h);
  // Rolling hills inside the pane, then clouds.
  g.fillStyle(k(ROOM.hill), 1);
  g.beginPath();
  g.moveTo(x, y + h);
  for (let i = 0; i <= 16; i++) {
    const u = i / 16;
    g.lineTo(x + w * u, y + h * (0.72 - 0.12 * Math.sin(u * Math.PI * 2.2 + 0.6)));
  }
  g.lineTo(x + w, y + h);
  g.closePath();
  g.fillPath();
  g.fillStyle(k(ROOM.cloud), 0.9);
  g.fillEllipse(x + w * 0.3, y + h * 0.25, w * 0.22, h * 0.1);
  g.fillEllipse(x + w * 0.38, y + h * 0.21, w * 0.16, h * 0.1);
  g.fillEllipse(x + w * 0.72, y + h * 0.4, w * 0.18, h * 0.08);
  // Mullions and sill.
  g.fillStyle(k(ROOM.frame), 1);
  g.fillRect(x + w / 2 - f / 2, y, f, h);
  g.fillRect(x, y + h * 0.45 - f / 2, w, f);
  g.fillStyle(k(ROOM.frameShade), 1).fillRect(x - f * 1.6, y + h + f * 0.8, w + f * 3.2, f * 0.9);
}

function drawClockFace(g: Phaser.GameObjects.Graphics, L: Layout, k: Shade): void {
  const { x, y, r } = L.clock;
  if (r <= 0) return;
  g.fillStyle(k(ROOM.ink), 1).fillCircle(x, y, r + Math.max(2, 3 * L.s));
  g.fillStyle(k(ROOM.clockFace), 1).fillCircle(x, y, r);
  g.fillStyle(k(ROOM.ink), 1);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    const size = i % 3 === 0 ? Math.max(2, r * 0.14) : Math.max(1.5, r * 0.08);
    g.fillCircle(x + Math.cos(a) * r * 0.8, y + Math.sin(a) * r * 0.8, size / 2);
  }
}

/** A water cooler and a plant mark the corner where disengaged people drift off to. */
function drawCorner(g: Phaser.GameObjects.Graphics, L: Layout, k: Shade): void {
  const u = L.charH;
  const x = L.pad + u * 0.25;
  const base = L.floorY + u * 0.08;
  g.fillStyle(k(ROOM.frameShade), 1).fillRect(x - u * 0.12, base - u * 0.5, u * 0.24, u * 0.5);
  g.fillStyle(k(ROOM.cooler), 0.9).fillRoundedRect(x - u * 0.1, base - u * 0.8, u * 0.2, u * 0.3, u * 0.05);
  g.fillStyle(k(ROOM.ink), 0.4).fillRect(x - u * 0.06, base - u * 0.38, u * 0.04, u * 0.04);
  const px = Math.min(L.roam.x + L.roam.w * 0.02 + u * 0.45, L.desks[0] ? L.desks[0].x - L.slotW * 0.5 : x + u);
  g.fillStyle(k(ROOM.pot), 1).fillRect(px - u * 0.1, base - u * 0.2, u * 0.2, u * 0.2);
  g.fillStyle(k(ROOM.plant), 1);
  g.fillEllipse(px, base - u * 0.34, u * 0.2, u * 0.34);
  g.fillEllipse(px - u * 0.1, base - u * 0.28, u * 0.16, u * 0.24);
  g.fillEllipse(px + u * 0.1, base - u * 0.28, u * 0.16, u * 0.24);
}

/** A desk stands behind where its member normally stands, with a monitor whose screen is drawn live. */
function deskGeometry(
  L: Layout,
  d: Spot,
): { x: number; top: number; w: number; screenY: number; screenW: number; screenH: number } {
  const u = L.charH;
  const w = Math.min(L.slotW * 0.86, u * 1.05);
  const top = d.y - u * 0.5;
  const screenW = w * 0.42;
  const screenH = u * 0.26;
  return { x: d.x, top, w, screenY: top - screenH - u * 0.06, screenW, screenH };
}

function drawDesk(g: Phaser.GameObjects.Graphics, L: Layout, d: Spot, k: Shade): void {
  const u = L.charH;
  const dk = deskGeometry(L, d);
  const left = dk.x - dk.w / 2;
  const leg = Math.max(2, u * 0.05);
  g.fillStyle(k(ROOM.deskLeg), 1);
  g.fillRect(left + leg, dk.top, leg, u * 0.42);
  g.fillRect(left + dk.w - leg * 2, dk.top, leg, u * 0.42);
  g.fillStyle(k(ROOM.desk), 1).fillRect(left, dk.top + u * 0.04, dk.w, u * 0.1);
  g.fillStyle(k(ROOM.deskTop), 1).fillRect(left - u * 0.02, dk.top, dk.w + u * 0.04, u * 0.05);
  // Monitor on a stand, offset so the member's head does not hide it.
  const mx = dk.x + dk.w * 0.22;
  g.fillStyle(k(ROOM.monitor), 1);
  g.fillRect(mx - u * 0.02, dk.screenY + dk.screenH, u * 0.04, u * 0.07);
  g.fillRect(mx - dk.screenW * 0.25, dk.top - u * 0.015, dk.screenW * 0.5, u * 0.02);
  g.fillRoundedRect(
    mx - dk.screenW / 2 - u * 0.02,
    dk.screenY - u * 0.02,
    dk.screenW + u * 0.04,
    dk.screenH + u * 0.04,
    u * 0.02,
  );
  // A mug and a stack of paper.
  g.fillStyle(k(ROOM.frame), 1).fillRect(left + dk.w * 0.08, dk.top - u * 0.035, dk.w * 0.2, u * 0.035);
  g.fillStyle(k(0xd65a4a), 1).fillRect(left + dk.w * 0.34, dk.top - u * 0.07, u * 0.06, u * 0.07);
}

/** Where the monitor screen of a desk sits, for the live screen colours. */
export function screenRect(L: Layout, d: Spot): { x: number; y: number; w: number; h: number } {
  const k = deskGeometry(L, d);
  const mx = k.x + k.w * 0.22;
  return { x: mx - k.screenW / 2, y: k.screenY, w: k.screenW, h: k.screenH };
}
