import { describe, expect, it } from 'vitest';
import { actionDef } from '../../src/engine/catalogue';
import { fingerprint } from '../../src/engine/fingerprint';
import type { GameState } from '../../src/engine/state-types';
import type { Action, StepErrorCode } from '../../src/engine/step-types';
import { affordable, legalActions, offeredCards, step, validate } from '../../src/engine/step';
import { choose, END, game, ok, run, SCENARIOS, UNDO } from './helpers';
import { createGame } from '../../src/engine/create';

function cost(id: string): number {
  const def = actionDef(id);
  if (!def) throw new Error(`no action ${id}`);
  return def.cost;
}

/** Asserts the step is refused with the code, and that refusing it changed and drew nothing. */
function refused(s: GameState, action: unknown, code: StepErrorCode): void {
  const snapshot = JSON.stringify(s);
  const rngBefore = { ...s.rng };
  const r = step(s, action as Action);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message.length).toBeGreaterThan(0);
  expect(validate(s, action as Action)?.code).toBe(code);
  expect(JSON.stringify(s)).toBe(snapshot);
  expect(s.rng).toEqual(rngBefore);
  expect(legalActions(s)).not.toContainEqual(action);
}

describe('step errors', () => {
  const s = game('first-team', 'errors');
  const someone = s.members[0]!.id;

  it('malformed-action: not an object, or an unknown type', () => {
    refused(s, null, 'malformed-action');
    refused(s, undefined, 'malformed-action');
    refused(s, 'end-turn', 'malformed-action');
    refused(s, 42, 'malformed-action');
    refused(s, {}, 'malformed-action');
    refused(s, { type: 'dance' }, 'malformed-action');
  });

  it('game-over: nothing is accepted once the game is over, not even end-turn', () => {
    const over = { ...s, over: true, ending: 'drift' };
    refused(over, END, 'game-over');
    refused(over, choose('share-vision'), 'game-over');
    refused({ ...over, plan: [{ action: 'share-vision' }] }, UNDO, 'game-over');
    expect(legalActions(over)).toEqual([]);
  });

  it('unknown-action: an id not in the catalogue, or not a string', () => {
    refused(s, choose('fly-to-the-moon'), 'unknown-action');
    refused(s, choose(''), 'unknown-action');
    refused(s, { type: 'choose', action: 7 }, 'unknown-action');
    refused(s, { type: 'choose' }, 'unknown-action');
  });

  it('unavailable-action: in the catalogue but not offered by the scenario', () => {
    const limited = { ...s, setup: { ...s.setup, actions: ['share-vision', 'coach'] } };
    refused(limited, choose('monitor'), 'unavailable-action');
    refused(limited, choose('delegate', someone), 'unavailable-action');
    expect(ok(limited, choose('share-vision')).state.plan).toHaveLength(1);
  });

  it('not-enough-time: the action costs more than the time left', () => {
    const c = cost('lead-change');
    refused({ ...s, time: c - 1 }, choose('lead-change'), 'not-enough-time');
    refused({ ...s, time: 0 }, choose('coach', someone), 'not-enough-time');
    expect(ok({ ...s, time: c }, choose('lead-change')).state.time).toBe(0);
  });

  it('target-required: a targeted action without a target', () => {
    refused(s, choose('coach'), 'target-required');
    refused(s, choose('delegate'), 'target-required');
  });

  it('target-not-allowed: an untargeted action with a target', () => {
    refused(s, choose('share-vision', someone), 'target-not-allowed');
    refused(s, choose('monitor', 'nobody'), 'target-not-allowed');
  });

  it('unknown-target: nobody by that name, or a member who has left', () => {
    refused(s, choose('coach', 'nobody'), 'unknown-target');
    refused(s, choose('delegate', someone.toUpperCase()), 'unknown-target');
    const left = { ...s, members: s.members.map((m) => (m.id === someone ? { ...m, status: 'gone' as const } : m)) };
    refused(left, choose('coach', someone), 'unknown-target');
    refused(left, choose('delegate', someone), 'unknown-target');
    const other = s.members[1]!.id;
    expect(ok(left, choose('coach', other)).state.plan).toEqual([{ action: 'coach', target: other }]);
  });

  it('a disengaged member can still be targeted', () => {
    const dis = { ...s, members: s.members.map((m) => ({ ...m, status: 'disengaged' as const })) };
    expect(ok(dis, choose('coach', someone)).state.plan).toHaveLength(1);
  });

  it('nothing-to-undo: undo with an empty plan', () => {
    refused(s, UNDO, 'nothing-to-undo');
    const after = run(s, [choose('tell-the-why'), UNDO]).state;
    refused(after, UNDO, 'nothing-to-undo');
  });

  it('an invalid action consumes no randomness: the next turn resolves exactly as without it', () => {
    const base = ok(s, choose('calculated-risk')).state;
    const direct = ok(base, END);
    for (const bad of [choose('fly'), choose('coach'), choose('share-vision', someone), { type: 'x' }]) {
      expect(step(base, bad as Action).ok).toBe(false);
    }
    const after = ok(base, END);
    expect(fingerprint(after.state)).toBe(fingerprint(direct.state));
    expect(after.facts).toEqual(direct.facts);
  });
});

