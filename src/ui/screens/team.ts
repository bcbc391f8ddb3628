import { nameProblem } from '../../replay/seed';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import type { Session } from '../session';

/**
 * Before turn 1 of a workshop game: the team names itself (the facilitator's link may suggest
 * a name). The name and the room travel in the run's code, so the facilitator's dashboard can
 * tell the teams apart.
 */
export function teamScreen(ctx: AppContext, session: Session, suggested = ''): void {
  const s = session.scenario;
  const room = session.meta?.room ?? '';
  const input = h('input', {
    id: 'team-name',
    type: 'text',
    value: suggested,
    autocomplete: 'off',
    maxlength: '120',
    required: true,
    'data-testid': 'team-name',
    'aria-describedby': 'team-help team-error',
  });
  const error = h('p', { id: 'team-error', class: 'field-error' });
  const start = (e: Event): void => {
    e.preventDefault();
    const team = input.value.trim();
    const problem =
      team === '' ? 'Give your team a name, so your facilitator can tell your run apart.' : nameProblem(team, 'team');
    if (problem) {
      error.textContent = problem;
      input.setAttribute('aria-invalid', 'true');
      ctx.announce(problem);
      input.focus();
      return;
    }
    ctx.go({ kind: 'briefing', session: { ...session, meta: { room, team } } });
  };
  input.addEventListener('input', () => {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  });
  mount(
    ctx.root,
    h(
      'form',
      { class: 'screen team-screen', onsubmit: start },
      h('p', { class: 'muted' }, `Workshop room ${room} · ${s.title} · seed “${session.seed}”`),
      h('h1', {}, 'Your team’s name'),
      h('label', { for: 'team-name' }, 'Team name'),
      input,
      error,
      h(
        'p',
        { id: 'team-help', class: 'muted small' },
        'Everyone in the room plays the same scenario and seed. At the end you hand your run to the facilitator as a code; your team’s name travels with it.',
      ),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Continue to the briefing')),
    ),
  );
  ctx.onKey(null);
  input.focus();
}
