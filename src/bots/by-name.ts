import { actionDef } from '../engine';
import { expertPolicy } from './expert';
import { coast, fixed, heuristic, randomPolicy, share, spam, type PolicyFactory } from './policies';
import { readerPolicy } from './reader';

/** The players named by a word alone: the ones a balance report counts. */
export const PLAIN_POLICIES = ['lead-only', 'manage-only', 'balanced', 'random', 'coast', 'expert', 'reader'] as const;

export const POLICY_NAMES = [
  ...PLAIN_POLICIES,
  'spam:ACTION_ID',
  'fixed:ACTION_ID+ACTION_ID+…',
  'share:N',
  'plan:FILE',
] as const;

/**
 * The policy for a name, or null when the name is not one of POLICY_NAMES. `plan:FILE` names a
 * file, which only the command line reads: it gives the plan to planPolicy (src/bots/plan.ts).
 */
export function policyByName(name: string): PolicyFactory | null {
  if (name === 'lead-only') return () => heuristic(['lead']);
  if (name === 'manage-only') return () => heuristic(['manage']);
  if (name === 'balanced') return () => heuristic(['lead', 'manage']);
  if (name === 'random') return randomPolicy;
  if (name === 'coast') return () => coast();
  if (name === 'expert') return expertPolicy;
  if (name === 'reader') return readerPolicy;
  if (name.startsWith('spam:')) {
    const id = name.slice(5);
    return actionDef(id) ? () => spam(id) : null;
  }
  if (name.startsWith('fixed:')) {
    const ids = name.slice(6).split('+');
    return ids.every((id) => actionDef(id)) ? () => fixed(ids) : null;
  }
  if (name.startsWith('share:')) {
    const text = name.slice(6);
    const percent = Number(text);
    return /^\d{1,3}$/.test(text) && percent <= 100 ? () => share(percent) : null;
  }
  return null;
}
