import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** A run that worked but whose answer is "no" (an invalid replay): exit code 1. */
export class Refusal extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly, turning Node's errors into one readable line naming the valid flags. */
export function parseFlags<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
  const flags = Object.keys(options)
    .map((k) => `--${k}`)
    .join(', ');
  try {
    const r = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (r.positionals.length > positionals) {
      throw new UsageError(`${command}: unexpected argument "${r.positionals[positionals]}"`);
    }
    return r;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const { code, message } = e as { code?: string; message: string };
    const flag = /'(--?[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('ambiguous')) {
      throw new UsageError(`${command}: ${flag} takes a value; for a value starting with a dash write ${flag}=VALUE`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const boolean = options[flag.replace(/^--?/, '')]?.type === 'boolean';
      throw new UsageError(`${command}: ${flag} ${boolean ? 'takes no value' : 'needs a value'}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(
        `${command}: unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}"; valid options: ${flags}`,
      );
    }
    throw new UsageError(`${command}: unknown option "${flag}"; valid options: ${flags}`);
  }
}

/** A required flag's value; when missing, the message lists what it could be. */
export function required(command: string, name: string, value: string | undefined, choices?: () => string): string {
  if (value === undefined) throw new UsageError(`${command}: missing --${name}${choices ? `; ${choices()}` : ''}`);
  return value;
}
