import type { AppContext } from '../context';
import { showModal } from '../modal';
import { h } from '../dom';
import { qrCode } from '../qr';
import { replayOf, type Session } from '../session';

/**
 * "Hand in to your facilitator": the run's code as text to copy and as a QR code to scan off
 * the screen. A run part-way through hands in what it has so far; the facilitator's dashboard
 * keeps each team's latest and furthest run.
 */
export function handInPanel(ctx: AppContext, session: Session, partial: boolean): HTMLElement {
  const { code, problem } = replayOf(session);
  const team = session.meta?.team ?? 'your team';
  const turns = session.records.length;
  const status = h('p', { class: 'copied', role: 'status' });
  if (code === null) {
    return h(
      'section',
      { class: 'hand-in' },
      h('h2', {}, 'Hand in to your facilitator'),
      h('p', { class: 'notice' }, problem ?? ''),
    );
  }
  const field = h('input', {
    id: partial ? 'hand-in-progress-code' : 'hand-in-code',
    type: 'text',
    readonly: true,
    value: code,
    'data-testid': 'hand-in-code',
    onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
  });
  return h(
    'section',
    { class: 'hand-in', 'aria-labelledby': `${field.id}-title` },
    h('h2', { id: `${field.id}-title` }, partial ? 'Hand in your progress' : 'Hand in to your facilitator'),
    h(
      'p',
      {},
      partial
        ? `The run of ${team} so far (${turns} of ${session.scenario.turns} turns, room ${session.meta?.room ?? ''}): let your facilitator scan the code, or copy it into the room's chat. You can play on and hand in again.`
        : `Let your facilitator scan this code, or copy it into the room's chat. It carries ${team}'s name and room ${session.meta?.room ?? ''}; the facilitator re-plays it, so it cannot be faked.`,
    ),
    qrCode(code, `QR code of the run's replay code for ${team}`),
    h('label', { for: field.id }, 'Result code'),
    field,
    h(
      'div',
      { class: 'inline' },
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            if (await ctx.services.copyText(code)) status.textContent = 'Code copied.';
            else {
              field.select();
              status.textContent = 'Copying was refused by the browser: the code is selected, copy it by hand.';
            }
            ctx.announce(status.textContent ?? '');
          },
        },
        'Copy the code',
      ),
    ),
    status,
  );
}

/** The in-game "Hand in progress" dialog; Esc or its button closes it. */
export function openHandIn(ctx: AppContext, session: Session, onClose: () => void): HTMLDialogElement {
  const back = h('button', { type: 'button', class: 'primary' }, 'Back to the game');
  const dialog = h(
    'dialog',
    { class: 'hand-in-dialog', 'aria-labelledby': 'hand-in-progress-code-title' },
    handInPanel(ctx, session, true),
    h('div', { class: 'actions' }, back),
  );
  const finish = showModal(dialog, onClose);
  back.addEventListener('click', finish);
  back.focus();
  return dialog;
}
