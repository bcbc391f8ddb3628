import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayProcess, tempFolder, type RelayProcess } from '../relay/support';
import { browserHarness, SHOTS as ALL_SHOTS } from './harness';

// A live room in the real browser: its WebSocket to a real relay process, the dashboard's panel
// and a team's phone. The relay's rules and the screens' logic are tested in Node (tests/relay/).

const SHOTS = join(ALL_SHOTS, 'live');
const h = browserHarness({ shots: 'live' });

describe('a live room', () => {
  const data = tempFolder();
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess(data.path);
  }, 30_000);
  afterAll(async () => {
    await relay?.stop();
    data.remove();
  });

  it('shows a team’s turns on the dashboard as it plays, verified, and holds the team at the turn the facilitator opened', async () => {
    const facilitator = await h.open('./?workshop', { viewport: { width: 1280, height: 900 } });
    const dash = facilitator.page;
    await dash.selectOption('#ws-scenario', 'first-team');
    await dash.fill('#ws-teams', 'Blue');
    await dash.fill('[data-testid="relay-url"]', relay.url);
    await dash.getByRole('button', { name: 'Create the session' }).click();
    await dash.waitForFunction(() =>
      /joined/.test(document.querySelector('[data-testid="live-status"]')?.textContent ?? ''),
    );
    expect(new URL(await dash.inputValue('[data-testid="team-link"]')).searchParams.get('relay')).toBe(relay.url);
    await dash.fill('[data-testid="pace-turn"]', '1');
    await dash.click('[data-testid="pace-open"]');

    const own = (await dash.locator('.team-own-link').first().textContent())!;
    const team = await h.open(new URL(own).search, { viewport: { width: 390, height: 844 } });
    const phone = team.page;
    await phone.getByRole('button', { name: 'Continue to the briefing' }).click();
    await phone.getByRole('button', { name: 'Begin' }).click();
    await phone.waitForSelector('[data-testid="end-turn"]');
    await phone.keyboard.press('Digit1');
    await phone.keyboard.press('Digit9');
    await phone.click('[data-testid="end-turn"]');
    const waiting = phone.locator('[data-testid="waiting-for-facilitator"]');
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(/^Waiting for your facilitator: turn 2 opens soon/);
    await phone.screenshot({ path: join(SHOTS, 'team-waiting.png') });
    // End turn, pressed anyway (by keyboard: it is marked disabled), keeps the game at turn 2.
    await phone.focus('[data-testid="end-turn"]');
    await phone.keyboard.press('Enter');
    expect(await phone.textContent('.turn-count')).toMatch(/^Turn 2 of/);

    await dash.waitForSelector('[data-testid="workshop-row"][data-team="Blue"][data-turn="1"][data-verified="true"]');
    await dash.screenshot({ path: join(SHOTS, 'dashboard.png') });
    await dash.click('[data-testid="pace-release"]');
    await waiting.waitFor({ state: 'detached' });
    await phone.keyboard.press('Digit2');
    await phone.click('[data-testid="end-turn"]');
    await dash.waitForSelector('[data-testid="workshop-row"][data-team="Blue"][data-turn="2"][data-verified="true"]');
    await team.context.close();
    await facilitator.context.close();
  });
});
