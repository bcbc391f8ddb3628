import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADLINE, INDEX_WEIGHTS, type VarName } from '../../src/engine';
import { compareInputs, compareRuns, MAX_CAUSES, type Comparison, type VerifiedRun } from '../../src/replay/compare';
import type { ReplayChoice } from '../../src/replay/document';
import { timeline } from '../../src/replay/timeline';
import { causeWords, VAR_LABELS } from '../../src/replay/words';
import {
  choicesPlayed,
  codeOf,
  docOf,
  ENTRIES,
  expectOneSentence,
  policy,
  switchedAt,
  verified,
} from './compare-support';

function compared(a: VerifiedRun, b: VerifiedRun): Comparison {
  const r = compareRuns(a, b);
  if (!r.ok) throw new Error(`expected a comparison, got: ${r.reason}`);
  return r.comparison;
}

/** compare(b, a) is compare(a, b) seen from the other side. */
function expectMirror(x: Comparison, y: Comparison): void {
  expect(y.divergedAtTurn).toBe(x.divergedAtTurn);
  expect(y.identical).toBe(x.identical);
  expect([y.turnsA, y.turnsB]).toEqual([x.turnsB, x.turnsA]);
  expect([y.finalA, y.finalB]).toEqual([x.finalB, x.finalA]);
  expect(y.start).toEqual(x.start);
  expect(y.turns).toHaveLength(x.turns.length);
  x.turns.forEach((t, i) => {
    const u = y.turns[i]!;
    expect(u.turn).toBe(t.turn);
    expect(u.same).toBe(t.same);
    expect(u.choicesA).toEqual(t.choicesB);
    expect(u.choicesB).toEqual(t.choicesA);
    expect([u.regimeA, u.regimeB]).toEqual([t.regimeB, t.regimeA]);
    for (const m of HEADLINE) {
      const p = t.meters[m];
      expect(u.meters[m]).toEqual({ a: p.b, b: p.a, diff: p.diff === null ? null : 0 - p.diff });
    }
  });
  const seen = (c: Comparison, swap: boolean) =>
    c.causes.map((g) => ({ turn: g.turn, meter: g.meter, gap: g.gap, a: swap ? g.b : g.a, b: swap ? g.a : g.b }));
  expect(seen(y, true)).toEqual(seen(x, false));
}

/** The first turn both lists have with different choices, by the plainest reading. */
function firstDifference(a: ReplayChoice[][], b: ReplayChoice[][]): number | null {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i + 1;
  }
  return null;
}

const SEED = '42';
const BALANCED = choicesPlayed('first-team', SEED, policy('balanced'));
/** The balanced run with another bot's choices on turn 4, and the balanced bot again after it. */
const CHANGED = choicesPlayed('first-team', SEED, switchedAt('balanced', 'lead-only', 4));

