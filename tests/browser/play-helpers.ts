import type { Page } from 'playwright-core';

/** Key presses that pick cards by catalogue position: 1–9, 0, then Shift+1… */
const KEY = {
  shareVision: 'Digit1',
  tellTheWhy: 'Digit2',
  leadChange: 'Digit3',
  leadByExample: 'Digit4',
  listen: 'Digit5',
  openTheFloor: 'Digit7',
  coach: 'Digit8',
  setGoals: 'Digit9',
  makePlan: 'Digit0',
  standardise: 'Shift+Digit1',
  monitor: 'Shift+Digit2',
  schedule: 'Shift+Digit3',
  mitigate: 'Shift+Digit4',
  setBudget: 'Shift+Digit5',
  assignRoles: 'Shift+Digit7',
} as const;

/** Turn plans by keyboard: a targeted card is followed by 1 to pick the first person. */
const PLANS = {
  // Rules version 2: with coaching in place of a plan this pair tipped first-team into chaos.
  balanced: [
    [KEY.shareVision, KEY.setGoals, KEY.leadByExample, KEY.standardise],
    [KEY.tellTheWhy, KEY.schedule, KEY.makePlan, KEY.monitor],
  ],
  lead: [
    [KEY.shareVision, KEY.tellTheWhy, KEY.leadByExample, KEY.openTheFloor],
    [KEY.listen, KEY.coach, 'Digit1', KEY.tellTheWhy, KEY.openTheFloor],
  ],
  manage: [
    [KEY.setGoals, KEY.standardise, KEY.monitor, KEY.schedule],
    [KEY.makePlan, KEY.assignRoles, KEY.setBudget, KEY.mitigate],
  ],
} as const;

export type PlanName = keyof typeof PLANS;

export async function regime(page: Page): Promise<string> {
  return (await page.textContent('[data-testid="regime"]'))?.trim() ?? '';
}

/** Plays one turn by keyboard alone: its keys, then Enter. Returns false once the game is over. */
export async function playTurn(page: Page, plan: PlanName, turn: number): Promise<boolean> {
  const keys = PLANS[plan][turn % PLANS[plan].length]!;
  for (const key of keys) {
    if (key === 'Digit1' && (await page.locator('dialog[open]').count()) > 0) {
      await page.keyboard.press('Digit1');
      continue;
    }
    await page.keyboard.press(key);
  }
  if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="outcome"]') || document.querySelector('[data-testid="end-turn"]'),
  );
  return (await page.locator('[data-testid="outcome"]').count()) === 0;
}

/** Plays turns until the end screen; returns the number of turns played. */
export async function playToEnd(page: Page, plan: PlanName, limit = 40): Promise<number> {
  for (let t = 0; t < limit; t++) {
    if (!(await playTurn(page, plan, t))) return t + 1;
  }
  throw new Error(`the game did not end within ${limit} turns`);
}
