import type Phaser from 'phaser';
import type { Layout } from './layout';
import { mix } from './palette';
import { screenRect } from './room';
import type { Shade } from './grade';

/** What the room cues need each frame. */
export interface CueFrame {
  t: number;
  /** Hours the wall clock has advanced (its speed follows the regime). */
  clock: number;
  momentum: number;
  chaos: number;
  stagnation: number;
  drift: number;
  reduced: boolean;
  /** Whether a desk is being worked at (its member is engaged), which lights its screen. */
  staffed: (desk: number) => boolean;
}

const SCREEN_ON = 0x6fd6a0;
const SCREEN_ALARM = 0xff5a36;
const SCREEN_IDLE = 0x8ea4b8;
const SCREEN_OFF = 0x1e232b;

/**
 * Regime cues fixed to the room, redrawn every frame: monitor screens, sunbeams (momentum), a
 * beacon and a striped barrier before the goal (chaos), blinds and cobwebs (stagnation), and the
 * wall clock's hands. Two Graphics: one behind the team, one in front of the goal.
 */
export class RoomCues {
  private screens: { x: number; y: number; w: number; h: number }[] = [];
  private k: Shade = (c) => c;

  constructor(
    private readonly g: Phaser.GameObjects.Graphics,
    /** Drawn in front of the goal. */
    private readonly front: Phaser.GameObjects.Graphics,
  ) {}

  relayout(L: Layout): void {
    this.screens = L.desks.map((d) => screenRect(L, d));
  }

  draw(L: Layout, f: CueFrame, k: Shade): void {
    const g = this.g;
    this.k = k;
    g.clear();
    this.drawBeams(L, f);
    this.drawScreens(f);
    this.drawBlinds(L, f);
    this.drawCobwebs(L, f);
    this.drawClockHands(L, f);
    this.drawBeacon(L, f);
    this.front.clear();
    this.drawBarrier(L, f);
  }

  /** Warm light falling through the window onto the floor. */
  private drawBeams(L: Layout, f: CueFrame): void {
    const a = f.momentum;
    const win = L.window;
    if (a < 0.01 || win.w < 20) return;
    const g = this.g;
    const k = this.k;
    const bottom = win.y + win.h;
    const reach = L.floorY + (L.h - L.floorY) * 0.75;
    const shift = (reach - bottom) * 0.45;
    const pulse = f.reduced ? 1 : 0.85 + 0.15 * Math.sin(f.t * 1.3);
    g.fillStyle(k(0xfff1c4), 0.22 * a * pulse).fillRect(win.x, win.y, win.w, win.h);
    g.fillStyle(k(0xffe29a), 0.16 * a * pulse);
    g.fillTriangle(win.x, bottom, win.x + win.w, bottom, win.x + win.w + shift, reach);
    g.fillTriangle(win.x, bottom, win.x + win.w + shift, reach, win.x + shift, reach);
  }

  private drawScreens(f: CueFrame): void {
    const g = this.g;
    const k = this.k;
    const alarm = f.reduced ? 1 : 0.6 + 0.4 * (Math.sin(f.t * 9) > 0 ? 1 : 0);
    for (let i = 0; i < this.screens.length; i++) {
      const r = this.screens[i];
      if (!r) continue;
      let c = SCREEN_OFF;
      if (f.staffed(i)) {
        c = mix(SCREEN_IDLE, SCREEN_ON, f.momentum);
        c = mix(c, mix(SCREEN_ALARM, 0xffc02e, (i % 2) * (1 - alarm)), f.chaos);
        c = mix(c, 0x3a4350, f.stagnation);
      }
      g.fillStyle(k(c), 1).fillRect(r.x, r.y, r.w, r.h);
      if (f.staffed(i) && f.momentum > 0.05) {
        // A rising bar chart on every busy screen.
        g.fillStyle(k(0x1f7a4a), f.momentum);
        const bw = r.w / 7;
        for (let b = 0; b < 3; b++) {
          const bh = r.h * (0.3 + b * 0.22);
          g.fillRect(r.x + bw * (1 + b * 2), r.y + r.h - bh - r.h * 0.08, bw, bh);
        }
      }
    }
  }

  private drawBlinds(L: Layout, f: CueFrame): void {
    const down = f.stagnation * 0.78 + f.drift * 0.3;
    const win = L.window;
    if (down < 0.01 || win.w < 20) return;
    const g = this.g;
    const k = this.k;
    const h = win.h * down;
    g.fillStyle(k(0xcfc6b4), 0.97).fillRect(win.x - 2, win.y - 2, win.w + 4, h);
    g.lineStyle(Math.max(1, L.s * 1.5), k(0xa89f8c), 1);
    const slat = Math.max(5, 9 * L.s);
    for (let y = win.y + slat; y < win.y + h; y += slat) g.lineBetween(win.x - 2, y, win.x + win.w + 2, y);
    g.fillStyle(k(0x8d8473), 1).fillRect(win.x - 3, win.y + h - 3, win.w + 6, Math.max(3, 4 * L.s));
  }

  private drawCobwebs(L: Layout, f: CueFrame): void {
    const a = f.stagnation;
    if (a < 0.02) return;
    const g = this.g;
    const k = this.k;
    g.lineStyle(Math.max(1, L.s), k(0xffffff), 0.75 * a);
    const r = Math.max(18, 46 * L.s);
    this.cobweb(L.window.x + L.window.w + 2, L.window.y - 2, r, -1);
    this.cobweb(L.w - 1, L.floorY * 0.45, r * 0.9, -1);
    this.cobweb(L.window.x - 2, L.floorY - 4, r * 0.7, 1, -1);
    g.fillStyle(k(0x3b3f46), a).fillCircle(
      L.window.x + L.window.w - r * 0.55,
      L.window.y + r * 0.55,
      Math.max(2, 3 * L.s),
    );
  }

