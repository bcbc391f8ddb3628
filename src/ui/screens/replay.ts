import { branchAt } from '../../replay/branch';
import { verifyReplay } from '../../replay/verify';
import type { AppContext } from '../context';
import { compareWithParent } from '../compare-parent';
import { h, mount } from '../dom';
import { savedCodes } from '../saves';
import { branchSession } from '../session';
import { replayControls } from './replay-controls';
import { invalidReplayScreen } from './replay-invalid';
import { replayRun } from './replay-run';
import { replayTurnView } from './replay-turn';

/** Playing moves on one turn this often, in milliseconds. */
const PLAY_STEP = 1400;

/** Watch a verified run turn by turn: play, pause, step and a turn slider. */
export function replayScreen(ctx: AppContext, code: string): void {
  ctx.setQuery({ replay: code });
  const r = verifyReplay(code, ctx.entries, { timeline: true });
  if (!r.valid) return invalidReplayScreen(ctx, r);
  const run = replayRun(r);
  const { scenario, doc, last } = run;
  let at = 0;
  let timer: (() => void) | null = null;

  const stop = (): void => {
    timer?.();
    timer = null;
    controls.showPlaying(false);
  };
  // A replay left while playing (a notice's link, a lab link) must not go on drawing the next screen's world.
  ctx.onLeave(() => {
    timer?.();
    timer = null;
  });
  const show = (i: number): void => {
    at = Math.max(0, Math.min(last, i));
    controls.showTurn(at);
    turn.show(at);
  };
  const moveTo = (i: number): void => {
    stop();
    show(i);
  };
  const play = (): void => {
    if (timer !== null) return stop();
    if (at === last) show(0);
    controls.showPlaying(true);
    timer = ctx.services.timers.every(PLAY_STEP, () => {
      if (at >= last) stop();
      else show(at + 1);
    });
  };
  const branch = (): void => {
    stop();
    const point = branchAt(r, at);
    const entry = ctx.entries.find((e) => e.scenario.id === scenario.id);
    if (!point.ok || !entry)
      return controls.refuseBranch(point.ok ? 'This run’s scenario is not available here.' : point.reason);
    // A workshop team playing on from its own run stays that team, in its room; a run of someone
    // else's (a shared code, the facilitator's Watch) is branched as a game of one's own.
    const own = doc.meta?.room !== undefined && savedCodes(ctx.store, ctx.entries).some((c) => c.code === code.trim());
    ctx.go({ kind: 'play', session: branchSession(entry, doc.seed, point, code.trim(), own ? doc.meta : undefined) });
  };
  const withParent = doc.lineage ? compareWithParent(ctx, doc.lineage) : null;
  // Leaving the replay, or opening another view of it, stops playing first.
  const stopThen = (next: () => void) => (): void => {
    stop();
    next();
  };
  const controls = replayControls(
    run,
    {
      step: (by) => moveTo(at + by),
      play,
      seek: moveTo,
      branch,
      compare: stopThen(() => ctx.go({ kind: 'compare', a: code.trim() })),
      compareParent: stopThen(() => withParent?.open(code.trim())),
      title: stopThen(() => ctx.go({ kind: 'title' })),
    },
    withParent?.note ?? null,
  );
  const turn = replayTurnView(ctx, run);
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen replay-screen' },
      turn.header,
      h('div', { class: 'play-grid' }, turn.stage, h('div', { class: 'controls' }, controls.element)),
    ),
  );
  ctx.onKey((e) => {
    const on = (e.target as HTMLElement | null)?.closest('input, button, a');
    if (on?.matches('input')) return false;
    if (e.key === ' ' && !on) {
      play();
      return true;
    }
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last };
    const next = to[e.key];
    if (next === undefined) return false;
    moveTo(next);
    return true;
  });
  show(at);
  controls.playButton.focus();
}
