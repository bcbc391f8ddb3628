import { z } from 'zod';

const hex16 = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-character lowercase hex fingerprint');
const text = z.string();
const meters = z.strictObject({ morale: z.int(), execution: z.int(), innovation: z.int() });

/** The shape of a replay document; whether it is true is for verify to find out. */
export const replayDocumentSchema = z.strictObject({
  format: z.literal('momentum-replay'),
  version: z.int(),
  rules: z.int(),
  scenario: z.strictObject({ id: text, hash: hex16 }),
  seed: text,
  turns: z
    .array(
      z.strictObject({
        turn: z.int().min(1),
        actions: z.array(z.strictObject({ action: text, target: text.optional() })).max(50),
      }),
    )
    .max(100),
  checkpoints: z.array(z.strictObject({ turn: z.int().min(1), fingerprint: hex16 })).max(100),
  final: hex16,
  summary: z.strictObject({
    outcome: z.enum(['momentum', 'chaos', 'stagnation', 'drift']),
    ending: z.string(),
    turns: z.int(),
    score: z.int(),
    meters,
  }),
  meta: z
    .strictObject({
      player: z.string().optional(),
      team: z.string().optional(),
      date: z.string().optional(),
      room: z.string().optional(),
    })
    .optional(),
  lineage: z.strictObject({ atTurn: z.int().min(0).max(100), parentFinal: hex16 }).optional(),
});
