/**
 * verifyReplay: accepts true runs from a code or a document with the same fingerprint, and
 * refuses everything else with the right kind, a one-line reason and, where a turn is at fault,
 * that turn.
 */
import { describe, expect, it } from 'vitest';
import { actionDef, CATALOGUE } from '../../src/engine/catalogue';
import { summaryOf } from '../../src/engine/summary';
import { RULES_VERSION } from '../../src/engine/version';
import { decodeCode, encodeCode, type RawCode } from '../../src/replay/code';
import { simulate, type ReplayDocument } from '../../src/replay/document';
import { scenarioHash } from '../../src/replay/scenario-hash';
import { timeline } from '../../src/replay/timeline';
import { verifyReplay, type ScenarioEntry } from '../../src/replay/verify';
import {
  encodeRaw,
  ENTRIES,
  entry,
  expectAccepted,
  expectCleanReason,
  expectRefused,
  mutable,
  playRecorded,
  POLICIES,
  sample,
  SAMPLES,
  signCode,
  type Mutable,
} from './support';

const FIRST = 'first-team--balanced.replay.json';

function codeOf(doc: ReplayDocument): string {
  return encodeCode(doc, entry(doc.scenario.id).scenario);
}

function rawOf(code: string): RawCode {
  const d = decodeCode(code);
  if (!d.ok) throw new Error(d.reason);
  return structuredClone(d.raw) as RawCode;
}

/** Verifies an edited copy of a sample document. */
function verifyEdited(file: string, edit: (d: Mutable) => void): ReturnType<typeof verifyReplay> {
  const d = mutable(sample(file));
  edit(d);
  return verifyReplay(d, ENTRIES);
}

/**
 * The document with one choice of turn `turn` replaced by another action the rules accept,
 * chosen so that the rest of the run stays legal and the state after that turn changes.
 */
function swapOneAction(doc: ReplayDocument, turn: number): Mutable {
  const { scenario } = entry(doc.scenario.id);
  const original = simulate(scenario, doc.seed, doc.turns);
  if (!original.ok) throw new Error('sample run does not simulate');
  const t = doc.turns[turn - 1]!;
  for (let j = t.actions.length - 1; j >= 0; j--) {
    for (const id of scenario.actions) {
      if (id === t.actions[j]!.action || actionDef(id)?.targeted) continue;
      const d = mutable(doc);
      d.turns[turn - 1]!.actions[j] = { action: id };
      const sim = simulate(scenario, doc.seed, d.turns as ReplayDocument['turns']);
      if (sim.ok && sim.fingerprints[turn - 1] !== original.fingerprints[turn - 1]) return d;
    }
  }
  throw new Error(`no legal swap found at turn ${turn}`);
}

/**
 * The refusal for six uses of an action in turn 2 of the first-team sample: the cost and the
 * time left when the first use that does not fit comes up, from the catalogue and the state.
 */
function overspent(id: string): string {
  const def = actionDef(id)!;
  const doc = sample(FIRST);
  const sim = simulate(entry(doc.scenario.id).scenario, doc.seed, doc.turns.slice(0, 1));
  if (!sim.ok) throw new Error('sample run does not simulate');
  const budget = sim.state.time;
  const fits = Math.floor(budget / def.cost);
  if (fits >= 6) throw new Error(`test setup: six uses of ${id} fit in ${budget} time`);
  return `"${def.title}" needs ${def.cost} time; ${budget - fits * def.cost} left this turn`;
}

