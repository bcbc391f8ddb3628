import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { ScenarioProblem } from '../../scenarios/lint';
import schemaJson from '../../../scenarios/scenario.schema.json';
import { h } from '../dom';
import { schemaCompletion } from './completion';
import type { SchemaNode } from './schema-path';

/**
 * The lab's editor of a scenario file (CodeMirror): JSON with completion from the scenario
 * schema, and the problems of each check marked in the text.
 */

const LINT_DELAY = 250;

/** Where a problem sits in the text: the line and column it names. */
type Place = Pick<ScenarioProblem, 'line' | 'column'>;

/** A problem's place in the editor's text: its line and column (from 1), clamped to the text. */
function offsetOf(doc: Text, problem: Place): number {
  if (problem.line === null) return 0;
  const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
  return Math.min(line.to, line.from + Math.max(0, (problem.column ?? 1) - 1));
}

/** Colours readable on the lab's dark editor (CodeMirror's default style is made for a light one). */
const JSON_COLOURS = HighlightStyle.define([
  { tag: tags.propertyName, color: '#f3f4f8', fontWeight: '600' },
  { tag: tags.string, color: '#ffcf8a' },
  { tag: tags.number, color: '#7cc6ff' },
  { tag: [tags.bool, tags.null], color: '#c9a7ff' },
  { tag: tags.invalid, color: '#ff7a5c', textDecoration: 'underline' },
]);

export interface LabEditor {
  /** The editor in its box on the page. */
  readonly element: HTMLElement;
  text(): string;
  /** Puts `text` in place of the whole file; undo can take it back. */
  replace(text: string): void;
  /** Puts the cursor on a problem's place and the keyboard in the editor. */
  goTo(problem: Place): void;
  destroy(): void;
}

/**
 * The editor. `check` is run on the text a moment after typing stops and gives the problems to
 * mark (none when its outcome is out of date); `onChange` hears every change of the text.
 */
export function labEditor(
  check: (text: string) => Promise<readonly ScenarioProblem[]>,
  onChange: () => void,
): LabEditor {
  const diagnostics = async (text: string): Promise<Diagnostic[]> => {
    const shown = await check(text);
    const doc = view.state.doc;
    return shown.map((p) => {
      const from = offsetOf(doc, p);
      const to = Math.min(doc.lineAt(from).to, from + 1);
      return { from, to: Math.max(from, to), severity: 'error', message: p.text };
    });
  };
  const view = new EditorView({
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        syntaxHighlighting(JSON_COLOURS),
        json(),
        lintGutter(),
        linter((v) => diagnostics(v.state.doc.toString()), { delay: LINT_DELAY }),
        autocompletion({ override: [schemaCompletion(schemaJson as SchemaNode)] }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        // An explicit tab stop on the text (already one as an editable area) marks the scrolling
        // editor as reachable by keyboard to checkers that do not count contenteditable.
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario file (JSON)', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange();
        }),
      ],
    }),
  });
  const element = h('div', { class: 'lab-editor', 'data-testid': 'lab-editor' });
  element.append(view.dom);
  return {
    element,
    text: () => view.state.doc.toString(),
    replace(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goTo(problem) {
      const at = offsetOf(view.state.doc, problem);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
