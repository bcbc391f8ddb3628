// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { memoryStore, type Store } from '../../../src/platform/storage';
import { encodeCode } from '../../../src/replay/code';
import { playRecorded } from '../../replay/support';
import { openApp, type OpenApp } from './app-harness';

const text = (app: OpenApp, selector: string): string => app.root.querySelector(selector)?.textContent ?? '';

/** The button whose accessible name (its aria-label, else its text) is `name`. */
function named(app: OpenApp, name: string, within: ParentNode = app.root): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

/** Plays a turn by mouse: the first card that needs no person picked, then End turn. */
async function playATurn(app: OpenApp): Promise<void> {
  app
    .all<HTMLButtonElement>('#cards .card:not([disabled])')
    .find((c) => !c.querySelector('.card-target'))!
    .click();
  app.byTestId('end-turn').click();
  await app.services.settle();
}

describe('what a link opens, in Node', () => {
  it('refuses a seed a code could not carry, in one sentence, at the link and in the picker', () => {
    const app = openApp(`/?scenario=idea-factory&seed=${'x'.repeat(2900)}`);
    expect(text(app, '[data-testid="notice-link-seed"]')).toMatch(
      /seed cannot be used\. The seed is 2900 characters long; it can be at most 100\./,
    );
    // The picker opens on the link's scenario, and the seed field refuses broken text too.
    expect(app.root.querySelector<HTMLInputElement>('input[name="scenario"]:checked')?.value).toBe('idea-factory');
    const seed = app.root.querySelector<HTMLInputElement>('#seed')!;
    for (const bad of ['bell\u0007', 'half \uD83D']) {
      // Set as a paste would leave it: typing drops control characters before the page sees them.
      seed.value = bad;
      app.button('Read the briefing').click();
      expect(text(app, '[data-testid="seed-error"]')).toMatch(/^The seed holds/);
      expect(seed.getAttribute('aria-invalid')).toBe('true');
      expect(text(app, 'h1')).toBe('Choose a scenario');
    }
    seed.value = 'a fine seed';
    app.button('Read the briefing').click();
    // The briefing says how to win, from the scenario's own best ending.
    expect(text(app, '[data-testid="win-condition"]')).toBe(
      'To win, finish the last turn in momentum, with leadership L and management M both high; the best ending also needs progress 51 or more.',
    );
    app.button('Begin').click();
    expect(text(app, '.seed code')).toBe('a fine seed');
    expect(app.byTestId('end-turn')).toBeTruthy();
  });

  it('shows the verifier’s reason for a bad replay code, and a way back', async () => {
    const app = openApp('/?replay=M1.not-a-real-code');
    await app.services.settle();
    expect(text(app, '[data-testid="replay-error"]')).toMatch(/corrupted|malformed|truncated/);
    app.button('Back to the title').click();
    expect(app.button('New game')).toBeTruthy();
  });

  it('shows the names a replay code carries as the player’s own words, never as verified', async () => {
    const { doc, scenario } = playRecorded('first-team', 'balanced', 'names', {
      player: 'Ana',
      team: 'Blue <b>team</b>',
    });
    const app = openApp(`/?replay=${encodeCode(doc, scenario)}`);
    await app.services.settle();
    expect(text(app, '[data-testid="named-by-player"]')).toBe(
      'Named by the player (not verified): team “Blue <b>team</b>”, player “Ana”.',
    );
    expect(app.root.querySelectorAll('[data-testid="named-by-player"] b')).toHaveLength(0);
  });

  it('says there is no such scenario on the title, whose saved games can be deleted with a way to undo', async () => {
    const store = memoryStore();
    await playATurn(openApp('/?scenario=first-team&seed=keep', { store }));
    const app = openApp(`/?scenario=${'n'.repeat(10_000)}`, { store });
    expect(text(app, '.title-screen [role="alert"]')).toMatch(/There is no scenario called “n+…”/);
    named(app, 'Delete: Your First Team, seed “keep”').click();
    expect(app.root.querySelector('[data-testid="saved-games"]')).toBeNull();
    expect(store.keys().filter((k) => k.startsWith('momentum.game.'))).toEqual([]);
    expect(text(app, '[data-testid="notice-deleted"]')).toContain('Deleted: the game of Your First Team');
    named(app, 'Undo', app.byTestId('notice-deleted')).click();
    expect(text(app, '[data-testid="saved-games"]')).toMatch(/seed “keep” · turn 2 of 8/);
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.isConnected).toBe(true);
  });

  it('lists a damaged or newer-version save with its reason, keeps it, offers it as a file, and says so at a game link', () => {
    const store = memoryStore();
    const damaged = '{"format":"momentum-save", broken';
    const newer = JSON.stringify({ format: 'momentum-save', version: 7, rules: 99, seed: 's' });
    store.set('momentum.save', damaged);
    store.set('momentum.game.newer', newer);
    let app = openApp('/', { store });
    const list = text(app, '[data-testid="damaged-saves"]');
    expect(list).toContain('damaged and could not be read');
    expect(list).toContain('made by a newer version');
    app.byTestId('damaged-saves').querySelector('button')!.click();
    const [file] = app.services.log.downloads;
    expect(file!.name).toMatch(/\.json$/);
    expect([damaged, newer]).toContain(file!.text);
    // Both are kept as they were; a new game is still one click away.
    expect(store.get('momentum.save')).toBe(damaged);
    expect(store.get('momentum.game.newer')).toBe(newer);
    expect(app.button('New game').disabled).toBe(false);
    // Met through a game link, they are said on screen too, not only to a screen reader.
    app = openApp('/?scenario=first-team&seed=link', { store });
    expect(app.byTestId('end-turn')).toBeTruthy();
    expect(text(app, '[data-testid="notice-damaged-saves"]')).toMatch(/2 saved games could not be opened/);

    // With a large damaged save and the storage full, nothing is lost and both problems are said.
    const big = `{"format":"momentum-save",${'x'.repeat(1_000_000)}`;
    store.set('momentum.save', big);
    const full: Store = { ...store, set: () => false };
    app = openApp('/?scenario=first-team&seed=full', { store: full });
    expect(app.byTestId('end-turn')).toBeTruthy();
    expect(app.root.querySelector('[data-testid="notice-damaged-saves"]')).not.toBeNull();
    expect(app.root.querySelector('[data-testid="notice-save-refused"]')).not.toBeNull();
    expect(store.get('momentum.save')).toBe(big);
    expect(store.get('momentum.game.newer')).toBe(newer);
  });
});
