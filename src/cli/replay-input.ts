import { existsSync, readFileSync, statSync } from 'node:fs';
import { verifyReplay, type VerifyResult } from '../replay/verify';
import { scenarioEntries } from './context';
import { UsageError } from './usage';

/** Reads FILE|CODE: an existing file's text, or else the argument itself as a code. */
export function readReplayInput(command: string, arg: string | undefined): string {
  if (arg === undefined)
    throw new UsageError(`${command}: missing FILE or CODE (a .replay.json file or a replay code)`);
  if (existsSync(arg) && statSync(arg).isFile()) {
    try {
      return readFileSync(arg, 'utf8');
    } catch {
      throw new UsageError(`${command}: cannot read ${arg}`);
    }
  }
  return arg;
}

export function verifyInput(command: string, arg: string | undefined): VerifyResult {
  return verifyReplay(readReplayInput(command, arg), scenarioEntries());
}
