import {
  ASPECT_INFO,
  actionDef,
  affordable,
  effectsNow,
  offeredCards,
  strengthNow,
  waiting,
  type ActionDef,
  type GameState,
  type Scenario,
  type VarName,
} from '../../engine';
import { memberName, signed, VAR_LABELS } from '../../replay/words';
import { h } from '../dom';
import { hours, SIDE_INFO } from '../labels';

/** Keys that pick cards: 1–9 and 0, then the same with Shift. */
function keyLabel(index: number): string {
  const digit = String((index % 10) + 1).replace('10', '0');
  return index < 10 ? digit : `⇧${digit}`;
}

/** The card index for a key press, or -1. Uses the key's position so Shift+1 works on any layout. */
export function cardIndexForKey(e: KeyboardEvent): number {
  const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  if (!m) return -1;
  const d = Number(m[1]);
  const base = d === 0 ? 9 : d - 1;
  return e.shiftKey ? base + 10 : base;
}

/** How many times a card was chosen this turn, in words for its accessible name. */
export function usesWords(uses: number): string {
  return uses === 0 ? '' : uses === 1 ? 'chosen once' : uses === 2 ? 'chosen twice' : `chosen ${uses} times`;
}

/**
 * The action cards: leadership first, then management, each a real button. A card the turn's
 * time cannot pay for stays focusable (aria-disabled), so focus never falls away from it and
 * pressing it says why it is refused.
 */
export function actionCards(
  scenario: Scenario,
  state: GameState,
  onPick: (def: ActionDef) => void,
  disabledAll = false,
): HTMLElement {
  const defs = offeredCards(state);
  const open = openAnswers(scenario, state);
  const groups = (['lead', 'manage'] as const).map((side) => {
    const cards = defs
      .map((def, i) => ({ def, i }))
      .filter(({ def }) => def.side === side)
      .map(({ def, i }) => card(def, i, state, onPick, disabledAll, open.get(def.id) ?? []));
    return h(
      'section',
      { class: `card-group side-${side}`, 'aria-labelledby': `cards-${side}` },
      h(
        'h3',
        { id: `cards-${side}` },
        h('span', { 'aria-hidden': 'true' }, `${SIDE_INFO[side].icon} `),
        SIDE_INFO[side].label,
      ),
      h('div', { class: 'cards' }, ...cards),
    );
  });
  return h('div', { class: 'card-groups' }, ...groups);
}

/**
 * What the card would do if chosen now, in percent of its full effect: shown on every card, so
 * a card used lately says it is weaker before it is spent, not only in the turn's story after.
 * Speech hears it in the card's name, after the card's own words, so it is hidden from speech here.
 */
function strengthBadge(strength: number): HTMLElement {
  const weak = strength < 100;
  return h(
    'span',
    {
      class: `card-strength${weak ? ' weak' : ''}`,
      'data-testid': 'card-strength',
      'aria-hidden': 'true',
      'data-strength': String(strength),
      title: weak ? 'Weaker from recent use: variety keeps cards strong' : 'Full strength',
    },
    weak ? '↓ ' : null,
    `${strength}%`,
    h('span', { class: 'card-strength-word' }, ' strength'),
  );
}

/**
 * What each card would answer now, by card id: the open shifts' and calls' titles, with the
 * person an aimed answer must go to. Only while they are open, as the engine lists them.
 */
function openAnswers(scenario: Scenario, state: GameState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of waiting(state)) {
    const title =
      (w.kind === 'shift'
        ? scenario.shifts.find((x) => x.id === w.id)?.title
        : scenario.events.find((x) => x.id === w.id)?.title) ?? w.id;
    for (const id of w.settledBy) {
      const aimed = w.member !== null && actionDef(id)?.targeted === true;
      const words = aimed ? `${title} (aimed at ${memberName(scenario, w.member)})` : title;
      out.set(id, [...(out.get(id) ?? []), words]);
    }
  }
  return out;
}

