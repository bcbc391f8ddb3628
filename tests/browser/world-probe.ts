import type { MemberStatus, Regime } from '../../src/engine/state-types';
import { createWorld, type World, type WorldHappening, type WorldMember, type WorldView } from '../../src/ui/world';

/**
 * Runs in the browser: puts the world in a box sized by the query string (?w=1280&h=720, in CSS
 * pixels; default: the whole window) and exposes window.__probe for a driver to switch regimes,
 * goals and member statuses, take screenshots and count frames.
 */
const params = new URLSearchParams(location.search);
const box = document.getElementById('world') as HTMLElement;
box.style.width = params.has('w') ? `${params.get('w')}px` : '100vw';
box.style.height = params.has('h') ? `${params.get('h')}px` : '100vh';

const NAMES = ['Rita', 'Joe', 'Mei', 'Sam', 'Luca', 'Nadia', 'Zoë', 'Tomás'];

function team(count: number, statuses: Partial<Record<number, MemberStatus>>): WorldMember[] {
  return NAMES.slice(0, count).map((name, i) => ({
    id: name.toLowerCase(),
    name,
    role: 'Role',
    status: statuses[i] ?? 'engaged',
    morale: 40 + ((i * 17) % 45),
  }));
}

export interface ProbeView {
  regime?: Regime;
  goal?: WorldView['goal'];
  progress?: number;
  count?: number;
  statuses?: Partial<Record<number, MemberStatus>>;
  meters?: WorldView['meters'];
  turn?: number;
  happenings?: WorldHappening[];
  moment?: number;
}

function view(p: ProbeView): WorldView {
  return {
    regime: p.regime ?? 'momentum',
    goal: p.goal ?? 'house',
    progress: p.progress ?? 55,
    members: team(p.count ?? 6, p.statuses ?? { 4: 'disengaged', 5: 'gone' }),
    meters: p.meters ?? { morale: 64, execution: 48, innovation: 71 },
    turn: p.turn ?? 5,
    turns: 12,
    happenings: p.happenings ?? [],
    moment: p.moment ?? 0,
  };
}

let world: World | null = null;

async function start(reducedMotion: boolean): Promise<void> {
  world = await createWorld(box, { reducedMotion });
}

const probe = {
  start,
  show: (p: ProbeView) => world?.show(view(p)),
  setReducedMotion: (r: boolean) => world?.setReducedMotion(r),
  renderer: () => world?.renderer() ?? 'none',
  frames: () => world?.frames() ?? 0,
  destroy: () => {
    world?.destroy();
    world = null;
  },
  /** Frames rendered over `ms` of wall time, as frames per second. */
  fps: async (ms: number): Promise<number> => {
    const f0 = world?.frames() ?? 0;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    return (((world?.frames() ?? 0) - f0) * 1000) / (performance.now() - t0);
  },
  /** Calls show() `count` times as fast as possible, like a replay slider being dragged. */
  scrub: (count: number): number => {
    const t0 = performance.now();
    const regimes: Regime[] = ['momentum', 'chaos', 'stagnation', 'drift'];
    for (let i = 0; i < count; i++) {
      world?.show(view({ regime: regimes[i % 4], progress: i % 101, turn: (i % 12) + 1 }));
    }
    return performance.now() - t0;
  },
};

(window as unknown as { __probe: typeof probe }).__probe = probe;
await start(params.get('reduced') === '1');
(window as unknown as { __ready: boolean }).__ready = true;
