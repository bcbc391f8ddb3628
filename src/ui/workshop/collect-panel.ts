import { MAX_HAND_IN_CHARS, MAX_SESSION_HAND_INS } from '../../platform/workshops';
import { extractSubmissions } from '../../workshop';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { acceptDrops } from '../drop-zone';
import { refusedList, removalBox, teamRemovals } from './removal-lists';
import type { Added, RoomKeeper } from './room-keeper';
import { scanButton } from './scan';

/** Pasted text this long (in characters) is collected at once instead of shown in the box. */
const BIG_PASTE = 200_000;

/** The one thing to do about what the status line says. */
interface StatusAction {
  readonly label: string;
  readonly run: () => void;
}

/** The part of the dashboard that takes hand-ins in and out. */
export interface CollectPanel {
  readonly element: HTMLElement;
  /** Puts a sentence on the status line (read out once), with an action beside it. */
  say(text: string, action?: StatusAction): void;
  progress(done: number | null, of: number): void;
  /** Draws the refused hand-ins and the removal list again. */
  draw(): void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Collecting the teams' runs: a paste box (a whole transcript pasted is collected at once),
 * files picked or dropped, the camera, the status line with its Undo, the refused hand-ins, and
 * removing a team or a hand-in. `redraw` draws the whole room after a paste.
 */
export function collectPanel(ctx: AppContext, keeper: RoomKeeper, redraw: () => void): CollectPanel {
  const { line: statusLine, say } = collectStatus(ctx.announce);
  // Progress is shown, not read out: a live region updated every slice would talk over itself.
  const progressLine = h('p', { class: 'collect-progress muted', 'data-testid': 'collect-progress', hidden: true });
  const refusedHost = h('div', {});
  const manage = removalBox(() => drawManage());

  const addText = async (text: string, source: string): Promise<void> => {
    const { found, note, repeated } = extractSubmissions(text, source);
    if (found.length === 0) {
      say(`${source}: no replay code or replay file was found in it.${note ? ` ${note}` : ''}`);
      return;
    }
    const r = await keeper.add(found, ctx.services.clock.now());
    if (!r.ok) {
      say(
        `${source}: this room already keeps ${r.full.toLocaleString('en')} hand-ins, and a session keeps at most ${MAX_SESSION_HAND_INS.toLocaleString('en')}: nothing was added. Export the session and start another for more.`,
      );
      return;
    }
    const n = r.stillRemoved.length;
    say(
      addedWords(source, found.length, r, repeated ? `${repeatedWords(repeated)}${note ? ` ${note}` : ''}` : note),
      n
        ? {
            label: n === 1 ? 'Bring it back' : `Bring the ${n} back`,
            run: () =>
              void restore(r.stillRemoved, n === 1 ? 'the removed hand-in' : `the ${n} removed hand-ins`, 'teams'),
          }
        : undefined,
    );
    // Drawn first: the room sees the result at once, while the browser stores it.
    performance.mark('workshop-draw-start');
    redraw();
    performance.measure('workshop-draw', 'workshop-draw-start');
    await keeper.save();
  };

  const paste = pasteBox((text) => void addText(text, 'pasted text'));
  const drop = fileDrop(addText, say);
  const remove = async (texts: readonly string[], what: string, from: 'teams' | 'refused'): Promise<void> => {
    await keeper.remove(texts);
    // The pressed button is gone: focus stays in the list it was in, or moves to the paste field.
    const lists = [refusedHost.querySelector('summary'), manage.box.hidden ? null : manage.summary];
    const near = from === 'refused' ? lists : lists.reverse();
    (near.find((e) => e?.isConnected) ?? paste).focus();
    say(`Removed from this room: ${what}.`, { label: 'Undo', run: () => void restore(texts, what, from) });
  };
  const restore = async (texts: readonly string[], what: string, from: 'teams' | 'refused'): Promise<void> => {
    await keeper.restore(texts);
    say(`Back in this room: ${what}.`);
    const back = from === 'refused' ? refusedHost.querySelector('summary') : manage.box.hidden ? null : manage.summary;
    (back ?? paste).focus();
  };

  function drawManage(): void {
    manage.box.hidden = keeper.room.teams.length === 0;
    if (!manage.box.open) return;
    mount(manage.list, ...teamRemovals(keeper.room, (texts, what) => void remove(texts, what, 'teams')));
  }
  const element = h(
    'section',
    { class: 'collect no-print', 'aria-labelledby': 'collect-title' },
    h('h2', { id: 'collect-title' }, 'Collect the teams’ runs'),
    h('label', { for: 'ws-paste' }, 'Paste any text holding codes or links'),
    paste,
    h(
      'div',
      { class: 'inline' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-testid': 'workshop-add',
          onclick: () => {
            const text = paste.value;
            paste.value = '';
            void addText(text, 'pasted text');
          },
        },
        'Add the runs',
      ),
      scanButton(ctx, (text) => void addText(text, 'camera')),
    ),
    drop,
    statusLine,
    progressLine,
    refusedHost,
    manage.box,
  );
  return {
    element,
    say,
    progress(done, of) {
      progressLine.hidden = done === null;
      if (done !== null)
        progressLine.textContent = `Verifying hand-ins: ${done.toLocaleString('en')} of ${of.toLocaleString('en')}…`;
    },
    draw() {
      mount(
        refusedHost,
        refusedList(keeper.room, (texts, what) => void remove(texts, what, 'refused')),
        ...keeper.room.notes.map((n) => h('p', { class: 'muted small' }, n)),
      );
      drawManage();
    },
  };
}

