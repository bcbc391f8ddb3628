// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { memoryStore } from '../../src/platform/storage';
import { memoryWorkshopStore } from '../../src/platform/workshops';
import { bundledScenarios } from '../../src/scenarios/bundled';
import { cliVerify } from '../browser/pages';
import { choicesOf } from '../replay/support';
import { closeApp, openApp, type OpenApp } from '../ui/screens/app-harness';
import { joinAsTeam, watchRoom } from '../../src/live/client';
import { NO_PACE } from '../../src/live/shapes';
import { nodeOptions, startRelayProcess, tempFolder, until, type RelayProcess } from './support';

const firstTeam = bundledScenarios().scenarios.find((s) => s.scenario.id === 'first-team')!.scenario;

/** Lets the page's promises and sockets run: real time passes, as the relay answers over loopback. */
async function settleFor(app: OpenApp, done: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end)
      throw new Error(
        `still waiting for ${what}: the page says ${app.root.querySelector('.field-error:not(:empty)')?.textContent ?? ''} / ${app.live.textContent ?? ''} / ${document.querySelector('[role=alert], .notice')?.textContent ?? ''}`,
      );
    await app.services.settle();
    app.services.advance(0);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rows = (app: OpenApp) =>
  app.all('[data-testid="workshop-row"]').map((r) => ({
    team: r.dataset.team ?? '',
    verified: r.dataset.verified ?? '',
    turn: r.dataset.turn ?? '',
  }));

