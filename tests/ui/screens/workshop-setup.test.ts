// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/platform/storage';
import { encodeCode } from '../../../src/replay/code';
import { playRecorded } from '../../replay/support';
import { openApp, type OpenApp } from './app-harness';

const heading = (app: OpenApp): string => app.root.querySelector('h1')?.textContent ?? '';
const dashboardShown = (app: OpenApp) => () => app.root.querySelector('[data-testid="team-link"]') !== null;

/** Fills the setup form and creates the session; gives its room code. */
async function createSession(app: OpenApp, name: string, seed = 'workshop-seed', teams = ''): Promise<string> {
  app.field('#ws-name').value = name;
  app.field<HTMLSelectElement>('#ws-scenario').value = 'first-team';
  app.field('#ws-seed').value = seed;
  app.field<HTMLTextAreaElement>('#ws-teams').value = teams;
  app.button('Create the session').click();
  await app.until(dashboardShown(app), 'the dashboard');
  return new URL(app.byTestId<HTMLInputElement>('team-link').value).searchParams.get('room')!;
}

/** The session file the dashboard's "Export the session" offers. */
function exported(app: OpenApp): string {
  app.byTestId('export-session').click();
  return app.services.log.downloads.at(-1)!.text;
}

/** Back to the setup screen's list of sessions, drawn. */
async function allSessions(app: OpenApp): Promise<void> {
  app.button('All sessions').click();
  await app.until(() => app.root.querySelector('.saved-list h2') !== null, 'the list of sessions');
}

/** Imports `text` as a session file picked in the setup screen's file field. */
async function importFile(app: OpenApp, name: string, text: string): Promise<void> {
  const input = app.byTestId<HTMLInputElement>('import-session');
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event('change'));
  await app.services.settle();
}

const rowCount = (app: OpenApp): number => app.all('[data-testid="workshop-row"]').length;

/** A room with `n` hand-ins pasted in; gives the codes. */
async function handIn(app: OpenApp, room: string, n: number): Promise<string[]> {
  const codes = Array.from({ length: n }, (_, i) => {
    const { doc, scenario } = playRecorded('first-team', ['balanced', 'lead-only', 'random'][i % 3]!, 'workshop-seed', {
      team: `Team ${i + 1}`,
      room,
    });
    return encodeCode(doc, scenario);
  });
  app.byTestId<HTMLTextAreaElement>('workshop-paste').value = codes.join('\n');
  app.byTestId('workshop-add').click();
  await app.until(() => rowCount(app) === n, `${n} rows`);
  await app.services.settle();
  return codes;
}

