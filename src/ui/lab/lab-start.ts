import { readShareFragment } from '../../lab/share-link';
import type { BundledScenario } from '../../scenarios/bundled';
import type { Services } from '../services';
import type { DraftAutosave } from './draft-autosave';
import type { FileActions } from './file-actions';
import type { LiveCheck } from './live-check';

/**
 * What the lab opens on: a shared link's scenario (the draft being edited put aside, never
 * overwritten), else the draft an earlier visit left, else a copy of the first shipped scenario.
 */

/** The lab being opened. */
interface Lab {
  readonly address: Services['address'];
  readonly autosave: Pick<DraftAutosave, 'open' | 'latest' | 'putAside'>;
  readonly check: Pick<LiveCheck, 'check' | 'linkProblem'>;
  readonly files: Pick<FileActions, 'pick'>;
  readonly shipped: readonly BundledScenario[];
  /** Puts a text in the editor, from where it came (a shared link or not). */
  load(text: string, source: string, fromLink?: boolean): Promise<void>;
  /** The editor's draft. */
  current(): { readonly text: string; readonly source: string };
  /** True once the lab was left: nothing more is opened. */
  left(): boolean;
}

/** Opens the lab on its first scenario; `hash` is the address's fragment, maybe a shared link. */
export async function labStart(lab: Lab, hash: string): Promise<void> {
  await lab.autosave.open();
  if (lab.left()) return;
  const shared = await readShareFragment(hash);
  if (lab.left()) return;
  if (shared?.ok) {
    await lab.autosave.putAside(shared.text, (text, source) => lab.load(text, source));
    await lab.load(shared.text, 'a shared link', true);
    // The draft now holds the link's scenario: the address no longer needs to carry it.
    lab.address.replace(`${lab.address.pathname}?lab`);
    return;
  }
  const draft = await lab.autosave.latest();
  if (lab.left()) return;
  const first = lab.shipped[0];
  if (draft) await lab.load(draft.text, draft.source);
  else if (first) {
    lab.files.pick(first.scenario.id);
    await lab.load(first.text, `a copy of ${first.file}`);
  }
  if (shared && !shared.ok) {
    // Why the link could not be read is listed first until another scenario is opened.
    lab.check.linkProblem(shared.reason);
    const { text, source } = lab.current();
    await lab.check.check(source, text);
  }
}
