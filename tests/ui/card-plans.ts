import { advance, createGame, offeredCards, type Scenario } from '../../src/engine';
import { scenarioHash } from '../../src/replay/scenario-hash';
import { bundledScenarios } from '../../src/scenarios/bundled';
import { act, newSession, saveText, type Session } from '../../src/ui/session';

/** The shipped scenarios as the app holds them. */
export const ENTRIES = bundledScenarios().scenarios.map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));

/** The keyboard plans of tests/browser/play-helpers.ts, card by card, turn after turn. */
export const PLANS = {
  balanced: [
    ['share-vision', 'set-goals', 'lead-by-example', 'standardise'],
    ['tell-the-why', 'schedule-work', 'make-plan', 'monitor'],
  ],
  lead: [
    ['share-vision', 'tell-the-why', 'lead-by-example', 'open-the-floor'],
    ['listen-and-recognise', 'coach', 'tell-the-why', 'open-the-floor'],
  ],
  manage: [
    ['set-goals', 'standardise', 'monitor', 'schedule-work'],
    ['make-plan', 'assign-roles', 'set-budget', 'mitigate-risk'],
  ],
} as const satisfies Record<string, readonly (readonly string[])[]>;

export type PlanName = keyof typeof PLANS;

/** Turn `t`'s cards of a plan, the plan's turns repeating. */
export const byPlan =
  (plan: PlanName) =>
  (t: number): readonly string[] =>
    PLANS[plan][t % PLANS[plan].length]!;

/**
 * A game played in the engine, turn `t` choosing `cards(t)` (a card aimed at a person takes the
 * first member), until `stop` holds or the game ends; with the save text this browser would have
 * kept. Tests that need only to be at a late turn start there instead of playing to it in the page.
 */
export function savedGame(
  scenario: string,
  seed: string,
  cards: (t: number) => readonly string[],
  stop: (s: Session) => boolean = () => false,
): { key: string; text: string; session: Session } {
  let session = newSession(
    ENTRIES.find((e) => e.scenario.id === scenario)!,
    seed,
  );
  for (let t = 0; !session.state.over && !stop(session); t++) {
    for (const action of cards(t)) {
      const def = offeredCards(session.state).find((d) => d.id === action);
      const target = def?.targeted ? { target: session.scenario.members[0]!.id } : {};
      const r = act(session, { type: 'choose', action, ...target });
      if (r.ok) session = r.session;
    }
    const ended = act(session, { type: 'end-turn' });
    if (!ended.ok) throw new Error(ended.error.message);
    session = ended.session;
  }
  return { key: session.key, text: saveText(session, 1, Date.now()), session };
}

/**
 * The first seed ("call-1", "call-2"…) on which the call `event` comes by turn 4 of the balanced
 * plan: its seed, the turn it came and the person it struck.
 */
export function seedWithCall(scenario: Scenario, event: string): { seed: string; turn: number; member: string } {
  for (let i = 1; i <= 500; i++) {
    let s = createGame(scenario, `call-${i}`);
    while (!s.over && s.turn <= 4) {
      for (const action of PLANS.balanced[(s.turn - 1) % 2]!) s = advance(s, { type: 'choose', action }) ?? s;
      s = advance(s, { type: 'end-turn' })!;
      const open = s.calls.find((c) => c.event === event && c.open);
      if (open && !s.over) return { seed: `call-${i}`, turn: open.turn, member: open.member! };
    }
  }
  throw new Error('no seed brings the call early');
}
