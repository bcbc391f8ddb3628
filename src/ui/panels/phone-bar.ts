import type { GameState } from '../../engine';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';

/** The parts of the play screen the phone bar jumps to. */
export type JumpTarget = 'summary' | 'drivers' | 'situation' | 'meters' | 'cards' | 'turn';

// Each button's name holds its visible word, so a voice user can say what they see.
const JUMPS: readonly { readonly to: JumpTarget; readonly label: string; readonly name: string }[] = [
  { to: 'summary', label: 'Summary', name: 'Jump to the turn’s summary' },
  { to: 'drivers', label: 'Drivers', name: 'Jump to the drivers of L and M' },
  { to: 'situation', label: 'Situation', name: 'Jump to the situation' },
  { to: 'meters', label: 'Meters', name: 'Jump to the meters' },
  { to: 'cards', label: 'Cards', name: 'Jump to the cards' },
  { to: 'turn', label: 'Turn', name: 'Jump to the turn panel, with its hours and the button to end the turn' },
];

/**
 * On a phone the play screen is one long column: this bar stays at the top of the screen with the
 * regime, L, M and the hours left, and a button to each part of the page, so nothing is more than
 * one tap from the cards. Larger screens show every part side by side and hide it.
 */
export function phoneBar(
  st: GameState,
  turns: number,
  has: (to: JumpTarget) => boolean,
  jump: (to: JumpTarget) => void,
): HTMLElement {
  const info = REGIME_INFO[st.regime];
  return h(
    'nav',
    { class: 'phone-bar', 'data-testid': 'phone-bar', 'aria-label': 'This turn at a glance' },
    h(
      'p',
      { class: 'phone-status' },
      `Turn ${Math.min(st.turn, turns)}/${turns} · `,
      h('span', { class: `regime-word regime-${st.regime}` }, `${info.icon} ${info.label}`),
      ` · L ${st.l} · M ${st.m} · ${st.time} h left`,
    ),
    h(
      'div',
      { class: 'phone-jumps' },
      ...JUMPS.filter((j) => has(j.to)).map((j) =>
        h(
          'button',
          {
            type: 'button',
            class: 'secondary small',
            'aria-label': j.name,
            'data-testid': `jump-${j.to}`,
            onclick: () => jump(j.to),
          },
          j.label,
        ),
      ),
    ),
  );
}
