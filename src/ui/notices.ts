import { h } from './dom';

interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

export interface Notice {
  /** A notice with the same id replaces the one shown before it. */
  readonly id: string;
  readonly text: string;
  readonly actions?: readonly NoticeAction[];
}

/**
 * Messages about the player's games (a save refused, a damaged save, another tab) shown above
 * every screen until dismissed, and read out once through the live region: never only heard.
 */
export class Notices {
  readonly element: HTMLElement;

  constructor(private readonly announce: (text: string) => void) {
    this.element = h('div', { class: 'notices', 'data-testid': 'notices' });
  }

  show(notice: Notice): void {
    const box = h(
      'div',
      { class: 'notice page-notice', 'data-notice': notice.id, 'data-testid': `notice-${notice.id}` },
      h('p', {}, notice.text),
      h(
        'div',
        { class: 'inline' },
        ...(notice.actions ?? []).map((a) =>
          h('button', { type: 'button', class: 'secondary small', onclick: a.run }, a.label),
        ),
        h('button', { type: 'button', class: 'secondary small', onclick: () => this.close(notice.id) }, 'Dismiss'),
      ),
    );
    const old = this.find(notice.id);
    if (old) old.replaceWith(box);
    else this.element.append(box);
    this.announce(notice.text);
  }

  close(id: string): void {
    const box = this.find(id);
    if (!box) return;
    // Focus on a closed notice would fall to the page: hand it to the screen's heading.
    const hadFocus = box.contains(document.activeElement);
    box.remove();
    if (hadFocus) document.querySelector<HTMLElement>('main h1')?.focus();
  }

  has(id: string): boolean {
    return this.find(id) !== null;
  }

  private find(id: string): HTMLElement | null {
    for (const el of this.element.children) if ((el as HTMLElement).dataset.notice === id) return el as HTMLElement;
    return null;
  }
}
