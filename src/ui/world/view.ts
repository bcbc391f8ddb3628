import type { MemberStatus, Regime } from '../../engine';

/** One person on the team as the world draws them. */
export interface WorldMember {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly status: MemberStatus;
  /** 0–100. */
  readonly morale: number;
}

/**
 * Everything the Phaser world shows, derived from the game state by the app. The world only
 * draws this; it never reads or decides game rules.
 */
export interface WorldView {
  readonly regime: Regime;
  readonly members: readonly WorldMember[];
  /** 0–100: how far the scenario's goal has come. */
  readonly progress: number;
  /** What grows with progress. */
  readonly goal: 'house' | 'product' | 'pipeline' | 'culture';
  readonly meters: { readonly morale: number; readonly execution: number; readonly innovation: number };
  readonly turn: number;
  readonly turns: number;
}

export interface WorldOptions {
  /** Calm every animation: no shaking, no flying particles, no pulsing; still show the regime. */
  readonly reducedMotion: boolean;
}

/** The handle the app keeps on the world. */
export interface World {
  /** Redraws for a new view; changes animate unless motion is reduced. */
  show(view: WorldView): void;
  setReducedMotion(reduced: boolean): void;
  /** 'webgl' or 'canvas': tests assert WebGL. */
  renderer(): string;
  /** Whether the loop is drawing frames now (false while it rests). */
  animating(): boolean;
  /** Frames rendered so far, for measuring the frame rate. */
  frames(): number;
  destroy(): void;
}