describe('choose and undo', () => {
  const s = game('build-the-house', 'plan');

  it('choose spends the action cost and appends to the plan, touching nothing else', () => {
    const r = ok(s, choose('share-vision'));
    expect(r.state.time).toBe(s.time - cost('share-vision'));
    expect(r.state.plan).toEqual([{ action: 'share-vision' }]);
    expect(r.causes).toEqual([]);
    expect(r.facts).toEqual([{ type: 'action-chosen', action: 'share-vision', target: null }]);
    expect({ ...r.state, time: s.time, plan: s.plan }).toEqual(s);
  });

  it('choose records a target for targeted actions', () => {
    const who = s.members[2]!.id;
    const r = ok(s, choose('coach', who));
    expect(r.state.plan).toEqual([{ action: 'coach', target: who }]);
    expect(r.facts).toEqual([{ type: 'action-chosen', action: 'coach', target: who }]);
  });

  it('the same action may be chosen again while time lasts', () => {
    const c = cost('set-goals');
    const times = Math.floor(s.time / c);
    let st = s;
    for (let i = 0; i < times; i++) st = ok(st, choose('set-goals')).state;
    expect(st.time).toBe(s.time - times * c);
    expect(st.plan).toHaveLength(times);
    expect(step(st, choose('set-goals')).ok).toBe(st.time >= c);
  });

  it('undo refunds the last choice and removes it', () => {
    const a = ok(s, choose('share-vision')).state;
    const b = ok(a, choose('coach', s.members[0]!.id)).state;
    const r = ok(b, UNDO);
    expect(r.state).toEqual(a);
    expect(r.facts).toEqual([{ type: 'choice-undone', action: 'coach', target: s.members[0]!.id }]);
    expect(r.causes).toEqual([]);
    const r2 = ok(r.state, UNDO);
    expect(r2.state).toEqual(s);
    expect(r2.facts).toEqual([{ type: 'choice-undone', action: 'share-vision', target: null }]);
  });
});

