// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorView } from '@codemirror/view';
import { describe, expect, it, vi } from 'vitest';
import type { BalanceJob } from '../../../src/bots/balance';
import type { BalanceWorkerReply, BalanceWorkerRequest } from '../../../src/lab/balance-run';
import { shareFragment } from '../../../src/lab/share-link';
import { memoryDraftStore, type DraftStore } from '../../../src/platform/lab-drafts';
import { memoryStore, type Store } from '../../../src/platform/storage';
import { bundledScenarios } from '../../../src/scenarios/bundled';
import { SCENARIO_DIR } from '../../../src/scenarios/files';
import type { TestServices } from '../test-services';
import { openApp } from './app-harness';

/** A custom scenario (not shipped with the game) as an author would write it. */
const TEXT = readFileSync(join(SCENARIO_DIR, 'examples', 'support-desk.json'), 'utf8');
/** The same file with one stray character: line 8, column 14. */
const BROKEN = TEXT.replace('"turns": 10', '"turns": 10x');
/** The same id with other content, as a colleague's copy would have. */
const OTHER = TEXT.replace('A tired help desk', 'A worn-out help desk');
const SHIPPED = bundledScenarios().scenarios;

type Draft = Parameters<DraftStore['put']>[0];

/** A draft store that writes down every save and can be made to refuse them, as a full disk would. */
function draftRecorder(options: { persistent?: boolean } = {}): DraftStore & { saves: Draft[]; refuse: boolean } {
  const inner = memoryDraftStore();
  const store = {
    persistent: options.persistent ?? true,
    saves: [] as Draft[],
    refuse: false,
    get: () => inner.get(),
    put(draft: Draft) {
      store.saves.push(draft);
      return store.refuse ? Promise.resolve(false) : inner.put(draft);
    },
    getAside: () => inner.getAside(),
    putAside: (draft: Draft) => inner.putAside(draft),
  };
  return store;
}

/**
 * A balance worker that plays nothing by itself: the test answers the jobs it holds, one at a
 * time, and reads what the page asked of it.
 */
class FakeWorker {
  /** Jobs posted and not yet answered, oldest first. */
  readonly jobs: { id: number; job: BalanceJob }[] = [];
  readonly cancels: (number | undefined)[] = [];
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  private readonly listeners = new Set<(event: { data: BalanceWorkerReply }) => void>();
  addEventListener(type: string, listener: (event: { data: BalanceWorkerReply }) => void): void {
    if (type === 'message') this.listeners.add(listener);
  }
  removeEventListener(type: string, listener: (event: { data: BalanceWorkerReply }) => void): void {
    if (type === 'message') this.listeners.delete(listener);
  }
  postMessage(request: BalanceWorkerRequest): void {
    if (request.type === 'job') this.jobs.push({ id: request.id, job: request.job });
    if (request.type === 'cancel') this.cancels.push(request.id);
  }
  terminate(): void {
    this.terminated = true;
  }
  private reply(data: BalanceWorkerReply): void {
    for (const listener of [...this.listeners]) listener({ data });
  }
  /** Plays the oldest job (a screening of bundles: none ends in momentum); gives its games. */
  answer(): number {
    const { id, job } = this.jobs.shift()!;
    if (job.kind !== 'bundles') throw new Error(`a ${job.kind} job: this stand-in answers bundle jobs only`);
    this.reply({ type: 'part', id, part: { kind: 'bundles', momentum: job.bundles.map(() => 0) } });
    return (job.to - job.from + 1) * job.bundles.length;
  }
  fail(reason: string): void {
    const { id } = this.jobs.shift()!;
    this.reply({ type: 'failed', id, reason });
  }
}

interface OpenLab {
  readonly services: TestServices;
  readonly root: HTMLElement;
  readonly live: HTMLElement;
  byTestId<T extends HTMLElement = HTMLElement>(id: string): T;
  button(text: string): HTMLButtonElement;
  /** The lab's editor. */
  readonly editor: EditorView;
  /** The problems listed, as read. */
  problems(): string[];
  /** Waits until `ready` holds, as the page's promises and the lint's own timer run. */
  until(ready: () => boolean): Promise<void>;
}

