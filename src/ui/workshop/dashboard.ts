import { linkTo } from '../../platform/links';
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
import { tryEncodeCode } from '../../replay/code';
import { recordReplay } from '../../replay/document';
import {
  collectRoom,
  extractSubmissions,
  newRoomCache,
  roomCsv,
  SERIES_KEYS,
  verifyAhead,
  type Room,
  type RoomCache,
  type SeriesKey,
} from '../../workshop';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { onPresenterChange, presenterToggle, presenting } from '../presenter';
import { qrCode } from '../qr';
import { scanButton } from './scan';
import { sessionFileText } from './session-file';
import { roundTimer } from './timer';
import { decisions, profiles, prompts, regimeGrid, roomChart, roomTable } from './views';

const VIEWS = ['Table', 'Chart', 'Regimes', 'Decisions', 'Profiles', 'Debrief'] as const;
type View = (typeof VIEWS)[number];

/** The longest stretch, in milliseconds, verifying holds the page before letting it draw and answer. */
const SLICE_MS = 40;

/** The most teams one view draws: a room is a few dozen, and a page of thousands would stall. */
const SHOWN_TEAMS = 100;

/** Pasted text this long (in characters) is collected at once instead of shown in the box. */
const BIG_PASTE = 200_000;

/** The steps a team follows, on the handout and beside the link. */
const STEPS = [
  'Open the link on one device per team (or scan the QR code).',
  'Type your team’s name, read the briefing, and play: choose actions each turn, then end the turn.',
  'Talk before you choose: what does the team need now, direction or means?',
  'When your facilitator asks, use “Hand in progress” in the game to show how far you are.',
  'At the end, show your result’s QR code to the facilitator or paste its code into the room’s chat.',
];

/** The channel dashboard tabs of this site tell each other on that they stored a room's hand-ins. */
const TABS_CHANNEL = 'momentum-workshop-rooms';

