import type { VerifyResult } from '../../replay/verify';
import type { AppContext } from '../context';
import { h, mount } from '../dom';

/**
 * A code that does not verify: the one reason why, and a way on. A run of a scenario written in
 * the lab checks once that scenario's file or link is opened there, so that case points to it.
 */
export function invalidReplayScreen(ctx: AppContext, r: Extract<VerifyResult, { valid: false }>): void {
  const unknownScenario = r.kind === 'unknown-scenario';
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen replay-invalid' },
      h('h1', {}, 'This replay cannot be shown'),
      h('p', { class: 'notice', role: 'alert', 'data-testid': 'replay-error' }, r.reason),
      unknownScenario
        ? h(
            'p',
            {},
            'If it is a scenario someone wrote, open its file or its shared link in the Scenario lab first: this browser then knows it and checks the run.',
          )
        : null,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'primary', onclick: () => ctx.go({ kind: 'title' }) },
          'Back to the title',
        ),
        unknownScenario
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'lab' }) },
              'Open the Scenario lab',
            )
          : null,
      ),
    ),
  );
  ctx.onKey(null);
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus();
}
