/**
 * The part of a JSON Schema the lab's completion reads: enough of draft 2020-12 to walk from the
 * document's root to the node at a JSON path and list what may be written there.
 */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode | boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
}

/** A JSON path as segments: property names and array indices, from the root. */
export type JsonPathSegments = readonly (string | number)[];

/** A local `$ref` (`#/$defs/x`) resolved against the root; anything else is left unresolved. */
function resolve(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode {
  if (!node.$ref || depth > 20 || !node.$ref.startsWith('#')) return node;
  let at: unknown = root;
  for (const raw of node.$ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at && typeof at === 'object' ? resolve(root, at as SchemaNode, depth + 1) : node;
}

/** The node and the branches of its anyOf/oneOf/allOf, each resolved: every schema that may apply. */
function branches(root: SchemaNode, node: SchemaNode): SchemaNode[] {
  const n = resolve(root, node);
  const alternatives = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  return [n, ...alternatives.flatMap((b) => branches(root, b))];
}

/** The schemas that describe the value at `path`, or none when the path leaves the schema. */
export function schemasAt(root: SchemaNode, path: JsonPathSegments): SchemaNode[] {
  let nodes = branches(root, root);
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const n of nodes) {
      if (typeof segment === 'number') {
        if (n.items && typeof n.items === 'object') next.push(...branches(root, n.items));
      } else {
        const p = n.properties?.[segment];
        if (p) next.push(...branches(root, p));
      }
    }
    if (next.length === 0) return [];
    nodes = next;
  }
  return nodes;
}

export interface PropertyOption {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
}

const typeOf = (n: SchemaNode): string =>
  Array.isArray(n.type)
    ? n.type.join(' or ')
    : typeof n.type === 'string'
      ? n.type
      : n.enum
        ? 'one of a list'
        : 'value';

/** The property names an object at `path` may hold, minus those it already has. */
export function propertyOptions(
  root: SchemaNode,
  path: JsonPathSegments,
  present: readonly string[] = [],
): PropertyOption[] {
  const seen = new Set(present);
  const out: PropertyOption[] = [];
  for (const n of schemasAt(root, path)) {
    for (const [name, raw] of Object.entries(n.properties ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      const p = resolve(root, raw);
      out.push({ name, type: typeOf(p), ...(p.description ? { description: p.description } : {}) });
    }
  }
  return out;
}

/** The values (as JSON text) the schema allows at `path` from a fixed list: enums, consts, booleans. */
export function valueOptions(root: SchemaNode, path: JsonPathSegments): string[] {
  const out = new Set<string>();
  for (const n of schemasAt(root, path)) {
    for (const v of n.enum ?? []) out.add(JSON.stringify(v));
    if (n.const !== undefined) out.add(JSON.stringify(n.const));
    const types = Array.isArray(n.type) ? n.type : [n.type];
    if (types.includes('boolean')) {
      out.add('true');
      out.add('false');
    }
  }
  return [...out];
}
