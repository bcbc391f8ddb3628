import { canonical, scalarText } from './canonical';
import type { GameState } from './state-types';
import { VARIABLES } from './variables';

// A state's canonical text written from its known shape, without listing and sorting keys at
// every object: a replay check fingerprints the state after every turn. Any value without the
// expected shape is handed to the generic walk, so the text is the same for every value.
interface Sink {
  push(piece: string): void;
  // Takes the same text as push. The writer hands it the setup's text, identical in every state
  // of a game, so a hasher can pass through it by a shortcut that gives the same hash.
  pushRepeated?(piece: string): void;
}

type Writer = (value: unknown, out: Sink) => void;

const generic: Writer = (value, out) => out.push(canonical(value));

// The setup is frozen and shared by every state of a game, so its text is always the same string.
const setupWriter: Writer = (value, out) => {
  const text = canonical(value);
  if (out.pushRepeated) out.pushRepeated(text);
  else out.push(text);
};

// Small integers' text, looked up rather than converted: a state holds about a hundred of them.
const SMALL = Array.from({ length: 1024 }, (_, i) => String(i));

// Strings' quoted text, kept: a state's strings are the few ids of its scenario, over and over.
const QUOTED = new Map<string, string>();

function quoted(value: string): string {
  let text = QUOTED.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (QUOTED.size < 1000) QUOTED.set(value, text);
  }
  return text;
}

function scalarOf(value: unknown): string {
  if (typeof value === 'number') return value >= 0 && value < 1024 && value % 1 === 0 ? SMALL[value]! : String(value);
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'object' && value !== null ? canonical(value) : scalarText(value);
}

const scalar: Writer = (value, out) => out.push(scalarOf(value));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

interface Field {
  readonly key: string;
  readonly first: string;
  readonly later: string;
  readonly write: Writer;
}

// Objects with these keys, written in sorted key order. One with any other own key, or an own
// key holding undefined, goes to the walk; this is checked before anything is written.
function record(fields: Record<string, Writer>): Writer {
  const sorted: Field[] = Object.keys(fields)
    .sort()
    .map((key) => ({ key, first: `{${JSON.stringify(key)}:`, later: `,${JSON.stringify(key)}:`, write: fields[key]! }));
  return (value, out) => {
    if (!isPlainObject(value) || !onlyKnownKeys(value, sorted)) return generic(value, out);
    let written = 0;
    for (const f of sorted) {
      const v = value[f.key];
      if (v === undefined) continue;
      out.push(written++ === 0 ? f.first : f.later);
      f.write(v, out);
    }
    out.push(written === 0 ? '{}' : '}');
  };
}

function onlyKnownKeys(value: Record<string, unknown>, fields: readonly Field[]): boolean {
  let defined = 0;
  for (const f of fields) if (value[f.key] !== undefined) defined++;
  return defined === Object.keys(value).length;
}

function list(item: Writer): Writer {
  return (value, out) => {
    if (!Array.isArray(value)) return generic(value, out);
    if (value.length === 0) return out.push('[]');
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? '[' : ',');
      item(value[i], out);
    }
    out.push(']');
  };
}

const numbers = list(scalar);
const strings = list(scalar);

// One writer per field of the state; the setup is frozen and shared, so the walk's memo has it.
const fields: Record<keyof GameState, Writer> = {
  setup: setupWriter,
  turn: scalar,
  time: scalar,
  budget: scalar,
  plan: list(record({ action: scalar, target: scalar })),
  vars: record(Object.fromEntries(VARIABLES.map((v) => [v, scalar]))),
  members: list(record({ id: scalar, morale: scalar, skill: scalar, status: scalar, low: scalar })),
  cast: numbers,
  situations: list(record({ shift: scalar, turn: scalar, member: scalar })),
  calls: list(record({ event: scalar, turn: scalar, member: scalar, open: scalar })),
  pending: list(record({ due: scalar, var: scalar, amount: scalar, source: scalar })),
  heat: numbers,
  profile: record({ lead: numbers, manage: numbers }),
  guard: scalar,
  l: scalar,
  m: scalar,
  lHigh: scalar,
  mHigh: scalar,
  regime: scalar,
  streak: scalar,
  momentumTurns: scalar,
  fired: strings,
  shifted: strings,
  settled: strings,
  rng: record({ c: scalar, s0: scalar, s1: scalar, s2: scalar }),
  over: scalar,
  early: scalar,
  ending: scalar,
  score: scalar,
};

// Writes the canonical text of a value shaped like a game state, piece by piece.
export const writeState: Writer = record(fields);

// The canonical text of a value shaped like a game state: the same as `canonical` gives.
export function stateText(value: unknown): string {
  const out: string[] = [];
  writeState(value, out);
  return out.join('');
}