describe('setting up a workshop, in Node', () => {
  it('the title’s entry opens the form; a bad seed is refused beside it; a session is created as filled in, stamped with the clock, and its dashboard opens', async () => {
    const app = openApp('/');
    app.byTestId('workshop-start').click();
    expect(heading(app)).toBe('Run a workshop');
    expect(app.services.log.addresses.at(-1)).toBe('/?workshop=');
    expect(document.activeElement?.id).toBe('ws-name');
    // The stand-in clock starts on 15 January 2026.
    expect(app.field('#ws-name').value).toMatch(/^Workshop, .*\b15\b.*2026$/);

    const seed = app.field('#ws-seed');
    seed.value = 's'.repeat(150);
    app.button('Create the session').click();
    await app.services.settle();
    app.services.advance(50);
    const problem = 'The seed is 150 characters long; it can be at most 100.';
    expect(app.field('#ws-error').textContent).toBe(problem);
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(seed);
    expect(app.live.textContent).toBe(problem);
    expect(heading(app)).toBe('Run a workshop');

    // At 9:31:30, with teams typed one per line or by commas, repeats left out.
    app.services.advance(90_000 - 50);
    const room = await createSession(app, '  Leadership day ', 'workshop-seed', 'Blue\n green ,Blue\nRed\n\nblue');
    expect(room).toMatch(/^A[A-HJKMNP-Z2-9]{4}-workshop-seed$/);
    expect(heading(app)).toBe('Leadership day');
    expect(app.byTestId('room-code').textContent).toBe(`Room ${room}`);
    expect(app.services.log.addresses.at(-1)).toBe(`/?workshop=${room}`);
    expect(app.all('.team-own-link').map((c) => new URL(c.textContent!).searchParams.get('team'))).toEqual([
      'Blue',
      'green',
      'Red',
    ]);
    expect(JSON.parse(exported(app))).toEqual({
      format: 'momentum-workshop',
      version: 2,
      room,
      name: 'Leadership day',
      scenario: 'first-team',
      seed: 'workshop-seed',
      teams: ['Blue', 'green', 'Red'],
      createdAt: Date.UTC(2026, 0, 15, 9, 31, 30),
      submissions: [],
    });
    expect(app.services.log.downloads.at(-1)!.name).toBe(`momentum-workshop-${room}.json`);
  });

  it('a blank name is the day’s; Back returns to the title', async () => {
    const app = openApp('/?workshop');
    app.field('#ws-name').value = '   ';
    app.field('#ws-seed').value = 'another';
    app.button('Create the session').click();
    await app.until(dashboardShown(app), 'the dashboard');
    expect(heading(app)).toMatch(/^Workshop, .*\b15\b.*2026$/);
    await allSessions(app);
    app.button(/^Back$/).click();
    expect(app.root.querySelector('[data-testid="workshop-start"]')).not.toBeNull();
    expect(app.services.log.addresses.at(-1)).toBe('/');
  });

  it('lists this browser’s sessions newest first; one opens, one is deleted and brought back with Undo', async () => {
    const app = openApp('/?workshop');
    const older = await createSession(app, 'Morning');
    await handIn(app, older, 3);
    await allSessions(app);
    app.services.advance(3_600_000);
    const newer = await createSession(app, 'Afternoon');
    await allSessions(app);
    const lines = () => app.all('.saved-what').map((l) => l.textContent ?? '');
    expect(lines()).toHaveLength(2);
    expect(lines()[0]).toMatch(new RegExp(`^Afternoon · room ${newer} · .+ · 0 hand-ins$`));
    expect(lines()[1]).toMatch(new RegExp(`^Morning · room ${older} · .+ · 3 hand-ins$`));
    // Sessions here are kept in the page only, and the list says so.
    expect(app.field('.saved-list .notice').textContent).toMatch(/^This browser refuses to keep sessions/);

    // What was read out before is out of the way.
    app.services.advance(50);
    app.byTestId(`delete-session-${older}`).click();
    await app.until(() => lines().length === 1, 'the deletion');
    const words = `The session “Morning” (room ${older}, 3 hand-ins) was deleted from this browser.`;
    expect(app.byTestId('notice-workshop-deleted').textContent).toContain(words);
    app.services.advance(50);
    expect(app.live.textContent).toContain(words);
    [...app.byTestId('notice-workshop-deleted').querySelectorAll('button')]
      .find((b) => b.textContent === 'Undo')!
      .click();
    await app.until(() => lines().length === 2, 'the undo');
    expect(app.root.querySelector('[data-testid="notice-workshop-deleted"]')).toBeNull();
    app.services.advance(50);
    expect(app.live.textContent).toContain('The session “Morning” is back.');

    app
      .all('button')
      .find((b) => b.getAttribute('aria-label') === `Open Morning, room ${older}`)!
      .click();
    await app.until(() => rowCount(app) === 3, 'the session’s three teams');
    expect(heading(app)).toBe('Morning');
  });

  it('an exported session imports on another laptop with the same dashboard; imported again it merges and says so; replacing is a choice with an Undo', async () => {
    const app = openApp('/?workshop');
    const room = await createSession(app, 'Leadership day');
    const empty = exported(app);
    await handIn(app, room, 17);
    const full = exported(app);
    const table = app.byTestId('workshop-row').closest('table')!.outerHTML;

    const other = openApp('/?workshop');
    await importFile(other, 'session.json', full);
    await other.until(() => rowCount(other) === 17, 'the imported room');
    expect(other.byTestId('workshop-row').closest('table')!.outerHTML).toBe(table);
    expect(other.byTestId('notices').textContent).toContain(
      `Imported “Leadership day” as room ${room}, with 17 hand-ins.`,
    );

    // The empty export, taken before any run came in, imported into the room of 17: merged, nothing lost.
    await allSessions(other);
    await importFile(other, 'empty.json', empty);
    await other.until(() => rowCount(other) === 17, 'the merged room');
    expect(other.byTestId('notice-workshop-import').textContent).toContain(
      `Room ${room} was already in this browser: the file's hand-ins were merged into it (0 new, 0 already here). Nothing was removed.`,
    );
    const noticeButton = (label: string) =>
      [...other.byTestId('notice-workshop-import').querySelectorAll('button')].find((b) => b.textContent === label)!;
    noticeButton('Replace the room with the file instead').click();
    await other.until(() => rowCount(other) === 0 && other.root.querySelector('h1') !== null, 'the replaced room');
    expect(other.byTestId('notice-workshop-import').textContent).toContain(
      `Room ${room} now holds only the file's 0 hand-ins.`,
    );
    noticeButton('Undo').click();
    await other.until(() => rowCount(other) === 17, 'the undone replacement');
    expect(other.root.querySelector('[data-testid="notice-workshop-import"]')).toBeNull();
    expect((JSON.parse(exported(other)) as { submissions: unknown[] }).submissions).toHaveLength(17);
  });

  it('a file of another game under a room code already here is kept apart under a new code; a file that is no session says why', async () => {
    const app = openApp('/?workshop');
    const room = await createSession(app, 'Leadership day');
    const file = JSON.parse(exported(app)) as { seed: string };
    await allSessions(app);
    await importFile(app, 'other-seed.json', JSON.stringify({ ...file, seed: 'another-seed' }));
    await app.until(dashboardShown(app), 'the imported room');
    const moved = app.byTestId('room-code').textContent!.replace('Room ', '');
    expect(moved).toMatch(/^A[A-HJKMNP-Z2-9]{4}-another-seed$/);
    expect(moved).not.toBe(room);
    expect(app.byTestId('notice-workshop-import').textContent).toContain(
      `This browser already has a room ${room} playing another scenario or seed, so the file was imported as room ${moved}.`,
    );
    expect(app.root.textContent).toContain('seed “another-seed”');

    await allSessions(app);
    await importFile(app, 'notes.json', '{ not json');
    const status = app.root.querySelector('.saved-list [role="status"]')!;
    await app.until(() => status.textContent !== '', 'the refusal');
    expect(status.textContent).toBe('notes.json: This file is not a workshop session: it is not JSON.');
    expect(heading(app)).toBe('Run a workshop');
  });
});