describe('accepted runs', () => {
  it.each(SAMPLES.map((g) => [g.file, g.doc] as const))('%s: code, document and text agree', (_file, doc) => {
    const fromDoc = expectAccepted(verifyReplay(doc, ENTRIES));
    const fromText = expectAccepted(verifyReplay(JSON.stringify(doc, null, 2), ENTRIES));
    const fromCode = expectAccepted(verifyReplay(codeOf(doc), ENTRIES));
    const expected = summaryOf(fromDoc.state);
    for (const r of [fromDoc, fromText, fromCode]) {
      expect(r.fingerprint).toBe(doc.final);
      expect(r.fingerprint).toBe(expected.fingerprint);
      expect(r.summary).toStrictEqual(expected);
      expect(r.scenario.id).toBe(doc.scenario.id);
    }
  });

  it('gives the fingerprint of the bot’s final state for every scenario and policy', () => {
    for (const { scenario } of ENTRIES) {
      for (const policy of POLICIES) {
        const { doc, run } = playRecorded(scenario.id, policy, `verify-${policy}`);
        const expected = summaryOf(run.state);
        const a = expectAccepted(verifyReplay(doc, ENTRIES));
        const b = expectAccepted(verifyReplay(codeOf(doc), ENTRIES));
        expect(a.fingerprint).toBe(expected.fingerprint);
        expect(b.fingerprint).toBe(expected.fingerprint);
        expect(a.summary).toStrictEqual(expected);
        expect(b.summary).toStrictEqual(expected);
      }
    }
  });

  it('keeps each turn’s record when asked, equal to replaying the run, and only then', () => {
    for (const { scenario } of ENTRIES) {
      for (const policy of POLICIES) {
        const { doc } = playRecorded(scenario.id, policy, `records-${policy}`);
        const expected = timeline(scenario, doc.seed, doc.turns);
        for (const input of [doc, codeOf(doc)]) {
          const kept = expectAccepted(verifyReplay(input, ENTRIES, { timeline: true }));
          expect(kept.records).toStrictEqual(expected);
          expect(kept.fingerprint).toBe(doc.final);
          expect(expectAccepted(verifyReplay(input, ENTRIES)).records).toBeUndefined();
        }
      }
    }
    const refused = verifyReplay(`${codeOf(sample(FIRST)).slice(0, -4)}AAAA`, ENTRIES, { timeline: true });
    expect(refused.valid).toBe(false);
  });

  it('does not depend on the key order of the file', () => {
    const doc = sample(FIRST);
    const reordered = {
      meta: doc.meta,
      summary: {
        meters: {
          innovation: doc.summary.meters.innovation,
          morale: doc.summary.meters.morale,
          execution: doc.summary.meters.execution,
        },
        score: doc.summary.score,
        turns: doc.summary.turns,
        ending: doc.summary.ending,
        outcome: doc.summary.outcome,
      },
      final: doc.final,
      checkpoints: doc.checkpoints.map((c) => ({ fingerprint: c.fingerprint, turn: c.turn })),
      turns: doc.turns.map((t) => ({ actions: t.actions, turn: t.turn })),
      seed: doc.seed,
      scenario: { hash: doc.scenario.hash, id: doc.scenario.id },
      rules: doc.rules,
      version: doc.version,
      format: doc.format,
    };
    expect(expectAccepted(verifyReplay(reordered, ENTRIES)).fingerprint).toBe(doc.final);
  });
});

describe('not-a-replay', () => {
  it.each([
    ['random text', 'hello, is this a replay?'],
    ['empty text', ''],
    ['a JSON object without format', { seed: 'x', turns: [] }],
    ['the text of a JSON object without format', '{"seed":"x","turns":[]}'],
    ['an object of another format', { format: 'momentum-scenario', version: 1 }],
    ['a number', 42],
    ['a number as text', '42'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2, 3]],
    ['a boolean', true],
    ['a code with another letter', 'X1.AQpmaXJzdA'],
  ] as const)('%s', (_name, input) => {
    const r = expectRefused(verifyReplay(input, ENTRIES), 'not-a-replay');
    expect(r.reason).toMatch(/not a Momentum replay/);
    expect(r.divergedAtTurn).toBeUndefined();
  });
});