/** The status line under the paste box: what the last action did, with its Undo (or the like). */
function collectStatus(announce: (text: string) => void): {
  line: HTMLElement;
  say: (text: string, action?: StatusAction) => void;
} {
  // Read out through the page's live region, so not a live region itself: once is enough.
  const status = h('p', { class: 'collect-status', 'data-testid': 'collect-status' });
  const statusAction = h('span', { class: 'collect-status-action' });
  const say = (text: string, action?: StatusAction): void => {
    status.textContent = text;
    mount(
      statusAction,
      action
        ? h(
            'button',
            { type: 'button', class: 'secondary small', 'data-testid': 'collect-status-action', onclick: action.run },
            action.label,
          )
        : null,
    );
    announce(text);
  };
  return { line: h('div', { class: 'collect-status-line' }, status, statusAction), say };
}

/**
 * The paste box. A whole chat transcript is collected as it is pasted, never put in the box:
 * laying out megabytes of text in a text box holds the page for seconds before any code runs.
 */
function pasteBox(add: (text: string) => void): HTMLTextAreaElement {
  const paste = h('textarea', {
    id: 'ws-paste',
    rows: '4',
    'data-testid': 'workshop-paste',
    placeholder: 'Paste codes, links or a whole chat transcript',
  });
  paste.addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length < BIG_PASTE) return;
    e.preventDefault();
    add(text);
  });
  return paste;
}

/** Replay or text files, picked or dropped: each read and added in turn, under its own name. */
function fileDrop(add: (text: string, source: string) => Promise<void>, say: (text: string) => void): HTMLElement {
  const addFiles = async (files: readonly File[]): Promise<void> => {
    for (const f of files) {
      try {
        await add(await f.text(), f.name);
      } catch {
        say(`${f.name}: the file could not be read.`);
      }
    }
  };
  const drop = h(
    'div',
    { class: 'drop-zone', 'data-testid': 'workshop-drop' },
    h('label', { for: 'ws-files' }, 'Or pick or drop replay files (.replay.json) or text files here'),
    h('input', {
      id: 'ws-files',
      type: 'file',
      multiple: true,
      accept: '.json,.txt,application/json,text/plain',
      onchange: (e: Event) => void addFiles([...((e.target as HTMLInputElement).files ?? [])]),
    }),
  );
  acceptDrops(drop, (files) => void addFiles(files));
  return drop;
}

/** What a paste or a file added, in one sentence. */

function addedWords(source: string, found: number, r: Added & { ok: true }, note: string | null): string {
  const n = r.stillRemoved.length;
  return `${source}: ${plural(found, 'hand-in')} found; ${plural(r.added, 'new or updated team run')} verified${r.refused ? `, ${r.refused} refused (see below)` : ''}.${r.tooLong ? ` ${r.tooLong} longer than ${MAX_HAND_IN_CHARS.toLocaleString('en')} characters ${r.tooLong === 1 ? 'was' : 'were'} left out: no run's file is that long.` : ''}${n ? ` ${n} of them ${n === 1 ? 'had' : 'had all'} been removed from this room and ${n === 1 ? 'stays' : 'stay'} removed.` : ''}${note ? ` ${note}` : ''}`;
}

/** Codes a text held more than once (a reply quoting one, a code posted twice): read once each. */
function repeatedWords(n: number): string {
  return n === 1
    ? 'One code appeared a second time in it and is counted once.'
    : `${n} codes appeared again in it and are each counted once.`;
}
