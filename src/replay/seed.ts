/**
 * What text the game accepts as a seed or as a name carried in a replay code. Every entry point
 * (picker, link, CLI) asks here first, so every game the game lets start ends with a code its own
 * decoder accepts: no lone surrogates (UTF-8 cannot carry them), no control characters (a code is
 * shown and printed), and lengths small enough that any full game with every name at its longest
 * stays far inside MAX_CODE_LENGTH (checked by a test that builds that worst case).
 */

/** Characters (code points) a seed may hold. */
export const MAX_SEED_LENGTH = 100;

/** Characters (code points) each of the player's name, the team's name and the date may hold. */
export const MAX_NAME_LENGTH = 60;

export type NameField = 'player' | 'team' | 'date' | 'room';

const FIELD_WORDS: Record<NameField, string> = {
  player: 'player name',
  team: 'team name',
  date: 'date',
  room: 'room code',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls, DEL and C1 controls: what terminals and text fields act on instead of showing.
export const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Codes carry text as UTF-8, which cannot hold a lone half of a surrogate pair. */
export function wellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** Length as a person counts it: an emoji made of two UTF-16 units is one character. */
export function characterCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function textProblem(s: string, what: string, max: number): string | null {
  if (!wellFormed(s)) {
    return `The ${what} holds a broken character (half of an emoji or other symbol); please type it again.`;
  }
  const control = CONTROL.exec(s);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `The ${what} holds an invisible control character (U+${code}); please use letters, digits, spaces and punctuation only.`;
  }
  const count = characterCount(s);
  if (count > max) return `The ${what} is ${count} characters long; it can be at most ${max}.`;
  return null;
}

/** Why the game refuses this seed, in one sentence, or null when it is accepted. */
export function seedProblem(seed: string): string | null {
  return textProblem(seed, 'seed', MAX_SEED_LENGTH);
}

/** Why a name (or the date) cannot go into a replay code, in one sentence, or null. */
export function nameProblem(name: string, field: NameField): string | null {
  return textProblem(name, FIELD_WORDS[field], MAX_NAME_LENGTH);
}

/** The first problem among a run's names, or null when all of them can go into a code. */
export function metaProblem(
  meta:
    { readonly player?: string; readonly team?: string; readonly date?: string; readonly room?: string } | undefined,
): string | null {
  for (const field of ['player', 'team', 'date', 'room'] as const) {
    const value = meta?.[field];
    const problem = value === undefined ? null : nameProblem(value, field);
    if (problem) return problem;
  }
  return null;
}
