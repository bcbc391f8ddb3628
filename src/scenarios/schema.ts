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

/** The shape of a scenario file; cross-field rules (known ids, no duplicates) come after. */
export const scenarioSchema = z
  .strictObject({
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
  })
  .superRefine((s, ctx) => {
    s.actions.forEach((a, i) => {
      if (!ACTION_IDS.includes(a)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i],
          message: `expected a known action id (one of ${ACTION_IDS.join(', ')}), found ${JSON.stringify(a)}`,
        });
      }
    });
    const dupes = (list: readonly string[], path: string, what: string): void => {
      list.forEach((x, i) => {
        if (list.indexOf(x) !== i) {
          ctx.addIssue({
            code: 'custom',
            path: [path, i, ...(path === 'actions' ? [] : ['id'])],
            message: `expected a unique ${what}, found ${JSON.stringify(x)} again (first at index ${list.indexOf(x)})`,
          });
        }
      });
    };
    dupes(s.actions, 'actions', 'action id');
    dupes(
      s.members.map((m) => m.id),
      'members',
      'member id',
    );
    dupes(
      s.events.map((e) => e.id),
      'events',
      'event id',
    );
    s.events.forEach((e, i) =>
      e.when.forEach((c, j) => {
        if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) {
          ctx.addIssue({
            code: 'custom',
            path: ['events', i, 'when', j],
            message: `expected atLeast ≤ atMost, found atLeast ${c.atLeast} and atMost ${c.atMost}`,
          });
        }
      }),
    );
  });

export type ScenarioFile = z.infer<typeof scenarioSchema>;
