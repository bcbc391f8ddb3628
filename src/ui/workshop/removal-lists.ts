import type { Room } from '../../workshop';
import { h } from '../dom';

/** Removes these hand-ins; `what` names them in the message that confirms it. */
export type RemoveHandIns = (texts: readonly string[], what: string) => void;

const removeButton = (testid: string, label: string, name: string, run: () => void): HTMLButtonElement =>
  h(
    'button',
    { type: 'button', class: 'secondary small', 'data-testid': testid, 'aria-label': name, onclick: run },
    label,
  );

/** The hand-ins refused, each with its reason and a Remove button; null when none was refused. */
export function refusedList(room: Room, remove: RemoveHandIns): HTMLElement | null {
  if (room.refused.length === 0) return null;
  const n = room.refused.length;
  return h(
    'details',
    { class: 'refused', open: n <= 5 },
    h('summary', {}, `${n} hand-in${n === 1 ? '' : 's'} refused`),
    h(
      'ul',
      {},
      ...room.refused.slice(0, 200).map((r) =>
        h(
          'li',
          {},
          `${r.team ? `${r.team} (${r.source})` : r.source}: ${r.reason} `,
          removeButton('remove-refused', 'Remove', `Remove the refused hand-in from ${r.source}`, () =>
            remove([r.text], `the refused hand-in ${r.team ? `of “${r.team}” ` : ''}(${r.source})`),
          ),
        ),
      ),
    ),
  );
}

/**
 * One line a team: how many hand-ins it has, Remove team, and (with more than one) Remove the
 * kept run, so an earlier hand-in counts instead.
 */
export function teamRemovals(room: Room, remove: RemoveHandIns): HTMLElement[] {
  return room.teams.map((t) => {
    const many = t.handIns > 1;
    const kept = `${t.turns} turn${t.turns === 1 ? '' : 's'}${t.finished ? ', finished' : ', in progress'}`;
    return h(
      'li',
      { 'data-testid': 'manage-team', 'data-team': t.team },
      h('span', {}, `${t.team}: ${t.handIns} hand-in${many ? 's' : ''} `),
      removeButton('remove-team', 'Remove team', `Remove team ${t.team}`, () =>
        remove(t.texts, `“${t.team}”${many ? ` (${t.handIns} hand-ins)` : ''}`),
      ),
      many
        ? removeButton(
            'remove-kept',
            `Remove the kept run (${kept})`,
            `Remove the kept run (${kept}) of ${t.team}: an earlier hand-in counts instead`,
            () => remove([t.texts[t.texts.length - 1]!], `the run kept for “${t.team}” (${kept})`),
          )
        : null,
    );
  });
}

/**
 * "Remove a team or a hand-in": a closed box whose list of teams is drawn only while open
 * (`onToggle` draws it), as a room may hold thousands of hand-ins.
 */
export function removalBox(onToggle: () => void): {
  readonly box: HTMLDetailsElement;
  readonly summary: HTMLElement;
  readonly list: HTMLElement;
} {
  const summary = h('summary', {}, 'Remove a team or a hand-in');
  const list = h('ul', { class: 'manage-list' });
  const box = h(
    'details',
    { class: 'manage', 'data-testid': 'workshop-manage', ontoggle: onToggle },
    summary,
    h(
      'p',
      { class: 'muted small' },
      'A removed hand-in no longer counts in any view. It stays in the session, marked removed, so pasting the whole chat again does not bring it back; Undo, beside the message that confirms the removal, does.',
    ),
    list,
  );
  return { box, summary, list };
}
