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

/** Something that happened in the last turn, which the world marks as it lands. */
export interface WorldHappening {
  /** A scenario event, someone leaving, a shift in the situation, its answer, or "and N more". */
  readonly kind: 'event' | 'left' | 'shift' | 'answered' | 'more';
  /** The banner's words, e.g. "The timber arrives late". */
  readonly text: string;
  /** A setback shakes the room; good news brightens it. */
  readonly hurts: boolean;
  /** The member it concerns, whose place is marked; null for the whole team. */
  readonly member: string | null;
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
  /** The last turn's happenings, shown once when `moment` changes. */
  readonly happenings: readonly WorldHappening[];
  /** The turn the happenings belong to (0 before any). */
  readonly moment: number;
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
  /** Scales every label: 1 normally, more for a room reading a projector. */
  setTextScale(scale: number): void;
  /** 'webgl' or 'canvas': tests assert WebGL. */
  renderer(): string;
  /** Whether a change of regime has finished its cross-fade. */
  settled(): boolean;
  /** Whether the loop is drawing frames now (false while it rests). */
  animating(): boolean;
  /** Frames rendered so far, for measuring the frame rate. */
  frames(): number;
  /** The happening banners on screen now, for tests. */
  banners(): string[];
  /** The meters' label size in CSS pixels, for tests. */
  labelPx(): number;
  /** The team's name labels as drawn now (world pixels), for tests. */
  nameBoxes(): NameBox[];
  destroy(): void;
}

/** Where one name label is drawn in the world, in its pixels. */
export interface NameBox {
  readonly name: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}
