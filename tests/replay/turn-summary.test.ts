import { describe, expect, it } from 'vitest';
import { createGame, INDEX_WEIGHTS, type Cause, type VarName } from '../../src/engine';
import { VAR_LABELS } from '../../src/replay/words';
import { timeline, type VarChange } from '../../src/replay/timeline';
import {
  biggestCause,
  collapseWarning,
  collapseWarningText,
  groupRepeated,
  indexLines,
  listTurns,
  startReason,
  turnSummary,
} from '../../src/replay/turn-summary';
import { turningPoints } from '../../src/replay/turning-points';
import { entry, playRecorded } from './support';

const cause = (amount: number, source: string): Cause => ({ var: 'morale', kind: 'action', source, amount });
const change = (from: number, to: number, causes: Cause[]): VarChange => ({ var: 'morale', from, to, causes });

describe('biggestCause', () => {
  it('picks the largest push in the direction the meter moved', () => {
    const c = change(50, 53, [cause(2, 'share-vision'), cause(-6, 'monitor'), cause(7, 'tell-the-why')]);
    expect(biggestCause(c)?.source).toBe('tell-the-why');
    const down = change(50, 45, [cause(4, 'share-vision'), cause(-6, 'monitor'), cause(-3, 'set-goals')]);
    expect(biggestCause(down)?.source).toBe('monitor');
  });
  it('takes the largest of all when the meter ended where it started, the earliest on a tie', () => {
    expect(biggestCause(change(50, 50, [cause(3, 'a'), cause(-3, 'b')]))?.source).toBe('a');
    expect(biggestCause(change(50, 50, [cause(1, 'a'), cause(-3, 'b'), cause(2, 'c')]))?.source).toBe('b');
  });
  it('gives null without causes', () => {
    expect(biggestCause(undefined)).toBeNull();
    expect(biggestCause(change(50, 50, []))).toBeNull();
  });
});

describe('groupRepeated and listTurns', () => {
  it('tells identical lines once, at their first place, with every turn', () => {
    const g = groupRepeated([
      { turn: 1, text: 'a thank-you' },
      { turn: 2, text: 'a rival launches' },
      { turn: 3, text: 'a thank-you' },
      { turn: 5, text: 'a thank-you' },
    ]);
    expect(g).toEqual([
      { turns: [1, 3, 5], text: 'a thank-you' },
      { turns: [2], text: 'a rival launches' },
    ]);
    expect(listTurns([1, 3, 5])).toBe('1, 3 and 5');
    expect(listTurns([4])).toBe('4');
    expect(listTurns([4, 6])).toBe('4 and 6');
  });
});

describe('collapseWarning', () => {
  const start = createGame(entry('idea-factory').scenario, 'w');
  it('is there only while chaos or stagnation is under way, and counts the turns left', () => {
    const after = start.setup.collapseAfter;
    expect(collapseWarning({ ...start, regime: 'drift', streak: 2 })).toBeNull();
    const fresh = collapseWarning({ ...start, regime: 'chaos', streak: 0 })!;
    expect(fresh.remaining).toBe(after);
    expect(collapseWarningText(fresh)).toContain(`Chaos from the start: ${after} more turns of it`);
    expect(collapseWarning({ ...start, regime: 'momentum', streak: 2 })).toBeNull();
    expect(collapseWarning({ ...start, regime: 'chaos', streak: 2, over: true })).toBeNull();
    const w = collapseWarning({ ...start, regime: 'chaos', streak: 2 })!;
    expect(w).toEqual({ regime: 'chaos', streak: 2, remaining: after - 2, missing: 'management' });
    expect(collapseWarningText(w)).toContain(`${after - 2} more turns of it end the game`);
    const s = collapseWarning({ ...start, regime: 'stagnation', streak: after - 1 })!;
    expect(s.missing).toBe('leadership');
    expect(collapseWarningText(s)).toContain('1 more turn of it ends the game');
  });
});

describe('startReason', () => {
  it('says why the team starts in its regime from L and M against the threshold', () => {
    const text = startReason({ l: 70, m: 40, lHigh: true, mHigh: false, regime: 'chaos' });
    expect(text).toContain('starts in chaos');
    expect(text).toContain('leadership index is 70, at or above 62');
    expect(text).toContain('management index is 40, below 62');
    expect(text).toContain('falls below 50');
  });
});

describe('turnSummary and turningPoints on a real run', () => {
  const { scenario } = entry('first-team');
  const records = timeline(
    scenario,
    'summary',
    Array.from({ length: 8 }, (_, i) => ({
      turn: i + 1,
      actions: [{ action: 'share-vision' }, { action: 'set-goals' }],
    })),
  );
  it('names each headline meter with its change and the cause that did most', () => {
    const s = turnSummary(scenario, records[0]!);
    expect(s.meters.map((m) => m.var)).toEqual(['morale', 'execution', 'innovation']);
    for (const m of s.meters) {
      expect(m.delta).toBe(m.to - m.from);
      if (m.delta !== 0) expect(m.cause).not.toBeNull();
    }
  });
  it('never tells the same turning point twice', () => {
    const points = turningPoints(scenario, records);
    expect(new Set(points).size).toBe(points.length);
    for (const p of points) if (p.startsWith('Turns ')) expect(p).toMatch(/, \d+ times\.$/);
  });
});

describe('indexLines', () => {
  it('names, for L and M, the driver that pushed the index most the way it moved, over many games (property)', () => {
    let named = 0;
    for (const id of ['first-team', 'idea-factory', 'stagnant-giant', 'build-the-house']) {
      for (const policy of ['random', 'balanced', 'lead-only', 'manage-only']) {
        for (const seed of ['1', '2', '3']) {
          const { doc, scenario } = playRecorded(id, policy, seed);
          for (const r of timeline(scenario, seed, doc.turns)) {
            for (const line of indexLines(scenario, r)) {
              const where = `${id} ${policy} ${seed} turn ${r.turn} ${line.index}`;
              expect(line.from, where).toBe(r.before[line.index]);
              expect(line.to, where).toBe(r.after[line.index]);
              expect(line.delta, where).toBe(line.to - line.from);
              // Each driver's push on the index, from the states themselves.
              const pushes = (Object.entries(INDEX_WEIGHTS[line.index]) as [VarName, number][]).map(([v, w]) => ({
                word: VAR_LABELS[v].toLowerCase(),
                moved: r.after.vars[v] - r.before.vars[v],
                push: w * (r.after.vars[v] - r.before.vars[v]),
              }));
              const way = pushes.filter(
                (p) => p.push !== 0 && (line.delta === 0 || Math.sign(p.push) === Math.sign(line.delta)),
              );
              if (way.length === 0) {
                expect(line.driver, where).toBeNull();
                continue;
              }
              const top = Math.max(...way.map((p) => Math.abs(p.push)));
              const pick = way.find((p) => Math.abs(p.push) === top)!;
              expect(line.driver, where).toBe(pick.word);
              expect(line.driverDelta, where).toBe(pick.moved);
              if (line.delta !== 0) expect(Math.sign(line.driverDelta), where).toBe(Math.sign(line.delta));
              named++;
            }
          }
        }
      }
    }
    expect(named).toBeGreaterThan(200);
  });
});
