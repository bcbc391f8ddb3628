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
  try {
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) {
      const what = name === undefined ? 'missing command' : `unknown command "${name}"`;
      throw new UsageError(`sim: ${what}; valid commands: ${Object.keys(COMMANDS).join(', ')}`);
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
