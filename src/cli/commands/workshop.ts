import type { Regime, Scenario } from '../../engine';
import {
  collectRoom,
  debriefPrompts,
  extractSubmissions,
  firstDivergence,
  firstRunExpectation,
  regimeTimeline,
  roomCsv,
  teamRows,
  type RefusedHandIn,
  type Room,
  type RoomExpectation,
  type Submission,
  type TeamRow,
} from '../../workshop';
import { acceptedSeed, findScenario, scenarioEntries } from '../context';
import { MAX_HAND_IN_BYTES, readFileBounded, readStdinBounded } from '../bounded-read';
import { terminalText } from '../terminal';
import { parseFlags, UsageError } from '../usage';

/** What a file given to `workshop` holds, for a refusal. */
const HAND_INS = 'one input of hand-ins';

/** Standard input's text, read up to the same bound as a file; replaced in tests. */
export const input = { stdin: (): string => readStdinBounded('workshop', MAX_HAND_IN_BYTES, HAND_INS) };

const REGIME_LETTER: Record<Regime, string> = { momentum: 'M', chaos: 'C', stagnation: 'S', drift: 'D' };

/**
 * Verifies and compares a room's hand-ins: codes, links and replay documents found in any files
 * (or standard input). Exit 0 when every hand-in found verified into the room, 1 when any was
 * refused, codes were left unread past the cap, or none verified, 2 for a usage mistake.
 */
export function workshopCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags(
    'workshop',
    args,
    {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      room: { type: 'string' },
    },
    Number.MAX_SAFE_INTEGER,
  );
  if (values.json && values.csv)
    throw new UsageError('workshop: choose one format; --json and --csv exclude each other');
  if (positionals.length === 0) {
    throw new UsageError(
      'workshop: missing FILE (text or replay files holding codes or links, or - for standard input)',
    );
  }
  if ((values.scenario === undefined) !== (values.seed === undefined)) {
    throw new UsageError(
      'workshop: give --scenario and --seed together, or neither to take them from the first valid run',
    );
  }
  const given: RoomExpectation | null =
    values.scenario === undefined
      ? null
      : {
          scenario: findScenario('workshop', values.scenario).scenario.id,
          seed: acceptedSeed('workshop', '--seed', values.seed!),
        };

  const submissions: Submission[] = [];
  const unread: RefusedHandIn[] = [];
  const readNotes: string[] = [];
  for (const file of readFiles(positionals)) {
    const { found, note, unread: left } = extractSubmissions(file.text, file.source);
    submissions.push(...found);
    // Nothing found, or codes past the cap left unread: listed with the refusals, so the exit is 1.
    if (note !== null && (found.length === 0 || left > 0))
      unread.push({ source: file.source, team: null, reason: note, text: '' });
    else if (note !== null) readNotes.push(note);
  }

  const entries = scenarioEntries();
  const first = given ?? firstRunExpectation(entries, submissions);
  // With --room, runs of another room are refused, as the dashboard of that room refuses them.
  const expectation =
    first === null
      ? null
      : { scenario: first.scenario, seed: first.seed, ...(values.room === undefined ? {} : { room: values.room }) };
  const collected: Room =
    expectation === null
      ? { teams: [], refused: collectRoom(entries, { scenario: '', seed: '' }, submissions).refused, notes: [] }
      : collectRoom(entries, expectation, submissions);
  const room: Room = {
    teams: collected.teams,
    refused: [...unread, ...collected.refused],
    notes: [...readNotes, ...collected.notes],
  };
  const scenario = expectation && entries.find((e) => e.scenario.id === expectation.scenario)!.scenario;
  const code = room.teams.length > 0 && room.refused.length === 0 ? 0 : 1;

  if (values.csv) {
    if (scenario) out(roomCsv(room, scenario).slice(0, -2));
    else out('team,turn,actions,morale,execution,innovation,L,M,regime,events');
    return code;
  }
  const rows = scenario ? teamRows(room, scenario) : [];
  const prompts = scenario ? debriefPrompts(room, scenario) : [];
  const divergence = firstDivergence(room);
  if (values.json) {
    out(
      JSON.stringify({
        room: expectation && { ...expectation, from: given ? 'options' : 'first valid run' },
        teams: rows.map((r) => ({ ...r, regimes: regimesOf(room, r) })),
        refused: room.refused.map(({ source, team, reason }) => ({ source, team, reason })),
        notes: room.notes,
        firstDivergence: divergence,
        prompts,
      }),
    );
    return code;
  }
  printRoom(out, room, rows, prompts, divergence, scenario, first, given !== null);
  return code;
}

