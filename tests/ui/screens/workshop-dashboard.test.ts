// @vitest-environment happy-dom
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { policyByName } from '../../../src/bots/by-name';
import { playGame } from '../../../src/bots/run';
import { decodeCode, encodeCode } from '../../../src/replay/code';
import { bundledScenarios } from '../../../src/scenarios/bundled';
import { cliVerify } from '../../browser/pages';
import { choicesOf, playRecorded } from '../../replay/support';
import { openApp, type OpenApp } from './app-harness';

const SEED = 'workshop-seed';

/** Fills the setup form and creates the session; gives its room code and the teams' link. */
async function createSession(
  app: OpenApp,
  teams = '',
  seed: string | null = SEED,
): Promise<{ room: string; link: string }> {
  app.field('#ws-name').value = 'Leadership day';
  app.field<HTMLSelectElement>('#ws-scenario').value = 'first-team';
  // null keeps the seed the form offers.
  if (seed !== null) app.field('#ws-seed').value = seed;
  app.field<HTMLTextAreaElement>('#ws-teams').value = teams;
  app.button('Create the session').click();
  await app.until(() => app.root.querySelector('[data-testid="team-link"]') !== null, 'the dashboard');
  const link = app.byTestId<HTMLInputElement>('team-link').value;
  return { room: new URL(link).searchParams.get('room')!, link };
}

/** A dashboard of a new session, opened at `?workshop`. */
async function dashboard(): Promise<{ app: OpenApp; room: string }> {
  const app = openApp('/?workshop');
  return { app, ...(await createSession(app)) };
}

const rows = (app: OpenApp) =>
  app.all('[data-testid="workshop-row"]').map((r) => ({
    team: r.dataset.team ?? '',
    verified: r.dataset.verified ?? '',
    fingerprint: r.dataset.fingerprint ?? '',
  }));
const teams = (app: OpenApp): string[] => rows(app).map((r) => r.team);
const status = (app: OpenApp): string => app.byTestId('collect-status').textContent ?? '';

/** Pastes `text` and adds it, as the facilitator does, once the status line has answered. */
async function paste(app: OpenApp, text: string): Promise<void> {
  const before = status(app);
  app.byTestId<HTMLTextAreaElement>('workshop-paste').value = text;
  app.byTestId('workshop-add').click();
  await app.until(() => status(app) !== before, 'the status line');
  // The room is drawn before it is stored: let the store answer too.
  await app.services.settle();
}

