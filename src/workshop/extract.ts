import { decodeCode } from '../replay/code';
import { REPLAY_FORMAT } from '../replay/document';

/** One thing handed in: a replay code or a replay document's JSON text, and where it came from. */
export interface Submission {
  /** Where it came from: "pasted text", a file name, "camera"; with the line when the text has several. */
  readonly source: string;
  /** One replay code (M1.…) or a whole replay document as JSON text. */
  readonly text: string;
}

/** More than a room ever hands in: past this many, the rest of a text is not read. */
export const MAX_CANDIDATES = 1000;
const CAP_WORDS = '1,000';

/**
 * A replay code (`M`, a version, a dot and at least 20 base64url characters, not glued to a word
 * before it) or a `replay=` parameter, plain or percent-encoded (a link inside another link).
 * Other versions are kept so their refusal can say which version they are. No part can backtrack,
 * so one pass over any text is linear.
 */
const CANDIDATE = /(?<![A-Za-z0-9])(M\d{1,3}\.[A-Za-z0-9_-]{20,})|replay(?:=|%(?:25){0,3}3[Dd])([A-Za-z0-9_.%~-]+)/g;

/**
 * Characters a chat program may slip into a code without showing them (zero-width spaces and
 * joiners, the word joiner, a byte-order mark, a soft hyphen): never part of a code, so dropped.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * What may follow a code that a chat wrapped, quoted or spaced: spaces and quote marks (`>`) and
 * at most two line breaks, then a run of code characters. Read from where the code stopped.
 */
const PIECE = /[ \t>]*(?:\r?\n[ \t>]*){0,2}([A-Za-z0-9_-]+)/y;

/** At most this many pieces are joined back: a code of this game wraps onto a few lines at most. */
const MAX_PIECES = 6;

/** The start of a replay document: how a file that is one, even a damaged one, announces itself. */
const LOOKS_LIKE_DOCUMENT = /^\{\s*"format"\s*:\s*"momentum-replay"/;

/**
 * Every replay code and every `?replay=` link (URL-decoded) in any text, such as a chat transcript,
 * in order and without repeats; or, for text that is a replay document's JSON (or a list of them),
 * that document. A code a chat wrapped, quoted, spaced or salted with invisible characters is put
 * back together (see `rejoined`). Reads at most MAX_CANDIDATES and says so in `note`, which also
 * says when nothing was found. One pass with one regular expression: 10 MB take a few tens of
 * milliseconds.
 */
export function extractSubmissions(
  text: string,
  source: string,
): { found: Submission[]; note: string | null; unread: number; repeated: number } {
  const documents = documentsIn(text, source);
  if (documents) return { ...documents, repeated: 0 };
  text = text.replace(INVISIBLE, '');
  const found: Submission[] = [];
  const seen = new Set<string>();
  const manyLines = text.includes('\n');
  let line = 1;
  let counted = 0;
  // Past the cap the rest are only counted, so the note can say how many went unread.
  let unread = 0;
  let repeated = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    let candidate = m[1] ?? linkedCode(m[2]!);
    // Null for a link; whether a code reads, once put back together if a chat broke it.
    let readable: boolean | null = null;
    if (m[1] !== undefined) {
      const whole = rejoined(text, candidate, CANDIDATE.lastIndex);
      readable = whole.readable;
      candidate = whole.code;
      CANDIDATE.lastIndex = whole.end;
    }
    if (seen.has(candidate)) {
      // A code quoted in a reply, or posted twice: read once, and counted so the count adds up.
      repeated++;
      continue;
    }
    seen.add(candidate);
    if (found.length === MAX_CANDIDATES) {
      unread++;
      continue;
    }
    if (manyLines) {
      for (let i = counted; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
      counted = m.index;
    }
    const where = manyLines ? `${source}, line ${line}` : source;
    // A code that does not decode will be refused: the line's writer names whose it was.
    const who = readable === false ? speakerOf(text, m.index) : null;
    found.push({ source: who ? `${where} (${who})` : where, text: candidate });
  }
  CANDIDATE.lastIndex = 0;
  if (unread > 0) {
    return {
      found,
      note: `${source} holds ${(MAX_CANDIDATES + unread).toLocaleString('en')} different replay codes or links; only the first ${CAP_WORDS} are read, and ${unread.toLocaleString('en')} are left unread.`,
      unread,
      repeated,
    };
  }
  return {
    found,
    note: found.length === 0 ? `No replay code, link or replay file was found in ${source}.` : null,
    unread: 0,
    repeated,
  };
}

/**
 * A replay document (or a list of them) when the whole text is one; null for any other text,
 * which is then searched for codes. A file that starts like a replay document but does not parse
 * is handed in whole, so its refusal says it is damaged rather than that nothing was found.
 */
function documentsIn(
  text: string,
  source: string,
): { found: Submission[]; note: string | null; unread: number } | null {
  const trimmed = text.trim();
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return null;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return LOOKS_LIKE_DOCUMENT.test(trimmed.slice(0, 200))
      ? { found: [{ source, text: trimmed }], note: null, unread: 0 }
      : null;
  }
  if (isReplay(data)) return { found: [{ source, text: trimmed }], note: null, unread: 0 };
  if (!Array.isArray(data) || data.length === 0 || !data.every(isReplay)) return null;
  const docs = data.slice(0, MAX_CANDIDATES);
  return {
    found: docs.map((d, i) => ({ source: `${source}, run ${i + 1}`, text: JSON.stringify(d) })),
    note:
      data.length > MAX_CANDIDATES
        ? `${source} holds ${data.length.toLocaleString('en')} replay documents; only the first ${CAP_WORDS} are read, and ${(data.length - MAX_CANDIDATES).toLocaleString('en')} are left unread.`
        : null,
    unread: Math.max(0, data.length - MAX_CANDIDATES),
  };
}

