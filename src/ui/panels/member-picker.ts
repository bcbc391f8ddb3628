import { traitsOf, waiting, type ActionDef, type Scenario, type GameState } from '../../engine';
import { showModal } from '../modal';
import { h } from '../dom';
import { TRAIT_WORDS } from '../labels';

const STATUS: Record<string, string> = { engaged: 'engaged', disengaged: 'disengaged', gone: 'left the team' };

/**
 * A modal list of team members for a targeted action. Esc or the close button cancels;
 * number keys pick the n-th person.
 */
export function openMemberPicker(
  def: ActionDef,
  state: GameState,
  scenario: Scenario,
  onChoose: (memberId: string) => void,
  onClose: () => void,
): HTMLDialogElement {
  // What waits for this very action aimed at this person: the situation panel's open shifts and calls.
  const open = waiting(state);
  const titleOf = (kind: 'shift' | 'call', id: string): string =>
    (kind === 'shift' ? scenario.shifts.find((x) => x.id === id) : scenario.events.find((x) => x.id === id))?.title ??
    id;
  function waitsFor(member: string): string[] {
    return open.filter((w) => w.member === member && w.settledBy.includes(def.id)).map((w) => titleOf(w.kind, w.id));
  }
  const present = scenario.members
    .map((m, i) => ({ def: m, state: state.members[i]!, traits: traitsOf(state, i), waits: waitsFor(m.id) }))
    .filter((m) => m.state.status !== 'gone');
  // Set once the picker is shown; a choice closes it first.
  let finish = (): void => undefined;
  const choose = (id: string): void => {
    finish();
    onChoose(id);
  };
  const dialog = h(
    'dialog',
    { class: 'member-picker', 'aria-labelledby': 'picker-title' },
    h('h2', { id: 'picker-title' }, `${def.title}: with whom?`),
    h('p', { class: 'muted' }, def.hint),
    h(
      'ul',
      { class: 'members' },
      ...present.map((m, i) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', 'data-testid': `target-${m.def.id}`, onclick: () => choose(m.def.id) },
            h('kbd', { 'aria-hidden': 'true' }, String(i + 1)),
            h('span', { class: 'member-name' }, m.def.name),
            h('span', { class: 'member-role' }, m.def.role),
            h(
              'span',
              { class: 'member-stats' },
              `morale ${m.state.morale} · skill ${m.state.skill} · ${STATUS[m.state.status]}`,
            ),
            h('span', { class: 'member-traits' }, m.traits.join(', ')),
            ...m.waits.map((title) =>
              h(
                'span',
                { class: 'member-waits', 'data-testid': `waits-${m.def.id}` },
                h('span', { 'aria-hidden': 'true' }, '⚑ '),
                `Waiting for this: ${title}`,
              ),
            ),
          ),
          m.traits.length
            ? h(
                'ul',
                { class: 'trait-words small' },
                ...m.traits.map((t) => h('li', {}, h('strong', {}, t), `: ${TRAIT_WORDS[t] ?? ''}`)),
              )
            : null,
        ),
      ),
    ),
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => finish() },
      'Cancel',
      h('span', { class: 'key-hint' }, ' (Esc)'),
    ),
  );
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finish();
      return;
    }
    const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
    const pick = m ? present[Number(m[1]) - 1] : undefined;
    if (pick) {
      e.preventDefault();
      choose(pick.def.id);
    }
  });
  finish = showModal(dialog, onClose);
  return dialog;
}