function card(
  def: ActionDef,
  index: number,
  state: GameState,
  onPick: (def: ActionDef) => void,
  disabledAll: boolean,
  answers: readonly string[],
): HTMLElement {
  const off = state.over || disabledAll;
  const payable = affordable(state, def) && !off;
  const uses = state.plan.filter((c) => c.action === def.id).length;
  const side = SIDE_INFO[def.side];
  const chosen = uses > 0 ? ` ${usesWords(uses)} this turn.` : '';
  const refused = !payable && !off ? ' Not enough time left this turn.' : '';
  const strength = strengthNow(state, def.id);
  const answering = answers.length ? ` Answers what is open now: ${answers.join('; ')}.` : '';
  const power =
    strength < 100
      ? ` ${strength}% strength if chosen now: weaker from recent use.`
      : ' 100% strength: at its full effect.';
  const effects = effectWords(state, def.id);
  // The name holds the card's visible words in their order (cost, title, side, hint, effects) so
  // speech input and axe's label-in-name check match it; the states, the strength and details follow.
  const label = `${hours(def.cost)} ${def.title}. ${side.label}, ${ASPECT_INFO[def.aspect].title}. ${def.hint}${effects ? ` ${effects}` : ''}${chosen}${refused}${answering}${power} Costs ${def.cost} hours.${def.targeted ? ' Choose a team member.' : ''}`;
  return h(
    'button',
    {
      type: 'button',
      class: `card side-${def.side}`,
      'data-testid': `action-${def.id}`,
      'data-key': keyLabel(index),
      disabled: off,
      'aria-disabled': payable ? undefined : 'true',
      'aria-label': label,
      'aria-keyshortcuts': keyLabel(index).replace('⇧', 'Shift+'),
      onclick: () => onPick(def),
    },
    h(
      'span',
      { class: 'card-top' },
      h('kbd', { class: 'card-key', 'aria-hidden': 'true' }, keyLabel(index)),
      h('span', { class: 'card-cost' }, hours(def.cost)),
      strengthBadge(strength),
    ),
    // Spaces between the parts keep their words apart in the card's text (no effect on layout).
    ' ',
    h('span', { class: 'card-title' }, def.title),
    ' ',
    def.targeted ? h('span', { class: 'card-target', 'aria-hidden': 'true' }, 'choose a person') : null,
    h(
      'span',
      { class: 'card-side' },
      h('span', { 'aria-hidden': 'true' }, `${side.icon} `),
      side.label,
      ' ',
      h('span', { 'aria-hidden': 'true' }, '·'),
      ` ${ASPECT_INFO[def.aspect].title}`,
    ),
    ' ',
    h('span', { class: 'card-hint' }, def.hint),
    effects ? ' ' : null,
    effects ? h('span', { class: 'card-effects', 'data-testid': 'card-effects' }, effects) : null,
    answers.length
      ? h(
          'span',
          { class: 'card-answers', 'data-testid': 'card-answers', 'aria-hidden': 'true' },
          `⚑ Answers: ${answers.join('; ')}`,
        )
      : null,
    uses > 0 ? h('span', { class: 'card-uses', 'aria-hidden': 'true' }, `chosen ×${uses}`) : null,
  );
}

/**
 * What the card would do to the variables if chosen now, as the engine reports it, at the strength
 * it would have: "Now: clarity +14, innovation +3. In 2 turns: execution +9." Empty for a card
 * whose work is all in its special rule (its text says what it does).
 */
function effectWords(state: GameState, id: string): string {
  const fx = effectsNow(state, id);
  if (!fx) return '';
  const list = (xs: readonly { var: VarName; amount: number }[]): string =>
    xs.map((x) => `${VAR_LABELS[x.var].toLowerCase()} ${signed(x.amount)}`).join(', ');
  const parts = [
    fx.now.length ? `Now: ${list(fx.now)}.` : '',
    fx.later ? `In ${fx.later.delay} turns: ${list(fx.later.effects)}.` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
