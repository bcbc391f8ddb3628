import type { Notices } from './notices';

/** What the update watcher needs of the browser's service workers; passed in so a test can drive it. */
export interface WorkerEvents {
  readonly controller: unknown;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

export const UPDATE_TEXT =
  'A new version of Momentum is ready. Reload to use it: saved games, drafts and workshop sessions are kept.';

/**
 * Tells a tab left open across a site update that a new version has taken over, and offers a
 * reload. The service worker activates a new version at once, but a page keeps running the code
 * it loaded: without a reload, parts it fetches later (the scenario lab, for one) belong to a
 * version the server no longer has. A page that had no worker before (a first visit) gets its
 * first one, not an update, and hears nothing.
 */
export function watchForUpdates(
  workers: WorkerEvents | undefined,
  notices: Pick<Notices, 'show'>,
  reload: () => void,
): void {
  if (!workers || workers.controller === null || workers.controller === undefined) return;
  let told = false;
  workers.addEventListener('controllerchange', () => {
    if (told) return;
    told = true;
    notices.show({ id: 'update', text: UPDATE_TEXT, actions: [{ label: 'Reload', run: reload }] });
  });
}