/** The facilitator's dashboard of one session: the teams' link, collecting hand-ins, the comparison and the debrief. */
export async function workshopScreen(ctx: AppContext, roomCode: string): Promise<void> {
  const store = await ctx.workshops();
  const found = await store.get(roomCode);
  if (!found) {
    ctx.notices.show({
      id: 'workshop-missing',
      text: `There is no workshop session “${roomCode.slice(0, 40)}” in this browser. Create one, or import its file.`,
    });
    return ctx.go({ kind: 'workshop-setup' });
  }
  const entry = ctx.entries.find((e) => e.scenario.id === found.scenario);
  if (!entry) {
    ctx.notices.show({
      id: 'workshop-missing',
      text: `The session “${found.name}” plays a scenario this version does not have (“${found.scenario.slice(0, 40)}”).`,
    });
    return ctx.go({ kind: 'workshop-setup' });
  }
  let record: WorkshopRecord = found;
  const scenario = entry.scenario;
  ctx.setQuery({ workshop: record.room });
  const link = linkTo({ scenario: scenario.id, seed: record.seed, room: record.room });
  // What was verified stays verified: a paste re-simulates only what is new.
  const verified = newRoomCache();
  let room: Room = { teams: [], refused: [], notes: [] };
  // True until the room's hand-ins have all been verified once on this page.
  let loading = true;
  let view: View | 'All' = presenting() ? 'Table' : 'All';
  let ranked = false;
  let meter: SeriesKey = 'morale';
  let turn = 1;
  let tabs: BroadcastChannel | null = null;

  // Read out through the page's live region (say), so not a live region itself: once is enough.
  const status = h('p', { class: 'collect-status', 'data-testid': 'collect-status' });
  // The one thing to do about what the status says (undo a removal, bring back what was pasted again).
  const statusAction = h('span', { class: 'collect-status-action' });
  // Progress is shown, not read out: a live region updated every slice would talk over itself.
  const progress = h('p', { class: 'collect-progress muted', 'data-testid': 'collect-progress', hidden: true });
  // The list of teams to remove is drawn only while open: a room may hold thousands of hand-ins.
  const manageSummary = h('summary', {}, 'Remove a team or a hand-in');
  const manageList = h('ul', { class: 'manage-list' });
  const manage = h(
    'details',
    { class: 'manage', 'data-testid': 'workshop-manage', ontoggle: () => drawManage() },
    manageSummary,
    h(
      'p',
      { class: 'muted small' },
      'A removed hand-in no longer counts in any view. It stays in the session, marked removed, so pasting the whole chat again does not bring it back; Undo, beside the message that confirms the removal, does.',
    ),
    manageList,
  );
  const results = h('div', { class: 'room-results' });
  const refusedHost = h('div', {});

  const addSubmissions = async (text: string, source: string): Promise<void> => {
    const { found: subs, note } = extractSubmissions(text, source);
    if (subs.length === 0) {
      say(`${source}: no replay code or replay file was found in it.${note ? ` ${note}` : ''}`);
      return;
    }
    const before = new Set(room.teams.map((t) => `${t.team}|${t.fingerprint}`));
    const at = Date.now();
    // What a session file carries is what the room keeps, so any session exports and imports back.
    const fits = subs.filter((s) => s.text.length <= MAX_HAND_IN_CHARS);
    const tooLong = subs.length - fits.length;
    const fresh: StoredSubmission[] = fits.map((s) => ({ source: s.source, text: s.text, at }));
    // Each hand-in is stored once: a code pasted again adds nothing. One the facilitator removed
    // stays removed (the whole chat pasted again to pick up late codes must not bring back a
    // team taken out), and the status offers to bring it back.
    const removed = new Set((record.removals ?? []).filter((r) => r.removed).map((r) => r.key));
    const stillRemoved = [...new Set(fresh.filter((f) => removed.has(removalKey(f.text))).map((f) => f.text))];
    const next = mergeRecords(record, { ...record, submissions: fresh });
    if (next.submissions.length > MAX_SESSION_HAND_INS) {
      say(
        `${source}: this room already keeps ${record.submissions.length.toLocaleString('en')} hand-ins, and a session keeps at most ${MAX_SESSION_HAND_INS.toLocaleString('en')}: nothing was added. Export the session and start another for more.`,
      );
      return;
    }
    record = next;
    // Marks for the speed budget (40 teams verified and drawn in 500 ms): tests read them.
    performance.mark('workshop-collect-start');
    await refresh();
    performance.measure('workshop-collect', 'workshop-collect-start');
    const added = room.teams.filter((t) => !before.has(`${t.team}|${t.fingerprint}`)).length;
    const refusedNow = room.refused.filter((r) => fresh.some((f) => f.source === r.source)).length;
    const n = stillRemoved.length;
    say(
      `${source}: ${subs.length} hand-in${subs.length === 1 ? '' : 's'} found; ${added} new or updated team run${added === 1 ? '' : 's'} verified${refusedNow ? `, ${refusedNow} refused (see below)` : ''}.${tooLong ? ` ${tooLong} longer than ${MAX_HAND_IN_CHARS.toLocaleString('en')} characters ${tooLong === 1 ? 'was' : 'were'} left out: no run's file is that long.` : ''}${n ? ` ${n} of them ${n === 1 ? 'had' : 'had all'} been removed from this room and ${n === 1 ? 'stays' : 'stay'} removed.` : ''}${note ? ` ${note}` : ''}`,
      n
        ? {
            label: n === 1 ? 'Bring it back' : `Bring the ${n} back`,
            run: () => void restoreHandIns(stillRemoved, n === 1 ? 'The removed hand-in' : `The ${n} removed hand-ins`),
          }
        : undefined,
    );
    // Drawn first: the room sees the result at once, while the browser stores it.
    performance.mark('workshop-draw-start');
    draw();
    performance.measure('workshop-draw', 'workshop-draw-start');
    performance.mark('workshop-store-start');
    await persist(store);
    performance.measure('workshop-store', 'workshop-store-start');
  };
  /**
   * Verifies the hand-ins not verified yet a slice at a time, letting the page draw and answer
   * between slices, then collects the room. A room verified before takes no slice at all, so
   * this finishes at once, without waiting for the next task.
   */
  const refresh = async (): Promise<void> => {
    const subs = keptSubmissions(record);
    const pending = subs.filter((x) => !verified.verified.has(x.text)).length;
    let sliceStart = performance.now();
    for (const done of verifyAhead(ctx.entries, subs, verified)) {
      if (performance.now() - sliceStart < SLICE_MS) continue;
      progress.hidden = false;
      progress.textContent = `Verifying hand-ins: ${done.toLocaleString('en')} of ${pending.toLocaleString('en')}…`;
      await new Promise((next) => setTimeout(next, 0));
      sliceStart = performance.now();
    }
    progress.hidden = true;
    room = collect(ctx, record, verified);
  };
  const say = (text: string, action?: { label: string; run: () => void }): void => {
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
    ctx.announce(text);
  };
  const persist = async (s: WorkshopStore): Promise<void> => {
    try {
      // Merged with what is stored, in one step: another tab's hand-ins are kept, and brought in here.
      const stored = await s.merge(record);
      ctx.notices.close('workshop-save');
      // Merged, not taken as it is: this page may have changed the room while the store worked.
      const next = mergeRecords(record, stored);
      const changed = !sameHandIns(next, record);
      record = next;
      if (changed) {
        await refresh();
        draw();
      }
      tabs?.postMessage({ room: record.room });
    } catch (err) {
      ctx.notices.show({
        id: 'workshop-save',
        text: (err as Error).message,
        actions: [{ label: 'Export the session', run: exportSession }],
      });
    }
  };
  /** Takes hand-ins out of the room, with an undo; they stay in the session, marked removed. */
  const removeHandIns = async (texts: readonly string[], what: string, from: 'teams' | 'refused'): Promise<void> => {
    record = markHandIns(record, texts, true, Date.now());
    room = collect(ctx, record, verified);
    draw();
    // The pressed button is gone: focus stays in the list it was in, or moves to the paste field.
    const lists = [refusedHost.querySelector('summary'), manage.hidden ? null : manageSummary];
    const near = from === 'refused' ? lists : lists.reverse();
    (near.find((e) => e?.isConnected) ?? paste).focus();
    say(`Removed from this room: ${what}.`, { label: 'Undo', run: () => void restoreHandIns(texts, what) });
    await persist(store);
  };
  const restoreHandIns = async (texts: readonly string[], what: string): Promise<void> => {
    record = markHandIns(record, texts, false, Date.now());
    room = collect(ctx, record, verified);
    draw();
    say(`Back in this room: ${what}.`);
    (manage.hidden ? paste : manageSummary).focus();
    await persist(store);
  };
  const exportSession = (): void =>
    ctx.services.download(`momentum-workshop-${record.room}.json`, 'application/json', sessionFileText(record));

  const paste = h('textarea', {
    id: 'ws-paste',
    rows: '4',
    'data-testid': 'workshop-paste',
    placeholder: 'Paste codes, links or a whole chat transcript',
  });
  // A whole chat transcript is collected as it is pasted, never put in the box: laying out
  // megabytes of text in a text box holds the page for seconds before any code runs.
  paste.addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length < BIG_PASTE) return;
    e.preventDefault();
    void addSubmissions(text, 'pasted text');
  });
  const fileInput = h('input', {
    id: 'ws-files',
    type: 'file',
    multiple: true,
    accept: '.json,.txt,application/json,text/plain',
    onchange: (e: Event) => void addFiles((e.target as HTMLInputElement).files),
  });
  const addFiles = async (files: FileList | null | undefined): Promise<void> => {
    for (const f of files ? [...files] : []) {
      try {
        await addSubmissions(await f.text(), f.name);
      } catch {
        say(`${f.name}: the file could not be read.`);
      }
    }
  };
  const drop = h(
    'div',
    { class: 'drop-zone', 'data-testid': 'workshop-drop' },
    h('label', { for: 'ws-files' }, 'Or pick or drop replay files (.replay.json) or text files here'),
    fileInput,
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    void addFiles(e.dataTransfer?.files);
  });

  const viewPicker = h(
    'div',
    { class: 'inline view-picker', role: 'group', 'aria-label': 'Show' },
    ...(['All', ...VIEWS] as const).map((v) =>
      h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          'aria-pressed': String(view === v),
          onclick: () => {
            view = v;
            draw();
          },
        },
        v,
      ),
    ),
  );

  function section(name: View, title: string, ...body: (HTMLElement | null)[]): HTMLElement | null {
    if (view !== 'All' && view !== name) return null;
    return h('section', { class: `room-view room-view-${name.toLowerCase()}` }, h('h2', {}, title), ...body);
  }

  function drawManage(): void {
    if (!manage.open) return;
    manage.hidden = room.teams.length === 0;
    mount(
      manageList,
      ...room.teams.map((t) => {
        const many = t.handIns > 1;
        const teamWords = `“${t.team}”${many ? ` (${t.handIns} hand-ins)` : ''}`;
        const kept = `${t.turns} turn${t.turns === 1 ? '' : 's'}${t.finished ? ', finished' : ', in progress'}`;
        return h(
          'li',
          { 'data-testid': 'manage-team', 'data-team': t.team },
          h('span', {}, `${t.team}: ${t.handIns} hand-in${many ? 's' : ''} `),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary small',
              'data-testid': 'remove-team',
              'aria-label': `Remove team ${t.team}`,
              onclick: () => void removeHandIns(t.texts, teamWords, 'teams'),
            },
            'Remove team',
          ),
          many
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  'data-testid': 'remove-kept',
                  'aria-label': `Remove the kept run (${kept}) of ${t.team}: an earlier hand-in counts instead`,
                  onclick: () =>
                    void removeHandIns(
                      [t.texts[t.texts.length - 1]!],
                      `the run kept for “${t.team}” (${kept})`,
                      'teams',
                    ),
                },
                `Remove the kept run (${kept})`,
              )
            : null,
        );
      }),
    );
  }

  function draw(): void {
    manage.hidden = room.teams.length === 0;
    drawManage();
    for (const b of viewPicker.querySelectorAll('button'))
      b.setAttribute('aria-pressed', String(b.textContent === view));
    mount(
      refusedHost,
      room.refused.length
        ? h(
            'details',
            { class: 'refused', open: room.refused.length <= 5 },
            h('summary', {}, `${room.refused.length} hand-in${room.refused.length === 1 ? '' : 's'} refused`),
            h(
              'ul',
              {},
              ...room.refused.slice(0, 200).map((r) => {
                const what = `the refused hand-in ${r.team ? `of “${r.team}” ` : ''}(${r.source})`;
                return h(
                  'li',
                  {},
                  `${r.team ? `${r.team} (${r.source})` : r.source}: ${r.reason} `,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary small',
                      'data-testid': 'remove-refused',
                      'aria-label': `Remove the refused hand-in from ${r.source}`,
                      onclick: () => void removeHandIns([r.text], what, 'refused'),
                    },
                    'Remove',
                  ),
                );
              }),
            ),
          )
        : null,
      ...room.notes.map((n) => h('p', { class: 'muted small' }, n)),
    );
    const turnSelect = h(
      'select',
      {
        id: 'ws-turn',
        onchange: (e: Event) => {
          turn = Number((e.target as HTMLSelectElement).value);
          draw();
        },
      },
      ...Array.from({ length: scenario.turns }, (_, i) =>
        h('option', { value: String(i + 1), selected: i + 1 === turn }, `Turn ${i + 1}`),
      ),
    );
    const meterSelect = h(
      'select',
      {
        id: 'ws-meter',
        onchange: (e: Event) => {
          meter = (e.target as HTMLSelectElement).value as SeriesKey;
          draw();
        },
      },
      ...SERIES_KEYS.map((k) =>
        h(
          'option',
          { value: k, selected: k === meter },
          k === 'l' ? 'L' : k === 'm' ? 'M' : k[0]!.toUpperCase() + k.slice(1),
        ),
      ),
    );
    // A room of thousands (a stress test, a merged archive) shows its first teams, never all at once.
    const shown = room.teams.length > SHOWN_TEAMS ? { ...room, teams: room.teams.slice(0, SHOWN_TEAMS) } : room;
    mount(
      results,
      shown !== room
        ? h(
            'p',
            { class: 'notice small', 'data-testid': 'teams-cut' },
            `This room has ${room.teams.length.toLocaleString('en')} teams: each view shows the first ${SHOWN_TEAMS} (by name, or by score when ranked). The CSV export holds them all.`,
          )
        : null,
      room.teams.length === 0 && room.refused.length === 0
        ? h(
            'p',
            { class: 'muted' },
            loading && record.submissions.length > 0
              ? `Verifying the room’s ${record.submissions.length.toLocaleString('en')} hand-ins…`
              : 'No team has handed in yet.',
          )
        : null,
      section(
        'Table',
        `Teams (${room.teams.length} verified)`,
        h(
          'label',
          { class: 'inline' },
          h('input', {
            type: 'checkbox',
            checked: ranked,
            onchange: (e: Event) => {
              ranked = (e.target as HTMLInputElement).checked;
              draw();
            },
          }),
          'Rank by score',
        ),
        roomTable(room, scenario, ranked, SHOWN_TEAMS),
      ),
      section(
        'Chart',
        'One meter, every team',
        h('label', { for: 'ws-meter' }, 'Meter '),
        meterSelect,
        roomChart(shown, scenario, meter),
      ),
      section('Regimes', 'Regimes, turn by turn', regimeGrid(shown, scenario)),
      section(
        'Decisions',
        'Decisions',
        h('label', { for: 'ws-turn' }, 'At '),
        turnSelect,
        decisions(shown, scenario, turn),
      ),
      section('Profiles', 'Where the time went: leading : managing hours by aspect', profiles(shown)),
      section('Debrief', 'Questions for the debrief', prompts(room, scenario)),
    );
  }

  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen workshop-screen' },
      h(
        'header',
        { class: 'workshop-header' },
        h('h1', {}, record.name),
        h('p', { class: 'room-code', 'data-testid': 'room-code' }, h('span', { class: 'muted' }, 'Room '), record.room),
        h('p', {}, `${scenario.title} · seed “${record.seed}”`),
        h(
          'div',
          { class: 'inline no-print' },
          presenterToggle(),
          h(
            'button',
            { type: 'button', class: 'secondary small', onclick: () => printAs('handout') },
            'Print the handout',
          ),
          h(
            'button',
            { type: 'button', class: 'secondary small', onclick: () => printAs('report') },
            'Print the debrief report',
          ),
          h(
            'button',
            { type: 'button', class: 'secondary small', 'data-testid': 'export-session', onclick: exportSession },
            'Export the session',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary small',
              'data-testid': 'export-csv',
              onclick: () =>
                ctx.services.download(`momentum-workshop-${record.room}.csv`, 'text/csv', roomCsv(room, scenario)),
            },
            'Export CSV',
          ),
          h(
            'button',
            { type: 'button', class: 'secondary small', onclick: () => ctx.go({ kind: 'workshop-setup' }) },
            'All sessions',
          ),
        ),
      ),
      h(
        'section',
        { class: 'handout', 'aria-labelledby': 'handout-title' },
        h('h2', { id: 'handout-title' }, 'The teams’ link'),
        h('p', { class: 'print-only handout-name' }, `${record.name} · ${scenario.title}`),
        h('label', { for: 'team-link' }, 'Link for every team'),
        h(
          'div',
          { class: 'inline' },
          h('input', { id: 'team-link', type: 'text', readonly: true, value: link, 'data-testid': 'team-link' }),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary no-print',
              onclick: async () =>
                say(
                  (await ctx.services.copyText(link))
                    ? 'The teams’ link is copied.'
                    : 'Copying was refused: select the link and copy it by hand.',
                ),
            },
            'Copy',
          ),
        ),
        h(
          'div',
          { class: 'handout-body' },
          qrCode(link, 'QR code of the teams’ link'),
          h(
            'div',
            {},
            h('p', { class: 'room-code big' }, record.room),
            h('ol', { class: 'steps' }, ...STEPS.map((s) => h('li', {}, s))),
          ),
        ),
        record.teams.length
          ? h(
              'details',
              { class: 'no-print' },
              h('summary', {}, 'One link per team'),
              h(
                'ul',
                {},
                ...record.teams.map((t) => {
                  const own = linkTo({ scenario: scenario.id, seed: record.seed, room: record.room, team: t });
                  return h('li', {}, h('strong', {}, t), ': ', h('code', { class: 'team-own-link' }, own));
                }),
              ),
            )
          : null,
      ),
      h(
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
                void addSubmissions(text, 'pasted text');
              },
            },
            'Add the runs',
          ),
          scanButton(ctx, (text) => void addSubmissions(text, 'camera')),
        ),
        drop,
        h('div', { class: 'collect-status-line' }, status, statusAction),
        progress,
        refusedHost,
        manage,
      ),
      h('div', { class: 'no-print' }, viewPicker),
      results,
      h('div', { class: 'no-print' }, roundTimer(ctx.announce)),
    ),
  );
  ctx.onKey(null);
  // On a projector the dashboard shows one view at a time, in large type.
  ctx.onLeave(
    onPresenterChange((on) => {
      view = on ? (view === 'All' ? 'Table' : view) : 'All';
      draw();
    }),
  );
  draw();
  void refresh().then(() => {
    loading = false;
    draw();
  });
  warmVerifier(ctx, record, entry.hash);
  // Other dashboard tabs on this room say when they stored hand-ins; this one brings them in.
  tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(TABS_CHANNEL) : null;
  if (tabs) {
    const channel = tabs;
    channel.onmessage = (e: MessageEvent<{ room?: string }>) => {
      if (e.data.room !== record.room) return;
      void store.get(record.room).then(async (stored) => {
        if (!stored || mergeConflict(record, stored)) return;
        const next = mergeRecords(record, stored);
        if (sameHandIns(next, record)) return;
        const change = keptSubmissions(next).length - keptSubmissions(record).length;
        record = next;
        await refresh();
        draw();
        const n = Math.abs(change);
        say(
          change > 0
            ? `${n} hand-in${n === 1 ? '' : 's'} added or brought back in another window of this room ${n === 1 ? 'is' : 'are'} shown here too.`
            : change < 0
              ? `${n} hand-in${n === 1 ? '' : 's'} removed in another window of this room ${n === 1 ? 'is' : 'are'} removed here too.`
              : 'What another window of this room changed is shown here too.',
        );
      });
    };
    ctx.onLeave(() => channel.close());
  }
  if (!store.persistent)
    ctx.notices.show({
      id: 'workshop-memory',
      text: 'This browser refuses to keep workshop sessions (private mode?): this one lasts while the page is open. Export it as a file to keep it.',
      actions: [{ label: 'Export the session', run: exportSession }],
    });
}

