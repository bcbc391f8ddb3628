import { MAX_SCENARIO_BYTES } from '../../lab/share-link';
import type { BundledScenario } from '../../scenarios/bundled';
import { lintScenarioText } from '../../scenarios/lint';
import { h } from '../dom';
import { acceptDrops } from '../drop-zone';
import type { Services } from '../services';
import type { Draft } from './draft-autosave';
import { WORKER_CHARS } from './lint-check';
import type { LiveCheck } from './live-check';

/**
 * The lab's files: a scenario file opened (picked or dropped) or started from a copy of a
 * shipped one, and the editor's text downloaded as a file.
 */

export interface FileActions {
  /** The file picker, which also names the drop, and the copy of a shipped scenario. */
  readonly element: HTMLElement;
  /** Opens a picked or dropped file, or says why it was not. */
  open(file: File): Promise<void>;
  /** Chooses the shipped scenario a copy would be made of. */
  pick(id: string): void;
  /** Makes `area` open a file dropped anywhere on it. */
  takeDrops(area: HTMLElement): void;
}

/** What the file actions ask of the lab. */
interface Lab {
  readonly check: Pick<LiveCheck, 'summary' | 'refused' | 'warm'>;
  /** Puts a text in the editor, from where it came. */
  load(text: string, source: string): Promise<void>;
  readonly announce: (text: string) => void;
  /** The lab's line for how an action went. */
  readonly say: (text: string) => void;
}

export function fileActions(shipped: readonly BundledScenario[], lab: Lab): FileActions {
  const open = async (file: File): Promise<void> => {
    if (file.size > MAX_SCENARIO_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      lab.check.refused(`${file.name}: the file is ${mb} MB, more than the 5 MB a scenario may be.`);
      return;
    }
    // A file large enough to be checked on a worker starts it while the file is read.
    if (file.size >= WORKER_CHARS) lab.check.warm();
    await lab.load(await file.text(), file.name);
    lab.announce(`Opened ${file.name}: ${lab.check.summary.textContent ?? ''}`);
  };

  const fileInput = h('input', {
    type: 'file',
    id: 'lab-file',
    accept: '.json,application/json',
    'data-testid': 'lab-file',
    onchange: () => {
      const file = fileInput.files?.[0];
      if (file) void open(file);
      fileInput.value = '';
    },
  });
  const copyPick = h(
    'select',
    { id: 'lab-copy', 'data-testid': 'lab-copy' },
    ...shipped.map((s) => h('option', { value: s.scenario.id }, `${s.scenario.title} (${s.scenario.id})`)),
  );
  const copyShipped = (): void => {
    const s = shipped.find((x) => x.scenario.id === copyPick.value);
    if (!s) return;
    void lab.load(s.text, `a copy of ${s.file}`);
    lab.say(`Started from a copy of “${s.scenario.title}”. Give it an id of its own before you play it.`);
  };

  const element = h(
    'div',
    { class: 'lab-open' },
    h(
      'div',
      { class: 'lab-drop', 'data-testid': 'lab-drop' },
      h('label', { for: 'lab-file' }, 'Open a scenario file (.json), or drop it here'),
      fileInput,
    ),
    h(
      'div',
      { class: 'lab-copy-row' },
      h('label', { for: 'lab-copy' }, 'Or start from a copy of'),
      h(
        'span',
        { class: 'inline' },
        copyPick,
        h('button', { type: 'button', class: 'secondary', onclick: copyShipped }, 'Copy it'),
      ),
    ),
  );
  return {
    element,
    open,
    pick(id) {
      copyPick.value = id;
    },
    takeDrops(area) {
      acceptDrops(area, (files) => {
        const file = files[0];
        if (file) void open(file);
      });
    },
  };
}

/** Offers the editor's text as a file, named after its scenario's id once it is valid. */
export function downloadDraft(services: Pick<Services, 'download'>, { text, source }: Draft): void {
  const r = lintScenarioText(source, text, { expectedId: null });
  const name = r.ok ? `${r.scenario.id}.json` : source.endsWith('.json') ? source : 'scenario.json';
  services.download(name, 'application/json', text);
}
