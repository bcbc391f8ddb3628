import { keptSubmissions, mergeConflict } from '../../platform/session-merge';
import { newRoomCode, type WorkshopRecord, type WorkshopStore } from '../../platform/workshops';
import { seedProblem } from '../../replay/seed';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { DIFFICULTY_LABEL } from '../labels';
import { randomSeed } from '../screens/picker';
import { readSessionFile } from './session-file';

/** Team names typed one per line (or separated by commas), trimmed, without repeats. */
function teamNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const name = raw.trim().slice(0, 60);
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** "Run a workshop": name the session, pick scenario and seed, list teams; open or import past sessions. */
export function workshopSetupScreen(ctx: AppContext): void {
  ctx.setQuery({ workshop: '' });
  const today = new Date(ctx.services.clock.now()).toLocaleDateString(undefined, { dateStyle: 'medium' });
  const name = h('input', { id: 'ws-name', type: 'text', value: `Workshop, ${today}`, maxlength: '120' });
  const seed = h('input', { id: 'ws-seed', type: 'text', value: randomSeed(), maxlength: '200', spellcheck: 'false' });
  const teams = h('textarea', { id: 'ws-teams', rows: '4', placeholder: 'Blue\nGreen\nRed' });
  const error = h('p', { class: 'field-error', id: 'ws-error' });
  const scenarios = h(
    'select',
    { id: 'ws-scenario' },
    ...ctx.entries
      .filter((e) => !e.archived)
      .map(({ scenario: s }) =>
        h('option', { value: s.id }, `${s.title} (${DIFFICULTY_LABEL[s.difficulty]}, ${s.turns} turns)`),
      ),
  );
  const past = h('section', { class: 'saved-list' });
  const importStatus = h('p', { class: 'field-error', role: 'status' });

  const create = async (e: Event): Promise<void> => {
    e.preventDefault();
    const problem = seedProblem(seed.value);
    if (problem) {
      error.textContent = problem;
      seed.setAttribute('aria-invalid', 'true');
      seed.focus();
      ctx.announce(problem);
      return;
    }
    const record: WorkshopRecord = {
      room: newRoomCode(),
      name: name.value.trim() || `Workshop, ${today}`,
      scenario: scenarios.value,
      seed: seed.value,
      teams: teamNames(teams.value),
      createdAt: ctx.services.clock.now(),
      submissions: [],
    };
    const store = await ctx.workshops();
    try {
      await store.put(record);
    } catch (err) {
      ctx.notices.show({ id: 'workshop-save', text: (err as Error).message });
    }
    ctx.go({ kind: 'workshop', room: record.room });
  };

  const importFile = async (file: File): Promise<void> => {
    const r = readSessionFile(await file.text());
    if (!r.ok) {
      importStatus.textContent = `${file.name}: ${r.reason}`;
      ctx.announce(importStatus.textContent);
      return;
    }
    const store = await ctx.workshops();
    const imported = r.record;
    const before = await store.get(imported.room);
    let room = imported.room;
    try {
      if (before && mergeConflict(before, imported)) {
        // Another game under the same room code: kept apart under a new code, never merged or replaced.
        room = newRoomCode();
        await store.put({ ...imported, room });
        ctx.notices.show({
          id: 'workshop-import',
          text: `This browser already has a room ${imported.room} playing another scenario or seed, so the file was imported as room ${room}. Runs handed in with the old room code are flagged in it.`,
        });
      } else {
        const after = await store.merge(imported);
        if (before) {
          const added = after.submissions.length - before.submissions.length;
          // Hand-ins removed in the file's copy of the room are removed here too, and said so.
          const still = new Set(keptSubmissions(after).map((k) => k.text));
          const dropped = keptSubmissions(before).filter((s) => !still.has(s.text)).length;
          ctx.notices.show({
            id: 'workshop-import',
            text: `Room ${room} was already in this browser: the file's hand-ins were merged into it (${added} new, ${imported.submissions.length - added} already here). ${dropped === 0 ? 'Nothing was removed.' : `${dropped} hand-in${dropped === 1 ? ' the file marks' : 's the file marks'} as removed ${dropped === 1 ? 'is' : 'are'} removed here too.`}`,
            actions: [{ label: 'Replace the room with the file instead', run: () => void replace(before, imported) }],
          });
        } else {
          const kept = keptSubmissions(after).length;
          ctx.notices.show({
            id: 'workshop-import',
            text: `Imported “${imported.name}” as room ${room}, with ${kept} hand-in${kept === 1 ? '' : 's'}.`,
          });
        }
      }
    } catch (err) {
      ctx.notices.show({ id: 'workshop-save', text: (err as Error).message });
    }
    ctx.go({ kind: 'workshop', room });
  };
  /** The explicit, undoable choice to let a file's session stand for a room instead of merging it. */
  const replace = async (before: WorkshopRecord, file: WorkshopRecord): Promise<void> => {
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
  };
  const importInput = h('input', {
    id: 'ws-import',
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'import-session',
    onchange: (e: Event) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f) void importFile(f);
    },
  });

  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen workshop-setup-screen' },
      h('h1', {}, 'Run a workshop'),
      h(
        'p',
        { class: 'lede' },
        'Give a room one scenario and seed. Teams play on their own devices and hand in their runs as codes; this page verifies every run by re-playing it, compares the teams and suggests questions for the debrief. No accounts, no server: after this page has loaded once, it works without a network.',
      ),
      h(
        'form',
        { class: 'workshop-setup', 'data-testid': 'workshop-setup', onsubmit: (e: Event) => void create(e) },
        h('label', { for: 'ws-name' }, 'Session name'),
        name,
        h('label', { for: 'ws-scenario' }, 'Scenario'),
        scenarios,
        h('label', { for: 'ws-seed' }, 'Seed (the same for every team)'),
        h(
          'div',
          { class: 'inline' },
          seed,
          h('button', { type: 'button', class: 'secondary', onclick: () => (seed.value = randomSeed()) }, 'New seed'),
        ),
        error,
        h('label', { for: 'ws-teams' }, 'Team names (optional, one per line): each gets its own link'),
        teams,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Create the session'),
          h('button', { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'title' }) }, 'Back'),
        ),
      ),
      past,
      h(
        'section',
        { class: 'saved-list' },
        h('h2', {}, 'Import a session'),
        h('label', { for: 'ws-import' }, 'A session file exported from this or another laptop'),
        importInput,
        importStatus,
      ),
    ),
  );
  ctx.onKey(null);
  name.focus();

  void ctx.workshops().then((store) => drawPast(store));

  /** Deletes a session from this browser, with an undo that puts it back as it was. */
  const remove = async (store: WorkshopStore, r: WorkshopRecord): Promise<void> => {
    try {
      await store.remove(r.room);
    } catch (err) {
      ctx.notices.show({ id: 'workshop-save', text: (err as Error).message });
      return;
    }
    const words = `The session “${r.name}” (room ${r.room}, ${r.submissions.length} hand-ins) was deleted from this browser.`;
    ctx.announce(words);
    ctx.notices.show({
      id: 'workshop-deleted',
      text: words,
      actions: [
        {
          label: 'Undo',
          run: () =>
            void store
              .merge(r)
              .catch((err: Error) => ctx.notices.show({ id: 'workshop-save', text: err.message }))
              .then(() => {
                ctx.notices.close('workshop-deleted');
                ctx.announce(`The session “${r.name}” is back.`);
                return drawPast(store);
              }),
        },
      ],
    });
    await drawPast(store);
  };

  async function drawPast(store: WorkshopStore): Promise<void> {
    const list = (await store.list()).sort((a, b) => b.createdAt - a.createdAt);
    if (!past.isConnected) return;
    mount(
      past,
      h('h2', {}, 'Your sessions'),
      store.persistent
        ? null
        : h(
            'p',
            { class: 'notice' },
            'This browser refuses to keep sessions (private mode?): they last while this page is open. Export each one as a file to keep it.',
          ),
      list.length === 0
        ? h('p', { class: 'muted' }, 'None yet.')
        : h(
            'ul',
            {},
            ...list.map((r) =>
              h(
                'li',
                { class: 'saved-game' },
                h(
                  'span',
                  { class: 'saved-what' },
                  `${r.name} · room ${r.room} · ${new Date(r.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} · ${r.submissions.length} hand-ins`,
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary small',
                    'aria-label': `Open ${r.name}, room ${r.room}`,
                    onclick: () => ctx.go({ kind: 'workshop', room: r.room }),
                  },
                  'Open',
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary small',
                    'data-testid': `delete-session-${r.room}`,
                    'aria-label': `Delete ${r.name}, room ${r.room}, from this browser`,
                    onclick: () => void remove(store, r),
                  },
                  'Delete',
                ),
              ),
            ),
          ),
    );
  }
}
