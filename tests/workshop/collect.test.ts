import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCode } from '../../src/replay/code';
import { verifyReplay } from '../../src/replay/verify';
import {
  collectRoom,
  debriefPrompts,
  firstRunExpectation,
  newRoomCache,
  teamRows,
  type Submission,
} from '../../src/workshop';
import { encodeRaw, expectCleanReason } from '../replay/support';
import {
  asSubmission,
  botChoices,
  branchOf,
  ENTRIES,
  entry,
  handIn,
  ROOM,
  SCENARIO,
  tampered,
  roomOf,
} from './support';

/**
 * A room cache that counts the verifications collectRoom makes: each verified text is stored in
 * the cache once, as it is verified; the verifier itself is the real one.
 */
function countingCache(): { cache: ReturnType<typeof newRoomCache>; verifications: () => number } {
  let count = 0;
  const cache = newRoomCache();
  const set = cache.verified.set.bind(cache.verified);
  cache.verified.set = (text, result) => {
    count++;
    return set(text, result);
  };
  return { cache, verifications: () => count };
}

const scenario = entry(SCENARIO).scenario;
const blue = handIn('balanced', { team: 'Team Blue', player: 'Ana' });
const red = handIn('lead-only', { team: 'Team Red' });
const green = handIn('manage-only', { team: 'Team Green' });
const team10 = handIn('random', { team: 'Team 10' });
const team2 = handIn('expert', { team: 'Team 2' });

