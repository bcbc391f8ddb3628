import { traitsOf, type ActionDef, type Scenario, type GameState } from '../../engine';
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
  const present = scenario.members
    .map((m, i) => ({ def: m, state: state.members[i]!, traits: traitsOf(state, i) }))
    .filter((m) => m.state.status !== 'gone');
  let done = false;
  /** Closes and removes the picker once, at once: the close event alone can come too late. */
  const finish = (): void => {
    if (done) return;
    done = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    onClose();
  };
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
    h('button', { type: 'button', class: 'secondary', onclick: finish }, 'Cancel (Esc)'),
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
  // Esc cancels; handled here too because the dialog's own close event can arrive late.
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    finish();
  });
  dialog.addEventListener('close', finish);
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
