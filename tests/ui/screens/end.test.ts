// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { actionDef } from '../../../src/engine';
import { memoryStore, type Store } from '../../../src/platform/storage';
import { scenarioHash } from '../../../src/replay/scenario-hash';
import { bundledScenarios } from '../../../src/scenarios/bundled';
import { writeGame } from '../../../src/ui/saves';
import { act, newSession, type Session } from '../../../src/ui/session';
import { cliVerify } from '../../browser/pages';
import { openApp, type OpenApp } from './app-harness';

const ENTRIES = bundledScenarios().scenarios.map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));

/**
 * A game of `scenario` on `seed` played to its end in the engine, setting goals each turn it can,
 * and saved in `store` as this browser would have kept it.
 */
function finishedGame(store: Store, scenario: string, seed: string): Session {
  let session = newSession(
    ENTRIES.find((e) => e.scenario.id === scenario)!,
    seed,
  );
  while (!session.state.over) {
    const chosen = act(session, { type: 'choose', action: 'set-goals' });
    if (chosen.ok) session = chosen.session;
    const ended = act(session, { type: 'end-turn' });
    if (!ended.ok) throw new Error(ended.error.message);
    session = ended.session;
  }
  const w = writeGame(store, session, 0);
  if (w.kind !== 'saved') throw new Error('not saved');
  return w.session;
}

/** The end screen of a finished game, opened by its game link. */
async function endOf(scenario: string, seed: string, options: { clipboard?: boolean } = {}): Promise<OpenApp> {
  const store = memoryStore();
  finishedGame(store, scenario, seed);
  const app = openApp(`/?scenario=${scenario}&seed=${seed}`, { store, ...options });
  await app.services.settle();
  app.services.advance(100);
  return app;
}

const text = (app: OpenApp, selector: string): string => app.root.querySelector(selector)?.textContent ?? '';
const code = (app: OpenApp): string => app.byTestId<HTMLInputElement>('replay-code').value;

describe('the end screen, in Node', () => {
  it('says which index decided the regime and how the hours were split, as the run’s own records tell', async () => {
    const store = memoryStore();
    const session = finishedGame(store, 'stagnant-giant', 'why');
    const app = openApp('/?scenario=stagnant-giant&seed=why', { store });
    await app.services.settle();
    const end = session.records.at(-1)!.after;
    const why = text(app, '[data-testid="regime-why"]');
    expect(why.toLowerCase().startsWith(end.regime)).toBe(true);
    // Setting goals every turn is managing alone: every hour on one side.
    const hours = session.records.length * actionDef('set-goals')!.cost;
    expect(text(app, '[data-testid="flex-line"]')).toBe(
      `You spent 0% of your hours leading (0 h of ${hours})${
        new Set(session.records.map((r) => r.before.regime)).size > 1
          ? ', in every regime alike.'
          : `. Every turn began in ${session.records[0]!.before.regime}.`
      }`,
    );
    // The last turn's story gives L and M's change.
    const last = session.records.at(-1)!;
    expect(text(app, '.last-turn .indices')).toContain(`Leadership index ${last.before.l} → ${last.l}`);
    expect(text(app, '.last-turn .indices')).toContain(`management index ${last.before.m} → ${last.m}`);
  });

  it('says the result: the outcome, the score as its breakdown adds it up, heard as well as seen', async () => {
    const app = await endOf('first-team', 'result');
    const outcome = text(app, '[data-testid="outcome"]');
    expect(['drift', 'momentum', 'chaos', 'stagnation']).toContain(outcome);
    const verified = await cliVerify(code(app));
    expect(verified).toMatchObject({ valid: true, outcome, turns: 8 });
    expect(text(app, '[data-testid="fingerprint"]')).toBe(verified.fingerprint);
    const score = Number(text(app, '[data-testid="score"]'));
    expect(Number(text(app, '[data-testid="score-total"]'))).toBe(score);
    expect(app.live.textContent).toMatch(new RegExp(`^Game over: .+ Score ${score}\\.$`));
    expect(text(app, '.end-header p.muted')).toBe('Your First Team · seed “result” · 8 of 8 turns');
    // The main action has focus: the next game is one key away.
    expect(document.activeElement?.textContent).toBe('Play again with the same seed');
  });

  it('copies the replay code and its link, and says so', async () => {
    const app = await endOf('first-team', 'copy');
    app.button('Copy code').click();
    await app.services.settle();
    expect(app.services.log.copied).toEqual([code(app)]);
    expect(text(app, '.share .copied')).toBe('Code copied.');
    app.button('Copy link').click();
    await app.services.settle();
    const link = new URL(app.services.log.copied[1]!);
    expect(link.origin + link.pathname).toBe('https://momentum.example/');
    expect(link.searchParams.get('replay')).toBe(code(app));
    expect(app.all<HTMLAnchorElement>('a').find((a) => a.textContent === 'Watch the replay')?.href).toBe(link.href);
    expect(text(app, '.share .copied')).toBe('Link copied.');
  });

  it('selects the code for copying by hand when the browser refuses the clipboard', async () => {
    const app = await endOf('first-team', 'refused', { clipboard: false });
    app.button('Copy code').click();
    await app.services.settle();
    expect(app.services.log.copied).toEqual([]);
    expect(text(app, '.share .copied')).toBe(
      'Copying was refused by the browser: the code is selected, copy it by hand.',
    );
    const field = app.byTestId<HTMLInputElement>('replay-code');
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });

  it('downloads the run as a replay file and its turns as a CSV', async () => {
    const app = await endOf('build-the-house', 'files');
    app.button('Download replay file').click();
    app.button('Export turns as CSV').click();
    const [replay, csv] = app.services.log.downloads;
    expect(replay).toMatchObject({ name: 'build-the-house-files.replay.json', type: 'application/json' });
    const doc = JSON.parse(replay!.text) as { final: string; turns: unknown[]; seed: string };
    expect(doc.final).toBe(text(app, '[data-testid="fingerprint"]'));
    expect(doc.seed).toBe('files');
    const turns = doc.turns.length;
    expect(turns).toBeGreaterThan(0);
    expect(csv).toMatchObject({ name: 'build-the-house-files.csv', type: 'text/csv' });
    const rows = csv!.text.trim().split('\r\n');
    expect(rows[0]).toMatch(/^turn,actions,morale,execution,innovation,/);
    expect(rows).toHaveLength(turns + 1);
  });

  it('opens the comparison with this run as run A', async () => {
    const app = await endOf('first-team', 'compare');
    const c = code(app);
    app.byTestId('compare-open').click();
    await app.services.settle();
    expect(app.services.log.addresses.at(-1)).toBe(`/?compare=${c}~`);
    expect(app.root.querySelector('h1')?.textContent).toMatch(/compare/i);
  });

  it('plays again on the same seed as a new game, or goes to the picker for a new one', async () => {
    const app = await endOf('first-team', 'again');
    app.button('Play again with the same seed').click();
    expect(text(app, '.turn-count')).toBe('Turn 1 of 8');
    expect(text(app, '.seed code')).toBe('again');
    // The finished game is kept beside the new one.
    expect(app.store.keys().filter((k) => k.startsWith('momentum.game.'))).toHaveLength(2);

    const other = await endOf('idea-factory', 'new');
    other.button('New game').click();
    expect(other.root.querySelector('h1')?.textContent).toBe('Choose a scenario');
    expect(other.root.querySelector<HTMLInputElement>('input[name="scenario"]:checked')?.value).toBe('idea-factory');
  });
});
