import { z } from 'zod';
import { ACTION_IDS } from '../engine/catalogue';
import { DIFFICULTIES, TRAITS } from '../engine/scenario-types';
import { VARIABLES } from '../engine/variables';

const level = z.int().min(0).max(100);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id of letters, digits and dashes');
const text = z.string().min(1);
const varName = z.enum(VARIABLES);

const vars = z.strictObject(
  Object.fromEntries(VARIABLES.map((v) => [v, level])) as Record<(typeof VARIABLES)[number], typeof level>,
);

const member = z.strictObject({
  id,
  name: text,
  role: text,
  traits: z.array(z.enum(TRAITS)).max(3),
  skill: level,
  morale: level,
});

const condition = z.strictObject({
  var: varName,
  atLeast: level.optional(),
  atMost: level.optional(),
});

const event = z.strictObject({
  id,
  title: text,
  text: text,
  weight: z.int().min(1).max(1000),
  minTurn: z.int().min(1).optional(),
  once: z.boolean().optional(),
  when: z.array(condition),
  effects: z.array(z.strictObject({ var: varName, amount: z.int().min(-100).max(100) })),
  cushion: varName.optional(),
  member: z
    .strictObject({
      pick: z.enum(['lowest-morale', 'highest-skill', 'random']),
      morale: z.int().min(-100).max(100).optional(),
      quits: z.boolean().optional(),
    })
    .optional(),
});

/** The shape of a scenario file; cross-field rules (known ids, no duplicates) are in crossCheck. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: text,
  tagline: text,
  briefing: text,
  difficulty: z.enum(DIFFICULTIES),
  turns: z.int().min(3).max(30),
  timeBudget: z.int().min(4).max(20),
  collapseAfter: z.int().min(2).max(30),
  eventChance: z.int().min(0).max(100),
  goal: z.strictObject({ label: text, visual: z.enum(['house', 'product', 'pipeline', 'culture']) }),
  start: vars,
  actions: z.array(z.string()).min(4),
  members: z.array(member).min(4).max(8),
  events: z.array(event),
  endings: z.strictObject({ momentum: text, chaos: text, stagnation: text, drift: text }),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;

export interface CrossProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Rules that span fields: known action ids, unique ids, sane condition ranges. They read the
 * raw data defensively so they report alongside shape problems rather than after them.
 */
export function crossCheck(data: unknown): CrossProblem[] {
  const out: CrossProblem[] = [];
  if (typeof data !== 'object' || data === null) return out;
  const d = data as Record<string, unknown>;
  const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
  const actions = list(d.actions);
  actions.forEach((a, i) => {
    if (typeof a === 'string' && !ACTION_IDS.includes(a)) {
      out.push({
        path: ['actions', i],
        message: `expected a known action id (one of ${ACTION_IDS.join(', ')}), found ${JSON.stringify(a)}`,
      });
    }
  });
  const dupes = (ids: unknown[], path: string, what: string, sub: string[]): void => {
    ids.forEach((x, i) => {
      const first = ids.indexOf(x);
      if (typeof x === 'string' && first !== i) {
        out.push({
          path: [path, i, ...sub],
          message: `expected a unique ${what}, found ${JSON.stringify(x)} again (first at index ${first})`,
        });
      }
    });
  };
  const idOf = (x: unknown): unknown => (typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : undefined);
  dupes(actions, 'actions', 'action id', []);
  dupes(list(d.members).map(idOf), 'members', 'member id', ['id']);
  dupes(list(d.events).map(idOf), 'events', 'event id', ['id']);
  list(d.events).forEach((e, i) => {
    const when = typeof e === 'object' && e !== null ? list((e as { when?: unknown }).when) : [];
    when.forEach((c, j) => {
      const { atLeast, atMost } = (typeof c === 'object' && c !== null ? c : {}) as {
        atLeast?: unknown;
        atMost?: unknown;
      };
      if (typeof atLeast === 'number' && typeof atMost === 'number' && atLeast > atMost) {
        out.push({
          path: ['events', i, 'when', j],
          message: `expected atLeast ≤ atMost, found atLeast ${atLeast} and atMost ${atMost}`,
        });
      }
    });
  });
  return out;
}
