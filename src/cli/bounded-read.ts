import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Refusal, UsageError } from './usage';

/**
 * Every file and standard input the command line reads goes through here: read up to a stated
 * bound and refused past it in one line (exit 1), so a flood neither fills memory nor ends in an
 * internal error; and a missing path, a folder or an unreadable file each get their own sentence
 * (exit 2, as a mistake in how the command was called).
 */

/** The most any command reads of one replay file or code given on the command line. */
export const MAX_REPLAY_BYTES = 1024 * 1024;
/** The most `workshop` reads of one transcript, replay file or session export, or of standard input. */
export const MAX_HAND_IN_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The refusal of an input past its bound: "verify: big.json is larger than 1 MB, the most a replay file may be". */
function tooLarge(command: string, source: string, limit: number, what: string): string {
  return `${command}: ${source} is larger than ${megabytes(limit)}, the most ${what} may be`;
}

/** Why a path cannot be read, as a sentence after `command: `, or null when it is a regular file. */
function pathProblem(path: string): string | null {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return `${path} is a folder, not a file`;
    if (!st.isFile()) return `${path} is not a regular file`;
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `${path}: no such file`;
    if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read: permission denied`;
    return `${path} cannot be read (${code ?? 'error'})`;
  }
}

/** Up to `limit` bytes of an open descriptor, or null when it holds more. */
function readUpTo(fd: number, limit: number): Buffer | null {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(1024 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A pipe with nothing in it yet: wait a moment and read again.
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) return null;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** A file's text, read up to `limit` bytes; `what` names the input for the refusal ("a replay file"). */
export function readFileBounded(command: string, path: string, limit: number, what: string): string {
  const problem = pathProblem(path);
  if (problem) throw new UsageError(`${command}: ${problem}`);
  if (statSync(path).size > limit) throw new Refusal(tooLarge(command, path, limit, what));
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new UsageError(`${command}: ${pathProblem(path) ?? `${path} cannot be read`}`);
  }
  try {
    const bytes = readUpTo(fd, limit);
    if (bytes === null) throw new Refusal(tooLarge(command, path, limit, what));
    return bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Standard input's text, read up to `limit` bytes and refused past it. */
export function readStdinBounded(command: string, limit: number, what: string): string {
  const bytes = readUpTo(0, limit);
  if (bytes === null) throw new Refusal(tooLarge(command, 'standard input', limit, what));
  return bytes.toString('utf8');
}
