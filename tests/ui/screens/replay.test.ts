// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/platform/storage';
import { decodeCode, encodeCode } from '../../../src/replay/code';
import { encodeRaw, playRecorded } from '../../replay/support';
import { cliVerify } from '../../browser/pages';
import { openApp, type OpenApp } from './app-harness';
import { branchOf, codeOf, saveOf, tampered } from './replay-codes';

/** first-team lasts 8 turns; its balanced bot plays them all. */
const RUN = codeOf('first-team', 'balanced', 'replay-screen');
const TURNS = RUN.doc.turns.length;

const turnCount = (app: OpenApp): string => app.root.querySelector('.turn-count')?.textContent ?? '';
const slider = (app: OpenApp): HTMLInputElement => app.root.querySelector<HTMLInputElement>('#turn-slider')!;
const playButton = (app: OpenApp): HTMLButtonElement =>
  app.root.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space"]')!;

/** Text that a person can read: one line, no stack trace, no exception's name. */
function expectPlainWords(text: string): void {
  expect(text.trim()).not.toBe('');
  expect(text).not.toMatch(/[\r\n]|\bat .+:\d+|Error\b/);
}

describe('the replay viewer, in Node', () => {
  it('a valid code opens at the start, lists its turns, and shows at the last turn the fingerprint the CLI verifies', async () => {
    expect(TURNS).toBe(8);
    const app = openApp(`/?replay=${RUN.code}`);
    expect(app.root.querySelector('h1')?.textContent).toBe('Replay: Your First Team');
    expect(turnCount(app)).toBe('Start');
    expect(app.root.querySelector('.seed')?.textContent).toBe('Seed replay-screen');
    expect(app.root.textContent).toContain('Verified: re-played from the seed, every turn matches. 8 turns.');
    expect(app.root.querySelector('[data-testid="fingerprint"]')).toBeNull();
    expect(document.activeElement).toBe(playButton(app));

    const verified = await cliVerify(RUN.code);
    expect(verified.valid).toBe(true);
    app.press('End');
    expect(turnCount(app)).toBe(`Turn ${verified.turns} of ${verified.turns}`);
    expect(app.byTestId('fingerprint').textContent).toBe(verified.fingerprint);
    expect(app.byTestId('outcome').textContent).toBe(verified.outcome);
  });

  it('arrow keys step a turn, Home and End jump to the start and the end, never beyond either', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    for (let i = 0; i < 3; i++) app.press('ArrowRight');
    expect(turnCount(app)).toBe('Turn 3 of 8');
    expect(slider(app).value).toBe('3');
    expect(slider(app).getAttribute('aria-valuetext')).toBe('Turn 3 of 8');
    // The turn's own story replaces the briefing.
    expect(app.root.querySelector('.results h2')?.textContent).not.toBe('Start');
    app.press('ArrowLeft');
    expect(turnCount(app)).toBe('Turn 2 of 8');
    app.press('End');
    expect(turnCount(app)).toBe('Turn 8 of 8');
    app.press('ArrowRight');
    expect(turnCount(app)).toBe('Turn 8 of 8');
    app.press('Home');
    expect(turnCount(app)).toBe('Start');
    expect(slider(app).getAttribute('aria-valuetext')).toBe('Start');
    app.press('ArrowLeft');
    expect(turnCount(app)).toBe('Start');
    // The step buttons do the same.
    app.button('Step ▶').click();
    app.button('Step ▶').click();
    expect(turnCount(app)).toBe('Turn 2 of 8');
    app.button('◀ Step').click();
    expect(turnCount(app)).toBe('Turn 1 of 8');
  });

  it('keys typed into the turn slider are left to the slider, and moving it shows that turn', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    slider(app).focus();
    app.press('ArrowRight');
    app.press('End');
    expect(turnCount(app)).toBe('Start');
    slider(app).value = '5';
    slider(app).dispatchEvent(new Event('input', { bubbles: true }));
    expect(turnCount(app)).toBe('Turn 5 of 8');
  });

  it('Play moves on one turn every 1.4 seconds and stops at the last turn; Pause stops it where it is', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    playButton(app).click();
    expect(playButton(app).textContent).toBe('Pause');
    app.services.advance(1399);
    expect(turnCount(app)).toBe('Start');
    app.services.advance(1);
    expect(turnCount(app)).toBe('Turn 1 of 8');
    app.services.advance(1400 * 7);
    expect(turnCount(app)).toBe('Turn 8 of 8');
    app.services.advance(1400);
    expect(playButton(app).textContent).toBe('Play');
    app.services.advance(10_000);
    expect(turnCount(app)).toBe('Turn 8 of 8');

    // Play at the end starts again from the start; Pause holds the turn.
    playButton(app).click();
    expect(turnCount(app)).toBe('Start');
    app.services.advance(2800);
    expect(turnCount(app)).toBe('Turn 2 of 8');
    playButton(app).click();
    expect(playButton(app).textContent).toBe('Play');
    app.services.advance(10_000);
    expect(turnCount(app)).toBe('Turn 2 of 8');
  });

  it('Space plays and pauses when no control has focus; stepping while it plays stops it', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    (document.activeElement as HTMLElement).blur();
    app.press(' ');
    expect(playButton(app).textContent).toBe('Pause');
    app.services.advance(1400);
    expect(turnCount(app)).toBe('Turn 1 of 8');
    app.press('ArrowRight');
    expect(turnCount(app)).toBe('Turn 2 of 8');
    expect(playButton(app).textContent).toBe('Play');
    app.services.advance(5000);
    expect(turnCount(app)).toBe('Turn 2 of 8');
  });

  it('a code that is not a replay says why, without a stack trace, and offers the way back to the title', () => {
    const app = openApp('/?replay=not-a-code');
    expect(app.root.querySelector('h1')?.textContent).toBe('This replay cannot be shown');
    const error = app.byTestId('replay-error');
    expect(error.textContent).toBe('This is not a Momentum replay code (it should start with "M1.").');
    expect(error.getAttribute('role')).toBe('alert');
    const back = app.button('Back to the title');
    expect(document.activeElement).toBe(back);
    expect(app.root.textContent).not.toContain('Scenario lab');
    back.click();
    expect(app.root.querySelector('h1')?.textContent).toBe('Momentum');
    expect(app.services.address.search).toBe('');
  });

  it('a damaged code names its fault in plain words', async () => {
    const code = tampered(RUN.code);
    const app = openApp(`/?replay=${code}`);
    const said = await cliVerify(code);
    expect(said.valid).toBe(false);
    const text = app.byTestId('replay-error').textContent ?? '';
    expectPlainWords(text);
    expect(text).toBe((said as { reason?: string }).reason);
  });

  it('a run of a scenario this browser does not know points to the Scenario lab', () => {
    const decoded = decodeCode(RUN.code);
    if (!decoded.ok) throw new Error(decoded.reason);
    const app = openApp(`/?replay=${encodeRaw({ ...decoded.raw, scenarioId: 'moon-base' })}`);
    expect(app.byTestId('replay-error').textContent).toContain('"moon-base"');
    expect(app.root.textContent).toContain('open its file or its shared link in the Scenario lab first');
    app.button('Open the Scenario lab').click();
    expect(app.root.querySelector('h1')?.textContent).toBe('Scenario lab');
    expect(app.services.address.search).toBe('?lab=');
  });

  it('branching at turn 3 opens a game of the same scenario and seed at turn 4, linked to the run', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    for (let i = 0; i < 3; i++) app.press('ArrowRight');
    expect(app.root.querySelector('#branch-note')?.textContent).toContain('turns 1–3 of this run re-played');
    app.byTestId('branch').click();
    expect(turnCount(app)).toBe('Turn 4 of 8');
    expect(app.byTestId('end-turn')).toBeTruthy();
    const query = new URLSearchParams(app.services.address.search);
    expect(query.get('scenario')).toBe('first-team');
    expect(query.get('seed')).toBe('replay-screen');
    expect(query.get('branch')).toBeTruthy();
  });

  it('branching another team’s workshop run plays it as a game of one’s own, not as that team in its room', () => {
    const { doc, scenario } = playRecorded('first-team', 'balanced', 'replay-screen', { team: 'Red', room: 'AK7QMXS' });
    const app = openApp(`/?replay=${encodeCode(doc, scenario)}`);
    for (let i = 0; i < 3; i++) app.press('ArrowRight');
    app.byTestId('branch').click();
    expect(turnCount(app)).toBe('Turn 4 of 8');
    // No room: the game has no "Hand in progress", and its address names no room.
    expect(app.root.querySelector('[data-testid="hand-in-progress"]')).toBeNull();
    expect(new URLSearchParams(app.services.address.search).get('room')).toBeNull();
  });

  it('refuses to branch at the end of a finished run, and says so until the turn changes', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    app.press('End');
    app.byTestId('branch').click();
    const refused = app.byTestId('branch-refused');
    expect(refused.hidden).toBe(false);
    expect(refused.textContent).toMatch(/nothing to play on/);
    expect(app.root.querySelector('[data-testid="end-turn"]')).toBeNull();
    app.press('ArrowLeft');
    expect(refused.hidden).toBe(true);
  });

  it('a branch names the run it came from, and compares with it when this browser has it saved', () => {
    const branch = branchOf(RUN, 3, 'lead-only');
    const alone = openApp(`/?replay=${branch.code}`);
    expect(alone.byTestId('lineage').textContent).toBe(
      `A branch: turns 1–3 are those of the run ending ${RUN.doc.final}, then it plays on.`,
    );
    alone.button('Compare with the run it came from').click();
    const note = alone.byTestId('compare-refused');
    expect(note.hidden).toBe(false);
    expect(note.textContent).toContain(`fingerprint ${RUN.doc.final}) is not saved in this browser`);

    const store = memoryStore();
    store.set('momentum.game.parent-run', saveOf(RUN.doc));
    const app = openApp(`/?replay=${branch.code}`, { store });
    app.button('Compare with the run it came from').click();
    expect(app.root.querySelector('h1')?.textContent).toBe('Compare two runs');
    expect(app.byTestId('fingerprint-a').textContent).toBe(RUN.doc.final);
    expect(app.byTestId('fingerprint-b').textContent).toBe(branch.doc.final);
  });

  it('a branch played to its end verifies with its lineage, compares with the run it came from, and the title lists both', async () => {
    const parent = codeOf('build-the-house', 'balanced', 'branch-browser');
    // The branch plays no card at turn 4, where the parent played some: they first differ there.
    expect(parent.doc.turns[3]!.actions.length).toBeGreaterThan(0);
    const store = memoryStore();
    store.set('momentum.game.parent-run', saveOf(parent.doc));
    const app = openApp(`/?replay=${parent.code}`, { store });
    for (let i = 0; i < 3; i++) app.press('ArrowRight');
    app.byTestId('branch').click();
    expect(turnCount(app)).toBe('Turn 4 of 12');
    for (let turn = 4; !app.root.querySelector('[data-testid="outcome"]'); turn++) {
      expect(turn, 'the branch should end by its last turn').toBeLessThanOrEqual(12);
      app.byTestId('end-turn').click();
      await app.services.settle();
      app.services.advance(100);
    }
    expect(store.get('momentum.game.parent-run')).toBe(saveOf(parent.doc));

    const branchCode = app.byTestId<HTMLInputElement>('replay-code').value;
    const verified = await cliVerify(branchCode);
    expect(verified.valid).toBe(true);
    expect(verified.lineage).toStrictEqual({ atTurn: 3, parentFinal: parent.doc.final });
    expect(app.byTestId('fingerprint').textContent).toBe(verified.fingerprint);

    app.byTestId('compare-open').click();
    expect(app.byTestId('divergence').textContent).toContain('first differ at turn 4');
    expect(app.byTestId('fingerprint-a').textContent).toBe((await cliVerify(parent.code)).fingerprint);
    expect(app.byTestId('fingerprint-b').textContent).toBe(verified.fingerprint);
    expect(app.services.address.search).toBe(`?compare=${parent.code}~${branchCode}`);

    app.button('Title').click();
    const results = app.byTestId('saved-results').textContent ?? '';
    expect(results).toContain('branch after turn 3');
    expect(results.match(/Build the House/g)).toHaveLength(2);
  });

  it('a link to a branch this browser does not have says so on the title', () => {
    const app = openApp('/?scenario=first-team&seed=the-end&branch=nowhere');
    expect(app.byTestId('notice-link-branch').textContent).toMatch(/not saved in this browser/);
    expect(app.root.querySelector('h1')?.textContent).toBe('Momentum');
  });

  it('“Compare with another run” opens the comparison with this run as run A', () => {
    const app = openApp(`/?replay=${RUN.code}`);
    app.button('Compare with another run').click();
    expect(app.root.querySelector<HTMLInputElement>('#compare-a')?.value).toBe(RUN.code);
    expect(app.byTestId('compare-error').textContent).toMatch(/^Run B is missing/);
  });
});