describe('corrupted', () => {
  const code = codeOf(sample(FIRST));

  it('a code with characters outside base64url', () => {
    for (const bad of ['*', '+', '/', '=', ' ', 'ü']) {
      const r = expectRefused(verifyReplay(`${code.slice(0, 12)}${bad}${code.slice(13)}`, ENTRIES), 'corrupted');
      expect(r.reason).toBe('The replay code is corrupted: it contains characters that cannot be part of a code.');
    }
  });

  it('a code whose checksum does not match', () => {
    const raw = code.slice(3);
    const i = 20;
    const changed = `M1.${raw.slice(0, i)}${raw[i] === 'A' ? 'B' : 'A'}${raw.slice(i + 1)}`;
    const r = expectRefused(verifyReplay(changed, ENTRIES), 'corrupted');
    expect(r.reason).toMatch(/checksum does not match/);
  });

  it('a code too short to hold a run', () => {
    expect(expectRefused(verifyReplay('M1.', ENTRIES), 'corrupted').reason).toMatch(/cut short/);
    expect(expectRefused(verifyReplay('M1.AAAAAAAA', ENTRIES), 'corrupted').reason).toMatch(/truncated/);
  });

  it('a well-signed code whose bytes make no sense', () => {
    const r = expectRefused(
      verifyReplay(signCode(Uint8Array.from([1, 200, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), ENTRIES),
    );
    expect(r.kind).toBe('corrupted');
    expect(r.reason).toMatch(/^The replay code is malformed: /);
    const tooMany = rawOf(code);
    const turns = Array.from({ length: 101 }, () => ({ choices: [], check: '0000' }));
    const r2 = expectRefused(verifyReplay(encodeRaw({ ...tooMany, turns }), ENTRIES), 'corrupted');
    expect(r2.reason).toMatch(/more turns than any game has/);
  });

  it.each([
    ['cut off', (t: string) => t.slice(0, t.length / 2)],
    ['a trailing comma', (t: string) => t.replace(/}\s*$/, ',}')],
    ['single quotes', (t: string) => t.replace(/"/g, "'")],
    ['only an opening brace', () => '{'],
  ])('a document text that is not valid JSON (%s)', (_name, damage) => {
    const text = damage(JSON.stringify(sample(FIRST), null, 2));
    const r = expectRefused(verifyReplay(text, ENTRIES), 'corrupted');
    expect(r.reason).toBe('The replay file is not valid JSON; it may be truncated or damaged.');
  });

  it.each([
    [
      'an action id that is a number',
      '$.turns[1].actions[0].action',
      (d: Mutable): unknown => (d.turns[1]!.actions[0]!.action = 5),
      /integer 5/,
    ],
    ['a seed of null', '$.seed', (d: Mutable): unknown => (d.seed = null), /null/],
    [
      'a score as text',
      '$.summary.score',
      (d: Mutable): unknown => (d.summary.score = '1125' as unknown as number),
      /string "1125"/,
    ],
    [
      'a short fingerprint',
      '$.checkpoints[2].fingerprint',
      (d: Mutable): unknown => (d.checkpoints[2]!.fingerprint = 'abc'),
      /string "abc"/,
    ],
    ['a player that is a number', '$.meta.player', (d: Mutable): unknown => (d.meta = { player: 7 }), /integer 7/],
    [
      'a scenario given as text',
      '$.scenario',
      (d: Mutable): unknown => (d.scenario = 'first-team' as unknown as Mutable['scenario']),
      /string "first-team"/,
    ],
    [
      'turns as an object',
      '$.turns',
      (d: Mutable): unknown => (d.turns = {} as unknown as Mutable['turns']),
      /an object/,
    ],
    ['a fractional turn number', '$.turns[3].turn', (d: Mutable): unknown => (d.turns[3]!.turn = 3.5), /3\.5/],
    ['an unknown outcome', '$.summary.outcome', (d: Mutable): unknown => (d.summary.outcome = 'victory'), /victory/],
  ] as const)('a document with %s names the path', (_name, path, edit, found) => {
    const r = expectRefused(verifyEdited(FIRST, edit), 'corrupted');
    expect(r.reason).toContain(`The replay file is malformed at ${path}:`);
    expect(r.reason).toMatch(found);
  });

  it('a document with an unknown field names the field', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => (d.cheat = true)),
      'corrupted',
    );
    expect(r.reason).toMatch(/malformed at \$: .*"cheat"/);
  });

  it('a document whose turns are out of order', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => {
        const [a, b] = [d.turns[2]!, d.turns[3]!];
        d.turns[2] = b;
        d.turns[3] = a;
      }),
      'corrupted',
    );
    expect(r.reason).toMatch(/out of order/);
  });
});

describe('format-version', () => {
  it('a document of another format version', () => {
    for (const version of [2, 0, '1']) {
      const r = expectRefused(
        verifyEdited(FIRST, (d) => (d.version = version)),
        'format-version',
      );
      expect(r.reason).toContain(String(version));
      expect(r.reason).toMatch(/reads version 1\b/);
    }
  });

  it('a code of another format version', () => {
    const code = codeOf(sample(FIRST));
    const r = expectRefused(verifyReplay(`M7.${code.slice(3)}`, ENTRIES), 'format-version');
    expect(r.reason).toBe('This replay code has format version 7; this version of the game reads version 1.');
  });
});

describe('rules-version', () => {
  it('a document played under rules 999', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => (d.rules = 999)),
      'rules-version',
    );
    expect(r.reason).toBe(
      `This run was played under rules version 999; this game runs rules version ${RULES_VERSION}, so it cannot be re-checked here.`,
    );
  });

  it('a code played under rules 999', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, rules: 999 }), ENTRIES), 'rules-version');
    expect(r.reason).toMatch(/rules version 999/);
  });
});