/** Picks files in the dashboard's file field, as the browser's file dialog hands them over. */
function pickFiles(input: HTMLInputElement, files: readonly File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

/** Imports a session file on the setup screen and waits for its dashboard. */
async function importSession(app: OpenApp, name: string, text: string): Promise<void> {
  pickFiles(app.byTestId<HTMLInputElement>('import-session'), [new File([text], name)]);
  await app.until(() => app.root.querySelector('[data-testid="team-link"]') !== null, 'the imported dashboard');
  await app.services.settle();
}

/** The last download of a file whose name ends with `ending`. */
function downloaded(app: OpenApp, ending: string): string {
  const file = app.services.log.downloads.findLast((d) => d.name.endsWith(ending));
  if (!file) throw new Error(`nothing ending in ${ending} was downloaded`);
  return file.text;
}

/** A bot's run of first-team handed in by `team` for `room`, as its code. */
function code(team: string, policy: string, room: string, seed = SEED): string {
  const { doc, scenario } = playRecorded('first-team', policy, seed, { team, room });
  return encodeCode(doc, scenario);
}

const firstTeam = bundledScenarios().scenarios.find((s) => s.scenario.id === 'first-team')!.scenario;

/**
 * A team's game from the teams' link: its name, the briefing, then a bot's choices clicked card
 * by card, for `turns` turns (then "Hand in progress") or to the end. Gives the code handed in.
 */
async function playFromLink(link: string, team: string, policy: string, turns?: number): Promise<string> {
  const app = openApp(`/${new URL(link).search}`);
  return play(app, new URL(link).searchParams.get('seed')!, team, policy, turns);
}

/** The same as a team that types the room code on the title instead of opening the link. */
async function playFromRoomCode(typed: string, seed: string, team: string, policy: string): Promise<string> {
  const app = openApp('/');
  app.byTestId<HTMLInputElement>('join-room').value = typed;
  app.byTestId('join-room').closest('form')!.requestSubmit();
  return play(app, seed, team, policy);
}

async function play(app: OpenApp, seed: string, team: string, policy: string, turns?: number): Promise<string> {
  app.byTestId<HTMLInputElement>('team-name').value = team;
  app.button('Continue to the briefing').click();
  app.button('Begin').click();
  return playTurns(app, seed, policy, turns);
}

/** A bot's choices clicked card by card from the play screen, then the code handed in. */
async function playTurns(app: OpenApp, seed: string, policy: string, turns?: number): Promise<string> {
  const plan = choicesOf(playGame(firstTeam, seed, policyByName(policy)!));
  for (const choices of plan.slice(0, turns)) {
    for (const c of choices) {
      app.byTestId(`action-${c.action}`).click();
      if (c.target !== undefined) document.querySelector<HTMLElement>(`[data-testid="target-${c.target}"]`)!.click();
    }
    app.byTestId('end-turn').click();
    await app.services.settle();
  }
  if (turns === undefined) return app.byTestId<HTMLInputElement>('hand-in-code').value;
  app.byTestId('hand-in-progress').click();
  return document.querySelector<HTMLInputElement>('[data-testid="hand-in-code"]')!.value;
}

describe('the workshop dashboard, in Node', () => {
  it('a team that types the room code on the title plays the link’s game: the same choices hand in the same code', async () => {
    for (const seed of [null, 'Leadership Day 3']) {
      const { room, link } = await createSession(openApp('/?workshop'), '', seed);
      const roomSeed = new URL(link).searchParams.get('seed')!;
      if (seed === null) expect(room).toMatch(new RegExp(`^A${roomSeed}[A-HJKMNP-Z2-9]$`));
      else expect(room).toMatch(/^A[A-HJKMNP-Z2-9]{4}-Leadership Day 3$/);
      const viaLink = await playFromLink(link, 'Blue', 'balanced');
      // Typed as people type: lower case, a space in it.
      const typed = `${room.slice(0, 3).toLowerCase()} ${room.slice(3)}`;
      const viaCode = await playFromRoomCode(typed, roomSeed, 'Blue', 'balanced');
      expect(viaCode).toBe(viaLink);
      expect(await cliVerify(viaCode)).toMatchObject({ valid: true });
      expect(decodeCode(viaCode)).toMatchObject({ ok: true, raw: { meta: { team: 'Blue', room } } });
    }
  });

  it('a room code that cannot be read says why beside the field, and starts nothing', () => {
    const app = openApp('/');
    const field = app.byTestId<HTMLInputElement>('join-room');
    field.value = 'AK7QM0X';
    field.closest('form')!.requestSubmit();
    const reason = 'Room codes have no 0 or O: check the code on the screen.';
    expect(app.byTestId('join-room-error').textContent).toBe(reason);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    app.services.advance(50);
    expect(app.live.textContent).toBe(reason);
    expect(app.root.querySelector('[data-testid="team-name"]')).toBeNull();
  });

  it('three teams play from the link and hand in; a pasted chat is collected, verified as the command line verifies it, and exported', async () => {
    const setup = openApp('/');
    setup.byTestId('workshop-start').click();
    const { room, link } = await createSession(setup);
    expect(room).toMatch(/^[A-E][A-HJKMNP-Z2-9]{4}-workshop-seed$/);
    expect(setup.byTestId('room-code').textContent).toContain(room);
    setup.button('Export the session').click();
    const session = downloaded(setup, '.json');

    // Each team in its own browser; the third hands in its progress at turn 3.
    const names = ['Blue', 'Green', 'Red <script>alert(1)</script>'];
    const codes = [
      await playFromLink(link, names[0]!, 'balanced'),
      await playFromLink(link, names[1]!, 'lead-only'),
      await playFromLink(link, names[2]!, 'balanced', 3),
    ];

    // The facilitator's laptop, with the session file: a chat transcript with the codes, junk and a code cut in half.
    const app = openApp('/?workshop');
    await importSession(app, 'session.json', session);
    const transcript = [
      'Chat, 10:42',
      `Blue: done! ${codes[0]}`,
      `Green: here ${codes[1]} sorry for the wait`,
      `Red: progress so far ${codes[2]}`,
      `Someone: ${codes[0]!.slice(0, 30)}`,
      'M1.notacode and <img src=x onerror=alert(1)>',
    ].join('\n');
    await paste(app, transcript);
    const table = rows(app);
    expect(table.map((r) => r.team).sort()).toEqual([...names].sort());
    for (const [i, c] of codes.entries()) {
      const v = await cliVerify(c);
      expect(v.valid).toBe(true);
      expect(table.find((r) => r.fingerprint === v.fingerprint)?.verified, `team ${i}`).toBe('true');
    }
    // Names stay text; junk is refused with its reason, never inserted as markup.
    expect(app.root.querySelectorAll('script, img')).toHaveLength(0);
    expect(status(app)).toBe(
      'pasted text: 4 hand-ins found; 3 new or updated team runs verified, 1 refused (see below).',
    );
    // The code cut in half, on the transcript's fifth line.
    expect(app.field('.refused li').textContent).toMatch(
      /^pasted text, line 5 \(Someone\): The replay code is cut short: it stops/,
    );
    expect(app.byTestId('divergence').textContent).toMatch(/first differ at turn \d+|from the very first turn/);

    // The CSV holds one row per team per turn played.
    app.byTestId('export-csv').click();
    await app.until(() => app.services.log.downloads.some((d) => d.name.endsWith('.csv')), 'the CSV');
    expect(app.services.log.downloads.at(-1)!.name).toBe(`momentum-workshop-${room}.csv`);
    // Both files start with a byte-order mark, so spreadsheet programs read them as UTF-8.
    expect(downloaded(app, '.csv').startsWith('\uFEFF')).toBe(true);
    const csv = Papa.parse<Record<string, string>>(downloaded(app, '.csv').slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    const perTeam = new Map<string, number>();
    for (const r of csv.data) perTeam.set(r.team!, (perTeam.get(r.team!) ?? 0) + 1);
    expect(perTeam).toEqual(
      new Map([
        ['Blue', playGame(firstTeam, SEED, policyByName('balanced')!).turns.length],
        ['Green', playGame(firstTeam, SEED, policyByName('lead-only')!).turns.length],
        [names[2]!, 3],
      ]),
    );

    // The summary: one row per team, its turns in each regime adding up to its turns.
    const before = app.services.log.downloads.length;
    app.byTestId('export-summary-csv').click();
    await app.until(() => app.services.log.downloads.length > before, 'the summary CSV');
    expect(app.services.log.downloads.at(-1)!.name).toBe(`momentum-workshop-${room}-per-team.csv`);
    const summaryText = downloaded(app, '-per-team.csv');
    expect(summaryText.startsWith('\uFEFF')).toBe(true);
    const summary = Papa.parse<Record<string, string>>(summaryText.slice(1), { header: true, skipEmptyLines: true });
    expect(summary.errors).toEqual([]);
    expect(summary.data.map((r) => r.team)).toEqual(['Blue', 'Green', names[2]]);
    for (const r of summary.data) {
      expect(r.verified).toBe('yes');
      const inRegimes = ['momentum', 'chaos', 'stagnation', 'drift'].reduce(
        (n, g) => n + Number(r[`turns in ${g}`]),
        0,
      );
      expect(inRegimes).toBe(perTeam.get(r.team!));
    }
    expect(summary.data.map((r) => r.finished)).toEqual(['yes', 'yes', 'no']);
    expect(summary.data[2]!.outcome).toBe('');

    // Any two teams open side by side on the compare page.
    const pair = app.byTestId<HTMLAnchorElement>('compare-teams').getAttribute('href')!;
    expect(pair).toMatch(/\?compare=M1\.[\w-]+~M1\.[\w-]+$/);
    const side = openApp(`/${pair.slice(pair.indexOf('?'))}`);
    await side.until(
      () => side.root.querySelector('[data-testid="divergence"], [data-testid="compare-error"]') !== null,
      'the comparison',
    );
    expect(side.all('[data-testid="compare-error"]')).toHaveLength(0);
    expect(side.byTestId('divergence').textContent).toMatch(/differ|never diverge|first \d+ turns/);
  });

  it('a code pasted again is stored once, and a paste of codes already in the room adds nothing', async () => {
    const { app, room } = await dashboard();
    const codes = Array.from({ length: 17 }, (_, i) =>
      code(`Team ${i + 1}`, ['balanced', 'lead-only', 'random'][i % 3]!, room),
    );
    await paste(app, codes.slice(0, 5).join('\n'));
    await paste(app, codes.slice(5).join('\n'));
    expect(rows(app)).toHaveLength(17);
    await paste(app, codes.join('\n'));
    expect(status(app)).toBe('pasted text: 17 hand-ins found; 0 new or updated team runs verified.');
    expect(rows(app)).toHaveLength(17);
    app.byTestId('export-session').click();
    expect((JSON.parse(downloaded(app, '.json')) as { submissions: unknown[] }).submissions).toHaveLength(17);
  });

  it('removes a team, a refused hand-in and a kept hand-in, each with Undo; pasted again they stay removed until brought back; a later file carries the removals', async () => {
    const { app, room } = await dashboard();
    // Team 2 hands in twice (the later run is kept); one code plays another seed and is refused.
    const team2first = code('Team 2', 'lead-only', room);
    const handIns = [
      code('Team 1', 'balanced', room),
      team2first,
      code('Team 2', 'random', room),
      code('Team 3', 'manage-only', room),
    ];
    const stray = code('Team 9', 'balanced', room, 'another-seed');
    await paste(app, [...handIns, stray].join('\n'));
    expect(teams(app)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 9']);
    app.byTestId('export-session').click();
    const early = downloaded(app, '.json');

    // Team 1 removed: it leaves every view, focus stays in the list, and Undo brings it back.
    const box = app.byTestId<HTMLDetailsElement>('workshop-manage');
    box.open = true;
    box.dispatchEvent(new Event('toggle'));
    const manage = (team: string, what: string): HTMLElement =>
      app.field(`[data-testid="manage-team"][data-team="${team}"] [data-testid="${what}"]`);
    manage('Team 1', 'remove-team').click();
    await app.until(() => rows(app).length === 3, 'the removal');
    expect(teams(app)).toEqual(['Team 2', 'Team 3', 'Team 9']);
    expect(status(app)).toBe('Removed from this room: “Team 1”.');
    expect(document.activeElement?.textContent).toBe('Remove a team or a hand-in');
    app.byTestId('collect-status-action').click();
    await app.until(() => rows(app).length === 4, 'the undo');
    expect(status(app)).toBe('Back in this room: “Team 1”.');
    expect(document.activeElement?.textContent).toBe('Remove a team or a hand-in');
    manage('Team 1', 'remove-team').click();
    await app.until(() => rows(app).length === 3, 'the removal');

    // Team 2's kept hand-in removed: its earlier run counts again.
    const fingerprint = (team: string) => rows(app).find((r) => r.team === team)!.fingerprint;
    const earlier = (await cliVerify(team2first)).fingerprint!;
    expect(fingerprint('Team 2')).not.toBe(earlier);
    manage('Team 2', 'remove-kept').click();
    await app.until(() => fingerprint('Team 2') === earlier, 'the earlier run');
    expect(app.root.querySelector('[data-testid="manage-team"][data-team="Team 2"]')?.textContent).toContain(
      'Team 2: 1 hand-in',
    );

    // The refused code is removed from the list of refusals.
    expect(app.field('.refused summary').textContent).toBe('1 hand-in refused');
    app
      .all('[data-testid="remove-refused"]')
      .find((b) => b.getAttribute('aria-label') === 'Remove the refused hand-in from pasted text, line 5')!
      .click();
    await app.until(() => app.root.querySelector('.refused') === null, 'the refusal removed');
    expect(teams(app)).toEqual(['Team 2', 'Team 3']);
    app.byTestId('export-session').click();
    const later = downloaded(app, '.json');

    // The whole chat pasted again leaves removed hand-ins removed, saying so, with the way back.
    await paste(app, [...handIns, stray].join('\n'));
    expect(status(app)).toContain('3 of them had all been removed from this room and stay removed.');
    expect(teams(app)).toEqual(['Team 2', 'Team 3']);
    expect(app.byTestId('collect-status-action').textContent).toBe('Bring the 3 back');
    app.byTestId('collect-status-action').click();
    await app.until(() => rows(app).length === 4, 'the hand-ins brought back');
    expect(teams(app)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 9']);

    // Another laptop has the room from before the removals; the later file brings them.
    const other = openApp('/?workshop');
    await importSession(other, 'early.json', early);
    expect(rows(other)).toHaveLength(4);
    expect(other.byTestId('notices').textContent).toContain(
      `Imported “Leadership day” as room ${room}, with 5 hand-ins.`,
    );
    other.button('All sessions').click();
    await importSession(other, 'later.json', later);
    await other.until(() => rows(other).length === 2, 'the removals');
    expect(other.byTestId('notices').textContent).toContain(
      '3 hand-ins the file marks as removed are removed here too.',
    );
    expect(rows(other).find((r) => r.team === 'Team 2')!.fingerprint).toBe(earlier);
    other.byTestId('export-session').click();
    expect(JSON.parse(downloaded(other, '.json'))).toEqual(JSON.parse(later));
  });

  it('finds the one code in 10 MB of junk, and refuses a replay file that is not JSON and a code of another scenario, each named', async () => {
    const { app } = await dashboard();
    const { doc, scenario } = playRecorded('first-team', 'balanced', SEED, { team: 'Needle' });
    const junk = 'lorem ipsum M1.x '.repeat(600_000);
    await paste(app, `${junk.slice(0, 5_000_000)} ${encodeCode(doc, scenario)} ${junk.slice(0, 5_000_000)}`);
    expect(rows(app)).toEqual([expect.objectContaining({ team: 'Needle', verified: 'true' })]);
    expect(status(app)).toBe('pasted text: 1 hand-in found; 1 new or updated team run verified.');

    const other = playRecorded('idea-factory', 'balanced', SEED, { team: 'Elsewhere' });
    pickFiles(app.field('#ws-files'), [
      new File(['{"format":"momentum-replay", oops'], 'broken.replay.json', { type: 'application/json' }),
      new File([encodeCode(other.doc, other.scenario)], 'other.txt', { type: 'text/plain' }),
    ]);
    await app.until(() => /other\.txt/.test(status(app)), 'both files');
    const refused = app.field('.refused').textContent ?? '';
    expect(refused).toMatch(/broken\.replay\.json/);
    expect(refused).toMatch(/flagged, not mixed in/);
    expect(rows(app).map((r) => [r.team, r.verified])).toEqual([
      ['Needle', 'true'],
      ['Elsewhere', 'false'],
    ]);
  });

  it('past 100 teams each view draws the first 100 and says so; the CSV export holds them all', async () => {
    const { app, room } = await dashboard();
    const policies = ['balanced', 'lead-only', 'manage-only', 'random'];
    await paste(app, Array.from({ length: 101 }, (_, i) => code(`Team ${i + 1}`, policies[i % 4]!, room)).join('\n'));
    expect(app.byTestId('teams-cut').textContent).toBe(
      'This room has 101 teams: each view shows the first 100 (by name, or by score when ranked). The CSV export holds them all.',
    );
    // By name, as people sort them: Team 2 before Team 10.
    expect(teams(app)).toEqual(Array.from({ length: 100 }, (_, i) => `Team ${i + 1}`));
    app.byTestId('export-csv').click();
    await app.until(() => app.services.log.downloads.length > 0, 'the CSV');
    const lines = Papa.parse<string[]>(downloaded(app, '.csv').slice(1).trim()).data.slice(1);
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(Array.from({ length: 101 }, (_, i) => `Team ${i + 1}`)));
  });

  it('the round timer counts down with the clock, pauses, resets to the minutes set, and says when time is up', async () => {
    const { app } = await dashboard();
    const face = () => app.byTestId('timer').textContent;
    const toggle = app.button(/^Start$/);
    expect(face()).toBe('10:00');
    toggle.click();
    expect(toggle.textContent).toBe('Pause');
    app.services.advance(1000);
    expect(face()).toBe('9:59');
    app.services.advance(59_000);
    expect(face()).toBe('9:00');
    toggle.click();
    app.services.advance(5000);
    expect(face()).toBe('9:00');
    expect(toggle.textContent).toBe('Start');

    const minutes = app.field('#timer-minutes');
    minutes.value = '1';
    minutes.dispatchEvent(new Event('change'));
    expect(face()).toBe('1:00');
    toggle.click();
    app.services.advance(59_000);
    expect(face()).toBe('0:01');
    expect(app.live.textContent).not.toContain('Time is up');
    expect(app.byTestId('timer').classList.contains('time-up')).toBe(false);
    app.services.advance(1000 + 50);
    // At 0:00 the face says so in words and flashes (the class); sound is off until asked for.
    expect(face()).toBe('0:00 Time is up');
    expect(app.byTestId('timer').classList.contains('time-up')).toBe(true);
    expect(app.services.log.chimes).toBe(0);
    expect(toggle.textContent).toBe('Start');
    expect(app.live.textContent).toBe('Time is up for this round.');
    // Started again at 0:00, it starts over from the minutes set.
    toggle.click();
    app.services.advance(1000);
    expect(face()).toBe('0:59');
    expect(app.byTestId('timer').classList.contains('time-up')).toBe(false);
    // With sound on, 0:00 chimes once.
    app.byTestId<HTMLInputElement>('timer-sound').click();
    app.services.advance(59_000);
    expect(face()).toBe('0:00 Time is up');
    expect(app.services.log.chimes).toBe(1);
    app.services.advance(10_000);
    expect(app.services.log.chimes).toBe(1);
  });

  it('a team whose game ended early plays on from a turn of its choosing, and the dashboard keeps it as the team’s attempt 2', async () => {
    const { app, room, link } = await (async () => {
      const a = openApp('/?workshop');
      return { app: a, ...(await createSession(a)) };
    })();
    const team = openApp(`/${new URL(link).search}`);
    const first = await play(team, SEED, 'Red', 'lead-only');
    expect(decodeCode(first)).toMatchObject({ ok: true, raw: { meta: { team: 'Red', room } } });
    // The offer names the turn before the regime that ended the game took hold.
    const offer = team.byTestId('play-on');
    expect(offer.textContent).toContain('Your game ended early, in chaos.');
    const turn = team.byTestId<HTMLSelectElement>('play-on-turn');
    expect(turn.options).toHaveLength(playGame(firstTeam, SEED, policyByName('lead-only')!).turns.length);
    turn.value = '0';
    team.byTestId('play-on-start').click();
    const second = await playTurns(team, SEED, 'balanced');
    expect(decodeCode(second)).toMatchObject({
      ok: true,
      raw: { meta: { team: 'Red', room }, lineage: { atTurn: 0 } },
    });
    await paste(app, `${first}\n${second}`);
    expect(teams(app)).toEqual(['Red', 'Red (attempt 2)']);
    expect(rows(app).every((r) => r.verified === 'true')).toBe(true);
    expect(app.field('.prompts').textContent).toContain(
      'Red went back to the start and played again; its second attempt ended in',
    );
  });

  it('opens the facilitator guide, prints it, and goes back to the room', async () => {
    const { app, room } = await dashboard();
    // Loaded once here, as a browser would have fetched it: the screen's own import then settles at once.
    await import('../../../src/ui/workshop/guide-text');
    app.byTestId('open-guide').click();
    await app.until(() => app.root.querySelector('[data-testid="guide"] h2') !== null, 'the guide');
    const titles = app.all('[data-testid="guide"] h3').map((x) => x.textContent);
    expect(titles).toEqual(expect.arrayContaining(['45 minutes: a first taste', 'The architect and the contractor']));
    expect(app.services.log.addresses.at(-1)).toBe(`/?workshop=${encodeURIComponent(room)}&guide=`);
    app.button('Print the guide').click();
    expect(app.services.log.prints).toBe(1);
    app.button('Back to the dashboard').click();
    await app.until(() => app.root.querySelector('[data-testid="team-link"]') !== null, 'the dashboard');
  });

  it('hides names behind letters in every view, the debrief’s questions included, and gives them back', async () => {
    const { app, room } = await dashboard();
    await paste(
      app,
      [code('Blue', 'balanced', room), code('Green', 'lead-only', room), code('Red', 'manage-only', room)].join('\n'),
    );
    const shown = (): string => app.field('.room-results').textContent ?? '';
    expect(teams(app)).toEqual(['Blue', 'Green', 'Red']);
    expect(shown()).toContain('Blue');
    app.byTestId<HTMLInputElement>('hide-names').click();
    expect(teams(app)).toEqual(['Team A', 'Team B', 'Team C']);
    for (const name of ['Blue', 'Green', 'Red']) expect(shown()).not.toContain(name);
    expect(app.all('.room-chart .line-label').map((l) => l.textContent)).toEqual(['Team A', 'Team B', 'Team C']);
    expect(app.all('.regime-grid tbody th').map((l) => l.textContent)).toEqual(['Team A', 'Team B', 'Team C']);
    app.byTestId<HTMLInputElement>('hide-names').click();
    expect(teams(app)).toEqual(['Blue', 'Green', 'Red']);
  });

  it('prints every view whatever the screen shows, and comes back to the view chosen after printing', async () => {
    const { app, room } = await dashboard();
    await paste(app, [code('Blue', 'balanced', room), code('Green', 'lead-only', room)].join('\n'));
    const views = (): string[] => app.all('[data-testid="presenter-view"]').map((v) => v.dataset.view ?? '');
    app.button(/^Regimes$/).click();
    expect(views()).toEqual(['regimes']);
    window.dispatchEvent(new Event('beforeprint'));
    expect(views()).toEqual(['table', 'chart', 'regimes', 'decisions', 'profiles', 'debrief']);
    window.dispatchEvent(new Event('afterprint'));
    expect(views()).toEqual(['regimes']);
  });

  it('highlights one team in the chart while the others fade', async () => {
    const { app, room } = await dashboard();
    await paste(
      app,
      [code('Blue', 'balanced', room), code('Green', 'lead-only', room), code('Red', 'manage-only', room)].join('\n'),
    );
    const lines = () => app.all('.room-chart .team-line');
    expect(lines().some((l) => l.classList.contains('faded'))).toBe(false);
    const pick = app.byTestId<HTMLSelectElement>('chart-highlight');
    pick.value = pick.options[2]!.value;
    pick.dispatchEvent(new Event('change'));
    const faded = lines()
      .filter((l) => l.classList.contains('faded'))
      .map((l) => l.querySelector('text')!.textContent);
    const bold = lines()
      .filter((l) => l.classList.contains('highlighted'))
      .map((l) => l.querySelector('text')!.textContent);
    expect(faded.sort()).toEqual(['Blue', 'Red']);
    expect(bold).toEqual(['Green']);
    // Drawn last, over the others.
    expect(lines().at(-1)!.querySelector('text')!.textContent).toBe('Green');
    // A team that hands in meanwhile, sorting first, leaves the highlight on Green.
    await paste(app, code('Amber', 'random', room));
    const boldNow = lines().filter((l) => l.classList.contains('highlighted'));
    expect(boldNow.map((l) => l.querySelector('text')!.textContent)).toEqual(['Green']);
  });

  it('prints the handout or the debrief report alone, and copies the teams’ link', async () => {
    const { app, room } = await dashboard();
    app.button('Print the handout').click();
    expect(app.services.log.prints).toBe(1);
    expect(document.body.dataset.print).toBe('handout');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.dataset.print).toBeUndefined();
    app.button('Print the debrief report').click();
    expect(app.services.log.prints).toBe(2);
    expect(document.body.dataset.print).toBe('report');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.dataset.print).toBeUndefined();

    const link = app.byTestId<HTMLInputElement>('team-link').value;
    expect(link).toBe(`https://momentum.example/?scenario=first-team&seed=${SEED}&room=${room}`);
    app.button(/^Copy$/).click();
    await app.until(() => status(app) !== '', 'the copy');
    expect(app.services.log.copied).toEqual([link]);
    expect(status(app)).toBe('The teams’ link is copied.');

    const refusing = openApp('/?workshop', { clipboard: false });
    await createSession(refusing);
    refusing.button(/^Copy$/).click();
    await refusing.until(() => status(refusing) !== '', 'the refusal');
    expect(status(refusing)).toBe('Copying was refused: select the link and copy it by hand.');
  });
});