describe('the address the app opens, in Node', () => {
  const notice = (app: OpenApp, id: string): string => app.byTestId(`notice-${id}`).textContent ?? '';

  it('`?workshop` opens the setup, `?workshop=ROOM` that room, and a room this browser lacks says so', async () => {
    expect(heading(openApp('/?workshop'))).toBe('Run a workshop');
    const app = openApp('/?workshop=NOPE42');
    await app.until(() => heading(app) === 'Run a workshop', 'the setup');
    expect(notice(app, 'workshop-missing')).toContain(
      'There is no workshop session “NOPE42” in this browser. Create one, or import its file.',
    );
  });

  it('a game link opens its game; an unknown scenario, a bad seed, room code or branch opens the nearest screen and says why', () => {
    expect(openApp('/?scenario=first-team&seed=42').root.querySelector('.turn-count')?.textContent).toBe('Turn 1 of 8');

    const unknown = openApp('/?scenario=no-such&seed=1');
    expect(unknown.field('.screen [role="alert"]').textContent).toBe(
      'There is no scenario called “no-such”. Choose one below.',
    );

    const seed = openApp(`/?scenario=first-team&seed=${'s'.repeat(150)}`);
    expect(heading(seed)).toBe('Choose a scenario');
    expect(notice(seed, 'link-seed')).toContain(
      'This link’s seed cannot be used. The seed is 150 characters long; it can be at most 100. Choose a seed below.',
    );

    const room = openApp('/?scenario=first-team&seed=1&room=%20');
    expect(room.byTestId('workshop-start')).toBeTruthy();
    expect(notice(room, 'link-room')).toContain(
      'This link’s room code cannot be used. The room code is empty. Ask your facilitator for the link again.',
    );

    const branch = openApp('/?scenario=first-team&seed=1&branch=abc');
    expect(branch.byTestId('workshop-start')).toBeTruthy();
    expect(notice(branch, 'link-branch')).toContain('The branch this link names is not saved in this browser');
  });

  it('a room’s link names the team first, offering the facilitator’s name for it', () => {
    const app = openApp('/?scenario=first-team&seed=1&room=ROOM42&team=Blue');
    expect(heading(app)).toBe('Your team’s name');
    expect(app.byTestId<HTMLInputElement>('team-name').value).toBe('Blue');
    expect(app.root.textContent).toContain('Workshop room ROOM42');
  });

  it('a saved game reopens where it was left, and a damaged save is reported, not removed', async () => {
    const store = memoryStore();
    const first = openApp('/?scenario=first-team&seed=42', { store });
    first
      .all<HTMLButtonElement>('#cards .card:not([disabled])')
      .find((c) => !c.querySelector('.card-target'))!
      .click();
    first.byTestId('end-turn').click();
    await first.services.settle();
    store.set('momentum.game.broken', '{ not a save');
    const again = openApp('/?scenario=first-team&seed=42', { store });
    expect(again.root.querySelector('.turn-count')?.textContent).toBe('Turn 2 of 8');
    expect(notice(again, 'damaged-saves')).toMatch(
      /^A saved game could not be opened: .+ It is kept; the title screen offers it as a file or deletes it\./,
    );
    expect(store.get('momentum.game.broken')).toBe('{ not a save');
  });
});
