import { keptSubmissions, mergeConflict } from '../../platform/session-merge';
import { newRoomCode } from '../../platform/room-codes';
import type { WorkshopRecord, WorkshopStore } from '../../platform/workshops';
import type { AppContext } from '../context';
import { h } from '../dom';
import { readSessionFile } from './session-file';

/**
 * "Import a session": a session file from this or another laptop. It never replaces a room
 * this browser has: it is merged into it, or kept apart under a new code when it plays another
 * game; replacing is a choice of its own, with an undo.
 */
export function importSection(ctx: AppContext): HTMLElement {
  const status = h('p', { class: 'field-error', role: 'status' });
  const input = h('input', {
    id: 'ws-import',
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'import-session',
    onchange: (e: Event) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f) void importFile(ctx, f, status);
    },
  });
  return h(
    'section',
    { class: 'saved-list' },
    h('h2', {}, 'Import a session'),
    h('label', { for: 'ws-import' }, 'A session file exported from this or another laptop'),
    input,
    status,
  );
}

/** Stores the file's session and opens its room; a file that is no session is said so in `status`. */
async function importFile(ctx: AppContext, file: File, status: HTMLElement): Promise<void> {
  const r = readSessionFile(await file.text());
  if (!r.ok) {
    status.textContent = `${file.name}: ${r.reason}`;
    ctx.announce(status.textContent);
    return;
  }
  const store = await ctx.workshops();
  const imported = r.record;
  const before = await store.get(imported.room);
  let room = imported.room;
  try {
    if (before && mergeConflict(before, imported)) {
      // Another game under the same room code: kept apart under a new code, never merged or replaced.
      room = await newRoomCode(imported.scenario, imported.seed, async (code) => (await store.get(code)) !== null);
      await store.put({ ...imported, room });
      ctx.notices.show({
        id: 'workshop-import',
        text: `This browser already has a room ${imported.room} playing another scenario or seed, so the file was imported as room ${room}. Runs handed in with the old room code are flagged in it.`,
      });
    } else await mergeFile(ctx, store, before, imported);
  } catch (err) {
    ctx.notices.show({ id: 'workshop-save', text: (err as Error).message });
  }
  ctx.go({ kind: 'workshop', room });
}

/** Merges the file's session into the room of the same game, new or already here, saying what it did. */
async function mergeFile(
  ctx: AppContext,
  store: WorkshopStore,
  before: WorkshopRecord | null,
  imported: WorkshopRecord,
): Promise<void> {
  const after = await store.merge(imported);
  const room = imported.room;
  if (!before) {
    const kept = keptSubmissions(after).length;
    ctx.notices.show({
      id: 'workshop-import',
      text: `Imported “${imported.name}” as room ${room}, with ${kept} hand-in${kept === 1 ? '' : 's'}.`,
    });
    return;
  }
  const added = after.submissions.length - before.submissions.length;
  // Hand-ins removed in the file's copy of the room are removed here too, and said so.
  const still = new Set(keptSubmissions(after).map((k) => k.text));
  const dropped = keptSubmissions(before).filter((s) => !still.has(s.text)).length;
  ctx.notices.show({
    id: 'workshop-import',
    text: `Room ${room} was already in this browser: the file's hand-ins were merged into it (${added} new, ${imported.submissions.length - added} already here). ${dropped === 0 ? 'Nothing was removed.' : `${dropped} hand-in${dropped === 1 ? ' the file marks' : 's the file marks'} as removed ${dropped === 1 ? 'is' : 'are'} removed here too.`}`,
    actions: [{ label: 'Replace the room with the file instead', run: () => void replace(ctx, before, imported) }],
  });
}

/** The explicit, undoable choice to let a file's session stand for a room instead of merging it. */
async function replace(ctx: AppContext, before: WorkshopRecord, file: WorkshopRecord): Promise<void> {
  const store = await ctx.workshops();
  await store.put(file);
  ctx.notices.show({
    id: 'workshop-import',
    text: `Room ${file.room} now holds only the file's ${file.submissions.length} hand-ins.`,
    actions: [
      {
        label: 'Undo',
        run: () =>
          void store.put(before).then(() => {
            ctx.notices.close('workshop-import');
            ctx.go({ kind: 'workshop', room: before.room });
          }),
      },
    ],
  });
  ctx.go({ kind: 'workshop', room: file.room });
}
