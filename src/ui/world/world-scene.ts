import Phaser from 'phaser';
import { drawEmblem } from './emblem';
import { Gauges } from './gauges';
import { Goal } from './goal';
import { Grade } from './grade';
import { Happenings } from './happenings';
import { DEPTH } from './depths';
import { computeLayout, type Layout } from './layout';
import { FONT, ROOM } from './palette';
import { Particles } from './particles';
import { RegimeBlend } from './regime-blend';
import { drawRoom } from './room';
import { RoomCues, type CueFrame } from './room-cues';
import { Team, type TeamFrame } from './team';
import type { NameBox, WorldView } from './view';

export interface SceneOptions {
  reducedMotion: boolean;
  /** Device pixels per CSS pixel, for sharp text. */
  dpr: number;
  /** Canvas pixels per CSS pixel (dpr, or less on a huge parent); the camera zooms by it. */
  ratio: number;
  onReady: () => void;
}

/** Animation time at which poses are frozen when motion is reduced: a moment that reads well. */
const STILL_T = 4.3;
/** The beat at which poses are frozen. */
const STILL_BEAT = 0.5;
/** Never step the animation by more than this, so a stalled tab does not teleport everyone. */
const MAX_DT = 0.1;

/**
 * The whole world in one scene and one camera. Each layer is a single Graphics redrawn from
 * scratch when needed; labels are Text objects made once and reused. The regime's light is
 * applied to world colours as they are drawn (see Grade); the gauges, emblem and labels are
 * drawn ungraded on top so they stay legible in every regime.
 */
export class WorldScene extends Phaser.Scene {
  private reduced: boolean;
  private readonly dpr: number;
  private ratio: number;
  private readonly onReady: () => void;
  private pending: WorldView | null = null;
  /** The first view appears at once; later ones animate. */
  private shown = false;
  private ready = false;
  private layout: Layout | null = null;
  private laidOutFor = -1;
  private textScale = 1;

  private room!: Phaser.GameObjects.Graphics;
  private cues!: RoomCues;
  private team!: Team;
  private particles!: Particles;
  private goal!: Goal;
  private gauges!: Gauges;
  private emblemG!: Phaser.GameObjects.Graphics;
  private turnText!: Phaser.GameObjects.Text;
  private readonly blend = new RegimeBlend();
  private readonly light = new Grade();
  private roomLight = -1;
  private alarm!: Phaser.GameObjects.Graphics;
  private happenings!: Happenings;
  private readonly headOf = (id: string): { x: number; y: number } | null => this.team.headOf(id);

  private t = 0;
  private beat = 0;
  private clock = 2.2;
  private turnShown = '';
  private staffedDesks: boolean[] = [];
  private readonly cueFrame: CueFrame;
  private readonly teamFrame: TeamFrame;
  private readonly particleFrame = { t: 0, momentum: 0, chaos: 0, stagnation: 0, reduced: false };

  constructor(options: SceneOptions) {
    super({ key: 'world' });
    this.reduced = options.reducedMotion;
    this.dpr = options.dpr;
    this.ratio = options.ratio;
    this.onReady = options.onReady;
    const staffed = (desk: number): boolean => this.staffedDesks[desk] ?? false;
    this.cueFrame = { t: 0, clock: 0, momentum: 0, chaos: 0, stagnation: 0, drift: 0, reduced: false, staffed };
    this.teamFrame = { dt: 0, t: 0, beat: 0, mood: this.blend.mood, drift: 0, reduced: false, shade: this.light.shade };
  }

  create(): void {
    // Everything is drawn in CSS pixels; the camera scales them up to canvas pixels.
    this.cameras.main.setOrigin(0, 0);
    const layer = (depth: number): Phaser.GameObjects.Graphics => this.add.graphics().setDepth(depth);
    this.room = layer(DEPTH.room);
    this.cues = new RoomCues(layer(DEPTH.cues), layer(DEPTH.front));
    const goalG = layer(DEPTH.goal);
    this.team = new Team(this, layer(DEPTH.team), this.dpr);
    this.particles = new Particles(layer(DEPTH.particles));
    this.alarm = layer(DEPTH.alarm);
    this.happenings = new Happenings(this, layer(DEPTH.happenings), this.dpr);

    const panelStyle: Phaser.Types.GameObjects.Text.TextStyle = {
      fontFamily: FONT,
      color: '#ffffff',
      backgroundColor: 'rgba(18,23,34,0.78)',
      padding: { x: 6, y: 2 },
      resolution: this.dpr,
    };
    const goalLabel = this.add.text(0, 0, '', panelStyle).setOrigin(0.5, 0).setDepth(DEPTH.hudText);
    this.goal = new Goal(goalG, goalLabel);
    this.gauges = new Gauges(this, layer(DEPTH.hud), this.dpr);
    this.emblemG = layer(DEPTH.hud);
    this.turnText = this.add.text(0, 0, '', panelStyle).setOrigin(1, 0).setDepth(DEPTH.hudText).setVisible(false);

    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      this.scale.off(Phaser.Scale.Events.RESIZE, this.relayout, this),
    );

