import { existsSync, readFileSync, statSync } from 'node:fs';
import { verifyReplay, type VerifyResult } from '../replay/verify';
import { scenarioEntriesWithFile } from './context';
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

/**
 * Verifies FILE|CODE against the shipped scenarios and, when `scenarioFile` is given, that
 * file's scenario. A run of a scenario the game does not have says how to supply it.
 */
export function verifyInput(command: string, arg: string | undefined, scenarioFile?: string): VerifyResult {
  const input = readReplayInput(command, arg);
  const { entries, file } = scenarioEntriesWithFile(scenarioFile);
  const r = verifyReplay(input, entries);
  if (r.valid || r.kind !== 'unknown-scenario') return r;
  const hint = file
    ? ` The file given with --scenario holds the scenario "${file.scenario.id}".`
    : " To check it, give that scenario's file with --scenario FILE.";
  return { ...r, reason: `${r.reason}${hint}` };
}