describe('unknown-scenario', () => {
  it('a document of a scenario this game does not have', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => (d.scenario.id = 'moon-base')),
      'unknown-scenario',
    );
    expect(r.reason).toBe('This run is of a scenario called "moon-base", which this game does not have.');
  });

  it('a code of a scenario this game does not have', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, scenarioId: 'moon-base' }), ENTRIES), 'unknown-scenario');
    expect(r.reason).toContain('"moon-base"');
  });

  it('any run when the game ships no scenarios', () => {
    const doc = sample(FIRST);
    expectRefused(verifyReplay(doc, []), 'unknown-scenario');
    expectRefused(verifyReplay(codeOf(doc), []), 'unknown-scenario');
  });
});

describe('scenario-changed', () => {
  const doc = sample(FIRST);
  const code = codeOf(doc);
  const shipped = entry('first-team');
  const others = ENTRIES.filter((e) => e.scenario.id !== 'first-team');

  it('the shipped hash differs from the recorded one', () => {
    const entries: ScenarioEntry[] = [...others, { scenario: shipped.scenario, hash: 'ffffffffffffffff' }];
    for (const input of [doc, code]) {
      const r = expectRefused(verifyReplay(input, entries), 'scenario-changed');
      expect(r.reason).toBe(
        'The scenario "first-team" has changed since this run was played, so the run cannot be re-checked.',
      );
    }
  });

  it('the scenario itself was edited and carries its new content hash', () => {
    const edited = { ...shipped.scenario, eventChance: (shipped.scenario.eventChance + 10) % 100 };
    const hash = scenarioHash(JSON.stringify(edited));
    expect(hash).not.toBe(shipped.hash);
    const entries: ScenarioEntry[] = [...others, { scenario: edited, hash }];
    expectRefused(verifyReplay(doc, entries), 'scenario-changed');
    expectRefused(verifyReplay(code, entries), 'scenario-changed');
  });

  it('a document whose recorded hash was edited', () => {
    expectRefused(
      verifyEdited(FIRST, (d) => (d.scenario.hash = '0123456789abcdef')),
      'scenario-changed',
    );
  });
});

describe('illegal-action', () => {
  it.each([
    [
      'an unknown action id',
      (d: Mutable): unknown => (d.turns[1]!.actions = [{ action: 'fire-everyone' }]),
      /No action called "fire-everyone"/,
    ],
    [
      'a target who is not on the team',
      (d: Mutable): unknown => (d.turns[1]!.actions = [{ action: 'coach', target: 'zed' }]),
      /No team member called "zed"/,
    ],
    [
      'a targeted action without a target',
      (d: Mutable): unknown => (d.turns[1]!.actions = [{ action: 'coach' }]),
      /needs a team member/,
    ],
    [
      'a target on an untargeted action',
      (d: Mutable): unknown => (d.turns[1]!.actions = [{ action: 'share-vision', target: 'ana' }]),
      /not aimed at one person/,
    ],
    [
      'more actions than the time budget allows',
      (d: Mutable): unknown => (d.turns[1]!.actions = Array.from({ length: 6 }, () => ({ action: 'share-vision' }))),
      overspent('share-vision'),
    ],
  ] as const)('turn 2 holds %s', (_name, edit, message) => {
    const r = expectRefused(verifyEdited(FIRST, edit), 'illegal-action');
    expect(r.divergedAtTurn).toBe(2);
    expect(r.reason).toMatch(/^Turn 2 holds an action the rules refuse: /);
    if (typeof message === 'string') expect(r.reason).toContain(message);
    else expect(r.reason).toMatch(message);
  });

  it('a turn played after the game ended', () => {
    const doc = sample(FIRST);
    const n = doc.turns.length;
    const r = expectRefused(
      verifyEdited(FIRST, (d) => d.turns.push({ turn: n + 1, actions: [] })),
      'illegal-action',
    );
    expect(r.divergedAtTurn).toBe(n + 1);
    expect(r.reason).toMatch(/already ended/);
  });

  it('a code naming a team member the scenario does not have', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    const coach = CATALOGUE.findIndex((a) => a.id === 'coach');
    const beyond = entry('first-team').scenario.members.length;
    const turns = raw.turns.map((t, i) => (i === 1 ? { ...t, choices: [{ action: coach, member: beyond }] } : t));
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, turns }), ENTRIES), 'illegal-action');
    expect(r.divergedAtTurn).toBe(2);
    expect(r.reason).toContain(`team member number ${beyond + 1}, and the team has ${beyond}`);
  });

  it('a code with more choices in a turn than its time allows', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    const shareVision = CATALOGUE.findIndex((a) => a.id === 'share-vision');
    const turns = raw.turns.map((t, i) =>
      i === 1 ? { ...t, choices: Array.from({ length: 6 }, () => ({ action: shareVision, member: null })) } : t,
    );
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, turns }), ENTRIES), 'illegal-action');
    expect(r.divergedAtTurn).toBe(2);
  });
});

