/**
 * Characters a terminal acts on instead of showing: C0 controls (screen clears, colours and
 * cursor moves start with ESC; BEL rings), DEL, C1 controls (U+009B alone starts a command on
 * some terminals), bidirectional overrides that reorder what follows, and lone surrogates, which
 * would print as U+FFFD and hide what was there. Line feeds, and carriage returns that end a line
 * (CSV rows), are kept: they are how the CLI lays out its own output.
 */
const UNSAFE =
  /\r(?!\n)|[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe to print on a terminal: every unsafe character becomes a visible `\uXXXX` escape.
 * Inside JSON strings that escape means the same character, so JSON output stays valid and equal.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
