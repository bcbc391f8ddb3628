// Serializations of deeply frozen objects never change, so they are kept: a state's rules are
// shared between states, frozen, and would otherwise be re-serialized at every fingerprint.
const memo = new WeakMap<object, string>();

// Canonical serialization: JSON with object keys sorted, so equal states give equal text
// whatever order their keys were built in.
export function canonical(value: unknown): string {
  const out: string[] = [];
  walk(value, out);
  return out.join('');
}

// The canonical text of a value that is not an object or array.
export function scalarText(value: unknown): string {
  // As in JSON, undefined inside an array is written as null.
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? 'null');
}

// Sorted keys with their quoted form, per distinct key list: states repeat a few shapes.
// Looked up by the keys joined (far cheaper than JSON), and confirmed key by key, so keys
// holding the separator can never share a shape by accident.
type Shape = { readonly keys: readonly string[]; readonly sorted: readonly (readonly [string, string])[] };
const shapes = new Map<string, Shape>();

function shapeOf(keys: string[]): readonly (readonly [string, string])[] {
  const id = keys.join('\u0001');
  const shape = shapes.get(id);
  if (shape !== undefined && sameKeys(shape.keys, keys)) return shape.sorted;
  const sorted = [...keys].sort().map((k) => [k, `${JSON.stringify(k)}:`] as const);
  if (shapes.size < 1000) shapes.set(id, { keys, sorted });
  return sorted;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Appends the canonical text of value to out; returns whether value is deeply frozen.
function walk(value: unknown, out: string[]): boolean {
  if (value === null || typeof value !== 'object') {
    out.push(scalarText(value));
    return true;
  }
  // Only frozen values are ever memoised, so an unfrozen one skips the lookup.
  let frozen = Object.isFrozen(value);
  if (frozen) {
    const cached = memo.get(value);
    if (cached !== undefined) {
      out.push(cached);
      return true;
    }
  }
  const start = out.length;
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      frozen = walk(value[i], out) && frozen;
    }
    out.push(']');
  } else {
    const obj = value as Record<string, unknown>;
    out.push('{');
    let first = true;
    for (const [k, quoted] of shapeOf(Object.keys(obj))) {
      const v = obj[k];
      if (v === undefined) continue;
      out.push(first ? quoted : `,${quoted}`);
      first = false;
      frozen = walk(v, out) && frozen;
    }
    out.push('}');
  }
  if (frozen) {
    const text = out.splice(start).join('');
    memo.set(value, text);
    out.push(text);
  }
  return frozen;
}
