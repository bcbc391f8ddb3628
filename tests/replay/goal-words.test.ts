import { describe, expect, it } from 'vitest';
import { createGame, type SetupCondition } from '../../src/engine';
import { conditionWords, progressMarks, winCondition } from '../../src/replay/goal-words';
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
      { value: 24, words: '24 or less: a worse drift ending' },
      { value: 51, words: '51 or more: the better momentum ending' },
    ]);
    expect(progressMarks(createGame(entry('stagnant-giant').scenario, 'goal'))).toEqual([]);
  });
});
