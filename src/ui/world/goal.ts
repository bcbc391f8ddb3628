import type Phaser from 'phaser';
import { drawCulture } from './goal-culture';
import { drawHouse } from './goal-house';
import { drawPipeline } from './goal-pipeline';
import { drawProduct } from './goal-product';
import type { Shade } from './grade';
import type { Layout } from './layout';
import { approach, clamp } from './smooth';
import type { WorldView } from './view';

type GoalKind = WorldView['goal'];

type Draw = (g: Phaser.GameObjects.Graphics, box: Layout['goal'], p: number, s: number, k: Shade) => void;

const DRAW: Record<GoalKind, Draw> = {
  house: drawHouse,
  product: drawProduct,
  pipeline: drawPipeline,
  culture: drawCulture,
};

/** The scenario's goal, growing with progress. Redrawn only when what it shows has changed. */
export class Goal {
  private kind: GoalKind = 'house';
  private target = 0;
  private shown = 0;
  private drawn = -1;
  private percent = -1;
  private dirty = true;
  private light = -1;

  constructor(
    private readonly g: Phaser.GameObjects.Graphics,
    private readonly label: Phaser.GameObjects.Text,
  ) {}

  set(kind: GoalKind, progress: number, instant: boolean): void {
    if (kind !== this.kind) {
      this.kind = kind;
      this.dirty = true;
      instant = true;
    }
    this.target = clamp(progress, 0, 100) / 100;
    if (instant) this.shown = this.target;
  }

  relayout(L: Layout): void {
    this.label.setFontSize(L.smallFont + 2);
    const at = L.goalLabel;
    this.label.setOrigin(at.originX, at.originY).setPosition(at.x, at.y);
    this.dirty = true;
  }

  /** `light` is the grade's version: a change of light redraws in the new colours. */
  update(L: Layout, dt: number, reduced: boolean, k: Shade, light: number): void {
    this.shown = approach(this.shown, this.target, dt, reduced ? 0 : 0.6);
    if (!this.dirty && light === this.light && Math.abs(this.shown - this.drawn) < 0.002) return;
    this.dirty = false;
    this.light = light;
    this.drawn = this.shown;
    this.g.clear();
    DRAW[this.kind](this.g, L.goal, this.shown, L.s, k);
    const percent = Math.round(this.shown * 100);
    if (percent !== this.percent) {
      this.percent = percent;
      this.label.setText(`${percent}%`);
    }
  }
}
