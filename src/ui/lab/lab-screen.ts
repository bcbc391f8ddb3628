import { acceptDrops } from '../drop-zone';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { actionDef } from '../../engine';
import { workerExecutors, type BalanceWorkerPort } from '../../lab/balance-run';
import { runBalance } from '../../lab/balance-run';
import { MAX_SCENARIO_BYTES, readShareFragment, shareFragment } from '../../lab/share-link';
import { balanceVerdict } from '../../lab/verdict';
import { CUSTOM_PREFIX, keepCustomScenario, keptOtherwise } from '../../platform/custom-scenarios';
import type { DraftStore } from '../../platform/lab-drafts';
import { bundledScenarios } from '../../scenarios/bundled';
import { lintScenarioText, type ScenarioProblem } from '../../scenarios/lint';
import schemaJson from '../../../scenarios/scenario.schema.json';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { randomSeed } from '../screens/picker';
import { newSession } from '../session';
import { schemaCompletion } from './completion';
import { keptList } from './kept-list';
import { asideNotice, freeId, keepChoice, withId } from './link-guard';
import { scenarioChecker, WORKER_CHARS } from './lint-check';
import { reportView } from './report';
import type { SchemaNode } from './schema-path';

/**
 * The scenario lab: open a scenario file (dropped, picked, shared by link or copied from a shipped
 * one), edit it with its problems listed as you type, measure its balance on Web Workers, play it
 * and share it. Loaded on first use only, so the game's own pages never download the editor.
 */

const LINT_DELAY = 250;
const SAVE_DELAY = 400;
const DEFAULT_RUNS = 500;
/** A file with thousands of problems lists the first of them: the rest usually share their cause. */
const MAX_SHOWN = 500;

/** A problem's place in the editor's text: its line and column (from 1), clamped to the text. */
function offsetOf(doc: Text, problem: Pick<ScenarioProblem, 'line' | 'column'>): number {
  if (problem.line === null) return 0;
  const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
  return Math.min(line.to, line.from + Math.max(0, (problem.column ?? 1) - 1));
}

