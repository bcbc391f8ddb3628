import Phaser from 'phaser';
import { isSoftwareWebGL } from './gpu';
import { ROOM } from './palette';
import type { NameBox, World, WorldOptions, WorldView } from './view';
import { WorldScene } from './world-scene';

export type { World, WorldHappening, WorldMember, WorldOptions, WorldView } from './view';

/** Backing pixels per CSS pixel, capped: sharper than 2× costs fill rate and is rarely visible. */
const MAX_DPR = 2;
/** Most backing pixels the canvas may have (2560×1440); a huge parent renders softer instead of slower. */
const MAX_PIXELS = 2560 * 1440;
/** Used while the parent has no size yet (e.g. hidden), in CSS pixels. */
const FALLBACK = { w: 960, h: 540 };
/**
 * After a change while the world rests (reduced motion, off-screen, hidden tab), how many frames
 * it draws before resting again: the change itself, and a few more for a resize to be laid out.
 * Counted in frames, not time, so a slow device still draws them all; each one in software
 * WebGL costs tens of milliseconds of a core.
 */
const SETTLE_FRAMES = 4;

/** The canvas size for the parent's current size, and its pixels per CSS pixel. */
function canvasSize(parent: HTMLElement, dpr: number): { w: number; h: number; ratio: number } {
  const r = parent.getBoundingClientRect();
  const css = r.width < 2 || r.height < 2 ? FALLBACK : { w: r.width, h: r.height };
  const ratio = Math.min(dpr, Math.sqrt(MAX_PIXELS / (css.w * css.h)));
  return { w: Math.round(css.w * ratio), h: Math.round(css.h * ratio), ratio };
}

/** Phaser's settings for the world: WebGL only, no input or audio, scaled to fit its parent. */
function gameConfig(
  parent: HTMLElement,
  start: { readonly w: number; readonly h: number },
  scene: WorldScene,
): Phaser.Types.Core.GameConfig {
  return {
    // WebGL or nothing: a silent fallback to the deprecated Canvas renderer would hide a broken setup.
    type: Phaser.WEBGL,
    parent,
    backgroundColor: ROOM.background,
    banner: false,
    input: false,
    audio: { noAudio: true },
    render: {
      antialias: true,
      antialiasGL: !isSoftwareWebGL(),
      // Drop curve points closer than 3 px: circles keep their shape with half the triangles.
      pathDetailThreshold: 3,
      // Low-latency canvas: spares the compositor a full-page redraw per frame (in software, ~30 → ~50 fps).
      desynchronized: true,
    },
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: start.w,
      height: start.h,
      expandParent: false,
    },
    scene,
  };
}

/**
 * Creates the Phaser world inside `parent` and resolves once its scene is ready. The canvas
 * always fills the parent: the game size follows the parent's size times the device pixel
 * ratio, and the scene lays itself out again for every new size.
 */
export async function createWorld(parent: HTMLElement, options: WorldOptions): Promise<World> {
  const dpr = Math.min(MAX_DPR, Math.max(1, window.devicePixelRatio || 1));
  const sizeOf = (): { w: number; h: number; ratio: number } => canvasSize(parent, dpr);

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const start = sizeOf();
  const scene = new WorldScene({
    reducedMotion: options.reducedMotion,
    dpr,
    ratio: start.ratio,
    onReady: () => resolveReady(),
  });
  const game = new Phaser.Game(gameConfig(parent, start, scene));

  // Keep the game size in step with the parent so FIT never letterboxes and text stays sharp.
  const observer = new ResizeObserver(() => {
    const { w, h, ratio } = sizeOf();
    if (w === game.scale.gameSize.width && h === game.scale.gameSize.height) return;
    scene.setRatio(ratio);
    game.scale.getParentBounds();
    game.scale.setGameSize(w, h);
    kick();
  });
  observer.observe(parent);

  // The loop runs only while someone can see it move: with reduced motion, off-screen or in a
  // hidden tab it sleeps, and a change (a new view, a resize) wakes it just long enough to draw.
  let reduced = options.reducedMotion;
  let onScreen = true;
  /** Frames left to draw before the loop rests; 0 while it animates freely. */
  let settling = 0;
  const animate = (): boolean => !reduced && onScreen && !document.hidden;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (settling === 0 || --settling > 0) return;
    if (!destroyed && !animate()) game.loop.sleep();
  });
  const rest = (): void => {
    settling = SETTLE_FRAMES;
  };
  function kick(): void {
    if (destroyed) return;
    game.loop.wake();
    if (!animate()) rest();
  }
  const update = (): void => {
    if (destroyed) return;
    if (animate()) {
      settling = 0;
      game.loop.wake();
    } else rest();
  };
  const seen = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1];
    if (!last) return;
    onScreen = last.isIntersecting;
    update();
  });
  seen.observe(parent);
  document.addEventListener('visibilitychange', update);

  let destroyed = false;
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    observer.disconnect();
    seen.disconnect();
    document.removeEventListener('visibilitychange', update);
    game.destroy(true);
  };

  await ready;
  if (game.renderer.type !== Phaser.WEBGL) {
    destroy();
    throw new Error('The world needs WebGL, and this browser did not provide it.');
  }
  update();

  return {
    show(view: WorldView): void {
      if (destroyed) return;
      scene.show(view);
      kick();
    },
    setReducedMotion(value: boolean): void {
      if (destroyed) return;
      reduced = value;
      scene.setReducedMotion(value);
      kick();
      update();
    },
    setTextScale(scale: number): void {
      if (destroyed) return;
      scene.setTextScale(scale);
      kick();
    },
    animating(): boolean {
      return game.loop.running;
    },
    settled(): boolean {
      return scene.settled();
    },
    renderer(): string {
      return game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
    },
    frames(): number {
      return game.loop.frame;
    },
    banners(): string[] {
      return scene.banners();
    },
    labelPx(): number {
      return scene.labelPx();
    },
    nameBoxes(): NameBox[] {
      return scene.nameBoxes();
    },
    destroy,
  };
}
