import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { pathOfNode } from '../../src/ui/lab/completion';

/** The JSON path of the innermost node at the cursor (marked | in the text). */
function pathAt(marked: string): (string | number)[] {
  const pos = marked.indexOf('|');
  const state = EditorState.create({ doc: marked.replace('|', ''), extensions: [json()] });
  const tree = ensureSyntaxTree(state, state.doc.length, 5000)!;
  return pathOfNode(state, tree.resolveInner(pos, 1));
}

describe('the JSON path at the cursor', () => {
  it('names properties and array indices from the root', () => {
    expect(pathAt('{"events": [{"id": "a"}, {"once": |true}]}')).toEqual(['events', 1, 'once']);
    expect(pathAt('{"difficulty": |"easy"}')).toEqual(['difficulty']);
    expect(pathAt('{"actions": ["coach", |"listen"]}')).toEqual(['actions', 1]);
  });
});