describe('end-turn', () => {
  it('resets time, clears the plan and moves to the next turn', () => {
    for (const sc of SCENARIOS) {
      const s = createGame(sc, 'end');
      const planned = run(s, [choose('share-vision'), choose('set-goals')]).state;
      const r = ok(planned, END);
      expect(r.state.turn).toBe(s.turn + 1);
      expect(r.state.time).toBe(sc.timeBudget);
      expect(r.state.plan).toEqual([]);
      const ended = r.facts.filter((e) => e.type === 'turn-ended');
      expect(ended).toEqual([{ type: 'turn-ended', turn: s.turn, l: r.state.l, m: r.state.m, regime: r.state.regime }]);
    }
  });

  it('resolves every planned action in order', () => {
    const s = game();
    const who = s.members[0]!.id;
    const r = run(s, [choose('tell-the-why'), choose('coach', who), choose('monitor'), END]);
    const resolved = r.facts.filter((e) => e.type === 'action-resolved');
    expect(resolved.map((e) => (e.type === 'action-resolved' ? [e.action, e.target] : null))).toEqual([
      ['tell-the-why', null],
      ['coach', who],
      ['monitor', null],
    ]);
  });

  it('ends the game after the last turn', () => {
    const s = game('first-team');
    const last = { ...s, turn: s.setup.turns };
    const r = ok(last, END);
    expect(r.state.over).toBe(true);
    expect(r.state.turn).toBe(s.setup.turns + 1);
    expect(r.state.ending).not.toBeNull();
    expect(r.facts.at(-1)?.type).toBe('game-ended');
    expect(legalActions(r.state)).toEqual([]);
  });

  it('draws from the generator, so the rng state advances', () => {
    const s = game();
    expect(ok(s, END).state.rng).not.toEqual(s.rng);
  });
});

describe('legalActions', () => {
  it('lists only actions that step accepts, and end-turn last', () => {
    for (const sc of SCENARIOS) {
      let s = createGame(sc, 'legal');
      for (let i = 0; i < 4; i++) {
        const legal = legalActions(s);
        expect(legal.at(-1)).toEqual(END);
        for (const a of legal) expect(step(s, a).ok).toBe(true);
        const firstChoice = legal.find((a) => a.type === 'choose');
        if (!firstChoice) break;
        s = ok(s, firstChoice).state;
      }
    }
  });

  it('offers undo only when something is planned', () => {
    const s = game();
    expect(legalActions(s)).not.toContainEqual(UNDO);
    expect(legalActions(ok(s, choose('monitor')).state)).toContainEqual(UNDO);
  });

  it('offers each targeted action once per member still on the team', () => {
    const s = game('build-the-house');
    const gone = s.members[1]!.id;
    const left = { ...s, members: s.members.map((m) => (m.id === gone ? { ...m, status: 'gone' as const } : m)) };
    const coach = legalActions(left).filter((a) => a.type === 'choose' && a.action === 'coach');
    expect(coach).toHaveLength(s.members.length - 1);
    expect(coach).not.toContainEqual(choose('coach', gone));
  });

  it('leaves out what costs more than the time left', () => {
    const s = { ...game(), time: 2 };
    const chosen = legalActions(s).filter((a) => a.type === 'choose');
    expect(chosen.length).toBeGreaterThan(0);
    for (const a of chosen) if (a.type === 'choose') expect(cost(a.action)).toBeLessThanOrEqual(2);
    expect(legalActions({ ...s, time: 0 })).toEqual([END]);
  });
});

describe('offeredCards and affordable', () => {
  it('offer the scenario’s cards in its order, and afford exactly those a choice may take now', () => {
    for (const sc of SCENARIOS) {
      let s = createGame(sc, 'cards');
      expect(offeredCards(s).map((d) => d.id)).toEqual(sc.actions);
      // Spend the turn card by card: what is affordable is what legalActions offers, every time.
      for (let k = 0; k < 6; k++) {
        const chosen = new Set(legalActions(s).flatMap((a) => (a.type === 'choose' ? [a.action] : [])));
        const payable = offeredCards(s).filter((d) => affordable(s, d));
        expect(payable.map((d) => d.id)).toEqual([...chosen]);
        expect(payable.every((d) => d.cost <= s.time)).toBe(true);
        const first = legalActions(s).find((a) => a.type === 'choose');
        if (!first) break;
        s = ok(s, first).state;
      }
      let over = createGame(sc, 'cards');
      while (!over.over) over = ok(over, END).state;
      expect(offeredCards(over).some((d) => affordable(over, d))).toBe(false);
    }
  });
});
