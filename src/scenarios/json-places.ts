import { createScanner } from 'jsonc-parser';

/**
 * Where things are in a JSON text, found by reading its tokens once, in a loop: no tree of
 * nodes and no recursion. A tree of a 5 MB file is millions of objects, and building it took
 * seconds; the checks here need only a few places.
 */

export type Path = (string | number)[];

/** Where a value starts, and where its key starts when it is an object's property. */
export interface ValuePlace {
  readonly offset: number;
  readonly length: number;
  readonly keyOffset: number | null;
  readonly number: boolean;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const NUMBER = 11;
const EOF = 17;

/** An open array or object while reading: the segment its next value sits at. */
interface Frame {
  readonly array: boolean;
  index: number;
  key: string;
  keyOffset: number;
  expectKey: boolean;
  /** Keys seen in this object, for the duplicate check (only when asked for). */
  readonly keys: Set<string> | null;
}

const segment = (f: Frame): string | number => (f.array ? f.index : f.key);

/**
 * The structure of a text in one pass: where it first nests deeper than `maxNesting` (then
 * nothing else is read), and every key that appears twice in one object, with its path and
 * offset. Meant for text that may not be JSON at all: it never throws.
 */
export function scanStructure(
  text: string,
  maxNesting: number,
): { deep: { path: Path; offset: number } | null; duplicates: { path: Path; key: string; offset: number }[] } {
  const duplicates: { path: Path; key: string; offset: number }[] = [];
  const stack: Frame[] = [];
  const scanner = createScanner(text, true);
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (stack.length === maxNesting) {
        return { deep: { path: stack.map(segment), offset: scanner.getTokenOffset() }, duplicates: [] };
      }
      const array = token === OPEN_BRACKET;
      stack.push({ array, index: 0, key: '', keyOffset: 0, expectKey: !array, keys: array ? null : new Set() });
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      stack.pop();
    } else if (token === COMMA && top) {
      if (top.array) top.index += 1;
      else top.expectKey = true;
    } else if (token === STRING && top && !top.array && top.expectKey) {
      const key = scanner.getTokenValue();
      top.key = key;
      top.expectKey = false;
      if (top.keys!.has(key)) duplicates.push({ path: [...stack.map(segment)], key, offset: scanner.getTokenOffset() });
      else top.keys!.add(key);
    }
  }
  return { deep: null, duplicates };
}

/** The paths asked for, as a tree of segments, so a read only looks up keys on their way. */
interface Wanted {
  readonly children: Map<string | number, Wanted>;
  place: ValuePlace | null;
}

/**
 * The place of every value at the given paths, and of every value on the way to them, in one
 * read of text that is valid JSON. A path missing from the text has no entry: `placeOf` then
 * gives the nearest value above it, as a reader would look for a field that is not there.
 */
export function jsonPlaces(text: string, paths: readonly Path[]): (path: Path) => ValuePlace | null {
  const root: Wanted = { children: new Map(), place: null };
  for (const path of paths) {
    let node = root;
    for (const s of path) {
      let next = node.children.get(s);
      if (!next) node.children.set(s, (next = { children: new Map(), place: null }));
      node = next;
    }
  }
  // Each open container with the wanted node it is (null once off every wanted path).
  const stack: { frame: Frame; wanted: Wanted | null }[] = [];
  const scanner = createScanner(text, true);
  /** The wanted node of a value starting now, or null. */
  const entering = (): { wanted: Wanted | null; keyOffset: number | null } => {
    const top = stack[stack.length - 1];
    if (!top) return { wanted: root, keyOffset: null };
    const wanted = top.wanted?.children.get(segment(top.frame)) ?? null;
    return { wanted, keyOffset: top.frame.array ? null : top.frame.keyOffset };
  };
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      const { wanted, keyOffset } = entering();
      const offset = scanner.getTokenOffset();
      if (wanted) wanted.place = { offset, length: 1, keyOffset, number: false };
      const array = token === OPEN_BRACKET;
      stack.push({
        frame: { array, index: 0, key: '', keyOffset: 0, expectKey: !array, keys: null },
        wanted,
      });
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      stack.pop();
    } else if (token === COMMA && top) {
      if (top.frame.array) top.frame.index += 1;
      else top.frame.expectKey = true;
    } else if (token === COLON) {
      continue;
    } else if (token === STRING && top && !top.frame.array && top.frame.expectKey) {
      top.frame.key = scanner.getTokenValue();
      top.frame.keyOffset = scanner.getTokenOffset();
      top.frame.expectKey = false;
    } else {
      // A string, number, true, false or null value.
      const { wanted, keyOffset } = entering();
      if (wanted) {
        wanted.place = {
          offset: scanner.getTokenOffset(),
          length: scanner.getTokenLength(),
          keyOffset,
          number: token === NUMBER,
        };
      }
    }
  }
  return (path) => {
    let node: Wanted | undefined = root;
    let found = root.place;
    for (const s of path) {
      node = node.children.get(s);
      if (!node?.place) return null;
      found = node.place;
    }
    return found;
  };
}

/** The place of the value at `path`, or else of the nearest value above it that exists. */
export function nearestPlace(place: (path: Path) => ValuePlace | null, path: Path): ValuePlace | null {
  for (let n = path.length; n >= 0; n--) {
    const p = place(path.slice(0, n));
    if (p) return p;
  }
  return null;
}
