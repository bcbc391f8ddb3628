import type Phaser from 'phaser';
import type { Layout } from './layout';
import type { Mood } from './regime-blend';

/** Maps a drawing colour to the colour it has under the regime's light. */
export type Shade = (color: number) => number;

/**
 * The light of the room. Instead of full-screen overlays or a colour-matrix filter (each an
 * extra pass over every pixel, which halves the frame rate under software WebGL), every world
 * colour goes through `shade`: mixed toward the regime's light, desaturated and darkened.
 * `version` changes with the light, so cached drawings (room, goal) know to redraw.
 */
export class Grade {
  version = 0;
  private r = 0;
  private g = 0;
  private b = 0;
  private a = 0;
  private desat = 0;
  private keep = 1;

  readonly shade: Shade = (c) => {
    let r = (c >> 16) & 255;
    let g = (c >> 8) & 255;
    let b = c & 255;
    const a = this.a;
    if (a > 0) {
      r += (this.r - r) * a;
      g += (this.g - g) * a;
      b += (this.b - b) * a;
    }
    const d = this.desat;
    if (d > 0) {
      const l = r * 0.3 + g * 0.59 + b * 0.11;
      r += (l - r) * d;
      g += (l - g) * d;
      b += (l - b) * d;
    }
    const k = this.keep;
    return (Math.round(r * k) << 16) | (Math.round(g * k) << 8) | Math.round(b * k);
  };

  /** Takes the blended mood; bumps `version` when the light visibly changed. */
  update(mood: Mood): void {
    const keep = 1 - mood.dim;
    if (
      Math.abs(mood.lightR - this.r) < 0.5 &&
      Math.abs(mood.lightG - this.g) < 0.5 &&
      Math.abs(mood.lightB - this.b) < 0.5 &&
      Math.abs(mood.lightA - this.a) < 0.002 &&
      Math.abs(mood.desat - this.desat) < 0.002 &&
      Math.abs(keep - this.keep) < 0.002
    )
      return;
    this.r = mood.lightR;
    this.g = mood.lightG;
    this.b = mood.lightB;
    this.a = mood.lightA;
    this.desat = mood.desat;
    this.keep = keep;
    this.version++;
  }

  /** A red alarm frame around the edges in chaos, pulsing unless motion is reduced. */
  drawAlarm(g: Phaser.GameObjects.Graphics, L: Layout, chaos: number, t: number, reduced: boolean): void {
    g.clear();
    if (chaos <= 0.02) return;
    const pulse = reduced ? 0.7 : 0.5 + 0.5 * Math.abs(Math.sin(t * 3.2));
    const d = Math.max(6, 12 * L.s);
    g.fillStyle(0xff2a0a, 0.45 * chaos * pulse);
    g.fillRect(0, 0, L.w, d);
    g.fillRect(0, L.h - d, L.w, d);
    g.fillRect(0, d, d, L.h - d * 2);
    g.fillRect(L.w - d, d, d, L.h - d * 2);
  }
}
