import {
  keptSubmissions,
  markHandIns,
  mergeConflict,
  mergeRecords,
  removalKey,
  sameHandIns,
} from '../../platform/session-merge';
import {
  MAX_HAND_IN_CHARS,
  MAX_SESSION_HAND_INS,
  type StoredSubmission,
  type WorkshopRecord,
  type WorkshopStore,
} from '../../platform/workshops';
import type { ScenarioEntry } from '../../replay/verify';
import { collectRoom, newRoomCache, verifyAhead, type Room, type Submission } from '../../workshop';
import type { Clock, Timers } from '../services';

/** What adding hand-ins did, for the status line to put in words. */
export type Added =
  | { readonly ok: false; readonly full: number }
  | {
      readonly ok: true;
      /** Team runs new to the room, or changed by this paste. */
      readonly added: number;
      /** Of this paste's hand-ins, those refused. */
      readonly refused: number;
      /** Left out: longer than any run's file. */
      readonly tooLong: number;
      /** Texts the facilitator had removed: pasted again, they stay removed. */
      readonly stillRemoved: readonly string[];
    };

/** What the keeper needs from the page: a clock, a pause between slices, and word of its work. */
export interface KeeperHooks {
  /** The room changed (a paste, a removal, another tab): draw it again. */
  changed(): void;
  /** How far verifying has come, or null when it is done. */
  progress(done: number | null, of: number): void;
  /** This tab stored the room: tell the room's other tabs. */
  stored(): void;
  /** Storing failed; the room is still held in the page. */
  storeFailed(message: string): void;
  /** Stamps removal marks (now) and times the verifying slices (elapsed). */
  readonly clock: Clock;
  /** Yield to the page between slices (timers.after 0), unless `pause` says otherwise. */
  readonly timers: Timers;
  /** Lets the page draw and answer between slices. */
  readonly pause?: () => Promise<void>;
}

/** The longest stretch, in milliseconds, verifying holds the page before letting it draw and answer. */
const SLICE_MS = 40;

/**
 * One room's session as the dashboard holds it: the stored record, what its hand-ins verified to,
 * and every change to it (a paste, a removal, another tab's hand-ins), each merged, never
 * replacing, and stored. It draws nothing: the dashboard reads `room` and `record` when told.
 */
