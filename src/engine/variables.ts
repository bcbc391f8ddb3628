// The team's numeric variables. Every one is an integer in [0, 100].
// Headline meters (what the player is judged on):
// - morale: how the team feels; low morale disengages people and starves innovation.
// - execution: how reliably work gets done; turns direction into progress.
// - innovation: new ideas the team produces and tries.
// Supporting variables (what the headline meters feed on):
// - trust: faith in the person leading; cushions resignations, lets ideas be voiced.
// - clarity: clarity of direction; fades unless the vision is retold.
// - structure: roles, plans and processes; erodes without upkeep, cushions budget cuts.
// - control: predictability from goals and monitoring; makes risks safer.
// - energy: the inverse of burnout; pressure drains it, rest restores it.
// - progress: how far the scenario's goal has come; the main source of score.
// - budget: resources to work with; thin budgets cap execution.
export const VARIABLES = [
  'morale',
  'execution',
  'innovation',
  'trust',
  'clarity',
  'structure',
  'control',
  'energy',
  'progress',
  'budget',
] as const;

// One of the ten variables a game moves.
export type VarName = (typeof VARIABLES)[number];
// A value for every variable, each from 0 to 100.
export type Vars = Record<VarName, number>;

// The three meters the player reads first.
export const HEADLINE = ['morale', 'execution', 'innovation'] as const;
// One of the HEADLINE meters.
export type Headline = (typeof HEADLINE)[number];

const VAR_MIN = 0;
// The highest a variable goes; the lowest is 0.
export const VAR_MAX = 100;

// A value kept within min and max (a variable's range unless told otherwise).
export function clamp(value: number, min = VAR_MIN, max = VAR_MAX): number {
  return value < min ? min : value > max ? max : value;
}

// Integer division rounding toward zero, so gains and losses shrink symmetrically.
export function div(a: number, b: number): number {
  return Math.trunc(a / b);
}

// Integer percentage of an amount, rounding toward zero.
export function pct(amount: number, percent: number): number {
  return div(amount * percent, 100);
}

// A copy of vars with keys in the canonical order.
export function orderedVars(source: Vars): Vars {
  const out = {} as Vars;
  for (const name of VARIABLES) out[name] = source[name];
  return out;
}