/**
 * Starts the app in happy-dom at `path` (a lab address), with stand-in services whose drafts,
 * balance workers and cores a test chooses, and waits for the lab's first check.
 */
async function openLab(
  path = '/?lab',
  options: {
    readonly store?: Store;
    readonly drafts?: DraftStore;
    readonly workers?: () => Worker | null;
    readonly cores?: number;
    readonly clipboard?: boolean;
  } = {},
): Promise<OpenLab> {
  const drafts = options.drafts ?? memoryDraftStore();
  const app = openApp(path, {
    store: options.store,
    clipboard: options.clipboard,
    services: {
      drafts: () => Promise.resolve(drafts),
      ...(options.workers ? { balanceWorker: options.workers } : {}),
      ...(options.cores === undefined ? {} : { cores: options.cores }),
    },
  });
  const { root, live, services, byTestId } = app;
  const until = (ready: () => boolean): Promise<void> =>
    vi.waitFor(
      () => {
        if (!ready()) throw new Error('not yet');
      },
      { timeout: 10_000, interval: 5 },
    );
  await until(() => !!root.querySelector('[data-testid="lab-summary"]')?.textContent);
  return {
    services,
    root,
    live,
    byTestId,
    button(text) {
      const found = [...root.querySelectorAll('button')].find((b) => (b.textContent ?? '').includes(text));
      if (!found) throw new Error(`no button with the text ${text}`);
      return found;
    },
    editor: EditorView.findFromDOM(root.querySelector<HTMLElement>('.cm-editor')!)!,
    problems: () => [...root.querySelectorAll('[data-testid="lab-problems"] > li')].map((li) => li.textContent ?? ''),
    until,
  };
}

const text = (lab: OpenLab): string => lab.editor.state.doc.toString();
const source = (lab: OpenLab): string | null => lab.byTestId('lab-source').textContent;
const summary = (lab: OpenLab): string | null => lab.byTestId('lab-summary').textContent;

/** Types `insert` at the end of the editor's text, as a keystroke would. */
function typeAtEnd(lab: OpenLab, insert: string): void {
  const end = lab.editor.state.doc.length;
  lab.editor.dispatch({ changes: { from: end, insert }, userEvent: 'input.type' });
}