describe('diverged', () => {
  it('a document whose checkpoint at turn 3 was altered', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => (d.checkpoints[2]!.fingerprint = '0123456789abcdef')),
      'diverged',
    );
    expect(r.divergedAtTurn).toBe(3);
    expect(r.reason).toBe('The run diverges at turn 3: re-playing it does not give the recorded state.');
  });

  it('a document whose action at turn 4 was swapped for another legal one, checkpoints kept', () => {
    const doc = sample(FIRST);
    const swapped = swapOneAction(doc, 4);
    expect(swapped.turns[3]).not.toStrictEqual(doc.turns[3]);
    const r = expectRefused(verifyReplay(swapped, ENTRIES), 'diverged');
    expect(r.divergedAtTurn).toBe(4);
  });

  it('a document whose final fingerprint was altered', () => {
    const doc = sample(FIRST);
    const r = expectRefused(
      verifyEdited(FIRST, (d) => (d.final = '0123456789abcdef')),
      'diverged',
    );
    expect(r.divergedAtTurn).toBe(doc.turns.length);
  });

  it('a document whose seed was changed', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => (d.seed = 'another seed')),
      'diverged',
    );
    expect(r.divergedAtTurn).toBe(1);
  });

  it('a re-signed code whose turn-3 check was altered', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    const turns = raw.turns.map((t, i) => (i === 2 ? { ...t, check: t.check === '0000' ? 'ffff' : '0000' } : t));
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, turns }), ENTRIES), 'diverged');
    expect(r.divergedAtTurn).toBe(3);
  });

  it('a re-signed code whose action at turn 4 was swapped', () => {
    const doc = sample(FIRST);
    const swapped = swapOneAction(doc, 4);
    const raw = rawOf(codeOf(doc));
    const forged = rawOf(codeOf(swapped as unknown as ReplayDocument));
    // Keep the honest run's checks and final fingerprint: only the choice differs.
    const turns = raw.turns.map((t, i) => ({ ...t, choices: forged.turns[i]!.choices }));
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, turns }), ENTRIES), 'diverged');
    expect(r.divergedAtTurn).toBe(4);
  });

  it('a re-signed code whose final fingerprint was altered', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    const r = expectRefused(verifyReplay(encodeRaw({ ...raw, final: '0123456789abcdef' }), ENTRIES), 'diverged');
    expect(r.divergedAtTurn).toBe(raw.turns.length);
  });

  // The schema lets checkpoints come in any order; the turn where the run first goes wrong is
  // the one to report, not the first one that happens to be listed.
  it('reports the earliest diverging checkpoint even when checkpoints are listed out of order', () => {
    const r = expectRefused(
      verifyEdited(FIRST, (d) => {
        d.checkpoints.reverse();
        for (const c of d.checkpoints) if (c.turn === 3 || c.turn === 7) c.fingerprint = '0123456789abcdef';
      }),
      'diverged',
    );
    expect(r.divergedAtTurn).toBe(3);
  });

  // A changed early action that makes the game end sooner: the recorded state is already wrong
  // after the changed turn, so that is where the run diverges — not "an illegal action" later on.
  it('reports the changed turn, not a later "game already ended", when an edit shortens the game', () => {
    // Search the sample runs for one changed choice that keeps its turn legal but makes the game
    // end before the last listed turn.
    let found: { edited: Mutable; turn: number } | undefined;
    for (const { doc } of SAMPLES) {
      const { scenario } = entry(doc.scenario.id);
      for (let t = 0; t < doc.turns.length - 1 && !found; t++) {
        for (let j = 0; j < doc.turns[t]!.actions.length && !found; j++) {
          for (const id of scenario.actions) {
            if (actionDef(id)?.targeted) continue;
            const d = mutable(doc);
            d.turns[t]!.actions[j] = { action: id };
            const sim = simulate(scenario, doc.seed, d.turns as ReplayDocument['turns']);
            if (!sim.ok && sim.turn > t + 1) {
              found = { edited: d, turn: t + 1 };
              break;
            }
          }
        }
      }
      if (found) break;
    }
    if (!found) throw new Error('no edit of a sample run that shortens the game');
    const r = expectRefused(verifyReplay(found.edited, ENTRIES));
    expect({ kind: r.kind, turn: r.divergedAtTurn }).toStrictEqual({ kind: 'diverged', turn: found.turn });
  });

  it('does not name a turn the run does not have', () => {
    const doc = sample(FIRST);
    const r = expectRefused(
      verifyEdited(FIRST, (d) => d.checkpoints.push({ turn: 50, fingerprint: '0123456789abcdef' })),
    );
    if (r.divergedAtTurn !== undefined) expect(r.divergedAtTurn).toBeLessThanOrEqual(doc.turns.length);
    expect(r.kind).toBe('corrupted');
    expect(r.reason).not.toMatch(/diverges at turn 50\b/);
  });
});

