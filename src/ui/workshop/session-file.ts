import { z } from 'zod';
import { MAX_HAND_IN_CHARS, MAX_SESSION_HAND_INS, type WorkshopRecord } from '../../platform/workshops';
import { nameProblem, seedProblem } from '../../replay/seed';

const FORMAT = 'momentum-workshop';
/** Version 2 adds the removed hand-ins; a file of version 1 has none and still reads. */
const VERSION = 2;
const READS = new Set<unknown>([1, VERSION]);

const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.union([z.literal(1), z.literal(VERSION)]),
  room: z.string().min(1).max(60),
  name: z.string().max(200),
  scenario: z.string().min(1).max(200),
  seed: z.string().max(200),
  teams: z.array(z.string().max(200)).max(500),
  createdAt: z.number().nonnegative(),
  submissions: z
    .array(z.strictObject({ source: z.string().max(500), text: z.string().max(MAX_HAND_IN_CHARS), at: z.number() }))
    .max(MAX_SESSION_HAND_INS),
  removals: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[0-9a-f]{16}$/),
        // A whole number of milliseconds a later mark can exceed by one (an Undo always wins).
        at: z
          .number()
          .int()
          .nonnegative()
          .max(Number.MAX_SAFE_INTEGER - 1),
        removed: z.boolean(),
      }),
    )
    .max(MAX_SESSION_HAND_INS)
    .optional(),
});

/** A session as one JSON file another laptop imports to the same dashboard. */
export function sessionFileText(record: WorkshopRecord): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, ...record }, null, 2)}\n`;
}

/** Reads a session file, or says in one sentence what is wrong with it. */
export function readSessionFile(text: string): { ok: true; record: WorkshopRecord } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'This file is not a workshop session: it is not JSON.' };
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format !== FORMAT)
    return { ok: false, reason: 'This file is not a workshop session exported by Momentum.' };
  if (typeof data === 'object' && data !== null && !READS.has((data as { version?: unknown }).version))
    return { ok: false, reason: 'This workshop session was exported by another version of the game.' };
  const r = fileSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: `This workshop session file is damaged${where}.` };
  }
  const { format: _f, version: _v, ...record } = r.data;
  // A room reached by a link: a blank one, or one a link trims, could never be opened again.
  if (record.room.trim() === '' || record.room !== record.room.trim()) {
    return {
      ok: false,
      reason: 'This workshop session’s room code is blank or starts or ends with a space, so no link could open it.',
    };
  }
  const problem = nameProblem(record.room, 'room') ?? seedProblem(record.seed);
  if (problem) return { ok: false, reason: `This workshop session cannot be imported. ${problem}` };
  return { ok: true, record };
}