/** Each file's text, each read up to MAX_HAND_IN_BYTES (see bounded-read.ts). */
function readFiles(paths: readonly string[]): { source: string; text: string }[] {
  let stdinRead = false;
  return paths.map((path) => {
    if (path === '-') {
      if (stdinRead) throw new UsageError('workshop: - (standard input) can be given once');
      stdinRead = true;
      return { source: 'standard input', text: input.stdin() };
    }
    return { source: path, text: readFileBounded('workshop', path, MAX_HAND_IN_BYTES, HAND_INS) };
  });
}

function regimesOf(room: Room, row: TeamRow): Regime[] | null {
  if (!row.verified) return null;
  return room.teams.find((t) => t.team === row.team)?.records.map((r) => r.regime) ?? null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The table's columns after the team's name, each right-aligned to its width. */
const COLUMNS: readonly { title: string; width: number; left?: boolean; cell: (r: TeamRow, s: Scenario) => string }[] =
  [
    { title: 'verified', width: 8, left: true, cell: () => 'yes' },
    { title: 'turns', width: 5, cell: (r, s) => `${r.turns}/${s.turns}` },
    { title: 'outcome', width: 16, left: true, cell: (r) => r.outcome ?? `${r.regime} so far` },
    { title: 'score', width: 5, cell: (r) => String(r.score ?? '–') },
    { title: 'morale', width: 6, cell: (r) => String(r.morale) },
    { title: 'execution', width: 9, cell: (r) => String(r.execution) },
    { title: 'innovation', width: 10, cell: (r) => String(r.innovation) },
    { title: 'L', width: 3, cell: (r) => String(r.l) },
    { title: 'M', width: 3, cell: (r) => String(r.m) },
    { title: 'leading', width: 7, cell: (r) => `${r.leadHours} h` },
    { title: 'managing', width: 8, cell: (r) => `${r.manageHours} h` },
    { title: 'fingerprint', width: 16, cell: (r) => r.fingerprint ?? '' },
  ];

function align(c: (typeof COLUMNS)[number], text: string): string {
  return c.left ? text.padEnd(c.width) : text.padStart(c.width);
}

/**
 * A name escaped for the terminal first (so the escapes count toward the width) and cut to the
 * column; the full name stays in --json.
 */
function fit(name: string, width: number): string {
  const chars = [...terminalText(name)];
  return chars.length <= width ? name + ' '.repeat(width - chars.length) : `${chars.slice(0, width - 1).join('')}…`;
}

function printRoom(
  out: (s: string) => void,
  room: Room,
  rows: readonly TeamRow[],
  prompts: readonly string[],
  divergence: number | null,
  scenario: Scenario | null,
  first: (RoomExpectation & { source?: string; team?: string | null }) | null,
  given: boolean,
): void {
  if (scenario && first) {
    const where = given
      ? 'as given'
      : `taken from the first valid run (${first.team ?? 'no name'}, in ${first.source}); --scenario and --seed set it`;
    out(`Room: ${scenario.title} (${scenario.id}), seed ${JSON.stringify(first.seed)}, ${where}.`);
  } else {
    out('Room: no hand-in verified, so there is no room to compare.');
  }
  out(
    `${plural(room.teams.length, 'team', 'teams')} verified, ${plural(room.refused.length, 'hand-in', 'hand-ins')} refused.`,
  );
  if (rows.length > 0 && scenario) {
    const width = Math.min(24, Math.max(4, ...rows.map((r) => [...terminalText(r.team)].length)));
    out('');
    out(`${fit('team', width)}  ${COLUMNS.map((c) => align(c, c.title)).join('  ')}`);
    for (const r of rows) {
      if (!r.verified) {
        out(`${fit(r.team, width)}  ${align(COLUMNS[0]!, 'no')}  refused, see below`);
        continue;
      }
      out(`${fit(r.team, width)}  ${COLUMNS.map((c) => align(c, c.cell(r, scenario))).join('  ')}`);
    }
    out('');
    out('Regime after each turn (M momentum, C chaos, S stagnation, D drift):');
    for (const t of regimeTimeline(room)) {
      out(`${fit(t.team, width)}  ${t.regimes.map((x) => REGIME_LETTER[x]).join(' ')}`);
    }
    if (room.teams.length >= 2) {
      out(
        divergence === null
          ? 'Every team made the same choices on every turn it played.'
          : `The teams' choices first differ on turn ${divergence}.`,
      );
    }
  }
  if (room.refused.length > 0) {
    out('');
    out('Refused:');
    for (const r of room.refused) out(`  ${r.source}${r.team === null ? '' : ` (${r.team})`}: ${r.reason}`);
  }
  if (room.notes.length > 0) {
    out('');
    out('Notes:');
    for (const n of room.notes) out(`  ${n}`);
  }
  if (prompts.length > 0) {
    out('');
    out('Debrief:');
    prompts.forEach((p, i) => out(`  ${i + 1}. ${p}`));
  }
}
