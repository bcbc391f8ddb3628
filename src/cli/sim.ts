import { POLICY_NAMES } from '../bots/by-name';
import { ScenarioError } from '../scenarios/files';
import { balanceCommand } from './commands/balance';
import { batchCommand } from './commands/batch';
import { branchCommand } from './commands/branch';
import { compareCommand } from './commands/compare';
import { exportCommand } from './commands/export';
import { lintCommand } from './commands/lint';
import { playCommand } from './commands/play';
import { replayCommand } from './commands/replay';
import { scenariosCommand } from './commands/scenarios';
import { verifyCommand } from './commands/verify';
import { workshopCommand } from './commands/workshop';
import { terminalText } from './terminal';
import { Refusal, UsageError } from './usage';

type Command = (args: string[], out: (s: string) => void, err: (s: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  scenarios: scenariosCommand,
  play: playCommand,
  batch: batchCommand,
  balance: balanceCommand,
  verify: verifyCommand,
  replay: replayCommand,
  export: exportCommand,
  workshop: workshopCommand,
  lint: lintCommand,
  compare: compareCommand,
  branch: branchCommand,
};

/** What `sim --help` prints: every command as it is called, the README's list. */
const HELP = [
  'Momentum simulation: npm run sim -- COMMAND …',
  '  scenarios [--json]                                   the shipped scenarios',
  '  lint FILE… [--json]                                  check scenario files',
  '  play --scenario ID|FILE --seed S --policy P [--team NAME --room ROOM] [--out FILE] [--json]',
  '  batch --scenario ID|FILE --policy P --runs N [--seeds PREFIX] [--json]',
  '  balance --scenario ID|FILE [--runs 500] [--seeds PREFIX] [--json]',
  '  verify FILE|CODE [--scenario FILE] [--json]           re-simulate a replay',
  '  replay FILE|CODE [--scenario FILE]                   a replay turn by turn, with causes',
  '  export FILE|CODE --csv [--scenario FILE]             one line a turn',
  '  workshop FILE… [--json|--csv] [--scenario ID --seed S] [--room ROOM]',
  '  compare A B [--json]                                 two runs side by side',
  '  branch A --at TURN --then POLICY [--json]            replay A to TURN, then play on',
  `Policies: ${POLICY_NAMES.join(', ')}.`,
  'Every command, flag and output is described in README.md ("The simulation CLI").',
];
const HELP_WORDS = new Set(['help', '--help', '-h']);

/** Runs one command; returns the exit code. Errors become one clear line, never a stack trace. */
export async function main(
  argv: string[],
  out = (s: string) => console.log(s),
  err = (s: string) => console.error(s),
): Promise<number> {
  // Scenario text, seeds, names and file names reach the terminal only through these.
  const print = (s: string): void => out(terminalText(s));
  const warn = (s: string): void => err(terminalText(s));
  return run(argv, print, warn);
}

async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== undefined && HELP_WORDS.has(name)) {
    for (const line of HELP) out(line);
    return 0;
  }
  try {
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) {
      const what = name === undefined ? 'missing command' : `unknown command "${name}"`;
      throw new UsageError(
        `sim: ${what}; valid commands: ${Object.keys(COMMANDS).join(', ')} (sim --help shows how each is called)`,
      );
    }
    return await command(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    if (e instanceof Refusal) {
      err(e.message);
      return 1;
    }
    if (e instanceof ScenarioError) {
      err(e.problems.join('\n'));
      return 1;
    }
    err(`sim: internal error: ${(e as Error).message}`);
    return 70;
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
}