describe('collectRoom', () => {
  it('verifies real bot runs: the same fingerprint, turns and outcome as the verifier, in name order', () => {
    const all = [blue, red, green, team10, team2];
    const room = collectRoom(
      ENTRIES,
      ROOM,
      all.map((h) => asSubmission(h)),
    );
    expect(room.refused).toEqual([]);
    expect(room.notes).toEqual([]);
    expect(room.teams.map((t) => t.team)).toEqual(['Team 2', 'Team 10', 'Team Blue', 'Team Green', 'Team Red']);
    for (const t of room.teams) {
      const h = all.find((x) => x.doc.meta?.team === t.team)!;
      const v = verifyReplay(h.code, ENTRIES);
      if (!v.valid) throw new Error(v.reason);
      expect(t.fingerprint).toBe(v.fingerprint);
      expect(t.turns).toBe(h.doc.turns.length);
      expect(t.records).toHaveLength(t.turns);
      expect(t.finished).toBe(true);
      expect(t.outcome).toBe(v.summary.outcome);
      expect(t.ending).toBe(v.summary.ending);
      expect(t.score).toBe(v.summary.score);
      expect(t.handIns).toBe(1);
      expect(t.records[t.records.length - 1]!.after).toEqual(t.state);
    }
  });

  it('takes the player name when a run has no team name, and numbers runs with neither', () => {
    const player = handIn('balanced', { player: 'Ana' });
    const anonA = handIn('lead-only', undefined);
    const anonB = handIn('manage-only', { team: '  ' });
    const room = collectRoom(
      ENTRIES,
      ROOM,
      [anonA, player, anonB].map((h) => asSubmission(h)),
    );
    expect(room.teams.map((t) => [t.team, t.named])).toEqual([
      ['Ana', true],
      ['Unnamed team 1', false],
      ['Unnamed team 2', false],
    ]);
    expect(room.teams.find((t) => t.team === 'Unnamed team 1')!.fingerprint).toBe(anonA.doc.final);
    expect(room.notes).toEqual([
      '2 runs carry no team or player name; they are listed as “Unnamed team 1” to “Unnamed team 2”.',
    ]);
  });

  it('keeps a run handed in part-way as unfinished, with no outcome yet', () => {
    const partial = handIn('balanced', { team: 'Team Blue' }, { turns: 3 });
    const [t] = collectRoom(ENTRIES, ROOM, [asSubmission(partial)]).teams;
    expect(t).toMatchObject({ team: 'Team Blue', turns: 3, finished: false, outcome: null, ending: null, score: null });
    expect(t!.records).toHaveLength(3);
    expect(t!.regime).toBe(t!.records[2]!.regime);
  });

  describe('refusals: one sentence each, never mixed in', () => {
    const refusedOf = (subs: Submission[]) => {
      const room = collectRoom(ENTRIES, ROOM, subs);
      expect(room.teams).toEqual([]);
      expect(room.refused).toHaveLength(subs.length);
      for (const r of room.refused) expectCleanReason(r.reason);
      return room.refused;
    };

    it('a tampered code', () => {
      const [r] = refusedOf([{ source: 'camera', text: tampered(blue.code) }]);
      expect(r).toMatchObject({ source: 'camera', team: null });
      expect(r!.reason).toMatch(/corrupted|altered|malformed|not in its standard form/);
    });

    it('a code re-signed after its run was changed keeps its name in the refusal', () => {
      const decoded = decodeCode(red.code);
      if (!decoded.ok) throw new Error(decoded.reason);
      const raw = decoded.raw;
      const turns = raw.turns.map((t, i) => (i === 1 ? { ...t, choices: t.choices.slice(1) } : t));
      const [r] = refusedOf([{ source: 'pasted text', text: encodeRaw({ ...raw, turns }) }]);
      expect(r!.team).toBe('Team Red');
      expect(r!.reason).toMatch(/diverges at turn 2/);
    });

    it('a code cut in half is refused as cut short', () => {
      const [r] = refusedOf([{ source: 'pasted text', text: blue.code.slice(0, 60) }]);
      expect(r!.reason).toMatch(/^The replay code is cut short: it stops after turn \d+ of the \d+ it lists/);
    });

    it('a code cut after its team name names the team', () => {
      const [r] = refusedOf([{ source: 'pasted text', text: blue.code.slice(0, -2) }]);
      expect(r!.team).toBe('Team Blue');
      expect(r!.reason).toMatch(/^The replay code of “Team Blue” is cut short: its turns arrived/);
    });

    it('another scenario, named, flagged and not mixed in', () => {
      const other = handIn('balanced', { team: 'Team Blue' }, { scenario: 'idea-factory' });
      const [r] = refusedOf([asSubmission(other)]);
      expect(r!.team).toBe('Team Blue');
      const title = entry('idea-factory').scenario.title;
      expect(r!.reason).toBe(
        `This run is of “${title}” (idea-factory), seed "42", and this room plays “${scenario.title}” (first-team), seed "42": flagged, not mixed in.`,
      );
    });

    it('another seed', () => {
      const other = handIn('balanced', { team: 'Team Blue' }, { seed: '7' });
      const [r] = refusedOf([asSubmission(other)]);
      expect(r!.reason).toBe('This run is of seed "7", and this room plays seed "42": flagged, not mixed in.');
    });

    it('another room, when the session names one', () => {
      const other = handIn('balanced', { team: 'Team Blue', room: 'K7Q2' });
      const room = collectRoom(ENTRIES, { ...ROOM, room: 'ZZ99' }, [asSubmission(other)]);
      expect(room.refused[0]!.reason).toBe(
        'This run was played in room "K7Q2", and this is room "ZZ99": flagged, not mixed in.',
      );
      const same = collectRoom(ENTRIES, { ...ROOM, room: 'K7Q2' }, [asSubmission(other), asSubmission(red)]);
      expect(same.teams.map((t) => t.team)).toEqual(['Team Blue', 'Team Red']);
      expect(same.notes).toEqual([
        "Team Red's run carries no room code (it was played from a link without one); it plays this room's scenario and seed, so it is kept.",
      ]);
    });

    it('a replay file that is not JSON, and text that is not a code', () => {
      const [a, b] = refusedOf([
        { source: 'blue.replay.json', text: JSON.stringify(blue.doc).slice(0, 200) },
        { source: 'notes.txt', text: 'hello' },
      ]);
      expect(a!.reason).toMatch(/not valid JSON/);
      expect(b!.reason).toMatch(/not a Momentum replay code/);
    });

    it('a named team with only refused hand-ins gets an unverified row; one with a verified run does not', () => {
      const other = handIn('balanced', { team: 'Team Gold' }, { seed: '7' });
      const wrongBlue = handIn('balanced', { team: 'team blue' }, { seed: '7' });
      const room = collectRoom(ENTRIES, ROOM, [asSubmission(blue), asSubmission(other), asSubmission(wrongBlue)]);
      const rows = teamRows(room, scenario);
      expect(rows.map((r) => [r.team, r.verified])).toEqual([
        ['Team Blue', true],
        ['Team Gold', false],
      ]);
      expect(rows[1]).toMatchObject({ reason: room.refused[0]!.reason, turns: null, fingerprint: null, handIns: 1 });
      expect(rows[0]).toMatchObject({ reason: null, fingerprint: blue.doc.final, turns: blue.doc.turns.length });
    });
  });

  describe('a team handing in more than once', () => {
    const early = handIn('balanced', { team: 'Team Blue' }, { turns: 3 });
    const later = handIn('balanced', { team: 'Team Blue' }, { turns: 6 });

    it('keeps the furthest run when it came later, and says so', () => {
      const room = collectRoom(ENTRIES, ROOM, [asSubmission(early), asSubmission(red), asSubmission(later)]);
      const t = room.teams.find((x) => x.team === 'Team Blue')!;
      expect(t).toMatchObject({ turns: 6, handIns: 2, fingerprint: later.doc.final });
      expect(room.notes).toEqual(['Team Blue handed in twice; the later, further run is kept (6 turns).']);
    });

    it('keeps the furthest run when it came first', () => {
      const room = collectRoom(ENTRIES, ROOM, [asSubmission(blue), asSubmission(early)]);
      expect(room.teams).toHaveLength(1);
      expect(room.teams[0]).toMatchObject({ turns: blue.doc.turns.length, handIns: 2, fingerprint: blue.doc.final });
      expect(room.notes).toEqual([
        `Team Blue handed in twice; the run that got furthest is kept (${blue.doc.turns.length} turns, finished), not the later one (3 turns).`,
      ]);
    });

    it('keeps the later of two equally long runs of one team', () => {
      const other = handIn('random', { team: 'Team Blue' }, { turns: 3 });
      const room = collectRoom(ENTRIES, ROOM, [asSubmission(early), asSubmission(other)]);
      expect(room.teams).toHaveLength(1);
      expect(room.teams[0]).toMatchObject({ team: 'Team Blue', fingerprint: other.doc.final, handIns: 2 });
      const back = collectRoom(ENTRIES, ROOM, [asSubmission(other), asSubmission(early)]);
      expect(back.teams[0]!.fingerprint).toBe(early.doc.final);
      expect(back.notes[0]).toMatch(/^Team Blue handed in twice; the later run is kept \(3 turns\)\.$/);
    });

    it('keeps two different games under names that differ only in case, spacing or Unicode form as two teams, and flags them', () => {
      const other = handIn('random', { team: ' team  BLUE ' }, { turns: 3 });
      const accented = handIn('lead-only', { team: 'Team Blue\u0301' }, { turns: 2 });
      const decomposed = handIn('manage-only', { team: 'Team Blu\u00e9' }, { turns: 2 });
      for (const order of [
        [early, other],
        [other, early],
      ]) {
        const room = collectRoom(
          ENTRIES,
          ROOM,
          order.map((x) => asSubmission(x)),
        );
        expect(room.teams.map((t) => t.fingerprint).sort()).toEqual([early.doc.final, other.doc.final].sort());
        expect(room.teams.map((t) => t.handIns)).toEqual([1, 1]);
        expect(room.notes.filter((n) => n.includes('named alike'))).toHaveLength(1);
        expect(room.notes.join(' ')).toContain('each is kept as a team of its own');
      }
      // The same name in two Unicode forms (a composed é and e with a combining accent) is alike too.
      const unicode = collectRoom(ENTRIES, ROOM, [asSubmission(accented), asSubmission(decomposed)]);
      expect(unicode.teams).toHaveLength(2);
    });

    it('keeps one game handed in under a re-typed name as one team: the furthest run', () => {
      const retyped = handIn('balanced', { team: 'team blue' });
      const room = collectRoom(ENTRIES, ROOM, [asSubmission(early), asSubmission(retyped)]);
      expect(room.teams).toHaveLength(1);
      expect(room.teams[0]).toMatchObject({ fingerprint: retyped.doc.final, handIns: 2 });
      expect(room.notes.some((n) => n.includes('named alike'))).toBe(false);
    });

    it('counts the same run handed in twice once', () => {
      const room = collectRoom(ENTRIES, ROOM, [asSubmission(blue, 'camera'), asSubmission(blue, 'pasted text')]);
      expect(room.teams).toHaveLength(1);
      expect(room.teams[0]).toMatchObject({ handIns: 2, source: 'pasted text' });
      expect(room.notes).toEqual(['Team Blue handed in the same run twice; it is counted once.']);
    });
  });

  it('does not depend on the order of hand-ins when no team has two runs of equal length', () => {
    const pool: Submission[] = [
      asSubmission(blue),
      asSubmission(handIn('balanced', { team: 'Team Blue' }, { turns: 2 })),
      asSubmission(red),
      asSubmission(handIn('lead-only', { team: 'Team Red' }, { turns: 1 })),
      asSubmission(green),
      asSubmission(team2),
      { source: 'junk', text: tampered(team10.code) },
      asSubmission(handIn('balanced', { team: 'Team Gold' }, { seed: '9' })),
    ];
    const summary = (subs: Submission[]) => {
      const room = collectRoom(ENTRIES, ROOM, subs);
      return {
        teams: room.teams.map((t) => [t.team, t.fingerprint, t.turns, t.handIns]),
        refused: room.refused.map((r) => `${r.team} ${r.reason}`).sort(),
      };
    };
    const expected = summary(pool);
    expect(expected.teams).toHaveLength(4);
    expect(expected.refused).toHaveLength(2);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (order) => {
        expect(summary(order)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('finds the room of hand-ins nobody described: the first run that verifies', () => {
    const other = handIn('balanced', { team: 'Team Gold' }, { seed: '9' });
    const subs = [{ source: 'a', text: 'junk' }, asSubmission(other, 'b'), asSubmission(blue, 'c')];
    expect(firstRunExpectation(ENTRIES, subs)).toEqual({
      scenario: SCENARIO,
      seed: '9',
      source: 'b',
      team: 'Team Gold',
    });
    expect(firstRunExpectation(ENTRIES, [{ source: 'a', text: 'junk' }])).toBeNull();
  });

  it('collects 40 teams, each pasted twice, with one verification a distinct run', () => {
    const policies = ['balanced', 'lead-only', 'manage-only', 'random', 'expert', 'coast', 'share:30', 'share:70'];
    const subs = Array.from({ length: 40 }, (_, i) =>
      asSubmission(handIn(policies[i % policies.length]!, { team: `Team ${i + 1}` })),
    );
    // Verification re-plays every turn and is nearly all of the work, so counting verifications
    // counts the work: a collect that compared runs pairwise or re-verified a paste would show here.
    const { cache, verifications } = countingCache();
    const t0 = performance.now();
    const room = collectRoom(ENTRIES, ROOM, [...subs, ...subs], cache);
    const ms = performance.now() - t0;
    expect(room.teams).toHaveLength(40);
    expect(room.refused).toEqual([]);
    expect(verifications()).toBe(40);
    // A figure, not a test of this machine's speed (the budget is 60 ms on a quiet machine).
    console.log(`collecting a room: 40 teams, each pasted twice, in ${ms.toFixed(1)} ms`);
  });

  it('with a cache kept between pastes, verifies only the new hand-ins and gives the same room', () => {
    const subs = Array.from({ length: 30 }, (_, i) =>
      asSubmission(handIn(['balanced', 'lead-only', 'random'][i % 3]!, { team: `Team ${i + 1}` })),
    );
    const { cache, verifications } = countingCache();
    collectRoom(ENTRIES, ROOM, subs.slice(0, 25), cache);
    expect(verifications()).toBe(25);
    // Five more pasted, with everything before them still in the room: five verifications.
    const room = collectRoom(ENTRIES, ROOM, subs, cache);
    expect(verifications()).toBe(30);
    expect(room).toEqual(collectRoom(ENTRIES, ROOM, subs));
  });
});

describe('a team’s next attempt', () => {
  // A lead-only team's game ends early in chaos; the team plays again from the first turn, balanced.
  const first = handIn('lead-only', { team: 'Red' });
  const again = branchOf(first, 0, botChoices('balanced'), { team: 'Red' });
  const againProgress = branchOf(first, 0, botChoices('balanced'), { team: 'Red' }, 3);
  const blue = handIn('balanced', { team: 'Blue' });

  it('is kept beside the team’s game as its attempt 2, linked to the run it left, with its own hand-ins', () => {
    expect(first.doc.summary.turns).toBeLessThan(entry(SCENARIO).scenario.turns);
    const room = roomOf(first, againProgress, blue, again);
    expect(room.teams.map((t) => [t.team, t.attempt])).toEqual([
      ['Blue', 1],
      ['Red', 1],
      ['Red (attempt 2)', 2],
    ]);
    const second = room.teams[2]!;
    expect(second.of).toEqual({ team: 'Red', atTurn: 0, parent: first.doc.final });
    expect(second.fingerprint).toBe(again.doc.final);
    expect(second.handIns).toBe(2);
    expect(room.teams[1]!.fingerprint).toBe(first.doc.final);
  });

  it('keeps two games played on from one run at different turns as two attempts', () => {
    const fromTwo = branchOf(first, 2, botChoices('balanced').slice(2), { team: 'Red' }, 3);
    const room = roomOf(first, again, fromTwo);
    expect(room.teams.map((t) => [t.team, t.of?.atTurn ?? null])).toEqual([
      ['Red', null],
      ['Red (attempt 2)', 0],
      ['Red (attempt 3)', 2],
    ]);
  });

  it('stays with the team’s game when the run it left is not in the room', () => {
    const room = roomOf(again, blue);
    expect(room.teams.map((t) => [t.team, t.attempt])).toEqual([
      ['Blue', 1],
      ['Red', 1],
    ]);
  });

  it('is asked about in the debrief, and the room’s counts are of teams, not attempts', () => {
    const room = roomOf(first, again, blue);
    const prompts = debriefPrompts(room, entry(SCENARIO).scenario);
    expect(prompts[0]).toMatch(/^Both teams finished: /);
    expect(prompts).toContain(
      `After its game ended early in ${first.doc.summary.outcome}, Red went back to the start and played again; its second attempt ended in ${again.doc.summary.outcome}: what did it do differently this time, and what did it learn from the first?`,
    );
  });
});
