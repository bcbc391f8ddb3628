import type { Aspect, Side } from './aspects';
import type { VarName } from './variables';

// A change to one variable, scaled by diminishing returns when it is a gain.
export interface Effect {
  readonly var: VarName;
  readonly amount: number;
}

// Rules that need more than a list of effects; the step module implements each.
type Special = 'coach' | 'delegate' | 'risk' | 'guard' | 'recognise';

// A card: what it costs, which side and aspect it stands for, and what it does.
export interface ActionDef {
  readonly id: string;
  readonly title: string;
  readonly side: Side;
  readonly aspect: Aspect;
  // Time units spent from the turn's budget.
  readonly cost: number;
  // True when the action is aimed at one team member.
  readonly targeted: boolean;
  readonly hint: string;
  readonly now: readonly Effect[];
  // Effects that land `delay` turns after the turn the action was taken.
  readonly later?: { readonly delay: number; readonly effects: readonly Effect[] };
  readonly special?: Special;
}

const e = (v: VarName, amount: number): Effect => ({ var: v, amount });

// Every action a scenario may offer. Order is fixed: replay codes index into it.
export const CATALOGUE: readonly ActionDef[] = [
  // Leadership
  {
    id: 'share-vision',
    title: 'Share the vision',
    side: 'lead',
    aspect: 'vision-goals',
    cost: 3,
    targeted: false,
    hint: 'Paint the future the team is building. Clarity rises a lot; it fades unless retold.',
    now: [e('clarity', 14), e('innovation', 3), e('morale', 2)],
  },
  {
    id: 'tell-the-why',
    title: 'Tell the why',
    side: 'lead',
    aspect: 'vision-mission',
    cost: 2,
    targeted: false,
    hint: 'Connect today’s work to why it matters. Lifts morale, clarity and trust a little.',
    now: [e('morale', 5), e('clarity', 5), e('trust', 3)],
  },
  {
    id: 'lead-change',
    title: 'Lead a change',
    side: 'lead',
    aspect: 'change-stability',
    cost: 4,
    targeted: false,
    hint: 'Reorganise around a new direction. Loosens rigid rules now; ideas, clarity and trust rise in two turns.',
    now: [e('morale', -3), e('execution', -2), e('structure', -6), e('control', -6)],
    later: { delay: 2, effects: [e('innovation', 10), e('clarity', 8), e('trust', 4)] },
  },
  {
    id: 'lead-by-example',
    title: 'Lead by example',
    side: 'lead',
    aspect: 'influence-authority',
    cost: 2,
    targeted: false,
    hint: 'Do the hard thing first and in the open. Builds trust that no title can order.',
    now: [e('trust', 9), e('morale', 2)],
  },
  {
    id: 'listen-and-recognise',
    title: 'Listen and recognise',
    side: 'lead',
    aspect: 'people-tasks',
    cost: 2,
    targeted: false,
    hint: 'Hear people out and thank them for real work. Morale and energy recover.',
    now: [e('morale', 7), e('energy', 5), e('trust', 2)],
    special: 'recognise',
  },
  {
    id: 'calculated-risk',
    title: 'Take a calculated risk',
    side: 'lead',
    aspect: 'risk',
    cost: 3,
    targeted: false,
    hint: 'Bet on a bold idea. Pays in innovation and progress; predictability makes it safer.',
    now: [],
    special: 'risk',
  },
  {
    id: 'open-the-floor',
    title: 'Open the floor to ideas',
    side: 'lead',
    aspect: 'innovation-efficiency',
    cost: 2,
    targeted: false,
    hint: 'Give the team room to propose and try. Innovation rises; some focus is lost.',
    now: [e('innovation', 10), e('morale', 2), e('execution', -2)],
  },
  {
    id: 'coach',
    title: 'Coach someone',
    side: 'lead',
    aspect: 'development-direction',
    cost: 3,
    targeted: true,
    hint: 'Spend real time helping one person grow. Their skill and morale rise, and trust with it.',
    now: [e('trust', 3), e('innovation', 2)],
    special: 'coach',
  },
  // Management
  {
    id: 'set-goals',
    title: 'Set measurable goals',
    side: 'manage',
    aspect: 'vision-goals',
    cost: 2,
    targeted: false,
    hint: 'Say what done looks like and how it is measured. Results become predictable.',
    now: [e('control', 7), e('execution', 3), e('clarity', 2)],
  },
  {
    id: 'make-plan',
    title: 'Make a plan',
    side: 'manage',
    aspect: 'vision-mission',
    cost: 3,
    targeted: false,
    hint: 'Break the mission into steps and dates. A little structure now; execution in two turns.',
    now: [e('structure', 4)],
    later: { delay: 2, effects: [e('execution', 9), e('control', 4)] },
  },
  {
    id: 'standardise',
    title: 'Standardise a process',
    side: 'manage',
    aspect: 'change-stability',
    cost: 2,
    targeted: false,
    hint: 'Write down how the work is done and keep to it. Structure rises; novelty dips.',
    now: [e('structure', 10), e('control', 3), e('innovation', -3)],
  },
  {
    id: 'monitor',
    title: 'Monitor performance',
    side: 'manage',
    aspect: 'influence-authority',
    cost: 2,
    targeted: false,
    hint: 'Review the numbers and hold people to account. Predictability rises; trust can slip.',
    now: [e('control', 9), e('execution', 2), e('trust', -1)],
  },
  {
    id: 'schedule-work',
    title: 'Schedule the work',
    side: 'manage',
    aspect: 'people-tasks',
    cost: 2,
    targeted: false,
    hint: 'Line up tasks, owners and deadlines. Execution rises; the pace costs energy.',
    now: [e('execution', 7), e('progress', 2), e('energy', -3)],
  },
  {
    id: 'mitigate-risk',
    title: 'Mitigate risks',
    side: 'manage',
    aspect: 'risk',
    cost: 2,
    targeted: false,
    hint: 'Find what could go wrong and prepare. The next setback hits half as hard.',
    now: [e('control', 6), e('structure', 2)],
    special: 'guard',
  },
  {
    id: 'set-budget',
    title: 'Set the budget',
    side: 'manage',
    aspect: 'innovation-efficiency',
    cost: 2,
    targeted: false,
    hint: 'Allocate money and people where they count. Resources and predictability rise.',
    now: [e('budget', 8), e('control', 4)],
  },
  {
    id: 'streamline',
    title: 'Streamline operations',
    side: 'manage',
    aspect: 'innovation-efficiency',
    cost: 2,
    targeted: false,
    hint: 'Cut waste from the existing work. Budget, execution and energy recover; experiments are trimmed.',
    now: [e('budget', 7), e('execution', 5), e('energy', 4), e('innovation', -3)],
  },
  {
    id: 'assign-roles',
    title: 'Assign clear roles',
    side: 'manage',
    aspect: 'development-direction',
    cost: 2,
    targeted: false,
    hint: 'Make it plain who owns what. Structure and execution rise; trust can slip.',
    now: [e('structure', 7), e('execution', 3), e('trust', -1)],
  },
  {
    id: 'delegate',
    title: 'Delegate a task',
    side: 'manage',
    aspect: 'development-direction',
    cost: 2,
    targeted: true,
    hint: 'Hand one person a task with clear instructions. Skilled people deliver and feel trusted.',
    now: [e('progress', 2)],
    special: 'delegate',
  },
];

// Every card's id, in the catalogue's order.
export const ACTION_IDS: readonly string[] = CATALOGUE.map((a) => a.id);

const byId = new Map(CATALOGUE.map((a, i) => [a.id, i] as const));

// Index of an action in the catalogue, or -1.
export function actionIndex(id: string): number {
  return byId.get(id) ?? -1;
}

// The card with this id, or undefined when there is none.
export function actionDef(id: string): ActionDef | undefined {
  const i = byId.get(id);
  return i === undefined ? undefined : CATALOGUE[i];
}
