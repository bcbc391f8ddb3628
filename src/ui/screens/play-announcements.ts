import { strengthNow, type Action, type ActionDef, type GameState, type Scenario } from '../../engine';
import { collapseWarning, collapseWarningText } from '../../replay/turn-summary';
import type { TurnRecord } from '../../replay/timeline';
import { choiceWords } from '../../replay/words';
import { hours } from '../labels';
import { usesWords } from '../panels/cards';
import { turnAnnouncement } from '../panels/explain';

/** The collapse warning in words, while chaos or stagnation is under way; otherwise null. */
export function warningWords(st: GameState): string | null {
  const w = collapseWarning(st);
  return w ? collapseWarningText(w) : null;
}

/** A resolved turn as the live region says it; the collapse warning is heard with the turn's results. */
export function turnSaid(s: Scenario, record: TurnRecord, after: GameState): string {
  const warned = warningWords(after);
  return `${turnAnnouncement(s, record)}${warned ? ` Warning: ${warned}` : ''}`;
}

/** A card chosen or taken back, in words for the live region, with the time left; null for other actions. */
export function choiceSaid(s: Scenario, action: Action, before: GameState, after: GameState): string | null {
  const spoken = (c: { action: string; target?: string } | undefined): string => (c ? choiceWords(s, c) : '');
  if (action.type === 'choose') {
    const c = after.plan[after.plan.length - 1];
    const uses = after.plan.filter((x) => x.action === action.action).length;
    // The strength it will resolve at: what its card said before this choice.
    const strength = strengthNow(before, action.action);
    const again = uses > 1 ? `, ${usesWords(uses)} this turn` : '';
    const weaker = strength < 100 ? `, at ${strength}% strength` : '';
    return `Chosen: ${spoken(c)}${again}${weaker}. ${hours(after.time)} left.`;
  }
  if (action.type === 'undo')
    return `Undone: ${spoken(before.plan[before.plan.length - 1])}. ${hours(after.time)} left.`;
  return null;
}

/** Why a card the turn's time cannot pay for is refused. */
export function refusalSaid(def: ActionDef, st: GameState): string {
  return `Refused: ${def.title} costs ${hours(def.cost)} and only ${hours(st.time)} ${st.time === 1 ? 'is' : 'are'} left this turn.`;
}
