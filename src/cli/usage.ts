import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** A run that worked but whose answer is "no" (an invalid replay): exit code 1. */
export class Refusal extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly, turning Node's errors into one readable line naming the valid flags. */
export function parseFlags<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
  try {
    const r = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (r.positionals.length > positionals) {
      throw new UsageError(`${command}: unexpected argument "${r.positionals[positionals]}"`);
    }
    return r;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const flags = Object.keys(options)
      .map((k) => `--${k}`)
      .join(', ');
    const m = /'(--?[^']*)'/.exec((e as Error).message);
    const what = m ? `unknown or malformed option "${m[1]}"` : (e as Error).message.split('\n')[0];
    throw new UsageError(`${command}: ${what}; valid options: ${flags}`);
  }
}

export function required(command: string, name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${command}: missing --${name}`);
  return value;
}
