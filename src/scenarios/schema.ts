import { ACTION_IDS, DIFFICULTIES, REGIMES, STATS, TRAITS, VARIABLES } from '../engine';
import { z } from 'zod';

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
  var: varName.optional(),
  stat: z.enum(STATS).optional(),
  atLeast: z.int().min(0).max(1000).optional(),
  atMost: z.int().min(0).max(1000).optional(),
});

const effect = z.strictObject({ var: varName, amount: z.int().min(-100).max(100) });

const memberEffect = z.strictObject({
  pick: z.enum(['lowest-morale', 'highest-skill', 'random']),
  morale: z.int().min(-100).max(100).optional(),
  quits: z.boolean().optional(),
});

const event = z.strictObject({
  id,
  title: text,
  text: text,
  weight: z.int().min(1).max(1000),
  minTurn: z.int().min(1).optional(),
  once: z.boolean().optional(),
  when: z.array(condition),
  effects: z.array(effect),
  cushion: varName.optional(),
  member: memberEffect.optional(),
  pressure: z.array(effect).optional(),
  growth: z.int().min(0).max(200).optional(),
  settledBy: z.array(z.string()).optional(),
});

const shift = z.strictObject({
  id,
  title: text,
  text: text,
  from: z.int().min(1).max(30).optional(),
  by: z.int().min(1).max(30).optional(),
  when: z.array(condition).optional(),
  effects: z.array(effect),
  pressure: z.array(effect).optional(),
  growth: z.int().min(0).max(200).optional(),
  settledBy: z.array(z.string()).optional(),
  timeBudget: z.int().min(4).max(20).optional(),
  member: memberEffect.optional(),
});

const ending = z.strictObject({
  id,
  outcome: z.enum(REGIMES),
  early: z.boolean().optional(),
  when: z.array(condition).optional(),
  text: text,
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
  shifts: z.array(shift).min(1),
  shiftsDrawn: z.int().min(1).max(30).optional(),
  cast: z.enum(['dealt', 'fixed']).optional(),
  endings: z.array(ending).min(4),
});

export interface CrossProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
// Numbers outside what the schema allows are reported there; comparing with them says nothing.
const int = (x: unknown): number | undefined => (Number.isSafeInteger(x) ? (x as number) : undefined);
const field = (x: unknown, key: string): unknown =>
  typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined;

/** The conditions ("when") of events, shifts and endings: one of var and stat, and a range that is one. */
function conditionProblems(d: Record<string, unknown>, out: CrossProblem[]): void {
  for (const group of ['events', 'shifts', 'endings'] as const) {
    list(d[group]).forEach((item, i) => {
      list(field(item, 'when')).forEach((c, j) => {
        const at = [group, i, 'when', j];
        const hasVar = field(c, 'var') !== undefined;
        const hasStat = field(c, 'stat') !== undefined;
        if (typeof c === 'object' && c !== null && hasVar === hasStat) {
          out.push({
            path: at,
            message: `expected exactly one of "var" and "stat", found ${hasVar ? 'both' : 'neither'}`,
          });
        }
        const atLeast = int(field(c, 'atLeast'));
        const atMost = int(field(c, 'atMost'));
        if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
          out.push({ path: at, message: `expected atLeast ≤ atMost, found atLeast ${atLeast} and atMost ${atMost}` });
        }
      });
    });
  }
}

/**
 * Rules that span fields: known action ids, unique ids, sane condition ranges. They read the
 * raw data defensively so they report alongside shape problems rather than after them.
 */
export function crossCheck(data: unknown): CrossProblem[] {
  const out: CrossProblem[] = [];
  if (typeof data !== 'object' || data === null) return out;
  const d = data as Record<string, unknown>;
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
    // Where each id is first seen, so a list of thousands is checked in one pass.
    const firstAt = new Map<unknown, number>();
    ids.forEach((x, i) => {
      if (!firstAt.has(x)) firstAt.set(x, i);
      const first = firstAt.get(x)!;
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
  dupes(list(d.shifts).map(idOf), 'shifts', 'shift id', ['id']);
  dupes(list(d.endings).map(idOf), 'endings', 'ending id', ['id']);
  conditionProblems(d, out);
  const turns = int(d.turns) ?? 30;
  list(d.events).forEach((x, i) => {
    const calls = field(x, 'settledBy') !== undefined || field(x, 'pressure') !== undefined;
    if (calls && field(x, 'once') !== true) {
      // A call stays open until answered: the same event calling twice at once has no meaning.
      out.push({
        path: ['events', i, 'once'],
        message: `expected "once": true on an event with "pressure" or "settledBy", found ${JSON.stringify(field(x, 'once') ?? null)}`,
      });
    }
  });
  for (const group of ['events', 'shifts'] as const) {
    list(d[group]).forEach((x, i) => {
      list(field(x, 'settledBy')).forEach((a, j) => {
        if (typeof a === 'string' && !ACTION_IDS.includes(a)) {
          out.push({
            path: [group, i, 'settledBy', j],
            message: `expected a known action id (one of ${ACTION_IDS.join(', ')}), found ${JSON.stringify(a)}`,
          });
        } else if (typeof a === 'string' && Array.isArray(d.actions) && !actions.includes(a)) {
          // A player could never take it, so the shift or call could never be answered with it.
          out.push({
            path: [group, i, 'settledBy', j],
            message: `expected an action this scenario offers (listed in "actions"), found ${JSON.stringify(a)}, which it does not offer`,
          });
        }
      });
    });
  }
  list(d.shifts).forEach((x, i) => {
    for (const key of ['from', 'by'] as const) {
      const t = int(field(x, key));
      if (t !== undefined && t > turns) {
        out.push({
          path: ['shifts', i, key],
          message: `expected a turn from 1 to ${turns} (the scenario's turns), found ${t}`,
        });
      }
    }
    const from = int(field(x, 'from'));
    const by = int(field(x, 'by'));
    if (from !== undefined && by !== undefined && from > by) {
      out.push({ path: ['shifts', i, 'by'], message: `expected by ≥ from, found from ${from} and by ${by}` });
    }
  });
  const drawn = int(d.shiftsDrawn);
  if (drawn !== undefined && Array.isArray(d.shifts) && drawn > d.shifts.length) {
    out.push({
      path: ['shiftsDrawn'],
      message: `expected at most the number of shifts (${d.shifts.length}), found ${drawn}`,
    });
  }
  if (Array.isArray(d.endings)) {
    for (const outcome of REGIMES) {
      const catchAll = d.endings.some(
        (e) => field(e, 'outcome') === outcome && field(e, 'when') === undefined && field(e, 'early') === undefined,
      );
      if (!catchAll) {
        out.push({
          path: ['endings'],
          message: `expected an ending for outcome "${outcome}" with no "when" and no "early", to show when no other fits; found none`,
        });
      }
    }
  }
  return out;
}
