import { existsSync } from 'node:fs';
import { MAX_REPLAY_BYTES, readFileBounded } from './bounded-read';
import { verifyReplay, type VerifyResult } from '../replay/verify';
import { scenarioEntriesWithFile } from './context';
import { UsageError } from './usage';

/**
 * Reads FILE|CODE: a file's text (up to MAX_REPLAY_BYTES), or else the argument itself as a code.
 * An argument that names no file but reads as a path (a folder separator outside a link, or a
 * file ending) is a missing file, said as such, rather than a code that fails to decode.
 */
export function readReplayInput(command: string, arg: string | undefined): string {
  if (arg === undefined)
    throw new UsageError(`${command}: missing FILE or CODE (a .replay.json file or a replay code)`);
  if (existsSync(arg) || looksLikePath(arg)) return readFileBounded(command, arg, MAX_REPLAY_BYTES, 'a replay file');
  return arg;
}

/** A path rather than a code or a link: codes hold no slash and no file ending. */
function looksLikePath(arg: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || arg.includes('?')) return false;
  return /[\\/]/.test(arg) || /\.(json|txt|csv)$/i.test(arg);
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
