// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/platform/storage';
import { cliVerify } from '../../browser/pages';
import { openApp, type OpenApp } from './app-harness';
import { branchOf, codeOf, saveOf, tampered, type Run } from './replay-codes';

const A = codeOf('first-team', 'balanced', 'two-teams');
/** A branch of A after turn 3: the two share their first turns. */
const B = branchOf(A, 3, 'lead-only');

/** The first turn whose choices differ between two runs, read off their documents. */
function firstDifference(a: Run, b: Run): number {
  const turns = Math.max(a.doc.turns.length, b.doc.turns.length);
  for (let i = 0; i < turns; i++) {
    if (JSON.stringify(a.doc.turns[i]?.actions) !== JSON.stringify(b.doc.turns[i]?.actions)) return i + 1;
  }
  throw new Error('the two runs never differ');
}

const heading = (app: OpenApp): string => app.root.querySelector('h1')?.textContent ?? '';

describe('the comparison of two runs, in Node', () => {
  it('a compare link shows where two runs first differ, both verified fingerprints and every turn', async () => {
    const turn = firstDifference(A, B);
    expect(turn).toBeGreaterThan(1);
    const app = openApp(`/?compare=${A.code}~${B.code}`);
    const divergence = app.byTestId('divergence');
    expect(divergence.textContent).toBe(
      `The runs first differ at turn ${turn}. Turns 1–${turn - 1} are the same in both.`,
    );
    // The sentence is where focus lands, and it is read out.
    expect(document.activeElement).toBe(divergence);
    app.services.advance(100);
    expect(app.live.textContent).toBe(divergence.textContent);
    expect(app.byTestId('fingerprint-a').textContent).toBe((await cliVerify(A.code)).fingerprint);
    expect(app.byTestId('fingerprint-b').textContent).toBe((await cliVerify(B.code)).fingerprint);
    const turns = Math.max(A.doc.turns.length, B.doc.turns.length);
    const rows = app.all('.compare-table tbody tr');
    expect(rows).toHaveLength(turns);
    expect(rows.slice(0, turn - 1).every((r) => r.classList.contains('same'))).toBe(true);
    expect(rows[turn - 1]!.classList.contains('differs')).toBe(true);
    expect(app.all('.regime-grid tbody tr')).toHaveLength(2);
    expect(app.all('.regime-grid thead th')).toHaveLength(turns + 1);
    expect(app.all('.pair-chart')).toHaveLength(5);
    expect(app.services.address.search).toBe(`?compare=${A.code}~${B.code}`);
  });

  it('swaps the two runs, copies a link to the comparison, and opens either run to watch', async () => {
    const app = openApp(`/?compare=${A.code}~${B.code}`);
    app.button('Copy a link to this comparison').click();
    await app.services.settle();
    expect(app.services.log.copied).toHaveLength(1);
    // The page's own address (the stand-in's), with the two codes.
    expect(app.services.log.copied[0]).toBe(`https://momentum.example/?compare=${A.code}~${B.code}`);
    expect(app.button('Link copied')).toBeTruthy();

    app.button('Swap A and B').click();
    expect(app.services.address.search).toBe(`?compare=${B.code}~${A.code}`);
    expect(app.byTestId('fingerprint-a').textContent).toBe(B.doc.final);
    expect(app.byTestId('fingerprint-b').textContent).toBe(A.doc.final);

    app.button('Watch run A').click();
    expect(heading(app)).toBe('Replay: Your First Team');
    expect(app.services.address.search).toBe(`?replay=${B.code}`);
  });

  it('says so when the browser refuses to copy the link', async () => {
    const app = openApp(`/?compare=${A.code}~${B.code}`, { clipboard: false });
    app.button('Copy a link to this comparison').click();
    await app.services.settle();
    expect(app.button('Copying was refused: copy the address')).toBeTruthy();
  });

  it('two runs that are the same run never diverge', () => {
    const app = openApp(`/?compare=${A.code}~${A.code}`);
    expect(app.byTestId('divergence').textContent).toBe('These two runs are the same run: they never diverge.');
  });

  it('says in one sentence why two runs cannot be compared, and keeps the codes to correct', () => {
    const otherSeed = codeOf('first-team', 'balanced', 'seed-two');
    const otherScenario = codeOf('idea-factory', 'balanced', 'two-teams');
    const cases: [string, RegExp][] = [
      [`${A.code}~${otherSeed.code}`, /^Run B was played on seed "seed-two"; run A on seed "two-teams"/],
      [`${A.code}~${otherScenario.code}`, /^Run B is of scenario "idea-factory"; run A of "first-team"/],
      [`${A.code}~${tampered(B.code)}`, /^Run B: /],
      [`${tampered(A.code)}~${B.code}`, /^Run A: /],
      [`${A.code}~`, /^Run B is missing: paste a second replay code/],
      [`~${B.code}`, /^Run A is missing: paste a second replay code/],
    ];
    for (const [query, pattern] of cases) {
      const app = openApp(`/?compare=${query}`);
      const error = app.byTestId('compare-error');
      expect(error.textContent).toMatch(pattern);
      expect(error.textContent).not.toMatch(/[\r\n]|\bat .+:\d+|Error\b/);
      expect(error.getAttribute('role')).toBe('alert');
      expect(document.activeElement).toBe(error);
      expect(app.root.querySelector('[data-testid="divergence"]')).toBeNull();
      const [a = '', b = ''] = query.split('~');
      expect(app.byTestId<HTMLInputElement>('compare-a').value).toBe(a);
      expect(app.byTestId<HTMLInputElement>('compare-b').value).toBe(b);
    }
  });

  it('opens a pasted code and a pasted replay link from the empty form the title offers', () => {
    const app = openApp('/');
    app.byTestId('compare-start').click();
    expect(heading(app)).toBe('Compare two runs');
    expect(document.activeElement).toBe(app.byTestId('compare-a'));
    expect(app.root.querySelector('[data-testid="compare-error"]')).toBeNull();
    app.byTestId<HTMLInputElement>('compare-a').value = ` ${A.code} `;
    app.byTestId<HTMLInputElement>('compare-b').value = `https://momentum.example/?replay=${B.code}`;
    app.all<HTMLFormElement>('form.compare-form')[0]!.requestSubmit();
    expect(app.services.address.search).toBe(`?compare=${A.code}~${B.code}`);
    expect(app.byTestId('divergence').textContent).toContain(`first differ at turn ${firstDifference(A, B)}`);
  });

  it('offers this browser’s own games to pick from', () => {
    const store = memoryStore();
    store.set('momentum.game.mine', saveOf(B.doc));
    const app = openApp(`/?compare=${A.code}~`, { store });
    const picker = app.all<HTMLSelectElement>('.compare-field select')[1]!;
    expect(picker.getAttribute('aria-label')).toBe('Run B: a replay code or link: or choose one of your games');
    const mine = [...picker.options].find((o) => o.value !== '')!;
    expect(mine.textContent).toMatch(/^Your First Team, seed “two-teams”: /);
    picker.value = mine.value;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    app.button('Compare').click();
    expect(app.byTestId('fingerprint-b').textContent).toBe(B.doc.final);
  });

  it('the title button goes back to the title', () => {
    const app = openApp('/?compare');
    app.button('Title').click();
    expect(heading(app)).toBe('Momentum');
    expect(app.services.address.search).toBe('');
  });
});