/**
 * Verifies a short run of the session's own scenario a few times while the facilitator reads the
 * page: the browser compiles the verifier then, so the first paste of a whole room is checked at
 * full speed rather than paying for that compilation.
 */
function warmVerifier(ctx: AppContext, record: WorkshopRecord, hash: string): void {
  const entry = ctx.entries.find((e) => e.scenario.id === record.scenario);
  if (!entry) return;
  window.setTimeout(() => {
    const doc = recordReplay(entry.scenario, hash, record.seed, [[], [], []], { room: record.room });
    const code = tryEncodeCode(doc, entry.scenario);
    if (!code.ok) return;
    const expectation = { scenario: record.scenario, seed: record.seed, room: record.room };
    for (let i = 0; i < 30; i++) collectRoom(ctx.entries, expectation, [{ source: 'warm-up', text: code.code }]);
  }, 50);
}

/**
 * Verifies every hand-in of the session against its scenario, seed and room; with the dashboard's
 * cache, only those not verified before.
 */
function collect(ctx: AppContext, record: WorkshopRecord, cache?: RoomCache): Room {
  return collectRoom(
    ctx.entries,
    { scenario: record.scenario, seed: record.seed, room: record.room },
    keptSubmissions(record),
    cache,
  );
}

/** Prints only the handout, or only the debrief report, through the print stylesheet. */
function printAs(what: 'handout' | 'report'): void {
  document.body.dataset.print = what;
  const done = (): void => {
    delete document.body.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
