// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { openApp } from './app-harness';

describe('the play screen, in Node', () => {
  it('a game link opens turn 1 with cards; a card chosen and the turn ended is announced and saved', async () => {
    const app = openApp('/?scenario=first-team&seed=42');
    const turn = () => app.root.querySelector('.turn-count')?.textContent;
    expect(turn()).toBe('Turn 1 of 8');
    // A card that needs no person picked.
    const cards = app
      .all<HTMLButtonElement>('#cards .card:not([disabled])')
      .filter((c) => !c.querySelector('.card-target'));
    expect(cards.length).toBeGreaterThan(3);
    cards[0]!.click();
    const endedAt = app.services.clock.now();
    app.byTestId('end-turn').click();
    await app.services.settle();
    app.services.advance(100);
    expect(app.live.textContent).toMatch(/turn 1/i);
    expect(turn()).toBe('Turn 2 of 8');
    const saved = app.store.keys().filter((k) => k.startsWith('momentum.game.'));
    expect(saved).toHaveLength(1);
    expect(JSON.parse(app.store.get(saved[0]!)!)).toMatchObject({
      playedAt: endedAt,
      turns: [{ turn: 1, actions: [{ action: cards[0]!.dataset.testid!.slice('action-'.length) }] }],
    });
  });
});