/** Picks `file` in the lab's file input. */
function pick(lab: OpenLab, file: File): void {
  const input = lab.byTestId<HTMLInputElement>('lab-file');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

async function linkTo(scenario: string): Promise<string> {
  const r = await shareFragment(scenario);
  if (!r.ok) throw new Error(r.reason);
  return `/?lab${r.fragment}`;
}

describe('the lab’s draft', () => {
  it('is saved a moment after typing stops, stamped with the clock, and reopens on the next visit', async () => {
    const drafts = draftRecorder();
    await drafts.put({ text: TEXT, source: 'support-desk.json', savedAt: 0 });
    const lab = await openLab('/?lab', { drafts });
    expect(source(lab)).toBe('Editing support-desk.json.');
    expect(text(lab)).toBe(TEXT);
    drafts.saves.length = 0;

    typeAtEnd(lab, '\n');
    lab.services.advance(300);
    typeAtEnd(lab, ' ');
    const lastKey = lab.services.clock.now();
    lab.services.advance(399);
    await lab.services.settle();
    expect(drafts.saves).toEqual([]);
    lab.services.advance(1);
    await lab.services.settle();
    expect(drafts.saves).toEqual([{ text: `${TEXT}\n `, source: 'support-desk.json', savedAt: lastKey + 400 }]);

    const again = await openLab('/?lab', { drafts });
    expect(text(again)).toBe(`${TEXT}\n `);
    expect(source(again)).toBe('Editing support-desk.json.');
  });

  it('is saved at once when the lab is left, and not again after', async () => {
    const drafts = draftRecorder();
    const lab = await openLab('/?lab', { drafts });
    drafts.saves.length = 0;
    typeAtEnd(lab, '\n');
    const leftAt = lab.services.clock.now();
    lab.button('Back to the title').click();
    expect(drafts.saves).toEqual([
      { text: `${SHIPPED[0]!.text}\n`, source: `a copy of ${SHIPPED[0]!.file}`, savedAt: leftAt },
    ]);
    lab.services.advance(1000);
    await lab.services.settle();
    expect(drafts.saves).toHaveLength(1);
  });

  it('says so when the browser refuses to keep it, or keeps drafts for this visit only', async () => {
    const drafts = draftRecorder();
    const lab = await openLab('/?lab', { drafts });
    const note = lab.root.querySelector('[data-testid="lab-source"] + p')!;
    expect(note.textContent).toBe('');
    drafts.refuse = true;
    typeAtEnd(lab, '\n');
    lab.services.advance(400);
    await lab.services.settle();
    expect(note.textContent).toBe('The browser refused to keep this draft: download it to keep it.');

    const forgetful = await openLab('/?lab', { drafts: draftRecorder({ persistent: false }) });
    expect(forgetful.root.querySelector('[data-testid="lab-source"] + p')!.textContent).toBe(
      'This browser does not keep drafts: a reload loses your edits, so download the file.',
    );
  });

  it('is put aside when a shared link takes the editor, and comes back with the link’s scenario put aside', async () => {
    const drafts = draftRecorder();
    await drafts.put({ text: BROKEN, source: 'support-desk.json', savedAt: 0 });
    const lab = await openLab(await linkTo(TEXT), { drafts });
    await lab.until(() => source(lab) === 'Editing a shared link.');
    expect(text(lab)).toBe(TEXT);
    expect(lab.byTestId('lab-aside').textContent).toContain('Your draft (support-desk.json) was put aside, not lost.');
    // The link's scenario is the draft now: the address no longer carries it.
    expect(lab.services.log.addresses.at(-1)).toBe('/?lab');
    expect((await drafts.get())?.text).toBe(TEXT);

    lab.byTestId('lab-aside-back').click();
    await lab.until(() => source(lab) === 'Editing support-desk.json.');
    expect(text(lab)).toBe(BROKEN);
    expect(lab.root.querySelector('[data-testid="lab-aside"]')).toBeNull();
    expect(await drafts.getAside()).toMatchObject({ text: TEXT, source: 'a shared link' });
  });

  it('is not put aside by a link to the very same text', async () => {
    const drafts = draftRecorder();
    await drafts.put({ text: TEXT, source: 'support-desk.json', savedAt: 0 });
    const lab = await openLab(await linkTo(TEXT), { drafts });
    await lab.until(() => source(lab) === 'Editing a shared link.');
    expect(lab.root.querySelector('[data-testid="lab-aside"]')).toBeNull();
    expect(await drafts.getAside()).toBeNull();
  });
});

describe('a shared lab link', () => {
  it('never replaces a kept scenario of the same id without a choice', async () => {
    const store = memoryStore();
    const drafts = draftRecorder();
    const keys = (): string[] =>
      store
        .keys()
        .filter((k) => k.startsWith('momentum.scenario'))
        .sort();
    // A scenario new to this browser is kept for play.
    const first = await openLab(await linkTo(TEXT), { store, drafts });
    await first.until(() => store.get('momentum.scenario.support-desk') !== null);
    expect(store.get('momentum.scenario.support-desk')).toBe(TEXT);

    // Other content under the same id: nothing kept changes until a choice is made.
    const second = await openLab(await linkTo(OTHER), { store, drafts });
    await second.until(() => second.root.querySelector('[data-testid="lab-keep-choice"]') !== null);
    expect(second.byTestId('lab-keep-choice').textContent).toContain(
      'This browser already keeps a different scenario with the id “support-desk”.',
    );
    expect(second.byTestId('lab-aside')).toBeTruthy();
    expect(store.get('momentum.scenario.support-desk')).toBe(TEXT);

    // Keep both: the link's scenario under a free id, the kept one as it was.
    second.byTestId('lab-keep-both').click();
    await second.until(() => store.get('momentum.scenario.support-desk-2') !== null);
    expect(JSON.parse(store.get('momentum.scenario.support-desk-2')!)).toMatchObject({
      id: 'support-desk-2',
      tagline: expect.stringContaining('worn-out'),
    });
    expect(store.get('momentum.scenario.support-desk')).toBe(TEXT);
    expect(source(second)).toBe('Editing a shared link, kept as “support-desk-2”.');
    expect(second.root.querySelector('[data-testid="lab-keep-choice"]')).toBeNull();

    // Replace, chosen: the link's scenario is kept; the one it replaces stays by its content hash.
    const third = await openLab(await linkTo(OTHER), { store, drafts });
    await third.until(() => third.root.querySelector('[data-testid="lab-keep-replace"]') !== null);
    third.byTestId('lab-keep-replace').click();
    expect(store.get('momentum.scenario.support-desk')).toBe(OTHER);
    expect(keys().filter((k) => k.startsWith('momentum.scenario-version.'))).toHaveLength(1);

    // Kept scenarios are listed, and can be deleted (the earlier version with it), with an undo.
    const before = keys();
    expect(before).toHaveLength(3);
    const kept = third.byTestId('lab-kept');
    expect(kept.querySelector('summary')!.textContent).toBe('Scenarios kept in this browser (2)');
    third.byTestId('lab-kept-delete-support-desk').click();
    expect(keys()).toEqual(['momentum.scenario.support-desk-2']);
    expect(kept.querySelector('summary')!.textContent).toBe('Scenarios kept in this browser (1)');
    third.services.advance(50);
    expect(third.live.textContent).toContain('“The Support Desk” (support-desk) was deleted from this browser.');
    third.button('Undo').click();
    expect(keys()).toEqual(before);
  });

  it('lists why a damaged link could not be opened, above the draft’s own problems', async () => {
    const lab = await openLab('/?lab#lab=@@@');
    await lab.until(() => summary(lab)?.startsWith('The shared link could not be opened.') ?? false);
    expect(lab.problems()[0]).toMatch(/damaged or cut short/);
    expect(lab.byTestId('lab-summary').dataset.ok).toBe('false');
    // The draft behind it is the first shipped scenario, valid, and still in the editor.
    expect(text(lab)).toBe(SHIPPED[0]!.text);
  });

  it('opens a broken scenario as it is, with its problems listed', async () => {
    const lab = await openLab(await linkTo('{\n  "id": "x",\n  "turns": "many"\n'));
    await lab.until(() => source(lab) === 'Editing a shared link.');
    expect(summary(lab)).toMatch(/problems? to fix\.$/);
    expect(lab.problems().join('\n')).toMatch(/invalid JSON/);
  });
});

describe('the lab’s files and actions', () => {
  it('lists a broken file’s problems with a link to each place, and names a download after it', async () => {
    const lab = await openLab();
    pick(lab, new File([BROKEN], 'support-desk.json', { type: 'application/json' }));
    await lab.until(() => source(lab) === 'Editing support-desk.json.' && summary(lab) === '1 problem to fix.');
    expect(lab.problems()).toHaveLength(1);
    expect(lab.problems()[0]).toContain('support-desk.json: invalid JSON at line 8, column 14');
    lab.services.advance(50);
    expect(lab.live.textContent).toBe('Opened support-desk.json: 1 problem to fix.');

    lab.byTestId('lab-problems').querySelector('button')!.click();
    // The cursor sits on the stray character.
    expect(lab.editor.state.selection.main.head).toBe(BROKEN.indexOf('10x') + 2);
    expect(lab.editor.hasFocus).toBe(true);

    lab.byTestId('lab-download').click();
    expect(lab.services.log.downloads).toEqual([{ name: 'support-desk.json', type: 'application/json', text: BROKEN }]);
  });

  it('names a valid scenario’s download after its id', async () => {
    const lab = await openLab();
    pick(lab, new File([TEXT], 'my draft.json'));
    await lab.until(
      () => lab.byTestId('lab-summary').dataset.ok === 'true' && source(lab) === 'Editing my draft.json.',
    );
    lab.byTestId('lab-download').click();
    expect(lab.services.log.downloads).toEqual([{ name: 'support-desk.json', type: 'application/json', text: TEXT }]);
  });

  it('refuses a file over 5 MB, dropped or picked', async () => {
    const lab = await openLab();
    const huge = new File([`{"briefing": "${'x'.repeat(5 * 1024 * 1024)}"}`], 'huge.json');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [huge] } });
    lab.root.querySelector('.lab-screen')!.dispatchEvent(drop);
    expect(summary(lab)).toBe('The file was not opened.');
    expect(lab.problems()).toEqual(['huge.json: the file is 5.0 MB, more than the 5 MB a scenario may be.']);
    // The editor keeps what it had.
    expect(text(lab)).toBe(SHIPPED[0]!.text);
  });

  it('lists the first 500 problems of a crowded file and says how many more follow', async () => {
    const lab = await openLab();
    const data = JSON.parse(TEXT) as { events: object[] };
    // 100 empty events, each missing its six fields: 600 problems.
    data.events = Array.from({ length: 100 }, () => ({}));
    pick(lab, new File([JSON.stringify(data, null, 2)], 'crowded.json'));
    await lab.until(() => summary(lab) === '600 problems to fix.');
    expect(lab.problems()).toHaveLength(500);
    expect(lab.problems()[0]).toBe(
      'Go to line 114, column 5crowded.json: $.events[0].id (line 114, column 5): missing field: expected a string',
    );
    expect(lab.byTestId('lab-problems').nextElementSibling!.textContent).toBe(
      'The first 500 are listed; 100 more follow once these are fixed.',
    );
  });

  it('shows text holding HTML as text, and refuses to play a scenario under a shipped id', async () => {
    const lab = await openLab();
    const html = TEXT.replace('"id": "support-desk"', '"id": "html-desk"').replace(
      '"title": "The Support Desk"',
      '"title": "<b>Bold</b><img src=x onerror=alert(1)>"',
    );
    pick(lab, new File([html], 'html-desk.json'));
    await lab.until(
      () => source(lab) === 'Editing html-desk.json.' && lab.byTestId('lab-summary').dataset.ok === 'true',
    );
    expect(summary(lab)).toContain('<b>Bold</b><img src=x onerror=alert(1)>');
    expect(lab.root.querySelectorAll('.lab-screen b, .lab-screen img:not(.cm-widgetBuffer)')).toHaveLength(0);

    pick(lab, new File([TEXT.replace('"id": "support-desk"', '"id": "first-team"')], 'copy.json'));
    await lab.until(() => source(lab) === 'Editing copy.json.');
    lab.byTestId('lab-play').click();
    expect(lab.byTestId('lab-status').textContent).toMatch(/ships with the game/);
    lab.services.advance(50);
    expect(lab.live.textContent).toMatch(/ships with the game/);
    expect(lab.root.querySelector('.lab-screen')).not.toBeNull();
  });

  it('plays a valid custom scenario on the seed typed, keeping it', async () => {
    const store = memoryStore();
    const lab = await openLab('/?lab', { store });
    pick(lab, new File([TEXT], 'support-desk.json'));
    await lab.until(() => source(lab) === 'Editing support-desk.json.');
    lab.root.querySelector<HTMLInputElement>('#lab-seed')!.value = 'lab-1';
    lab.byTestId('lab-play').click();
    expect(store.get('momentum.scenario.support-desk')).toBe(TEXT);
    expect(lab.root.querySelector('.lab-screen')).toBeNull();
    expect(lab.root.textContent).toContain('The Support Desk');
    expect(lab.button('Begin')).toBeTruthy();
  });

  it('starts from a copy of a shipped scenario', async () => {
    const lab = await openLab();
    const last = SHIPPED.at(-1)!;
    lab.byTestId<HTMLSelectElement>('lab-copy').value = last.scenario.id;
    lab.button('Copy it').click();
    expect(lab.byTestId('lab-status').textContent).toBe(
      `Started from a copy of “${last.scenario.title}”. Give it an id of its own before you play it.`,
    );
    await lab.until(() => source(lab) === `Editing a copy of ${last.file}.`);
    expect(text(lab)).toBe(last.text);
  });

  it('shares a link that carries the scenario, copied on request', async () => {
    const lab = await openLab();
    pick(lab, new File([BROKEN], 'support-desk.json'));
    await lab.until(() => summary(lab) === '1 problem to fix.');
    lab.services.advance(50);
    lab.byTestId('lab-share').click();
    await lab.until(() => lab.root.querySelector('[data-testid="lab-share-link"]') !== null);
    const field = lab.byTestId<HTMLInputElement>('lab-share-link');
    expect(field.value).toMatch(/^https:\/\/momentum\.example\/\?lab#lab=[\w-]+$/);
    expect(document.activeElement).toBe(field);
    expect(lab.root.querySelector('.lab-share-box')!.textContent).toContain(
      'It still has problems: whoever opens it will see them listed.',
    );
    lab.button('Copy the link').click();
    await lab.services.settle();
    lab.services.advance(50);
    expect(lab.services.log.copied).toEqual([field.value]);
    expect(lab.live.textContent).toBe('Link copied.');

    // The link opens the very same text.
    const opened = await openLab(field.value.slice('https://momentum.example'.length));
    await opened.until(() => source(opened) === 'Editing a shared link.');
    expect(text(opened)).toBe(BROKEN);
  });

  it('offers the file instead when the scenario is too large for a link', async () => {
    const lab = await openLab('/?lab', { clipboard: false });
    // Text that does not compress: a link of it would run far past what a chat carries.
    let seed = 1;
    const noise = Array.from({ length: 20_000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
    lab.editor.dispatch({ changes: { from: 0, to: lab.editor.state.doc.length, insert: noise } });
    lab.byTestId('lab-share').click();
    await lab.until(() => lab.root.querySelector('[data-testid="lab-share-refused"]') !== null);
    expect(lab.byTestId('lab-share-refused').textContent).toMatch(/more than the 8,000 a link can safely carry/);
    lab.root.querySelector<HTMLButtonElement>('.lab-share-box button')!.click();
    expect(lab.services.log.downloads.map((d) => d.text)).toEqual([noise]);
  });
});

describe('the balance report', () => {
  /** A lab whose balance workers are stand-ins the test drives, two cores. */
  async function withWorkers(): Promise<{ lab: OpenLab; made: FakeWorker[] }> {
    const made: FakeWorker[] = [];
    const lab = await openLab('/?lab', {
      cores: 2,
      workers: () => {
        const w = new FakeWorker();
        made.push(w);
        return w as unknown as Worker;
      },
    });
    return { lab, made };
  }

  it('shows its progress at most five times a second, and stops at Cancel, saying so', async () => {
    const { lab, made } = await withWorkers();
    // A valid scenario starts its workers before the click.
    expect(made).toHaveLength(2);
    lab.byTestId<HTMLInputElement>('lab-runs').value = '10';
    lab.byTestId('lab-balance').click();
    await lab.services.settle();
    expect(made).toHaveLength(2);
    expect(lab.byTestId('lab-status').textContent).toBe('Measuring its balance…');
    const row = lab.root.querySelector<HTMLElement>('.lab-progress')!;
    expect(row.hidden).toBe(false);
    expect(lab.byTestId<HTMLButtonElement>('lab-balance').disabled).toBe(true);
    // Each worker holds the job it plays and the next one.
    expect(made.map((w) => w.jobs.length)).toEqual([2, 2]);

    const words = row.querySelector('span')!;
    const bar = row.querySelector('progress')!;
    expect(words.textContent).toBe('');
    lab.services.advance(200);
    const total = /^0 of ([\d,]+) games$/.exec(words.textContent ?? '')?.[1];
    expect(total).toBeDefined();

    const one = made[0]!.answer();
    await lab.services.settle();
    lab.services.advance(199);
    expect(words.textContent).toBe(`0 of ${total} games`);
    lab.services.advance(1);
    expect(words.textContent).toBe(`${one} of ${total} games`);
    expect(bar.value).toBe(one);

    // Two jobs done within one fifth of a second are drawn once, together.
    const two = made[0]!.answer() + made[1]!.answer();
    await lab.services.settle();
    lab.services.advance(200);
    expect(words.textContent).toBe(`${one + two} of ${total} games`);

    const waiting = made.flatMap((w) => w.jobs.map((j) => j.id));
    lab.byTestId('lab-cancel').click();
    expect(lab.byTestId('lab-status').textContent).toBe('The balance report was cancelled.');
    lab.services.advance(50);
    expect(lab.live.textContent).toBe('The balance report was cancelled.');
    expect(row.hidden).toBe(true);
    expect(lab.byTestId<HTMLButtonElement>('lab-balance').disabled).toBe(false);
    expect(document.activeElement).toBe(lab.byTestId('lab-balance'));
    expect(lab.root.querySelector('[data-testid="lab-report"]')).toBeNull();
    // Its workers may be mid-job: they are told to drop their jobs and ended.
    expect(made.flatMap((w) => w.cancels).sort()).toEqual(waiting.sort());
    expect(made.map((w) => w.terminated)).toEqual([true, true]);

    // A report started after the cancel runs on fresh workers; leaving the lab ends them.
    lab.byTestId('lab-balance').click();
    await lab.services.settle();
    expect(made).toHaveLength(4);
    expect(made.slice(2).map((w) => [w.terminated, w.jobs.length])).toEqual([
      [false, 2],
      [false, 2],
    ]);
    lab.button('Back to the title').click();
    expect(made.slice(2).map((w) => w.terminated)).toEqual([true, true]);
  });

  it('says why a report could not finish when a worker fails', async () => {
    const { lab, made } = await withWorkers();
    lab.byTestId<HTMLInputElement>('lab-runs').value = '10';
    lab.byTestId('lab-balance').click();
    await lab.services.settle();
    made[1]!.fail('out of memory');
    await lab.services.settle();
    expect(lab.byTestId('lab-status').textContent).toBe('The balance report could not finish: out of memory.');
    lab.services.advance(50);
    expect(lab.live.textContent).toBe('The balance report could not finish: out of memory.');
    expect(lab.root.querySelector<HTMLElement>('.lab-progress')!.hidden).toBe(true);
    expect(made.map((w) => w.terminated)).toEqual([true, true]);
  });

  it('is refused for a scenario with problems, and where the browser runs no workers', async () => {
    const lab = await openLab();
    pick(lab, new File([BROKEN], 'support-desk.json'));
    await lab.until(() => summary(lab) === '1 problem to fix.');
    lab.byTestId('lab-balance').click();
    expect(lab.byTestId('lab-status').textContent).toBe('Fix the 1 problem listed above before measuring its balance.');

    pick(lab, new File([TEXT], 'support-desk.json'));
    await lab.until(() => lab.byTestId('lab-summary').dataset.ok === 'true');
    lab.byTestId('lab-balance').click();
    await lab.services.settle();
    expect(lab.byTestId('lab-status').textContent).toBe(
      'The balance report needs at least one worker to play its games.',
    );
    expect(lab.root.querySelector<HTMLElement>('.lab-progress')!.hidden).toBe(true);
  });
});
