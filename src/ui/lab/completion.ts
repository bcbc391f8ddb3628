import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import { propertyOptions, valueOptions, type JsonPathSegments, type SchemaNode } from './schema-path';

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function unquote(text: string): string {
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.replace(/^"|"$/g, '');
  }
}

/** The JSON path of the value `node` is, or is inside, from the document's root. */
export function pathOfNode(state: EditorState, node: SyntaxNode): (string | number)[] {
  const path: (string | number)[] = [];
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.name === 'Property') {
      const key = parent.getChild('PropertyName');
      if (key && child.from > key.from) path.unshift(unquote(state.sliceDoc(key.from, key.to)));
    } else if (parent.name === 'Array') {
      let i = 0;
      for (let c = parent.firstChild; c && c.from < child.from; c = c.nextSibling) if (VALUE_NODES.has(c.name)) i++;
      path.unshift(i);
    }
  }
  return path;
}

/** Property names already written in an object node. */
function keysOf(state: EditorState, object: SyntaxNode): string[] {
  return object.getChildren('Property').flatMap((p) => {
    const key = p.getChild('PropertyName');
    return key ? [unquote(state.sliceDoc(key.from, key.to))] : [];
  });
}

/** Whether a colon stands between the property's name and `pos`: the cursor is at its value. */
function afterColon(state: EditorState, property: SyntaxNode, pos: number): boolean {
  const key = property.getChild('PropertyName');
  return key !== null && state.sliceDoc(key.to, pos).includes(':');
}

/** Completion of property names and listed values from a JSON Schema, by the cursor's JSON path. */
export function schemaCompletion(schema: SchemaNode): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos } = context;
    const word = context.matchBefore(/"?[\w$-]*"?/);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const from = word ? word.from : pos;
    let node: SyntaxNode | null = syntaxTree(state).resolveInner(pos, -1);
    while (node && !['Object', 'Array', 'Property'].includes(node.name)) node = node.parent;
    if (!node) return null;

    let options: Completion[] = [];
    const values = (path: JsonPathSegments): Completion[] =>
      valueOptions(schema, path).map((label) => ({ label, type: 'constant' }));
    if (node.name === 'Property' && afterColon(state, node, pos)) {
      const key = node.getChild('PropertyName');
      const parentPath = node.parent ? pathOfNode(state, node.parent) : [];
      if (key) options = values([...parentPath, unquote(state.sliceDoc(key.from, key.to))]);
    } else if (node.name === 'Array') {
      let i = 0;
      for (let c = node.firstChild; c && c.to <= from; c = c.nextSibling) if (VALUE_NODES.has(c.name)) i++;
      options = values([...pathOfNode(state, node), i]);
    } else {
      const object = node.name === 'Property' ? node.parent : node;
      if (!object) return null;
      options = propertyOptions(schema, pathOfNode(state, object), keysOf(state, object)).map((p) => ({
        label: JSON.stringify(p.name),
        type: 'property',
        detail: p.type,
        ...(p.description ? { info: p.description } : {}),
        apply: `${JSON.stringify(p.name)}: `,
      }));
    }
    return options.length ? { from, options, validFor: /^"?[\w$-]*"?$/ } : null;
  };
}