describe('summary-mismatch', () => {
  it.each([
    ['score', (d: Mutable): unknown => (d.summary.score += 1)],
    [
      'ending',
      (d: Mutable): unknown =>
        (d.summary.ending = entry('first-team').scenario.endings.find((e) => e.id !== d.summary.ending)!.id),
    ],
    ['turns', (d: Mutable): unknown => (d.summary.turns = 3)],
    ['meters', (d: Mutable): unknown => (d.summary.meters = { morale: 100, execution: 100, innovation: 100 })],
  ] as const)('a document whose summary %s was edited', (_name, edit) => {
    const r = expectRefused(verifyEdited(FIRST, edit), 'summary-mismatch');
    expect(r.reason).toBe('The replay’s summary does not match its run: the summary was altered.');
    expect(r.divergedAtTurn).toBeUndefined();
  });
});

describe('reasons are one clean line', () => {
  it('for every kind above, on every sample run', () => {
    for (const { doc } of SAMPLES) {
      const edits: ((d: Mutable) => void)[] = [
        (d) => (d.rules = RULES_VERSION + 1),
        (d) => (d.version = 9),
        (d) => (d.scenario.id = 'nope'),
        (d) => (d.scenario.hash = 'ffffffffffffffff'),
        (d) => (d.turns[0]!.actions = [{ action: 'nope' }]),
        (d) => (d.checkpoints[0]!.fingerprint = 'ffffffffffffffff'),
        (d) => (d.summary.score = -1),
        (d) => (d.turns = 'x' as unknown as Mutable['turns']),
      ];
      for (const edit of edits) {
        const d = mutable(doc);
        edit(d);
        expectRefused(verifyReplay(d, ENTRIES));
      }
    }
  });

  // Text from the file is quoted into reasons as-is: a newline in it splits the reason.
  it('when the unknown scenario id of a document contains a line break', () => {
    expectRefused(
      verifyEdited(FIRST, (d) => (d.scenario.id = 'moon\nbase')),
      'unknown-scenario',
    );
  });

  it('when the unknown scenario id of a code contains a line break', () => {
    const raw = rawOf(codeOf(sample(FIRST)));
    expectRefused(verifyReplay(encodeRaw({ ...raw, scenarioId: 'moon\r\nbase' }), ENTRIES), 'unknown-scenario');
  });

  it('when an unknown action id contains a line break', () => {
    expectRefused(
      verifyEdited(FIRST, (d) => (d.turns[1]!.actions = [{ action: 'fire\neveryone' }])),
      'illegal-action',
    );
  });

  it('when an unknown target contains a line break', () => {
    expectRefused(
      verifyEdited(FIRST, (d) => (d.turns[1]!.actions = [{ action: 'coach', target: 'zed\nzed' }])),
      'illegal-action',
    );
  });

  it('when a very long code is pasted', () => {
    const r = expectRefused(verifyReplay(`M1.${'A'.repeat(400_000)}`, ENTRIES), 'corrupted');
    expectCleanReason(r.reason);
  });

  it('for inputs that are not data at all', () => {
    const throwing = {
      get format(): string {
        throw new Error('boom');
      },
    };
    const circular: Record<string, unknown> = { format: 'momentum-replay', version: 1 };
    circular.self = circular;
    for (const input of [Symbol('x'), () => 1, 10n, throwing, circular, new Map(), Object.create(null)]) {
      const r = verifyReplay(input, ENTRIES);
      expect(r.valid).toBe(false);
      if (!r.valid) expectCleanReason(r.reason);
    }
  });
});
