import { bundledScenarios } from '../../scenarios/bundled';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { balanceRunner } from './balance-runner';
import { draftAutosave, type Draft } from './draft-autosave';
import { downloadDraft, fileActions } from './file-actions';
import { labEditor } from './lab-editor';
import { labLayout } from './lab-layout';
import { labStart } from './lab-start';
import { WORKER_CHARS } from './lint-check';
import { liveCheck } from './live-check';
import { scenarioKeeping } from './scenario-keeping';
import { shareBox } from './share-box';

/**
 * The scenario lab: open a scenario file (dropped, picked, shared by link or copied from a shipped
 * one), edit it with its problems listed as you type, measure its balance on Web Workers, play it
 * and share it. Loaded on first use only, so the game's own pages never download the editor.
 */
export async function labScreen(ctx: AppContext, hash: string): Promise<void> {
  const { services } = ctx;
  const shipped = bundledScenarios().scenarios;
  let source = 'scenario.json';
  let left = false;
  const heading = h('h1', { tabindex: -1 }, 'Scenario lab');
  const sourceLine = h('p', { class: 'muted small', 'data-testid': 'lab-source' });
  const status = h('p', { class: 'lab-status', role: 'status', 'data-testid': 'lab-status' });
  const say = (text: string): void => void (status.textContent = text);
  const current = (): Draft => ({ text: editor.text(), source });

  const check = liveCheck(
    services.clock,
    () => services.balanceWorker(),
    (problem) => editor.goTo(problem),
    () => runner.warm(),
  );
  const autosave = draftAutosave(services, current);
  const editor = labEditor(
    (text) => check.check(source, text),
    () => autosave.schedule(),
  );
  const runner = balanceRunner(ctx, current, say);
  const keeping = scenarioKeeping(
    ctx,
    shipped.map((s) => s.scenario.id),
    { text: () => editor.text(), load: (text, from) => void load(text, from), say },
  );
  const download = (): void => downloadDraft(services, current());
  const share = shareBox(ctx, download, () => check.problems().length > 0);
  const files = fileActions(shipped, { check, load: (text, from) => load(text, from), announce: ctx.announce, say });

  /**
   * Puts a text in the editor (undo can take it back) and checks it at once. A valid scenario is
   * kept for play, except a link's whose id this browser keeps with other content: that waits for
   * the author's choice.
   */
  const load = async (text: string, from: string, fromLink = false): Promise<void> => {
    keeping.clearChoice();
    source = from;
    check.linkProblem(null);
    sourceLine.textContent = `Editing ${from}.`;
    editor.replace(text);
    runner.clear();
    share.clear();
    // A newly opened file is kept at once: a reload straight after opening a link must find it.
    await autosave.saveNow();
    await check.check(source, text);
    // A valid custom scenario opened here is supplied to the game: its replay codes now verify.
    if (check.problems().length === 0 && text.length < WORKER_CHARS) keeping.opened(text, fromLink);
  };

  const screen = labLayout(
    {
      heading,
      files: files.element,
      source: sourceLine,
      storage: autosave.note,
      kept: keeping.list,
      choice: keeping.choice,
      aside: autosave.aside,
      editor: editor.element,
      check: [check.summary, check.list, check.more],
      balance: runner.controls,
      progress: runner.progress,
      status,
      share: share.element,
      report: runner.report,
    },
    {
      back: () => ctx.go({ kind: 'title' }),
      play: (seed) => keeping.play(seed),
      share: () => void share.share(editor.text()),
      download,
    },
  );
  mount(ctx.root, screen);
  heading.focus();

  // Dropping a file anywhere on the lab opens it.
  files.takeDrops(screen);

  ctx.onLeave(() => {
    left = true;
    runner.leave();
    check.stop();
    autosave.leave();
    editor.destroy();
  });

  await labStart({ address: services.address, autosave, check, files, shipped, load, current, left: () => left }, hash);
}