  /** A corner web: spokes from (x, y) into the room with sagging threads across them. */
  private cobweb(x: number, y: number, r: number, sx: number, sy = 1): void {
    const g = this.g;
    for (let i = 0; i <= 4; i++) {
      const a = (i / 4) * Math.PI * 0.5;
      g.lineBetween(x, y, x + Math.cos(a) * r * sx, y + Math.sin(a) * r * sy);
    }
    for (let ring = 1; ring <= 3; ring++) {
      const rr = (r * ring) / 3.3;
      for (let i = 0; i < 4; i++) {
        const a0 = (i / 4) * Math.PI * 0.5;
        const a1 = ((i + 1) / 4) * Math.PI * 0.5;
        g.lineBetween(
          x + Math.cos(a0) * rr * sx,
          y + Math.sin(a0) * rr * sy,
          x + Math.cos(a1) * rr * sx * 0.92,
          y + Math.sin(a1) * rr * sy * 0.92,
        );
      }
    }
  }

  private drawClockHands(L: Layout, f: CueFrame): void {
    const { x, y, r } = L.clock;
    if (r <= 0) return;
    const g = this.g;
    const k = this.k;
    const hour = (f.clock / 12) * Math.PI * 2 - Math.PI / 2;
    const minute = f.clock * Math.PI * 2 - Math.PI / 2;
    g.lineStyle(Math.max(2, r * 0.12), k(0x202633), 1);
    g.lineBetween(x, y, x + Math.cos(hour) * r * 0.5, y + Math.sin(hour) * r * 0.5);
    g.lineStyle(Math.max(1.5, r * 0.08), k(0x202633), 1);
    g.lineBetween(x, y, x + Math.cos(minute) * r * 0.75, y + Math.sin(minute) * r * 0.75);
    g.fillStyle(k(0xd23c2c), 1).fillCircle(x, y, Math.max(1.5, r * 0.08));
  }

  /** A striped road barrier in front of the goal, its lamp blinking: progress is blocked. */
  private drawBarrier(L: Layout, f: CueFrame): void {
    const a = f.chaos;
    if (a < 0.02) return;
    const g = this.front;
    const k = this.k;
    const { x, y, w, h } = L.barrier;
    const post = Math.max(3, h * 0.12);
    const boardH = h * 0.42;
    const boardY = y + h * 0.12;
    // A-frame legs at both ends.
    g.lineStyle(post, k(0x6b6f76), a);
    for (let end = 0; end < 2; end++) {
      const px = end === 0 ? x + post * 2 : x + w - post * 2;
      g.lineBetween(px, boardY, px - h * 0.22, y + h);
      g.lineBetween(px, boardY, px + h * 0.22, y + h);
    }
    g.fillStyle(k(0xffc21a), a).fillRect(x, boardY, w, boardH);
    g.fillStyle(k(0x1d1d1d), a);
    const step = boardH * 1.6;
    const slant = boardH * 0.8;
    for (let sx = x + step * 0.25; sx + step * 0.5 + slant <= x + w; sx += step) {
      g.fillTriangle(sx, boardY + boardH, sx + step * 0.5, boardY + boardH, sx + step * 0.5 + slant, boardY);
      g.fillTriangle(sx, boardY + boardH, sx + step * 0.5 + slant, boardY, sx + slant, boardY);
    }
    // The lamp blinks twice a second; it stays lit when motion is reduced.
    const on = f.reduced || Math.sin(f.t * Math.PI * 4) > 0;
    const lr = Math.max(3, h * 0.16);
    const lx = x + post * 2;
    const ly = boardY - lr * 0.8;
    if (on) g.fillStyle(0xffa31a, 0.35 * a).fillCircle(lx, ly, lr * 2.4);
    g.fillStyle(on ? 0xffb31a : k(0x8a5a10), a).fillCircle(lx, ly, lr);
  }

  private drawBeacon(L: Layout, f: CueFrame): void {
    const a = f.chaos;
    if (a < 0.02) return;
    const g = this.g;
    const k = this.k;
    const { x, y, r } = L.beacon;
    if (!f.reduced) {
      // A sweeping beam of light.
      const ang = f.t * 6;
      const len = r * 7.5;
      const spread = 0.32;
      g.fillStyle(k(0xff3b1f), 0.22 * a);
      for (let k = 0; k < 2; k++) {
        const c = ang + k * Math.PI;
        g.fillTriangle(
          x,
          y,
          x + Math.cos(c - spread) * len,
          y + Math.sin(c - spread) * len,
          x + Math.cos(c + spread) * len,
          y + Math.sin(c + spread) * len,
        );
      }
    } else {
      g.fillStyle(k(0xff3b1f), 0.25 * a).fillCircle(x, y, r * 2.2);
    }
    g.fillStyle(k(0x2a2a2a), a).fillRect(x - r * 1.2, y + r * 0.4, r * 2.4, r * 0.7);
    g.fillStyle(k(0xff2d1a), a);
    g.slice(x, y + r * 0.45, r, Math.PI, Math.PI * 2, false).fillPath();
    g.fillStyle(k(0xffd0c0), a).fillCircle(x - r * 0.3, y - r * 0.05, r * 0.22);
  }
}
