import type { DraftStore } from '../../platform/lab-drafts';
import { h, mount } from '../dom';
import type { Services } from '../services';
import { asideNotice } from './link-guard';

/**
 * The lab's draft, kept in the browser's draft store a moment after every edit and on leaving, so
 * a reload or a closed tab loses nothing; a shared link that takes the editor puts the draft
 * aside, with the way back to it.
 */

const SAVE_DELAY = 400;

/** What the editor holds: its text and where it came from. */
export interface Draft {
  readonly text: string;
  readonly source: string;
}

export interface DraftAutosave {
  /** Says when the browser keeps drafts for this visit only, or refused to keep one. */
  readonly note: HTMLElement;
  /** Where a draft put aside by a link is offered back. */
  readonly aside: HTMLElement;
  /** Opens the browser's draft store. */
  open(): Promise<void>;
  /** The draft an earlier visit left, if any. */
  latest(): Promise<Draft | null>;
  /** Saves the editor's draft once edits pause. */
  schedule(): void;
  saveNow(): Promise<void>;
  /**
   * Puts the current draft aside before a link's `incoming` text takes its place (unless it is
   * that text), offering it back: `reopen` puts it in the editor again.
   */
  putAside(incoming: string, reopen: (text: string, source: string) => Promise<void>): Promise<void>;
  /** Saves at once, as the lab is left. */
  leave(): void;
}

/** The autosave of what `current` gives, stamped with the services' clock. */
export function draftAutosave(
  services: Pick<Services, 'clock' | 'timers' | 'drafts'>,
  current: () => Draft,
): DraftAutosave {
  let drafts: DraftStore | null = null;
  let cancel = (): void => undefined;
  const note = h('p', { class: 'muted small' });
  const aside = h('div', {});
  const stamped = (): Draft & { readonly savedAt: number } => ({ ...current(), savedAt: services.clock.now() });

  const saveNow = async (): Promise<void> => {
    cancel();
    const ok = await drafts?.put(stamped());
    if (ok === false) note.textContent = 'The browser refused to keep this draft: download it to keep it.';
  };

  const bringBack = async (reopen: (text: string, source: string) => Promise<void>): Promise<void> => {
    const kept = await drafts?.getAside();
    if (!kept) return;
    // The link's scenario takes the draft's place aside, so going back loses nothing either.
    await drafts?.putAside(stamped());
    mount(aside);
    await reopen(kept.text, kept.source);
  };

  return {
    note,
    aside,
    async open() {
      drafts = await services.drafts();
      if (!drafts.persistent)
        note.textContent = 'This browser does not keep drafts: a reload loses your edits, so download the file.';
    },
    latest: async () => (await drafts?.get()) ?? null,
    schedule() {
      cancel();
      cancel = services.timers.after(SAVE_DELAY, () => void saveNow());
    },
    saveNow,
    async putAside(incoming, reopen) {
      const previous = await drafts?.get();
      if (previous && previous.text !== incoming && (await drafts?.putAside(previous))) {
        mount(
          aside,
          asideNotice(previous.source, () => void bringBack(reopen)),
        );
      }
    },
    leave() {
      cancel();
      void drafts?.put(stamped());
    },
  };
}
