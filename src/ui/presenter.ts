import { h } from './dom';

/** Session storage key of the presenter layout preference. */
const PRESENT_KEY = 'momentum.present';

/** How much larger the world's labels are in the presenter layout. */
export const PRESENTER_TEXT_SCALE = 1.75;

const listeners = new Set<(on: boolean) => void>();
/** This tab's storage, where the preference is kept; none when the browser refuses it. */
let tab: Storage | null = null;

/** Calls `listener` whenever the presenter layout is turned on or off; returns a way to stop. */
export function onPresenterChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function presenting(): boolean {
  return document.body.classList.contains('presenter');
}

function stored(): boolean {
  try {
    return tab?.getItem(PRESENT_KEY) === '1';
  } catch {
    return false;
  }
}

/** Turns the presenter layout (big type, big world, every card on one 1920×1080 screen) on or off for this session. */
function setPresenter(on: boolean): void {
  try {
    if (on) tab?.setItem(PRESENT_KEY, '1');
    else tab?.removeItem(PRESENT_KEY);
  } catch {
    // Storage refused (private mode): the layout still switches for this page.
  }
  const was = presenting();
  document.body.classList.toggle('presenter', on);
  if (was !== on) for (const l of listeners) l(on);
  for (const b of document.querySelectorAll('[data-testid="presenter-toggle"]'))
    b.setAttribute('aria-pressed', String(on));
}

/** Applies `?present=1` (or `?present=0`) from the address, else the session's preference. */
export function initPresenter(search: string, tabStorage: Storage | null): void {
  tab = tabStorage;
  const asked = new URLSearchParams(search).get('present');
  setPresenter(asked === null ? stored() : asked === '1' || asked === 'true');
}

/** A toggle button for menus. */
export function presenterToggle(): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary small',
      'data-testid': 'presenter-toggle',
      'aria-pressed': String(presenting()),
      onclick: () => setPresenter(!presenting()),
    },
    'Presenter layout',
  );
}
