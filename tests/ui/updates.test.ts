import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/ui/notices';
import { UPDATE_TEXT, watchForUpdates, type WorkerEvents } from '../../src/ui/updates';

/** Service workers as a page sees them: who controls it, and the event a new version's takeover fires. */
function workers(controller: unknown): WorkerEvents & { takeOver(): void } {
  const listeners: (() => void)[] = [];
  return {
    controller,
    addEventListener: (_type, listener) => void listeners.push(listener),
    takeOver: () => listeners.forEach((l) => l()),
  };
}

describe('news of a new version', () => {
  it('offers a reload, once, when a new version takes over a page an older one controlled', () => {
    const shown: Notice[] = [];
    let reloads = 0;
    const w = workers({});
    watchForUpdates(w, { show: (n) => void shown.push(n) }, () => reloads++);
    expect(shown).toEqual([]);
    w.takeOver();
    w.takeOver();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.text).toBe(UPDATE_TEXT);
    expect(shown[0]!.actions!.map((a) => a.label)).toEqual(['Reload']);
    shown[0]!.actions![0]!.run();
    expect(reloads).toBe(1);
  });

  it('says nothing on a first visit, when the first worker takes over, or with no workers at all', () => {
    const shown: Notice[] = [];
    const first = workers(null);
    watchForUpdates(first, { show: (n) => void shown.push(n) }, () => undefined);
    first.takeOver();
    watchForUpdates(undefined, { show: (n) => void shown.push(n) }, () => undefined);
    expect(shown).toEqual([]);
  });
});