function isReplay(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === REPLAY_FORMAT;
}

/** A link's replay parameter, percent-decoded as often as it was encoded (a link inside a link). */
function linkedCode(value: string): string {
  let v = value;
  for (let i = 0; i < 4 && v.includes('%'); i++) {
    try {
      v = decodeURIComponent(v);
    } catch {
      break;
    }
  }
  // A link decoded out of another link can carry that link's next parameters after the code.
  const code = /^M\d{1,3}\.[A-Za-z0-9_-]*/.exec(v);
  return code ? code[0] : v;
}

/**
 * A code a chat broke apart, put back together: when `code` alone does not decode, the pieces
 * that follow it (across a line wrap, quote marks or spaces) are added one at a time until the
 * whole decodes, its checksum included, so words that merely follow a code are never glued on.
 * When no joining makes it whole, the code is kept as it was found (and refused as it is).
 */
function rejoined(text: string, code: string, from: number): { code: string; end: number; readable: boolean } {
  const asFound = { code, end: from, readable: false };
  if (decodeCode(code).ok) return { ...asFound, readable: true };
  let joined = code;
  let at = from;
  for (let i = 0; i < MAX_PIECES; i++) {
    PIECE.lastIndex = at;
    const piece = PIECE.exec(text);
    if (piece === null) return asFound;
    joined += piece[1];
    at = PIECE.lastIndex;
    if (decodeCode(joined).ok) return { code: joined, end: at, readable: true };
  }
  return asFound;
}

/** A chat line's time stamp: "[10:01]", "10:01:22", "10:01 AM". */
const STAMP = /\[[^\]]{0,30}\]|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\b/g;

/**
 * Who wrote the chat line a code sits in, from the line's header before the code ("[10:01] Team
 * Red: …", "10:01:22 From Team Red to Everyone: …"), so a code refused (cut short, say) still
 * names its team; null when the line has no such header.
 */
function speakerOf(text: string, at: number): string | null {
  // A chat line's header is short: only the 200 characters before the code are read, so a text
  // of one endless line costs no more per code than any other.
  const from = Math.max(0, at - 200);
  const before = text.slice(from, at);
  const lineStart = before.lastIndexOf('\n');
  if (lineStart < 0 && from > 0) return null;
  // The time stamps out first: the writer's name ends at the first colon left.
  const head = before.slice(lineStart + 1).replace(STAMP, ' ');
  const colon = head.indexOf(':');
  if (colon < 0) return null;
  const name = head
    .slice(0, colon)
    .replace(/^[\s>]*/, '')
    .replace(/^From\s+/i, '')
    .replace(/\s+to\s+(?:Everyone|everyone|all)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name.length > 0 && name.length <= 40 && /\p{L}/u.test(name) ? name : null;
}