describe('compareRuns', () => {
  it('finds the turn where one changed turn parts two runs, and nothing before it', () => {
    expect(CHANGED.slice(0, 3)).toEqual(BALANCED.slice(0, 3));
    expect(CHANGED[3]).not.toEqual(BALANCED[3]);
    const a = verified(docOf('first-team', SEED, BALANCED));
    const b = verified(docOf('first-team', SEED, CHANGED), true);
    const c = compared(a, b);

    expect(c.divergedAtTurn).toBe(4);
    expect(c.identical).toBe(false);
    expect(c.summary).toBe('The runs first differ at turn 4.');
    expect([c.scenarioId, c.seed]).toEqual(['first-team', SEED]);
    expect([c.turnsA, c.turnsB]).toEqual([BALANCED.length, CHANGED.length]);
    expect([c.finalA, c.finalB]).toEqual([a.summary.fingerprint, b.summary.fingerprint]);
    expect(c.turns.map((t) => t.same).slice(0, 4)).toEqual([true, true, true, false]);
    for (const t of c.turns.slice(0, 3)) {
      for (const m of HEADLINE) expect(t.meters[m].diff, `turn ${t.turn} ${m}`).toBe(0);
      expect(t.regimeA).toBe(t.regimeB);
    }
    expect(c.turns[3]!.choicesA).toEqual(BALANCED[3]);
    expect(c.turns[3]!.choicesB).toEqual(CHANGED[3]);
  });

  it('gives each run’s meters after every turn, ending at its summary, with diff = b − a', () => {
    const a = verified(docOf('first-team', SEED, BALANCED));
    const b = verified(docOf('first-team', SEED, CHANGED));
    const c = compared(a, b);
    const recA = timeline(a.scenario, SEED, a.document.turns);
    const recB = timeline(b.scenario, SEED, b.document.turns);
    expect(c.start).toEqual({
      morale: recA[0]!.before.vars.morale,
      execution: recA[0]!.before.vars.execution,
      innovation: recA[0]!.before.vars.innovation,
      l: recA[0]!.before.l,
      m: recA[0]!.before.m,
    });
    c.turns.forEach((t, i) => {
      for (const m of HEADLINE) {
        expect(t.meters[m].a).toBe(recA[i]?.after.vars[m] ?? null);
        expect(t.meters[m].b).toBe(recB[i]?.after.vars[m] ?? null);
        const { a: x, b: y, diff } = t.meters[m];
        expect(diff).toBe(x === null || y === null ? null : y - x);
      }
      // The indices too, which decide the regimes.
      for (const k of ['l', 'm'] as const) {
        expect(t.meters[k].a).toBe(recA[i]?.after[k] ?? null);
        expect(t.meters[k].b).toBe(recB[i]?.after[k] ?? null);
        const { a: x, b: y, diff } = t.meters[k];
        expect(diff).toBe(x === null || y === null ? null : y - x);
      }
    });
    const last = c.turns[c.turns.length - 1]!;
    if (c.turnsA === c.turns.length) {
      for (const m of HEADLINE) expect(last.meters[m].a).toBe(a.summary.meters[m]);
    }
    if (c.turnsB === c.turns.length) {
      for (const m of HEADLINE) expect(last.meters[m].b).toBe(b.summary.meters[m]);
    }
  });

  it('lists the causes that differ most, from the divergence on, biggest first and worded as the game words them', () => {
    const a = verified(docOf('first-team', SEED, BALANCED));
    const b = verified(docOf('first-team', SEED, CHANGED));
    const c = compared(a, b);
    const recA = timeline(a.scenario, SEED, a.document.turns);
    const recB = timeline(b.scenario, SEED, b.document.turns);
    expect(c.causes.length).toBeGreaterThan(0);
    expect(c.causes.length).toBeLessThanOrEqual(MAX_CAUSES);
    for (const [i, g] of c.causes.entries()) {
      expect(g.turn).toBeGreaterThanOrEqual(4);
      if (i > 0) expect(g.gap).toBeLessThanOrEqual(c.causes[i - 1]!.gap);
      expect(g.gap).toBe(Math.abs((g.b?.amount ?? 0) - (g.a?.amount ?? 0)));
      expect(g.gap).toBeGreaterThan(0);
      expect(g.text).toMatch(new RegExp(`^turn ${g.turn}: ${VAR_LABELS[g.meter].toLowerCase()} `));
      for (const [side, rec] of [
        [g.a, recA],
        [g.b, recB],
      ] as const) {
        if (side === null) continue;
        const cause = rec[g.turn - 1]!.changes.find((x) => x.var === g.meter)!.causes.find(
          (x) => x.kind === side.kind && x.source === side.source,
        );
        expect(cause?.amount).toBe(side.amount);
        expect(side.text).toBe(causeWords(cause!, a.scenario));
        expect(g.text).toContain(side.text);
      }
    }
    // No cause left out differs more than the smallest one kept.
    const smallest = c.causes[c.causes.length - 1]!.gap;
    // The headline meters and every variable that feeds L or M are weighed.
    const weighed = new Set<VarName>([
      ...HEADLINE,
      ...(Object.keys(INDEX_WEIGHTS.l) as VarName[]),
      ...(Object.keys(INDEX_WEIGHTS.m) as VarName[]),
    ]);
    for (const g of c.causes) expect(weighed.has(g.meter)).toBe(true);
    for (let t = 4; t <= Math.min(recA.length, recB.length); t++) {
      for (const m of weighed) {
        const ca = recA[t - 1]!.changes.find((x) => x.var === m)?.causes ?? [];
        const cb = recB[t - 1]!.changes.find((x) => x.var === m)?.causes ?? [];
        for (const x of [...ca, ...cb]) {
          const ax = ca.find((y) => y.kind === x.kind && y.source === x.source)?.amount ?? 0;
          const bx = cb.find((y) => y.kind === x.kind && y.source === x.source)?.amount ?? 0;
          const kept = c.causes.some(
            (g) => g.turn === t && g.meter === m && (g.a ?? g.b)!.source === x.source && (g.a ?? g.b)!.kind === x.kind,
          );
          if (!kept) expect(Math.abs(bx - ax)).toBeLessThanOrEqual(smallest);
        }
      }
    }
  });

  it('says where the regimes part: the first turn they differ, and which index crossed in the run that moved', () => {
    let parted = 0;
    for (const id of ['stagnant-giant', 'idea-factory', 'first-team']) {
      for (const [pa, pb] of [
        ['balanced', 'lead-only'],
        ['manage-only', 'balanced'],
      ] as const) {
        const a = verified(docOf(id, SEED, choicesPlayed(id, SEED, policy(pa))));
        const b = verified(docOf(id, SEED, choicesPlayed(id, SEED, policy(pb))));
        const c = compared(a, b);
        const recA = timeline(a.scenario, SEED, a.document.turns);
        const recB = timeline(b.scenario, SEED, b.document.turns);
        const at = recA.findIndex((r, i) => recB[i] !== undefined && recB[i]!.regime !== r.regime);
        if (at === -1) {
          expect(c.parting).toBeNull();
          continue;
        }
        parted++;
        expect(c.parting).toMatch(new RegExp(`^Turn ${at + 1}: `));
        for (const [name, r] of [
          ['A', recA[at]!],
          ['B', recB[at]!],
        ] as const) {
          if (r.before.regime === r.regime)
            expect(c.parting).toContain(`run ${name} stayed in ${r.regime} (L ${r.l}, M ${r.m})`);
          else {
            expect(c.parting).toContain(`run ${name} moved from ${r.before.regime} to ${r.regime}`);
            for (const k of ['l', 'm'] as const) {
              const high = k === 'l' ? 'lHigh' : 'mHigh';
              if (r.before[high] !== r.after[high])
                expect(c.parting).toContain(
                  `${k.toUpperCase()} ${r.after[high] ? 'rose' : 'fell'} from ${r.before[k]} to ${r.after[k]}`,
                );
            }
          }
        }
      }
    }
    expect(parted).toBeGreaterThan(2);
  });

  it('calls a run compared with itself the same run, with no divergence and nothing differing', () => {
    const a = verified(docOf('first-team', SEED, BALANCED));
    const b = verified(docOf('first-team', SEED, BALANCED), true);
    const c = compared(a, b);
    expect(c.divergedAtTurn).toBeNull();
    expect(c.identical).toBe(true);
    expect(c.finalA).toBe(c.finalB);
    expect(c.causes).toEqual([]);
    expect(c.turns.every((t) => t.same)).toBe(true);
    expect(c.summary).toBe('These two runs are the same run: they never diverge.');
  });

  it('calls a run cut short the start of the other, not a divergence', () => {
    const a = verified(docOf('first-team', SEED, BALANCED));
    const b = verified(docOf('first-team', SEED, BALANCED.slice(0, 5)));
    const c = compared(a, b);
    expect(c.divergedAtTurn).toBeNull();
    expect(c.identical).toBe(false);
    expect(c.turnsB).toBe(5);
    expect(c.turns).toHaveLength(BALANCED.length);
    expect(c.summary).toBe('Run B is the first 5 turns of run A: their choices never differ.');
    for (const t of c.turns.slice(5)) {
      expect(t.same).toBe(false);
      expect(t.choicesB).toBeNull();
      expect(t.regimeB).toBeNull();
      for (const m of HEADLINE) expect(t.meters[m]).toMatchObject({ b: null, diff: null });
    }
    expect(compared(b, a).summary).toBe('Run A is the first 5 turns of run B: their choices never differ.');
    const empty = verified(docOf('first-team', SEED, []));
    const e = compared(empty, a);
    expect(e.divergedAtTurn).toBeNull();
    expect(e.summary).toMatch(/^Run A has no turns yet/);
  });

  it('refuses runs of different seeds, scenarios or versions of a scenario, in one sentence', () => {
    const a = verified(docOf('first-team', SEED, BALANCED));
    const seed = verified(docOf('first-team', '43', choicesPlayed('first-team', '43', policy('balanced'))));
    const other = verified(docOf('idea-factory', SEED, choicesPlayed('idea-factory', SEED, policy('balanced'))));
    const bySeed = compareRuns(a, seed);
    expect(bySeed.ok).toBe(false);
    if (!bySeed.ok) {
      expectOneSentence(bySeed.reason);
      expect(bySeed.reason).toBe(
        'Run B was played on seed "43"; run A on seed "42": only runs of the same scenario and seed can be compared.',
      );
    }
    const byScenario = compareRuns(other, a);
    expect(byScenario.ok).toBe(false);
    if (!byScenario.ok) {
      expectOneSentence(byScenario.reason);
      expect(byScenario.reason).toBe(
        'Run B is of scenario "first-team"; run A of "idea-factory": only runs of the same scenario and seed can be compared.',
      );
    }
    const edited: VerifiedRun = {
      ...a,
      document: { ...a.document, scenario: { id: 'first-team', hash: '0'.repeat(64) } },
    };
    const byHash = compareRuns(a, edited);
    expect(byHash.ok).toBe(false);
    if (!byHash.ok) expect(byHash.reason).toMatch(/different versions of scenario "first-team"/);
  });
});