describe('a live room, in Node with a real relay', () => {
  const data = tempFolder();
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess(data.path);
  }, 30_000);
  afterAll(async () => {
    closeApp();
    await relay?.stop();
    data.remove();
  });

  it('fills in the site’s relay, puts it in the teams’ link, paces the teams, and shows each team’s turns as it plays, verified', async () => {
    const workshops = memoryWorkshopStore();
    const facilitatorStore = memoryStore();
    const setup = openApp('/?workshop', { relay: relay.url, workshops, store: facilitatorStore });
    await settleFor(setup, () => setup.byTestId<HTMLInputElement>('relay-url').value !== '', 'the relay filled in');
    expect(setup.byTestId<HTMLInputElement>('relay-url').value).toBe(relay.url);
    setup.field<HTMLSelectElement>('#ws-scenario').value = 'first-team';
    setup.field('#ws-seed').value = 'live-seed';
    setup.field<HTMLTextAreaElement>('#ws-teams').value = 'Blue';
    setup.button('Create the session').click();
    await settleFor(setup, () => setup.root.querySelector('[data-testid="team-link"]') !== null, 'the dashboard');
    const link = new URL(setup.byTestId<HTMLInputElement>('team-link').value);
    expect(link.searchParams.get('relay')).toBe(relay.url);
    expect(link.searchParams.get('rk')).toMatch(/^[\w-]{22}$/);
    // The facilitator key stays in the dashboard's own address, never in a team's link.
    expect(setup.services.address.hash).toMatch(/fk=[\w-]{22}/);
    expect(link.href).not.toContain('fk=');
    const own = setup.root.querySelector('.team-own-link')!.textContent!;
    expect(new URL(own).searchParams.get('tk')).toMatch(/^[\w-]{22}$/);
    expect(own).not.toContain('rk=');

    await settleFor(setup, () => /joined/.test(setup.byTestId('live-status').textContent ?? ''), 'the room open');
    expect(setup.byTestId('live-status').textContent).toBe('Live room: 0 teams joined. Runs arrive as teams play.');
    // The facilitator opens turns up to 2 and sends a message; a device in the room hears both.
    const fragment = new URLSearchParams(setup.services.address.hash.slice(1));
    const room = link.searchParams.get('room')!;
    const observer = joinAsTeam({
      ...nodeOptions(relay.url),
      room,
      team: 'Observer',
      key: { roomKey: fragment.get('rk')! },
    });
    let heard = NO_PACE;
    observer.onPace((p) => (heard = p));
    setup.byTestId<HTMLInputElement>('pace-turn').value = '2';
    setup.byTestId('pace-open').click();
    setup.byTestId<HTMLInputElement>('pace-message').value = 'Five minutes left in this round';
    setup.byTestId('pace-send').closest('form')!.requestSubmit();
    setup.byTestId('timer-toggle').click();
    await until(
      () => heard.open === 2 && heard.message?.text === 'Five minutes left in this round' && heard.timerEnds !== null,
      'the pace heard',
    );
    expect(setup.byTestId('pace-state').textContent).toBe('Teams may play up to turn 2; each then waits for you.');
    observer.close();

    // Team Blue plays two turns from its own link, on its own device.
    const team = openApp(`/${new URL(own).search}`, { store: memoryStore() });
    team.byTestId<HTMLInputElement>('team-name').value = 'Blue';
    team.button('Continue to the briefing').click();
    team.button('Begin').click();
    const plan = choicesOf(playGame(firstTeam, 'live-seed', policyByName('balanced')!));
    for (const choices of plan.slice(0, 2)) {
      for (const c of choices) {
        team.byTestId(`action-${c.action}`).click();
        if (c.target !== undefined) document.querySelector<HTMLElement>(`[data-testid="target-${c.target}"]`)!.click();
      }
      team.byTestId('end-turn').click();
      await team.services.settle();
    }
    await settleFor(
      team,
      () => team.root.querySelector('[data-testid="waiting-for-facilitator"]') !== null,
      'the pace',
    );
    // Connected: no notice says the live room cannot be reached; the facilitator's message is shown.
    expect(document.body.textContent).not.toContain('live room cannot be reached');
    expect(document.body.textContent).toContain('From your facilitator: Five minutes left in this round');
    // The round timer the facilitator started runs on the team's screen too.
    expect(document.querySelector('[data-testid="team-timer"]')?.textContent).toMatch(
      /^Round time left (10:00|9:5\d)$/,
    );
    // Turn 3 is not open yet: the game waits, and End turn says why instead of ending it.
    expect(team.byTestId('waiting-for-facilitator').textContent).toMatch(
      /^Waiting for your facilitator: turn 3 opens soon/,
    );
    team.byTestId('end-turn').click();
    await team.services.settle();
    team.services.advance(50);
    expect(team.root.querySelector('.turn-count')?.textContent).toMatch(/^Turn 3 of/);
    expect(team.live.textContent).toContain('Waiting for your facilitator: turn 3 opens soon');
    expect(team.byTestId('end-turn').getAttribute('aria-disabled')).toBe('true');
    // Released (from the facilitator's other device, with the keys in the dashboard's address), it plays on.
    const other = watchRoom({
      ...nodeOptions(relay.url),
      room,
      roomKey: fragment.get('rk')!,
      facilitatorKey: fragment.get('fk')!,
    });
    await until(() => other.pace().open === 2, 'the pace on the other device');
    other.setPace({ open: null });
    await settleFor(
      team,
      () => team.root.querySelector('[data-testid="waiting-for-facilitator"]') === null,
      'the release',
    );
    for (const c of plan[2]!) {
      team.byTestId(`action-${c.action}`).click();
      if (c.target !== undefined) document.querySelector<HTMLElement>(`[data-testid="target-${c.target}"]`)!.click();
    }
    team.byTestId('end-turn').click();
    await team.services.settle();
    expect(team.root.querySelector('.turn-count')?.textContent).toMatch(/^Turn 4 of/);
    other.close();
    team.byTestId('hand-in-progress').click();
    const code = document.querySelector<HTMLInputElement>('[data-testid="hand-in-code"]')!.value;

    // The facilitator's dashboard, opened again in the same browser: Blue's turn 3 arrives, verified.
    const dash = openApp(`/?workshop=${encodeURIComponent(link.searchParams.get('room')!)}`, {
      relay: relay.url,
      workshops,
      store: facilitatorStore,
    });
    await settleFor(
      dash,
      () => rows(dash).some((r) => r.turn === '3' && r.verified === 'true'),
      'Blue at turn 3',
      10_000,
    );
    expect(rows(dash)).toEqual([{ team: 'Blue', verified: 'true', turn: '3' }]);
    expect(dash.byTestId('live-status').textContent).toMatch(
      /^Live room: 2 teams joined \((Observer, Blue|Blue, Observer)\)/,
    );
    // What arrived live is exactly the code the team would hand in, and the command line verifies it.
    expect(await cliVerify(code)).toMatchObject({ valid: true, turns: 3 });
  }, 60_000);
});
