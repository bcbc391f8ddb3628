import type Phaser from 'phaser';
import { DEPTH } from './depths';
import type { Layout } from './layout';
import { happeningFill, happeningGlow, happeningText } from './happening-words';
import { FONT } from './palette';
import { clamp } from './smooth';
import type { WorldHappening } from './view';

/** Seconds between one banner and the next, so several read as a sequence. */
const STAGGER = 0.6;
/** Seconds a banner takes to slide in, stays, and fades, when motion is allowed. */
const ENTER = 0.35;
const HOLD = 6;
const FADE = 0.8;
/** Seconds the room's edge glows after a setback, a shift or good news. */
const GLOW = 1.1;

/** A happening's banner background, slightly see-through. */
function background(x: WorldHappening): string {
  const c = happeningFill(x);
  return `rgba(${(c >> 16) & 255},${(c >> 8) & 255},${c & 255},0.94)`;
}

/**
 * The last turn's happenings as the room shows them: a banner for each (an event, someone
 * leaving, a shift, its answer), a ring over the person it touched, the room's edge glowing
 * in its colour and, for a setback, a short shake. With reduced motion the banners and rings
 * simply stand until the next turn; nothing slides, glows or shakes.
 */
export class Happenings {
  private readonly banners: Phaser.GameObjects.Text[] = [];
  private items: readonly WorldHappening[] = [];
  private moment = -1;
  /** Seconds since the happenings arrived; Infinity when there are none to show. */
  private age = Infinity;
  private font = 14;
  private wrap = 300;
  /** The turn counter's box, which banners keep clear of. */
  private clear: { readonly left: number; readonly bottom: number } = { left: Infinity, bottom: -Infinity };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly g: Phaser.GameObjects.Graphics,
    private readonly resolution: number,
  ) {}

  /** Takes a view's happenings; they play once per `moment`. */
  set(items: readonly WorldHappening[], moment: number, instant: boolean, reduced: boolean): void {
    if (moment === this.moment) return;
    this.moment = moment;
    this.items = items;
    // The first view of a page (a resumed game, a replay opened mid-way) shows them still.
    this.age = items.length === 0 ? Infinity : instant && !reduced ? ENTER + STAGGER * items.length : 0;
    for (let i = 0; i < Math.max(items.length, this.banners.length); i++) {
      const item = items[i];
      const banner = this.banners[i] ?? this.addBanner();
      if (!item) {
        banner.setVisible(false);
        continue;
      }
      banner.setText(happeningText(item)).setBackgroundColor(background(item));
    }
    if (!reduced && !instant) this.jolt();
  }

  relayout(L: Layout, clear: { readonly left: number; readonly bottom: number }): void {
    this.clear = clear;
    this.font = L.hud.font;
    this.wrap = this.width(L);
    for (const b of this.banners) b.setFontSize(this.font).setWordWrapWidth(this.wrap, true);
  }

  /** The banners on screen now, in order: a test hook. */
  shown(): string[] {
    return this.banners.filter((b) => b.visible && b.alpha > 0.01).map((b) => b.text);
  }

  update(L: Layout, dt: number, reduced: boolean, headOf: (id: string) => { x: number; y: number } | null): void {
    const g = this.g;
    g.clear();
    if (this.items.length === 0 || this.age === Infinity) {
      for (const b of this.banners) b.setVisible(false);
      return;
    }
    if (!reduced) this.age += dt;
    const still = reduced;
    const x = this.left(L);
    let y = this.top(L);
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items[i]!;
      const banner = this.banners[i]!;
      const a = still ? 1 : this.alpha(this.age - i * STAGGER);
      const slide = still ? 0 : (1 - clamp((this.age - i * STAGGER) / ENTER, 0, 1)) * -L.pad;
      banner
        .setVisible(a > 0.01)
        .setAlpha(a)
        .setPosition(x + (this.width(L) - banner.width) / 2, y + slide);
      y += banner.height + L.pad * 0.5;
      if (a > 0.01 && item.member) this.ring(L, headOf(item.member), item, a, still);
    }
    if (!still && this.age < GLOW) {
      const first = this.items.find((h) => h.kind !== 'more');
      if (first) {
        const glow = 1 - this.age / GLOW;
        const w = L.pad * 1.2;
        g.lineStyle(w, happeningGlow(first), 0.55 * glow).strokeRect(w / 2, w / 2, L.w - w, L.h - w);
      }
    }
  }

  /** A ring and a pointer over the member a happening touched. */
  private ring(
    L: Layout,
    at: { x: number; y: number } | null,
    item: WorldHappening,
    alpha: number,
    still: boolean,
  ): void {
    if (!at) return;
    const pulse = still ? 1 : 1 + 0.12 * Math.sin(this.age * 6);
    const r = L.charH * 0.22 * pulse;
    const color = happeningGlow(item);
    this.g.lineStyle(Math.max(2, L.s * 3), color, alpha).strokeCircle(at.x, at.y - r, r);
    this.g
      .fillStyle(color, alpha)
      .fillTriangle(at.x - r * 0.45, at.y + r * 0.15, at.x + r * 0.45, at.y + r * 0.15, at.x, at.y + r * 0.75);
  }

  private alpha(t: number): number {
    if (t < 0) return 0;
    if (t < ENTER) return t / ENTER;
    if (t < ENTER + HOLD) return 1;
    return clamp(1 - (t - ENTER - HOLD) / FADE, 0, 1);
  }

  /** A setback shakes the room a little. */
  private jolt(): void {
    if (this.items.some((h) => h.hurts && (h.kind === 'event' || h.kind === 'left')))
      this.scene.cameras.main.shake(280, 0.004);
  }

  /** Banners sit in the room's top band between the meters and the regime badge (below the meters when narrow). */
  private left(L: Layout): number {
    return L.tall ? L.pad : L.hud.x + L.hud.w + L.pad;
  }

  // Banners stand below the HUD on a tall picture, across its width; on a wide one beside the
  // HUD, left of the emblem and of the turn counter under it, so they never cover either.
  private top(L: Layout): number {
    return L.tall ? Math.max(L.hud.y + L.hud.h, this.clear.bottom) + L.pad : L.pad;
  }

  private width(L: Layout): number {
    const right = L.tall ? L.w - L.pad : Math.min(L.emblem.x - L.emblem.r, this.clear.left) - L.pad;
    return Math.max(80, right - this.left(L));
  }

  private addBanner(): Phaser.GameObjects.Text {
    const b = this.scene.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: `${this.font}px`,
        fontStyle: 'bold',
        color: '#ffffff',
        padding: { x: 8, y: 4 },
        resolution: this.resolution,
        align: 'center',
      })
      .setWordWrapWidth(this.wrap, true)
      .setDepth(DEPTH.hudText)
      .setVisible(false);
    this.banners.push(b);
    return b;
  }
}