describe('compareRuns on reordered cards', () => {
  it('counts a turn whose cards were played in another order as a divergence, even when both runs end alike', () => {
    const a0 = choicesPlayed('stagnant-giant', '0', policy('lead-only'));
    const b0 = a0.map((turn, i) => (i === 1 ? [...turn].reverse() : turn));
    expect(b0[1]).not.toEqual(a0[1]);
    const c = compared(verified(docOf('stagnant-giant', '0', a0)), verified(docOf('stagnant-giant', '0', b0), true));
    expect(c.divergedAtTurn).toBe(2);
    expect(c.identical).toBe(false);
    expect(c.turns[1]!.same).toBe(false);
  });
});

describe('compareInputs', () => {
  const codeA = codeOf(docOf('first-team', SEED, BALANCED));
  const jsonB = JSON.stringify(docOf('first-team', SEED, CHANGED));

  it('compares a code with a replay file’s text, as compareRuns does', () => {
    const r = compareInputs(codeA, jsonB, ENTRIES);
    if (!r.ok) throw new Error(r.reason);
    expect(r.comparison).toEqual(compared(r.a, r.b));
    expect(r.comparison.divergedAtTurn).toBe(4);
  });

  it('names the run the verifier refused, with the verifier’s reason', () => {
    const notCode = compareInputs(codeA, 'hello', ENTRIES);
    expect(notCode).toMatchObject({ ok: false, run: 'B' });
    if (!notCode.ok) {
      expectOneSentence(notCode.reason);
      expect(notCode.reason).toMatch(/^Run B: /);
    }
    const rules = JSON.stringify({ ...JSON.parse(jsonB), rules: 999 });
    const old = compareInputs(rules, codeA, ENTRIES);
    expect(old).toMatchObject({ ok: false, run: 'A' });
    if (!old.ok) expect(old.reason).toMatch(/^Run A: This run was played under rules version 999/);
  });

  it('refuses a pair of different seeds without blaming either run', () => {
    const other = JSON.stringify(docOf('first-team', '7', choicesPlayed('first-team', '7', policy('balanced'))));
    const r = compareInputs(codeA, other, ENTRIES);
    expect(r).toMatchObject({ ok: false, run: null });
    if (!r.ok) expect(r.reason).toMatch(/^Run B was played on seed "7"/);
  });
});

