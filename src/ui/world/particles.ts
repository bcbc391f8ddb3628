import type Phaser from 'phaser';
import type { Shade } from './grade';
import type { Layout } from './layout';
import { at, seededRandoms } from './smooth';
import { fillChevron, fillSparkle, fillTurnedRect } from './shapes';

const PAPERS = 14;
const DUST = 40;
const SPARKLES = 14;
const CHEVRONS = 5;
/** Random numbers per particle. */
const R = 6;

export interface ParticleFrame {
  t: number;
  momentum: number;
  chaos: number;
  stagnation: number;
  reduced: boolean;
}

/**
 * Flying papers (chaos), dust motes (stagnation), sparkles and arrows toward the goal (momentum).
 * Every particle follows a closed-form path of time, so there is no per-particle state, nothing is
 * allocated per frame, and freezing time gives the still version for reduced motion.
 */
export class Particles {
  private readonly rnd = seededRandoms((PAPERS + DUST + SPARKLES) * R, 20240607);

  private k: Shade = (c) => c;

  constructor(private readonly g: Phaser.GameObjects.Graphics) {}

  draw(L: Layout, f: ParticleFrame, k: Shade): void {
    const g = this.g;
    this.k = k;
    g.clear();
    if (f.chaos > 0.02) this.papers(L, f);
    if (f.stagnation > 0.02) this.dust(L, f);
    if (f.momentum > 0.02) {
      this.arrows(L, f);
      this.sparkles(L, f);
    }
  }

  private papers(L: Layout, f: ParticleFrame): void {
    const g = this.g;
    const k = this.k;
    const u = L.charH;
    const pw = u * 0.2;
    const ph = u * 0.26;
    for (let i = 0; i < PAPERS; i++) {
      const o = i * R;
      const r0 = at(this.rnd, o);
      const r1 = at(this.rnd, o + 1);
      const r2 = at(this.rnd, o + 2);
      const r3 = at(this.rnd, o + 3);
      let x: number;
      let y: number;
      let angle: number;
      let flat = 1;
      if (f.reduced) {
        // Still: sheets lying scattered on the floor.
        x = L.roam.x + r0 * L.roam.w;
        y = L.roam.y + L.roam.h * (0.05 + r1 * 0.95);
        angle = r3 * Math.PI;
        flat = 0.45;
      } else {
        const dir = i % 2 === 0 ? 1 : -1;
        const span = L.w * 1.2;
        const travel = (r0 + f.t * (0.09 + r2 * 0.12)) % 1;
        x = dir > 0 ? -L.w * 0.1 + travel * span : L.w * 1.1 - travel * span;
        y = L.h * (0.15 + r1 * 0.7) + Math.sin(f.t * (1.5 + r2 * 2) + r3 * 6.3) * L.h * 0.08;
        angle = f.t * (2.5 + r3 * 4) * dir + r1 * 6.3;
        flat = 0.55 + 0.45 * Math.abs(Math.sin(f.t * (3 + r2 * 3) + r0 * 9));
      }
      g.fillStyle(k(0xfdfdf8), f.chaos);
      fillTurnedRect(g, x, y, pw, ph * flat, angle);
      g.fillStyle(k(0x9aa3b0), f.chaos * 0.9);
      fillTurnedRect(g, x, y, pw * 0.65, Math.max(1, ph * flat * 0.08), angle);
    }
  }

  private dust(L: Layout, f: ParticleFrame): void {
    const g = this.g;
    const k = this.k;
    const base = PAPERS * R;
    const size = Math.max(1.5, 2.6 * L.s);
    for (let i = 0; i < DUST; i++) {
      const o = base + i * R;
      const r0 = at(this.rnd, o);
      const r1 = at(this.rnd, o + 1);
      const r2 = at(this.rnd, o + 2);
      const r3 = at(this.rnd, o + 3);
      // Slow fall with a lazy sideways sway.
      const y = ((r1 + f.t * (0.008 + r2 * 0.01)) % 1) * L.h;
      const x = r0 * L.w + Math.sin(f.t * 0.3 + r3 * 6.3) * 14 * L.s;
      g.fillStyle(k(0xeee6d0), f.stagnation * (0.45 + r2 * 0.45));
      g.fillRect(x, y, size * (0.6 + r3), size * (0.6 + r3));
    }
  }

  private sparkles(L: Layout, f: ParticleFrame): void {
    const g = this.g;
    const k = this.k;
    const base = (PAPERS + DUST) * R;
    const box = L.goal;
    const r = Math.max(4, 9 * L.s);
    g.fillStyle(k(0xfff2a8), f.momentum);
    for (let i = 0; i < SPARKLES; i++) {
      const o = base + i * R;
      const r0 = at(this.rnd, o);
      const r1 = at(this.rnd, o + 1);
      const r2 = at(this.rnd, o + 2);
      const tw = f.reduced ? 0.75 : Math.max(0, Math.sin(f.t * (2 + r2 * 2) + r0 * 20));
      if (tw < 0.05) continue;
      const rise = f.reduced ? 0 : ((f.t * 0.15 + r2) % 1) * box.h * 0.15;
      fillSparkle(g, box.x + r0 * box.w, box.y + box.h * (0.1 + r1 * 0.8) - rise, r * tw * (0.6 + r2 * 0.6));
    }
  }

  /** Chevrons flowing along the floor from the team to the goal. */
  private arrows(L: Layout, f: ParticleFrame): void {
    const g = this.g;
    const k = this.k;
    const ax = L.roam.x + L.roam.w * 0.55;
    const ay = L.roam.y + L.roam.h * 0.5;
    const bx = L.goal.x + L.goal.w * 0.25;
    const by = L.goal.y + L.goal.h * 0.92;
    const ang = Math.atan2(by - ay, bx - ax);
    const size = Math.max(12, L.charH * 0.3);
    for (let i = 0; i < CHEVRONS; i++) {
      const p = f.reduced ? (i + 0.5) / CHEVRONS : (i / CHEVRONS + f.t * 0.25) % 1;
      const fade = Math.sin(p * Math.PI);
      g.fillStyle(k(0xffb21f), f.momentum * fade);
      g.save();
      g.translateCanvas(ax + (bx - ax) * p, ay + (by - ay) * p);
      g.rotateCanvas(ang);
      fillChevron(g, 0, 0, size);
      g.restore();
    }
  }
}
