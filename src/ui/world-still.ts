import { clip } from './clip';
import { svg } from './dom';
import { REGIME_INFO } from './labels';
import { HAIRS, METER_COLORS, REGIME_COLORS, ROOM, SHIRTS, SKINS } from './world/palette';
import { happeningFill, happeningText } from './world/happening-words';
import type { WorldHappening, WorldView } from './world/view';

const W = 640;
const H = 360;

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

const GOAL_WORD: Record<WorldView['goal'], string> = {
  house: 'House built',
  product: 'Product ready',
  pipeline: 'Pipeline flowing',
  culture: 'Culture grown',
};

/** One simple figure: head, hair, shirt; slumped and greyed when disengaged, a dashed outline when gone. */
function figure(x: number, y: number, i: number, m: WorldView['members'][number]): SVGGElement {
  const gone = m.status === 'gone';
  const down = m.status === 'disengaged';
  const shirt = gone ? 'none' : down ? '#7d8391' : hex(SHIRTS[i % SHIRTS.length]!);
  const stroke = gone ? '#5b6070' : hex(ROOM.ink);
  const tilt = down ? 10 : 0;
  const name = clip(m.name, 10);
  const g = svg(
    'g',
    { transform: `translate(${x} ${y}) rotate(${tilt} 0 40)`, class: `still-member still-${m.status}` },
    svg('rect', {
      x: -18,
      y: 6,
      width: 36,
      height: 46,
      rx: 12,
      fill: shirt,
      stroke,
      'stroke-width': 2,
      'stroke-dasharray': gone ? '5 4' : '0',
    }),
    svg('circle', {
      cx: 0,
      cy: -10,
      r: 15,
      fill: gone ? 'none' : hex(SKINS[i % SKINS.length]!),
      stroke,
      'stroke-width': 2,
      'stroke-dasharray': gone ? '5 4' : '0',
    }),
  );
  if (!gone) {
    g.append(
      svg('path', {
        d: 'M-15 -12 A15 15 0 0 1 15 -12 L15 -16 A15 13 0 0 0 -15 -16 Z',
        fill: hex(HAIRS[i % HAIRS.length]!),
      }),
    );
    // Mouth: a smile from morale 50 up, a frown below.
    const curve = m.morale >= 50 ? 4 : -4;
    g.append(svg('path', { d: `M-6 -3 Q0 ${-3 + curve} 6 -3`, stroke: '#202633', 'stroke-width': 2, fill: 'none' }));
  }
  g.append(
    svg('text', { x: 0, y: 72, 'text-anchor': 'middle', 'font-size': 14, fill: '#202633', 'font-weight': 600 }, name),
  );
  return g;
}

function bar(x: number, y: number, w: number, label: string, value: number, color: string): SVGGElement {
  const v = Math.max(0, Math.min(100, value));
  return svg(
    'g',
    {},
    svg('text', { x, y: y - 4, 'font-size': 13, fill: '#ffffff' }, `${label} ${v}`),
    svg('rect', { x, y, width: w, height: 10, rx: 5, fill: 'rgba(255,255,255,0.25)' }),
    svg('rect', { x, y, width: (w * v) / 100, height: 10, rx: 5, fill: color }),
  );
}

/** One of the last turn's happenings on the floor strip: its kind in words, on its colour. */
function banner(x: WorldHappening, y: number): SVGGElement {
  return svg(
    'g',
    { class: `still-happening still-${x.kind}` },
    svg('rect', { x: 60, y: y - 17, width: W - 120, height: 23, rx: 4, fill: hex(happeningFill(x)), opacity: 0.94 }),
    svg(
      'text',
      { x: W / 2, y, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: '#ffffff' },
      happeningText(x),
    ),
  );
}

/**
 * A still picture of the world, drawn as SVG when the animated Phaser world cannot start (no
 * WebGL): the room, the team as simple figures, the regime's icon and word, the goal's progress
 * and the three meters. It changes only when a new view is shown, so it costs nothing between.
 */
export function worldStill(view: WorldView): SVGSVGElement {
  const info = REGIME_INFO[view.regime];
  const regimeColor = hex(REGIME_COLORS[view.regime]);
  const n = Math.max(1, view.members.length);
  const gap = Math.min(96, (W - 80) / n);
  const x0 = W / 2 - (gap * (n - 1)) / 2;
  const progress = Math.max(0, Math.min(100, view.progress));
  const root = svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'world-still',
      'data-testid': 'world-still',
      'data-regime': view.regime,
      preserveAspectRatio: 'xMidYMid meet',
      'font-family': 'system-ui, sans-serif',
    },
    // Room: wall, floor, skirting.
    svg('rect', { x: 0, y: 0, width: W, height: H, fill: hex(ROOM.wall) }),
    svg('rect', { x: 0, y: 250, width: W, height: H - 250, fill: hex(ROOM.floor) }),
    svg('rect', { x: 0, y: 244, width: W, height: 8, fill: hex(ROOM.skirting) }),
    // HUD strip: meters on the left.
    svg('rect', { x: 0, y: 0, width: W, height: 70, fill: 'rgba(18,23,34,0.85)' }),
    bar(16, 22, 150, 'Morale', view.meters.morale, hex(METER_COLORS.morale)),
    bar(186, 22, 150, 'Execution', view.meters.execution, hex(METER_COLORS.execution)),
    bar(16, 54, 150, 'Innovation', view.meters.innovation, hex(METER_COLORS.innovation)),
    svg(
      'text',
      { x: 186, y: 60, 'font-size': 13, fill: '#ffffff' },
      view.turns > 0 ? `Turn ${Math.min(view.turn, view.turns)} / ${view.turns}` : '',
    ),
    // The regime: its badge colour, icon and word.
    svg(
      'g',
      { class: 'still-regime' },
      svg('rect', {
        x: 420,
        y: 10,
        width: 206,
        height: 50,
        rx: 25,
        fill: regimeColor,
        stroke: '#ffffff',
        'stroke-width': 3,
      }),
      svg(
        'text',
        { x: 523, y: 44, 'text-anchor': 'middle', 'font-size': 24, 'font-weight': 700, fill: '#ffffff' },
        `${info.icon} ${info.label}`,
      ),
    ),
    // The goal: a bar on the wall with its words.
    svg(
      'text',
      { x: W / 2, y: 100, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 600, fill: '#202633' },
      `${GOAL_WORD[view.goal]}: ${progress}%`,
    ),
    svg('rect', {
      x: 120,
      y: 108,
      width: 400,
      height: 16,
      rx: 8,
      fill: '#ffffff',
      stroke: '#202633',
      'stroke-width': 2,
    }),
    svg('rect', { x: 122, y: 110, width: (396 * progress) / 100, height: 12, rx: 6, fill: '#1f9d57' }),
  );
  view.members.forEach((m, i) => root.append(figure(x0 + i * gap, 190, i, m)));
  view.happenings.forEach((x, i) => root.append(banner(x, 286 + i * 26)));
  return root;
}