/** Colours readable on the lab's dark editor (CodeMirror's default style is made for a light one). */
const JSON_COLOURS = HighlightStyle.define([
  { tag: tags.propertyName, color: '#f3f4f8', fontWeight: '600' },
  { tag: tags.string, color: '#ffcf8a' },
  { tag: tags.number, color: '#7cc6ff' },
  { tag: [tags.bool, tags.null], color: '#c9a7ff' },
  { tag: tags.invalid, color: '#ff7a5c', textDecoration: 'underline' },
]);

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export async function labScreen(ctx: AppContext, hash: string): Promise<void> {
  const shipped = bundledScenarios().scenarios;
  const shippedIds = shipped.map((s) => s.scenario.id);
  let drafts: DraftStore | null = null;
  let source = 'scenario.json';
  let problems: readonly ScenarioProblem[] = [];
  const { clock, timers } = ctx.services;
  let cancelSave = (): void => undefined;
  let running: { abort: AbortController; workers: Worker[] } | null = null;
  let left = false;
  /** Why a shared link could not be read: listed first until another scenario is opened. */
  let linkProblem: string | null = null;

  const heading = h('h1', { tabindex: -1 }, 'Scenario lab');
  const sourceLine = h('p', { class: 'muted small', 'data-testid': 'lab-source' });
  const storageNote = h('p', { class: 'muted small' });
  // A link's scenario that meets a kept one of the same id, and a draft a link put aside.
  const choiceBox = h('div', {});
  const asideBox = h('div', {});
  const guardBox = h('div', { class: 'lab-guard' }, choiceBox, asideBox);
  const kept = keptList(ctx.store, ctx.notices, ctx.announce);
  const summary = h('p', { class: 'lab-summary', 'data-testid': 'lab-summary', role: 'status' });
  const problemList = h('ul', { class: 'lab-problems', 'data-testid': 'lab-problems' });
  const moreProblems = h('p', { class: 'muted small' });
  const actionStatus = h('p', { class: 'lab-status', role: 'status', 'data-testid': 'lab-status' });
  const reportBox = h('div', { class: 'lab-report-box' });
  const shareBox = h('div', { class: 'lab-share-box' });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Games played for the balance report' });
  const progressText = h('span', { class: 'small' });
  const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'lab-cancel' }, 'Cancel');
  const progressRow = h('div', { class: 'lab-progress', hidden: true }, progress, progressText, cancel);

  const problemItem = (p: ScenarioProblem): HTMLElement => {
    const where = p.line === null ? null : `line ${p.line}${p.column === null ? '' : `, column ${p.column}`}`;
    return h(
      'li',
      { class: 'lab-problem' },
      where
        ? h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'aria-label': `Go to ${where}: ${p.message}`,
              onclick: () => {
                const at = offsetOf(view.state.doc, p);
                view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
                view.focus();
              },
            },
            `Go to ${where}`,
          )
        : null,
      h('span', { class: 'lab-problem-text' }, p.text),
    );
  };

  const checker = scenarioChecker(() => ctx.services.balanceWorker());
  let checkSeq = 0;
  /** Checks the text as the game loads it and shows the outcome; returns the editor's diagnostics. */
  const check = async (text: string): Promise<Diagnostic[]> => {
    const seq = ++checkSeq;
    if (text.length >= WORKER_CHARS) summary.textContent = 'Checking…';
    const started = clock.elapsed();
    const r = await checker.check(source, text);
    if (seq !== checkSeq || left) return [];
    problems = r.problems;
    const shown = problems.slice(0, MAX_SHOWN);
    const linkItem = linkProblem
      ? h('li', { class: 'lab-problem' }, h('span', { class: 'lab-problem-text' }, linkProblem))
      : null;
    mount(problemList, linkItem, ...shown.map(problemItem));
    moreProblems.textContent =
      problems.length > MAX_SHOWN
        ? `The first ${MAX_SHOWN} are listed; ${(problems.length - MAX_SHOWN).toLocaleString('en-US')} more follow once these are fixed.`
        : '';
    const ms = Math.round(clock.elapsed() - started);
    summary.dataset.ms = String(ms);
    summary.textContent = r.scenario
      ? `No problems: “${r.scenario.title}” (${r.scenario.id}) is a valid scenario of ${plural(r.scenario.turns, 'turn', 'turns')}.`
      : `${plural(problems.length, 'problem', 'problems')} to fix.`;
    if (linkProblem) summary.textContent = `The shared link could not be opened. ${summary.textContent}`;
    summary.dataset.ok = String(r.scenario !== null && !linkProblem);
    if (r.scenario) warmWorkers();
    const doc = view.state.doc;
    return shown.map((p) => {
      const from = offsetOf(doc, p);
      const to = Math.min(doc.lineAt(from).to, from + 1);
      return { from, to: Math.max(from, to), severity: 'error', message: p.text };
    });
  };

  const saveNow = async (): Promise<void> => {
    cancelSave();
    const ok = await drafts?.put({ text: view.state.doc.toString(), source, savedAt: clock.now() });
    if (ok === false) storageNote.textContent = 'The browser refused to keep this draft: download it to keep it.';
  };
  const save = (): void => {
    cancelSave();
    cancelSave = timers.after(SAVE_DELAY, () => void saveNow());
  };

  const view = new EditorView({
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        syntaxHighlighting(JSON_COLOURS),
        json(),
        lintGutter(),
        linter((v) => check(v.state.doc.toString()), { delay: LINT_DELAY }),
        autocompletion({ override: [schemaCompletion(schemaJson as SchemaNode)] }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        // An explicit tab stop on the text (already one as an editable area) marks the scrolling
        // editor as reachable by keyboard to checkers that do not count contenteditable.
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario file (JSON)', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) save();
        }),
      ],
    }),
  });

  /**
   * Puts a text in the editor (undo can take it back) and checks it at once. A valid scenario is
   * kept for play, except a link's whose id this browser keeps with other content: that waits for
   * the author's choice.
   */
  const load = async (text: string, from: string, fromLink = false): Promise<void> => {
    mount(choiceBox);
    source = from;
    linkProblem = null;
    sourceLine.textContent = `Editing ${from}.`;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    mount(reportBox);
    mount(shareBox);
    // A newly opened file is kept at once: a reload straight after opening a link must find it.
    await saveNow();
    await check(text);
    // A valid custom scenario opened here is supplied to the game: its replay codes now verify.
    if (problems.length === 0 && text.length < WORKER_CHARS) {
      const id = (JSON.parse(text) as { id: string }).id;
      if (fromLink && keptOtherwise(ctx.store, id, text) !== null) {
        const taken = (x: string): boolean => shippedIds.includes(x) || ctx.store.get(`${CUSTOM_PREFIX}${x}`) !== null;
        const renamed = freeId(id, taken);
        mount(
          choiceBox,
          keepChoice(
            id,
            renamed,
            () => {
              mount(choiceBox);
              void load(withId(view.state.doc.toString(), id, renamed), `a shared link, kept as “${renamed}”`);
            },
            () => {
              mount(choiceBox);
              keep(view.state.doc.toString());
            },
          ),
        );
        return;
      }
      keep(text);
    }
  };
  const keep = (text: string): void => {
    const r = keepCustomScenario(ctx.store, text, shippedIds);
    if (r.ok) ctx.addEntry?.(r.entry);
    else actionStatus.textContent = r.reason;
    kept.refresh();
  };

  const openFile = async (file: File): Promise<void> => {
    if (file.size > MAX_SCENARIO_BYTES) {
      summary.textContent = 'The file was not opened.';
      mount(
        problemList,
        h(
          'li',
          { class: 'lab-problem' },
          h(
            'span',
            { class: 'lab-problem-text' },
            `${file.name}: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than the 5 MB a scenario may be.`,
          ),
        ),
      );
      return;
    }
    // A file large enough to be checked on a worker starts it while the file is read.
    if (file.size >= WORKER_CHARS) checker.warm();
    await load(await file.text(), file.name);
    ctx.announce(`Opened ${file.name}: ${summary.textContent ?? ''}`);
  };

  const fileInput = h('input', {
    type: 'file',
    id: 'lab-file',
    accept: '.json,application/json',
    'data-testid': 'lab-file',
    onchange: () => {
      const file = fileInput.files?.[0];
      if (file) void openFile(file);
      fileInput.value = '';
    },
  });
  const copyPick = h(
    'select',
    { id: 'lab-copy', 'data-testid': 'lab-copy' },
    ...shipped.map((s) => h('option', { value: s.scenario.id }, `${s.scenario.title} (${s.scenario.id})`)),
  );
  const copyShipped = (): void => {
    const s = shipped.find((x) => x.scenario.id === copyPick.value);
    if (!s) return;
    void load(s.text, `a copy of ${s.file}`);
    actionStatus.textContent = `Started from a copy of “${s.scenario.title}”. Give it an id of its own before you play it.`;
  };

  const runsInput = h('input', {
    id: 'lab-runs',
    type: 'number',
    min: 1,
    max: 100000,
    value: DEFAULT_RUNS,
    inputmode: 'numeric',
    'data-testid': 'lab-runs',
  });
  const seedInput = h('input', {
    id: 'lab-seed',
    type: 'text',
    value: randomSeed(),
    autocomplete: 'off',
    spellcheck: 'false',
  });

  /**
   * Balance workers started ahead of the click, once there is a valid scenario to measure, so a
   * report does not wait for them to load; kept after a report for the next one.
   */
  let ready: Worker[] = [];
  const warmWorkers = (): void => {
    if (left || running) return;
    while (ready.length < ctx.services.cores) {
      const worker = ctx.services.balanceWorker();
      if (!worker) return;
      ready.push(worker);
    }
  };
  const dropWorkers = (): void => {
    for (const w of ready) w.terminate();
    ready = [];
  };
  const stopRunning = (finished = false): void => {
    if (!running) return;
    running.abort.abort();
    // A finished report leaves its workers idle; a cancelled one may leave them mid-job.
    if (finished && !left) ready = running.workers;
    else for (const w of running.workers) w.terminate();
    running = null;
    progressRow.hidden = true;
    balanceButton.disabled = false;
  };
  cancel.addEventListener('click', () => {
    stopRunning();
    actionStatus.textContent = 'The balance report was cancelled.';
    ctx.announce('The balance report was cancelled.');
    balanceButton.focus();
  });

  const balance = async (): Promise<void> => {
    const text = view.state.doc.toString();
    const r = lintScenarioText(source, text, { expectedId: null });
    if (!r.ok) {
      actionStatus.textContent = `Fix the ${plural(r.problems.length, 'problem', 'problems')} listed above before measuring its balance.`;
      return;
    }
    const runs = Number(runsInput.value);
    stopRunning();
    mount(reportBox);
    const { cores } = ctx.services;
    const workers =
      ready.length === cores
        ? ready
        : Array.from({ length: cores }, () => ctx.services.balanceWorker()).filter((w) => w !== null);
    if (workers !== ready) dropWorkers();
    ready = [];
    const abort = new AbortController();
    running = { abort, workers };
    progressRow.hidden = false;
    balanceButton.disabled = true;
    actionStatus.textContent = 'Measuring its balance…';
    const started = clock.elapsed();
    let latest = { done: 0, total: 1 };
    let progressTimer: (() => void) | undefined;
    const showProgress = (): void => {
      progressTimer = undefined;
      progress.max = latest.total;
      progress.value = latest.done;
      progressText.textContent = `${latest.done.toLocaleString('en-US')} of ${latest.total.toLocaleString('en-US')} games`;
    };
    const result = await runBalance(r.scenario, {
      runs,
      executors: workers.flatMap((w) => workerExecutors(w as unknown as BalanceWorkerPort)),
      signal: abort.signal,
      onProgress: (p) => {
        latest = p;
        // Drawn at most five times a second: each repaint takes time from the workers' cores.
        progressTimer ??= timers.after(200, showProgress);
      },
    });
    progressTimer?.();
    if (left || running?.abort !== abort) return;
    const seconds = (clock.elapsed() - started) / 1000;
    stopRunning(result.ok);
    if (!result.ok) {
      if (!result.cancelled) {
        actionStatus.textContent = result.reason;
        ctx.announce(result.reason);
      }
      return;
    }
    const findings = balanceVerdict(result.report);
    mount(
      reportBox,
      reportView(
        result.report,
        result.details,
        findings,
        seconds,
        (id) => actionDef(id)?.title ?? id,
        (id) => r.scenario.members.find((m) => m.id === id)?.name ?? id,
      ),
    );
    reportBox.dataset.seconds = seconds.toFixed(2);
    actionStatus.textContent = `The balance report is ready (${seconds.toFixed(1)} s).`;
    ctx.announce(`Balance report ready. ${findings[0]?.text ?? ''}`);
  };
  const balanceButton = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'lab-balance', onclick: () => void balance() },
    'Check its balance',
  );

  const play = (): void => {
    const text = view.state.doc.toString();
    const made = keepCustomScenario(ctx.store, text, shippedIds);
    kept.refresh();
    if (!made.ok) {
      actionStatus.textContent = made.reason;
      ctx.announce(made.reason);
      return;
    }
    if (!ctx.addEntry) {
      actionStatus.textContent = 'This page cannot add a scenario to the game.';
      return;
    }
    ctx.addEntry(made.entry);
    ctx.go({ kind: 'briefing', session: newSession(made.entry, seedInput.value.trim() || randomSeed()) });
  };

  const download = (): void => {
    const text = view.state.doc.toString();
    const r = lintScenarioText(source, text, { expectedId: null });
    const name = r.ok ? `${r.scenario.id}.json` : source.endsWith('.json') ? source : 'scenario.json';
    ctx.services.download(name, 'application/json', text);
  };

  const share = async (): Promise<void> => {
    const text = view.state.doc.toString();
    const base = `${ctx.services.address.origin}${ctx.services.address.pathname}?lab`;
    const r = await shareFragment(text, { base });
    if (!r.ok) {
      mount(
        shareBox,
        h('p', { class: 'notice', role: 'alert', 'data-testid': 'lab-share-refused' }, r.reason),
        h('button', { type: 'button', class: 'secondary', onclick: download }, 'Download the file'),
      );
      return;
    }
    const link = `${base}${r.fragment}`;
    const field = h('input', {
      type: 'text',
      readonly: true,
      value: link,
      id: 'lab-share-link',
      'data-testid': 'lab-share-link',
      'aria-label': 'Link to this scenario',
    });
    const copy = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () =>
          void ctx.services.copyText(link).then((ok) => {
            ctx.announce(ok ? 'Link copied.' : 'The browser refused to copy: select the link and copy it.');
          }),
      },
      'Copy the link',
    );
    mount(
      shareBox,
      h(
        'p',
        { class: 'small' },
        `A link of ${r.length.toLocaleString('en-US')} characters that carries the whole scenario:`,
      ),
      h('div', { class: 'inline lab-share-row' }, field, copy),
    );
    if (problems.length) {
      shareBox.append(
        h('p', { class: 'muted small' }, 'It still has problems: whoever opens it will see them listed.'),
      );
    }
    field.focus();
    field.select();
  };

  const editorHost = h('div', { class: 'lab-editor', 'data-testid': 'lab-editor' });
  editorHost.append(view.dom);
  const screen = h(
    'section',
    { class: 'screen lab-screen' },
    h(
      'header',
      { class: 'lab-header' },
      heading,
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'title' }) },
        'Back to the title',
      ),
    ),
    h(
      'p',
      {},
      'Write a scenario for your own organisation: open its file, or start from a copy of one that ships with the game. It is checked as you type, exactly as the game and the sim CLI check it.',
    ),
    h(
      'div',
      { class: 'lab-open' },
      h(
        'div',
        { class: 'lab-drop', 'data-testid': 'lab-drop' },
        h('label', { for: 'lab-file' }, 'Open a scenario file (.json), or drop it here'),
        fileInput,
      ),
      h(
        'div',
        { class: 'lab-copy-row' },
        h('label', { for: 'lab-copy' }, 'Or start from a copy of'),
        h(
          'span',
          { class: 'inline' },
          copyPick,
          h('button', { type: 'button', class: 'secondary', onclick: copyShipped }, 'Copy it'),
        ),
      ),
    ),
    sourceLine,
    storageNote,
    kept.element,
    guardBox,
    editorHost,
    h('h2', {}, 'Problems'),
    summary,
    problemList,
    moreProblems,
    h('h2', {}, 'Try it'),
    h('div', { class: 'lab-actions' }, h('label', { for: 'lab-runs' }, 'Games per player'), runsInput, balanceButton),
    progressRow,
    h(
      'div',
      { class: 'lab-actions' },
      h('label', { for: 'lab-seed' }, 'Seed'),
      seedInput,
      h('button', { type: 'button', class: 'primary', 'data-testid': 'lab-play', onclick: play }, 'Play this scenario'),
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-testid': 'lab-share', onclick: () => void share() },
        'Share',
      ),
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-testid': 'lab-download', onclick: download },
        'Download the file',
      ),
    ),
    actionStatus,
    shareBox,
    reportBox,
  );
  mount(ctx.root, screen);
  heading.focus();

  // Dropping a file anywhere on the lab opens it.
  acceptDrops(screen, (files) => {
    const file = files[0];
    if (file) void openFile(file);
  });

  ctx.onLeave(() => {
    left = true;
    stopRunning();
    dropWorkers();
    checker.stop();
    cancelSave();
    const text = view.state.doc.toString();
    void drafts?.put({ text, source, savedAt: clock.now() });
    view.destroy();
  });

  drafts = await ctx.services.drafts();
  if (left) return;
  if (!drafts.persistent)
    storageNote.textContent = 'This browser does not keep drafts: a reload loses your edits, so download the file.';
  const shared = await readShareFragment(hash);
  if (left) return;
  if (shared?.ok) {
    // The draft being edited is put aside, never overwritten, with the way back to it.
    const previous = await drafts.get();
    if (previous && previous.text !== shared.text && (await drafts.putAside(previous))) {
      mount(
        asideBox,
        asideNotice(previous.source, () => {
          void (async () => {
            const aside = await drafts?.getAside();
            if (!aside) return;
            await drafts?.putAside({ text: view.state.doc.toString(), source, savedAt: clock.now() });
            mount(asideBox);
            await load(aside.text, aside.source);
          })();
        }),
      );
    }
    await load(shared.text, 'a shared link', true);
    // The draft now holds the link's scenario: the address no longer needs to carry it.
    ctx.services.address.replace(`${ctx.services.address.pathname}?lab`);
    return;
  }
  const draft = await drafts.get();
  if (left) return;
  if (draft) await load(draft.text, draft.source);
  else {
    const first = shipped[0];
    if (first) {
      copyPick.value = first.scenario.id;
      await load(first.text, `a copy of ${first.file}`);
    }
  }
  if (shared && !shared.ok) {
    linkProblem = shared.reason;
    await check(view.state.doc.toString());
  }
}
