import type { Store } from '../platform/storage';
import type { WorkshopStore } from '../platform/workshops';
import type { ScenarioEntry } from '../replay/verify';
import type { Notices } from './notices';
import type { Services } from './services';
import type { Session } from './session';
import type { WorldHost } from './world-host';

export type Screen =
  | { readonly kind: 'title'; readonly notice?: string }
  | { readonly kind: 'picker'; readonly scenario?: string; readonly seed?: string }
  | { readonly kind: 'team'; readonly session: Session; readonly suggested?: string }
  | { readonly kind: 'briefing'; readonly session: Session }
  | { readonly kind: 'play'; readonly session: Session }
  | { readonly kind: 'end'; readonly session: Session }
  | { readonly kind: 'replay'; readonly code: string }
  | { readonly kind: 'compare'; readonly a?: string; readonly b?: string }
  | { readonly kind: 'workshop-setup' }
  | { readonly kind: 'workshop'; readonly room: string }
  /** The facilitator guide, opened from room `room`'s dashboard. */
  | { readonly kind: 'guide'; readonly room: string }
  /** The scenario lab; a shared scenario is read from the address's `#lab=` fragment. */
  | { readonly kind: 'lab' };

/** What every screen is given: the page's parts and the way to move to another screen. */
export interface AppContext {
  readonly root: HTMLElement;
  readonly store: Store;
  readonly entries: readonly ScenarioEntry[];
  /** Adds (or replaces, by id) a custom scenario from the lab, so it can be played and its runs verified. */
  addEntry?(entry: ScenarioEntry): void;
  /** The browser's clock, timers, address, clipboard, files and the rest, passed in so tests can stand in. */
  readonly services: Services;
  /** Workshop sessions, opened on first need (IndexedDB, or memory when the browser refuses it). */
  workshops(): Promise<WorkshopStore>;
  readonly world: WorldHost;
  readonly announce: (text: string) => void;
  /** Messages shown above every screen until dismissed (and announced). */
  readonly notices: Notices;
  go(screen: Screen): void;
  /** Runs `cleanup` when the current screen is left (listeners, timers). */
  onLeave(cleanup: () => void): void;
  /** The active screen's keyboard handler; returns true when it used the key. */
  onKey(handler: ((e: KeyboardEvent) => boolean) | null): void;
  /** Updates the address bar without reloading, so the current game or replay can be shared. */
  setQuery(params: Record<string, string> | null): void;
}
