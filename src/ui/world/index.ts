import Phaser from 'phaser';
import { isSoftwareWebGL } from './gpu';
import { ROOM } from './palette';
import type { World, WorldOptions, WorldView } from './view';
import { WorldScene } from './world-scene';

export type { World, WorldMember, WorldOptions, WorldView } from './view';

/** Backing pixels per CSS pixel, capped: sharper than 2× costs fill rate and is rarely visible. */
const MAX_DPR = 2;
/** Used while the parent has no size yet (e.g. hidden), in CSS pixels. */
const FALLBACK = { w: 960, h: 540 };

/**
 * Creates the Phaser world inside `parent` and resolves once its scene is ready. The canvas
 * always fills the parent: the game size follows the parent's size times the device pixel
 * ratio, and the scene lays itself out again for every new size.
 */
export async function createWorld(parent: HTMLElement, options: WorldOptions): Promise<World> {
  const dpr = Math.min(MAX_DPR, Math.max(1, window.devicePixelRatio || 1));
  const sizeOf = (): { w: number; h: number } => {
    const r = parent.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return { w: FALLBACK.w * dpr, h: FALLBACK.h * dpr };
    return { w: Math.round(r.width * dpr), h: Math.round(r.height * dpr) };
  };

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const scene = new WorldScene({ reducedMotion: options.reducedMotion, dpr, onReady: () => resolveReady() });
  const start = sizeOf();
  const game = new Phaser.Game({
    // WebGL only: the canvas renderer cannot draw the regime filters, and tests assert WebGL.
    type: Phaser.WEBGL,
    parent,
    backgroundColor: ROOM.background,
    banner: false,
    input: false,
    audio: { noAudio: true },
    render: { antialias: true, antialiasGL: !isSoftwareWebGL(), pathDetailThreshold: 1 },
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: start.w,
      height: start.h,
      expandParent: false,
    },
    scene,
  });

  // Keep the game size in step with the parent so FIT never letterboxes and text stays sharp.
  const observer = new ResizeObserver(() => {
    const { w, h } = sizeOf();
    if (w === game.scale.gameSize.width && h === game.scale.gameSize.height) return;
    game.scale.getParentBounds();
    game.scale.setGameSize(w, h);
  });
  observer.observe(parent);

  let destroyed = false;
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    observer.disconnect();
    game.destroy(true);
  };

  await ready;
  if (game.renderer.type !== Phaser.WEBGL) {
    destroy();
    throw new Error('The world needs WebGL, and this browser did not provide it.');
  }

  return {
    show(view: WorldView): void {
      if (!destroyed) scene.show(view);
    },
    setReducedMotion(reduced: boolean): void {
      if (!destroyed) scene.setReducedMotion(reduced);
    },
    renderer(): string {
      return game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
    },
    frames(): number {
      return game.loop.frame;
    },
    destroy,
  };
}
