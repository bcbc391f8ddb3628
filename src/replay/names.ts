import { MAX_NAME_LENGTH } from './seed';

/**
 * The one rule for showing a name someone typed (a team's, a player's, a room's) wherever the
 * game or the command line shows it. A name arrives from codes, replay files and session files
 * that anyone can write, so it may hold what a screen or a terminal does not show as text: line
 * feeds and tabs (a name could print a row of its own), C0 and C1 controls, zero-width characters
 * (a look-alike of another team's name) and bidirectional overrides (which reorder what follows).
 * Each of those is shown as a visible `\uXXXX` escape, so nothing of the name is hidden and no two
 * different names look alike; then the name is cut to the game's own name length, since a page
 * laid out for a 60-character name has no room for a 30,000-character one.
 */
const HIDDEN =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The same characters, for a yes-or-no test (a global expression keeps a position between tests). */
const HAS_HIDDEN = new RegExp(HIDDEN.source);

/** A name as it is shown: hidden characters escaped visibly, then cut to MAX_NAME_LENGTH characters with "…". */
export function shownName(name: string): string {
  const visible = name.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const chars = [...visible];
  return chars.length > MAX_NAME_LENGTH ? `${chars.slice(0, MAX_NAME_LENGTH - 1).join('')}…` : visible;
}

/** Why a name is shown other than as written, in a few words, or null when it is shown as written. */
export function nameChange(name: string): string | null {
  const hidden = HAS_HIDDEN.test(name);
  const long = [...name].length > MAX_NAME_LENGTH;
  if (hidden && long) return `holds invisible characters and is ${[...name].length} characters long`;
  if (hidden) return 'holds invisible characters, shown as \\u escapes';
  if (long) return `is ${[...name].length} characters long, cut to ${MAX_NAME_LENGTH}`;
  return null;
}

/** Text order with runs of digits compared as numbers: "Team 2" before "Team 10". */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.toLowerCase().match(/\d+|\D+/g) ?? [];
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const n = p.replace(/^0+/, '');
      const o = q.replace(/^0+/, '');
      if (n.length !== o.length) return n.length - o.length;
      if (n !== o) return n < o ? -1 : 1;
      continue;
    }
    return p < q ? -1 : 1;
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
