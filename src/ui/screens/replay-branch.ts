import { h } from '../dom';

/** "Play on from here": the button, what it will start at the turn shown, and why it could not. */
export interface BranchBox {
  readonly element: HTMLElement;
  /** Says what a branch at turn `at` starts, and clears an earlier refusal. */
  showTurn(at: number): void;
  refuse(reason: string): void;
}

export function branchBox(onBranch: () => void): BranchBox {
  const note = h('p', { class: 'muted small', id: 'branch-note' });
  const button = h(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'branch', 'aria-describedby': 'branch-note' },
    'Play on from here',
  );
  const refusal = h('p', { class: 'notice small', role: 'status', 'data-testid': 'branch-refused' });
  refusal.hidden = true;
  button.addEventListener('click', onBranch);
  return {
    element: h('div', { class: 'branch-box' }, button, note, refusal),
    showTurn(at) {
      note.textContent =
        at === 0
          ? 'Starts a game of this scenario and seed from turn 1, linked to this run. Saved apart: this run is untouched.'
          : `Starts a game with turns 1–${at} of this run re-played, then your own choices. Saved apart: this run is untouched.`;
      refusal.hidden = true;
    },
    refuse(reason) {
      refusal.textContent = reason;
      refusal.hidden = false;
    },
  };
}
