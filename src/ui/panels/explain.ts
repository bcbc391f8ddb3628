import { ENTER, EXIT, type Scenario, HEADLINE, VARIABLES, type VarName } from '../../engine';
import { crossings, crossingsWords } from '../../replay/regime-why';
import { isShiftFact, shiftLine, shiftSentences } from '../../replay/shift-log';
import { indexLines } from '../../replay/turn-summary';
import type { TurnRecord, VarChange } from '../../replay/timeline';
import { happenings } from '../../replay/narration';
import { causeWords, choiceWords, factWords, signed, VAR_LABELS } from '../../replay/words';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';

/** The turn told in words: what was chosen, what happened, and why every meter moved. */
export function turnExplanation(scenario: Scenario, r: TurnRecord): HTMLElement {
  const happened = r.facts
    .filter((e) => e.type !== 'turn-ended' && e.type !== 'game-ended' && !isShiftFact(e))
    .map((e) => factWords(e, scenario))
    .filter((x): x is string => x !== null);
  const info = REGIME_INFO[r.regime];
  const supporting = VARIABLES.filter((v) => !(HEADLINE as readonly VarName[]).includes(v));
  return h(
    'article',
    { class: 'explanation' },
    h(
      'h3',
      {},
      `Turn ${r.turn}: `,
      h('span', { class: `regime-word regime-${r.regime}` }, `${info.icon} ${info.label}`),
    ),
    ...shiftNotices(scenario, r),
    h('p', { class: 'indices' }, indexWords(scenario, r)),
    crossings(r).length
      ? h('p', { class: 'regime-change' }, `The regime changed: ${crossingsWords(scenario, r)}.`)
      : null,
    h('h4', {}, 'What happened'),
    h(
      'ul',
      { class: 'happened' },
      ...(happened.length ? happened : ['Nothing was chosen this turn.']).map((t) => h('li', {}, t)),
    ),
    h('h4', {}, 'Why the meters moved'),
    h(
      'ul',
      { class: 'changes' },
      ...HEADLINE.map((v) =>
        changeItem(
          scenario,
          v,
          r.changes.find((c) => c.var === v),
          r,
        ),
      ),
    ),
    h(
      'details',
      {},
      h('summary', {}, 'Supporting variables'),
      h(
        'ul',
        { class: 'changes' },
        ...supporting.map((v) =>
          changeItem(
            scenario,
            v,
            r.changes.find((c) => c.var === v),
            r,
          ),
        ),
      ),
    ),
  );
}

/** How L and M moved over the turn, each with what moved it most, and the thresholds they are read against. */
function indexWords(scenario: Scenario, r: TurnRecord): string {
  const parts = indexLines(scenario, r).map((x) => {
    const name = x.index === 'l' ? 'Leadership index' : 'management index';
    const why =
      x.driver === null || x.delta === 0
        ? ''
        : `, mostly ${x.driver} ${signed(x.driverDelta)}${x.cause ? ` from ${x.cause}` : ''}`;
    return `${name} ${x.from} → ${x.to} (${signed(x.delta)})${why}`;
  });
  return `${parts.join('; ')}. An index counts as high from ${ENTER} and stays high down to ${EXIT}.`;
}

/** A shift stands out from the rest of the turn: it changes what the team needs from now on. */
function shiftNotices(scenario: Scenario, r: TurnRecord): HTMLElement[] {
  return shiftSentences(scenario, r).map((x) =>
    x.kind === 'shifted'
      ? h(
          'section',
          { class: 'shift-notice', 'data-testid': 'shift-notice', 'aria-label': 'The situation shifted' },
          h('h4', {}, h('span', { 'aria-hidden': 'true' }, '⚑ '), 'The situation shifted: ', x.title),
          h('p', {}, x.text),
        )
      : h(
          'p',
          { class: 'shift-answered', 'data-testid': 'shift-answered' },
          h('span', { 'aria-hidden': 'true' }, '✓ '),
          `${x.title}. ${x.text}`,
        ),
  );
}

function changeItem(scenario: Scenario, v: VarName, c: VarChange | undefined, r: TurnRecord): HTMLElement {
  const from = c?.from ?? r.after.vars[v];
  const to = c?.to ?? r.after.vars[v];
  const delta = to - from;
  return h(
    'li',
    { class: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same' },
    h('strong', {}, VAR_LABELS[v]),
    ` ${from} → ${to} `,
    h('span', { class: 'delta' }, `(${delta > 0 ? '▲ ' : delta < 0 ? '▼ ' : ''}${signed(delta)})`),
    c && c.causes.length
      ? h(
          'ul',
          { class: 'causes' },
          ...c.causes.map((x) =>
            h('li', {}, h('span', { class: 'amount' }, signed(x.amount)), ` ${causeWords(x, scenario)}`),
          ),
        )
      : null,
  );
}

/** One sentence for the live region. */
export function turnAnnouncement(scenario: Scenario, r: TurnRecord): string {
  const meters = HEADLINE.map((v) => {
    const c = r.changes.find((x) => x.var === v);
    return `${VAR_LABELS[v]} ${r.after.vars[v]} (${signed(c ? c.to - c.from : 0)})`;
  }).join(', ');
  const told = happenings(r.facts);
  const moved = r.facts.filter((e) => e.type === 'regime-changed');
  const events = [...told.events, ...told.people, ...moved]
    .map((e) => factWords(e, scenario))
    .filter(Boolean)
    .join('. ');
  const shifts = shiftSentences(scenario, r)
    .map((x) => ` ${shiftLine(x)}`)
    .join('');
  return `Turn ${r.turn} done: ${REGIME_INFO[r.regime].label}. ${meters}.${events ? ` ${events}.` : ''}${shifts}`;
}

/** The plan so far, each choice with its target, for the turn panel. */
export function planWords(scenario: Scenario, plan: readonly { action: string; target?: string }[]): string[] {
  return plan.map((c) => choiceWords(scenario, c));
}
