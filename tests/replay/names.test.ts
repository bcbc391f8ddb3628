import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameChange, shownName } from '../../src/replay/names';
import { MAX_NAME_LENGTH } from '../../src/replay/seed';

/** What a screen or terminal does not show as text: controls, line breaks, zero-width and bidi marks. */
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

describe('the one display rule for names', () => {
  it('shows an ordinary name as written', () => {
    for (const name of ['Team Blue', 'Équipe «Rouge»', '红队', 'Team 🌱 Green', 'O’Brien & Co.']) {
      expect(shownName(name)).toBe(name);
      expect(nameChange(name)).toBeNull();
    }
  });

  it('turns a line feed, a tab, an escape, a zero-width space and a bidi override into visible escapes', () => {
    expect(shownName('Zed\nBlue 8 momentum')).toBe('Zed\\u000aBlue 8 momentum');
    expect(shownName('a\tb')).toBe('a\\u0009b');
    expect(shownName('Team \u001b[2JGreen')).toBe('Team \\u001b[2JGreen');
    // A look-alike of "Red" no longer looks like it.
    expect(shownName('Red\u200b')).toBe('Red\\u200b');
    expect(shownName('Red\u200b')).not.toBe(shownName('Red'));
    expect(shownName('abc\u202Efed')).toBe('abc\\u202efed');
    expect(nameChange('Red\u200b')).toMatch(/invisible characters/);
  });

  it(`cuts a name longer than ${MAX_NAME_LENGTH} characters, counting an emoji as one, and says so`, () => {
    const long = 'x'.repeat(30_000);
    expect([...shownName(long)]).toHaveLength(MAX_NAME_LENGTH);
    expect(shownName(long).endsWith('…')).toBe(true);
    expect(nameChange(long)).toBe(`is 30000 characters long, cut to ${MAX_NAME_LENGTH}`);
    const emoji = '🌱'.repeat(MAX_NAME_LENGTH);
    expect(shownName(emoji)).toBe(emoji);
  });

  it('never shows a hidden character, a lone surrogate or more than the limit, whatever the name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const shown = shownName(name);
        expect(HIDDEN.test(shown)).toBe(false);
        expect(shown.isWellFormed()).toBe(true);
        expect([...shown].length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        // Shown as written exactly when the rule finds nothing to change.
        expect(shown === name).toBe(nameChange(name) === null);
      }),
      { numRuns: 2000 },
    );
  });
});
