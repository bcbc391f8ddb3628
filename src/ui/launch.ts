import { rememberLiveLink } from './live-team';
import { readLaunch, type Launch } from '../platform/links';
import { nameProblem, seedProblem } from '../replay/seed';
import { clip } from './clip';
import type { AppContext, Screen } from './context';
import { gameFor, savedGames, type SavedGame } from './saves';
import { newSession } from './session';

/**
 * The screen the page's address opens. A link that cannot be followed as it is (an unknown
 * scenario, a bad seed or room code, a branch saved elsewhere) opens the nearest useful screen
 * and says why in a notice.
 */
export function launchScreen(ctx: AppContext): Screen {
  const launch = readLaunch(ctx.services.address.search);
  switch (launch.kind) {
    case 'replay':
      return { kind: 'replay', code: launch.code };
    case 'compare':
      return { kind: 'compare', a: launch.a, b: launch.b };
    case 'lab':
      return { kind: 'lab' };
    case 'workshop':
      return launch.room ? { kind: 'workshop', room: launch.room } : { kind: 'workshop-setup' };
    case 'guide':
      return { kind: 'guide', room: launch.room };
    case 'game':
      return linkedGame(ctx, launch);
    case 'title':
      return { kind: 'title' };
  }
}

/** A game link: the saved game it names, a workshop team's first screen, or a new game. */
export function linkedGame(ctx: AppContext, launch: Launch & { kind: 'game' }): Screen {
  const entry = ctx.entries.find((e) => e.scenario.id === launch.scenario);
  if (!entry) {
    return { kind: 'title', notice: `There is no scenario called “${clip(launch.scenario)}”. Choose one below.` };
  }
  const problem = seedProblem(launch.seed);
  if (problem) {
    ctx.notices.show({ id: 'link-seed', text: `This link’s seed cannot be used. ${problem} Choose a seed below.` });
    return { kind: 'picker', scenario: entry.scenario.id };
  }
  // The link's game, saved, reopens where it was left (a finished one at its result); other
  // saved games are never touched, and a new one gets its own save.
  const saved = savedGames(ctx.store, ctx.entries);
  reportDamaged(ctx, saved);
  const room = launch.room?.trim();
  const roomProblem = room === undefined ? null : room === '' ? 'The room code is empty.' : nameProblem(room, 'room');
  if (roomProblem) {
    ctx.notices.show({
      id: 'link-room',
      text: `This link’s room code cannot be used. ${roomProblem} Ask your facilitator for the link again.`,
    });
    return { kind: 'title' };
  }
  if (room && launch.relay) rememberLiveLink(ctx.store, room, launch.relay);
  const game = gameFor(saved, entry.scenario.id, launch.seed, room, launch.branch);
  if (!game && launch.branch !== undefined) {
    ctx.notices.show({
      id: 'link-branch',
      text: 'The branch this link names is not saved in this browser: it was played in another browser or deleted. Your saved games are listed below.',
    });
    return { kind: 'title' };
  }
  if (game) return game.state.over ? { kind: 'end', session: game } : { kind: 'play', session: game };
  // In a workshop room the team names itself before turn 1.
  if (room)
    return { kind: 'team', session: newSession(entry, launch.seed, { meta: { room } }), suggested: launch.team ?? '' };
  return { kind: 'play', session: newSession(entry, launch.seed) };
}

/** Saved games that cannot be opened are said so on screen; they are kept, listed on the title. */
function reportDamaged(ctx: AppContext, saved: readonly SavedGame[]): void {
  const damaged = saved.flatMap((g) => (g.ok ? [] : [g]));
  if (damaged.length === 0) return;
  const first = damaged[0]!;
  ctx.notices.show({
    id: 'damaged-saves',
    text:
      damaged.length === 1
        ? `A saved game could not be opened: ${first.reason} It is kept; the title screen offers it as a file or deletes it.`
        : `${damaged.length} saved games could not be opened. They are kept; the title screen offers them as files or deletes them.`,
    actions: [{ label: 'Go to the title', run: () => ctx.go({ kind: 'title' }) }],
  });
}
