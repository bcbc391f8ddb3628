import { describe, expect, it } from 'vitest';
import { createGame, type SetupCondition } from '../../src/engine';
import { bestEndingWords, conditionWords, progressMarks, winCondition } from '../../src/replay/goal-words';
import { playRecorded } from './support';
import { entry } from './support';

const cond = (over: Partial<SetupCondition>): SetupCondition => ({
  var: 'progress',
  stat: null,
  atLeast: 0,
  atMost: 100,
  ...over,
});

describe('goal words', () => {
  it('say a condition by its bounds, leaving out the ends of the scale', () => {
    expect(conditionWords(cond({ atLeast: 51 }))).toBe('progress 51 or more');
    expect(conditionWords(cond({ var: 'budget', atMost: 30 }))).toBe('budget 30 or less');
    expect(conditionWords(cond({ var: 'control', atLeast: 40, atMost: 60 }))).toBe('predictability from 40 to 60');
    expect(conditionWords(cond({ var: null, stat: 'members-lost', atLeast: 1 }))).toBe('people lost 1 or more');
  });

  it('give the win condition from the scenario’s own best ending', () => {
    const state = (id: string) => createGame(entry(id).scenario, 'goal');
    expect(winCondition(state('first-team'))).toBe(
      'To win, finish the last turn in momentum, with leadership L and management M both high; the best ending also needs progress 51 or more.',
    );
    expect(winCondition(state('stagnant-giant'))).toContain(
      'the best ending also needs innovation 55 or more and trust 50 or more.',
    );
    // No momentum ending asks for more: momentum itself is the win.
    expect(winCondition(state('producers-to-leaders'))).toBe(
      'To win, finish the last turn in momentum, with leadership L and management M both high.',
    );
  });

  it('mark every progress threshold an ending tests, lowest first, with what it decides', () => {
    expect(progressMarks(createGame(entry('build-the-house').scenario, 'goal'))).toEqual([
      { value: 24, words: '24 or less: a worse ending, if the game ends in drift' },
      { value: 51, words: '51 or more: the better ending, if the game ends in momentum' },
    ]);
    expect(progressMarks(createGame(entry('stagnant-giant').scenario, 'goal'))).toEqual([]);
  });

  it('say at the end whether the best ending was reached, and what fell short, over many games', () => {
    let reached = 0;
    let missed = 0;
    for (const id of ['first-team', 'stagnant-giant', 'build-the-house']) {
      for (const policy of ['expert', 'balanced', 'lead-only']) {
        for (const seed of ['1', '2', '3']) {
          const s = playRecorded(id, policy, seed).run.state;
          const best = s.setup.endings.find((e) => e.outcome === 'momentum' && e.early !== true && e.when.length > 0)!;
          const words = bestEndingWords(s)!;
          const where = `${id} ${policy} ${seed}: ${words}`;
          if (s.ending === best.id) {
            reached++;
            expect(words, where).toMatch(/: you reached it\.$/);
          } else {
            missed++;
            expect(words, where).toContain(': not reached, as ');
            if (s.regime !== 'momentum') expect(words, where).toContain(`the team ended in ${s.regime}`);
            for (const c of best.when) {
              const v = c.var !== null ? s.vars[c.var] : null;
              if (v !== null && (v < c.atLeast || v > c.atMost)) expect(words, where).toContain(`ended at ${v}`);
            }
          }
        }
      }
    }
    expect(reached).toBeGreaterThan(2);
    expect(missed).toBeGreaterThan(2);
  });
});