    this.ready = true;
    this.relayout();
    if (this.pending) this.apply(this.pending, true);
    this.onReady();
  }

  show(view: WorldView): void {
    if (!this.ready) {
      this.pending = view;
      return;
    }
    this.apply(view, this.reduced || !this.shown);
  }

  /** The meters' label size in CSS pixels, for tests. */
  labelPx(): number {
    return this.layout?.hud.font ?? 0;
  }

  /** The team's name labels as drawn now, for tests. */
  nameBoxes(): NameBox[] {
    return this.ready ? this.team.nameBoxes() : [];
  }

  /** The happening banners on screen now, for tests. */
  /** Whether a change of regime has finished its cross-fade (browser tests wait for it). */
  settled(): boolean {
    return this.blend.settled();
  }

  banners(): string[] {
    return this.ready ? this.happenings.shown() : [];
  }

  /** Scales every label (the presenter layout reads from the back of a room). */
  setTextScale(scale: number): void {
    if (scale === this.textScale) return;
    this.textScale = scale;
    this.relayout();
  }

  /** Call before resizing the game when the canvas pixels per CSS pixel change. */
  setRatio(ratio: number): void {
    this.ratio = ratio;
  }

  setReducedMotion(reduced: boolean): void {
    // Resume from the still pose, so turning motion back on does not make everyone jump.
    if (this.reduced && !reduced) {
      this.t = STILL_T;
      this.beat = STILL_BEAT;
    }
    this.reduced = reduced;
    if (reduced && this.ready) this.blend.snap();
  }

  private apply(view: WorldView, instant: boolean): void {
    this.pending = view;
    this.shown = true;
    this.blend.set(view.regime, instant);
    this.team.setMembers(view.members);
    this.staffedDesks.length = view.members.length;
    for (let i = 0; i < view.members.length; i++) this.staffedDesks[i] = view.members[i]?.status === 'engaged';
    if (view.members.length !== this.laidOutFor) this.relayout();
    this.goal.set(view.goal, view.progress, instant);
    this.gauges.set(view.meters, instant);
    this.happenings.set(view.happenings, view.moment, instant, this.reduced);
    const turn = view.turns > 0 ? `Turn ${Math.min(view.turn, view.turns)} / ${view.turns}` : '';
    if (turn !== this.turnShown) {
      this.turnShown = turn;
      this.turnText.setText(turn).setVisible(turn !== '');
      if (this.layout) this.happenings.relayout(this.layout, this.turnBox());
    }
  }

  /** Recomputes where everything goes; on resize and when the team size changes. */
  private relayout(): void {
    if (!this.ready) return;
    const width = this.scale.gameSize.width;
    const height = this.scale.gameSize.height;
    this.cameras.main.setSize(width, height).setZoom(this.ratio);
    const n = this.team.size;
    const L = computeLayout(width / this.ratio, height / this.ratio, n, this.textScale);
    this.layout = L;
    this.laidOutFor = n;
    this.roomLight = -1;
    this.cues.relayout(L);
    this.team.relayout(L);
    this.goal.relayout(L);
    this.gauges.relayout(L);
    this.turnText.setFontSize(L.smallFont).setPosition(L.w - L.pad, L.emblem.y + L.emblem.r + L.pad * 0.6);
    this.happenings.relayout(L, this.turnBox());
  }

  /** Where the turn counter sits: the banners keep clear of it. */
  private turnBox(): { readonly left: number; readonly bottom: number } {
    const t = this.turnText;
    return t.visible ? { left: t.x - t.width, bottom: t.y + t.height } : { left: Infinity, bottom: -Infinity };
  }

  /** The canvas is cleared to the wall colour every frame, so the wall needs no drawing. */
  private paintWall(color: number): void {
    const config = this.game.renderer.config as { backgroundColor?: Phaser.Display.Color };
    config.backgroundColor?.setTo((color >> 16) & 255, (color >> 8) & 255, color & 255, 255);
  }

  override update(_time: number, delta: number): void {
    const L = this.layout;
    if (!L) return;
    const dt = Math.min(delta / 1000, MAX_DT);
    const reduced = this.reduced;
    this.blend.update(dt);
    const mood = this.blend.mood;
    this.light.update(mood);
    const shade = this.light.shade;
    if (this.roomLight !== this.light.version) {
      this.roomLight = this.light.version;
      drawRoom(this.room, L, shade);
      this.paintWall(shade(ROOM.wall));
    }
    if (!reduced) {
      this.t += dt;
      this.beat += mood.bobRate * dt;
      this.clock += mood.clock * dt * 0.08;
    }
    const t = reduced ? STILL_T : this.t;
    const momentum = this.blend.weight('momentum');
    const chaos = this.blend.weight('chaos');
    const stagnation = this.blend.weight('stagnation');
    const drift = this.blend.weight('drift');

    const c = this.cueFrame;
    c.t = t;
    c.clock = this.clock;
    c.momentum = momentum;
    c.chaos = chaos;
    c.stagnation = stagnation;
    c.drift = drift;
    c.reduced = reduced;
    this.cues.draw(L, c, shade);

    this.goal.update(L, dt, reduced, shade, this.light.version);

    const f = this.teamFrame;
    f.dt = dt;
    f.t = t;
    f.beat = reduced ? STILL_BEAT : this.beat;
    f.drift = drift;
    f.reduced = reduced;
    this.team.update(f);

    const p = this.particleFrame;
    p.t = t;
    p.momentum = momentum;
    p.chaos = chaos;
    p.stagnation = stagnation;
    p.reduced = reduced;
    this.particles.draw(L, p, shade);

    this.light.drawAlarm(this.alarm, L, chaos, t, reduced);
    drawEmblem(this.emblemG, L, this.blend.weights, t, reduced);
    this.gauges.update(L, dt, reduced);
    this.happenings.update(L, dt, reduced, this.headOf);
  }
}
