import { describe, expect, it } from 'vitest';
import { planPolicy, type Plan } from '../../src/bots/plan';
import { playGame } from '../../src/bots/run';
import { runScriptJob, scriptStarts, startScript, type ScriptJob } from '../../src/bots/script-search';
import { actionDef } from '../../src/engine';
import { ACTIONS, small } from './small-team';

const PREFIX = 'search-';
const SEEDS = 8;

/** A short climb on the small team: enough changes to move, few enough to stay quick. */
const job = (climb: number, evaluations = 120): ScriptJob => ({
  kind: 'script',
  scenario: small,
  prefix: PREFIX,
  seeds: SEEDS,
  starts: scriptStarts(['share-vision', 'set-goals']),
  climb,
  evaluations,
});

/** Momentum and the sum of scores of a plan played by the plan:FILE policy on the seeds. */
function played(plan: Plan, seeds = SEEDS): { momentum: number; score: number } {
  let momentum = 0;
  let score = 0;
  for (let i = 1; i <= seeds; i++) {
    const { state } = playGame(small, `${PREFIX}${i}`, planPolicy(plan));
    if (state.regime === 'momentum') momentum++;
    score += state.score;
  }
  return { momentum, score };
}

describe('the script search', () => {
  it('finds the same script for the same job, and one the plan policy replays to its figures', () => {
    const part = runScriptJob(job(0));
    expect(runScriptJob(job(0))).toEqual(part);
    const { momentum, score } = played(part.plan);
    expect(momentum).toBe(part.momentum);
    expect(score).toBe(part.score);
  });

  it('climbs from the best start and never ends below it', () => {
    const starts = job(0).starts.map((s) => played(startScript(small, PREFIX, SEEDS, s)));
    const best = starts.reduce((a, b) =>
      b.momentum > a.momentum || (b.momentum === a.momentum && b.score > a.score) ? b : a,
    );
    const part = runScriptJob(job(0));
    expect(part.momentum > best.momentum || (part.momentum === best.momentum && part.score >= best.score)).toBe(true);
    // A search of no changes gives its start, which the climb improved on or matched.
    const still = runScriptJob(job(0, 0));
    expect({ momentum: still.momentum, score: still.score }).toEqual(best);
  });

  it('gives one list of distinct offered cards per turn, targeted ones aimed at a named member, each played in some game', () => {
    const members = small.members.map((m) => m.id);
    for (const climb of [0, 1]) {
      const { plan } = runScriptJob(job(climb));
      expect(plan).toHaveLength(small.turns);
      plan.forEach((cards, k) => {
        const ids = cards.map((c) => (typeof c === 'string' ? c : c.action));
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(ACTIONS).toContain(id);
        // Open loop: a targeted card names its member, since the script cannot look for one.
        for (const c of cards) {
          const id = typeof c === 'string' ? c : c.action;
          if (actionDef(id)!.targeted) expect(members).toContain(typeof c === 'string' ? undefined : c.member);
          else expect(typeof c).toBe('string');
        }
        // Each card was chosen on turn k + 1 of at least one seed's game, aimed where it says.
        for (const c of cards) {
          const chosen = Array.from({ length: SEEDS }, (_, i) =>
            playGame(small, `${PREFIX}${i + 1}`, planPolicy(plan)).turns[k]?.some(
              (a) =>
                a.type === 'choose' &&
                (typeof c === 'string' ? a.action === c : a.action === c.action && a.target === c.member),
            ),
          );
          expect(chosen).toContain(true);
        }
      });
    }
  });
});