describe('compareRuns properties', () => {
  const SCENARIOS = ENTRIES.map((e) => e.scenario.id);
  const BOTS = ['lead-only', 'manage-only', 'balanced', 'random', 'coast'];
  const pair = fc.record({
    scenario: fc.constantFrom(...SCENARIOS),
    seed: fc.integer({ min: 0, max: 1_000_000 }).map(String),
    base: fc.constantFrom(...BOTS),
    other: fc.constantFrom(...BOTS),
    at: fc.integer({ min: 1, max: 12 }),
    cut: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  });

  it('a run compared with itself never diverges; compare(a, b) mirrors compare(b, a)', () => {
    fc.assert(
      fc.property(pair, ({ scenario, seed, base, other, at, cut }) => {
        const choicesA = choicesPlayed(scenario, seed, policy(base));
        const played = choicesPlayed(scenario, seed, switchedAt(base, other, at));
        const choicesB = cut === null ? played : played.slice(0, cut);
        const a = verified(docOf(scenario, seed, choicesA));
        const b = verified(docOf(scenario, seed, choicesB), true);

        const self = compared(a, a);
        expect(self.divergedAtTurn).toBeNull();
        expect(self.identical).toBe(true);
        expect(self.causes).toEqual([]);

        const ab = compared(a, b);
        const ba = compared(b, a);
        expectMirror(ab, ba);
        expect(ab.divergedAtTurn).toBe(firstDifference(choicesA, choicesB));
        expect(ab.identical).toBe(JSON.stringify(choicesA) === JSON.stringify(choicesB));
        // Same choices give the same end; the converse need not hold (one turn's cards in another order).
        if (ab.identical) expect(ab.finalA).toBe(ab.finalB);
        const before = (ab.divergedAtTurn ?? Math.min(ab.turnsA, ab.turnsB) + 1) - 1;
        for (const t of ab.turns.slice(0, before)) {
          for (const m of HEADLINE) expect(t.meters[m].diff).toBe(0);
        }
        for (const g of ab.causes) expect(g.turn).toBeGreaterThanOrEqual(ab.divergedAtTurn!);
      }),
      { numRuns: 20 },
    );
  });
});
