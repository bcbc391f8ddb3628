import { readRoomCode } from '../../platform/room-codes';
import type { AppContext } from '../context';
import { h } from '../dom';
import { linkedGame } from '../launch';

/**
 * "Join a room": the room code a facilitator shows starts the room's game, as its link would
 * (a game already begun in this room reopens); a code that cannot be read says why beside it.
 */
export function joinForm(ctx: AppContext): HTMLElement {
  const input = h('input', {
    id: 'join-room',
    type: 'text',
    autocomplete: 'off',
    // The seed after a dash is read as typed, capitals included: phones must not change it.
    autocapitalize: 'none',
    autocorrect: 'off',
    spellcheck: 'false',
    placeholder: 'BK7QMXS',
    maxlength: '2000',
    'data-testid': 'join-room',
    'aria-describedby': 'join-room-help join-room-error',
  });
  const error = h('p', { class: 'field-error', id: 'join-room-error', 'data-testid': 'join-room-error' });
  const join = (e: Event): void => {
    e.preventDefault();
    const r = readRoomCode(input.value);
    if (!r.ok) {
      error.textContent = r.reason;
      input.setAttribute('aria-invalid', 'true');
      ctx.announce(r.reason);
      input.focus();
      return;
    }
    const team: { team?: string } = r.team !== undefined ? { team: r.team } : {};
    const query: Record<string, string> = { scenario: r.scenario, seed: r.seed, room: r.room, ...team };
    ctx.setQuery(query);
    ctx.go(linkedGame(ctx, { kind: 'game', scenario: r.scenario, seed: r.seed, room: r.room, ...team }));
  };
  input.addEventListener('input', () => {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  });
  return h(
    'form',
    { class: 'join-form', onsubmit: join },
    h('label', { for: 'join-room' }, 'Join a room'),
    h('p', { class: 'muted small', id: 'join-room-help' }, 'Type the room code your facilitator shows.'),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit', class: 'secondary' }, 'Join')),
    error,
  );
}