export class RoomKeeper {
  /** The room as verified: read after `changed`. */
  room: Room = { teams: [], refused: [], notes: [] };
  /** True until the room's hand-ins have all been verified once on this page. */
  loading = true;
  // What was verified stays verified: a paste re-simulates only what is new.
  private readonly verified = newRoomCache();
  private readonly now: () => number;
  private readonly pause: () => Promise<void>;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly entries: readonly ScenarioEntry[],
    private readonly store: WorkshopStore,
    public record: WorkshopRecord,
    private readonly hooks: KeeperHooks,
  ) {
    this.now = () => hooks.clock.elapsed();
    this.pause = hooks.pause ?? (() => new Promise((next) => hooks.timers.after(0, next)));
  }

  /**
   * Verifies the hand-ins not verified yet a slice at a time, letting the page draw and answer
   * between slices, then collects the room. A room verified before takes no slice at all, so
   * this finishes at once, without waiting for the next task.
   */
  refresh(): Promise<void> {
    // One pass at a time: a paste during the first pass waits for it, so the room it compares
    // with is whole and its own codes are verified in slices too.
    this.queue = this.queue.catch(() => undefined).then(() => this.verifyAndCollect());
    return this.queue;
  }

  /** Resolves once every pass asked for so far is done: the room is whole (an export waits for it). */
  whole(): Promise<void> {
    return this.queue;
  }

  private async verifyAndCollect(): Promise<void> {
    const subs = keptSubmissions(this.record);
    const pending = subs.filter((x) => !this.verified.verified.has(x.text)).length;
    let sliceStart = this.now();
    const expect = { scenario: this.record.scenario, seed: this.record.seed, room: this.record.room };
    for (const done of verifyAhead(this.entries, subs, this.verified, expect)) {
      if (this.now() - sliceStart < SLICE_MS) continue;
      this.hooks.progress(done, pending);
      await this.pause();
      sliceStart = this.now();
    }
    this.hooks.progress(null, pending);
    this.room = collectRoom(this.entries, expect, keptSubmissions(this.record), this.verified);
    this.loading = false;
  }

  /**
   * Adds hand-ins found in a paste or a file, each once: a code pasted again adds nothing, and
   * one the facilitator removed stays removed (the whole chat pasted again to pick up late codes
   * must not bring back a team taken out).
   */
  async add(found: readonly Submission[], at: number): Promise<Added> {
    await this.whole();
    const before = new Set(this.room.teams.map((t) => `${t.team}|${t.fingerprint}`));
    // What a session file carries is what the room keeps, so any session exports and imports back.
    const fits = found.filter((s) => s.text.length <= MAX_HAND_IN_CHARS);
    const fresh: StoredSubmission[] = fits.map((s) => ({ source: s.source, text: s.text, at }));
    const removed = new Set((this.record.removals ?? []).filter((r) => r.removed).map((r) => r.key));
    const stillRemoved = [...new Set(fresh.filter((f) => removed.has(removalKey(f.text))).map((f) => f.text))];
    const next = mergeRecords(this.record, { ...this.record, submissions: fresh });
    if (next.submissions.length > MAX_SESSION_HAND_INS) return { ok: false, full: this.record.submissions.length };
    this.record = next;
    // Marks for the speed budget: the browser tests and the workshop bench read them.
    performance.mark('workshop-collect-start');
    await this.refresh();
    performance.measure('workshop-collect', 'workshop-collect-start');
    const added = this.room.teams.filter((t) => !before.has(`${t.team}|${t.fingerprint}`)).length;
    const refused = this.room.refused.filter((r) => fresh.some((f) => f.source === r.source)).length;
    return { ok: true, added, refused, tooLong: found.length - fits.length, stillRemoved };
  }

  /**
   * Takes hand-ins out of the room; they stay in the session, marked removed. Resolves once the
   * room is drawn without them; storing goes on after.
   */
  remove(texts: readonly string[]): Promise<void> {
    return this.mark(texts, true);
  }

  /** Brings removed hand-ins back, as `remove` takes them out. */
  restore(texts: readonly string[]): Promise<void> {
    return this.mark(texts, false);
  }

  private async mark(texts: readonly string[], removed: boolean): Promise<void> {
    this.record = markHandIns(this.record, texts, removed, this.hooks.clock.now());
    await this.refresh();
    this.hooks.changed();
    void this.save();
  }

  /**
   * Stores the room merged with what is stored, in one step: another tab's hand-ins are kept,
   * and brought in here.
   */
  async save(): Promise<void> {
    performance.mark('workshop-store-start');
    try {
      const stored = await this.store.merge(this.record);
      // Merged, not taken as it is: this page may have changed the room while the store worked.
      const next = mergeRecords(this.record, stored);
      const changed = !sameHandIns(next, this.record);
      this.record = next;
      if (changed) {
        await this.refresh();
        this.hooks.changed();
      }
      this.hooks.stored();
    } catch (err) {
      this.hooks.storeFailed((err as Error).message);
    }
    performance.measure('workshop-store', 'workshop-store-start');
  }

  /**
   * Brings in what another tab stored for this room. Gives how many more hand-ins count now
   * (fewer when that tab removed some), or null when nothing changed.
   */
  async takeIn(): Promise<number | null> {
    const stored = await this.store.get(this.record.room);
    if (!stored || mergeConflict(this.record, stored)) return null;
    const next = mergeRecords(this.record, stored);
    if (sameHandIns(next, this.record)) return null;
    const change = keptSubmissions(next).length - keptSubmissions(this.record).length;
    this.record = next;
    await this.refresh();
    this.hooks.changed();
    return change;
  }
}
