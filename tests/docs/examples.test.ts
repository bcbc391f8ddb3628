/**
 * The docs say what the program does: every terminal example in README.md and
 * scenarios/README.md is run, and what it prints is compared with what the docs quote.
 *
 * An example is a fenced block whose opening fence comes right after `<!-- example -->` (blank
 * lines between allowed), or `<!-- example exit=N -->` when its commands exit with N. In it, a
 * line `$ npm run sim -- ARGS` is a command and the lines up to the next `$ ` line or the fence
 * are its output. In quoted output, `…` within a line matches any text on that line, a line of
 * only `…` any number of whole lines (none included), and trailing spaces do not count. A
 * command followed by no lines has its exit code checked only.
 *
 * Commands run in-process, from the project folder as the docs ask (paths such as
 * `scenarios/examples/support-desk.json` are relative to it). A file a command writes with
 * `--out FILE` goes to a temporary folder, one per doc, and later commands of that doc that name
 * it read it there; what they print shows the name as the doc wrote it. So the docs run in
 * order and leave the project as it was.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sim } from '../cli/run-sim';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = ['README.md', 'scenarios/README.md'];

/** Wildcard in quoted output. */
const GAP = '…';
const SIM = 'npm run sim -- ';
/** A balance report takes seconds, several times that on a loaded machine. */
const BLOCK_TIMEOUT = 180_000;

interface Quoted {
  readonly line: number;
  readonly text: string;
}

interface Command {
  readonly line: number;
  readonly text: string;
  /** The words after `npm run sim --`, or why the line cannot be run. */
  readonly argv: string[] | { problem: string };
  readonly output: Quoted[];
}

interface Example {
  readonly line: number;
  readonly exit: number;
  readonly commands: Command[];
}

const MARKER_START = /^\s*<!--\s*example\b/;
const MARKER = /^\s*<!--\s*example(?:\s+exit=(\d+))?\s*-->\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The examples of one doc, and every marker that is malformed or marks no block. */
function examplesOf(text: string): { examples: Example[]; problems: string[] } {
  const lines = text.split(/\r?\n/);
  const examples: Example[] = [];
  const problems: string[] = [];
  let pending: { line: number; exit: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const mark = fence[1]!;
      // A block's content is never read as markers or fences, so a doc can quote either.
      const closing = new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${mark.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !closing.test(lines[end]!)) end++;
      if (pending) {
        examples.push(exampleOf(lines.slice(i + 1, end), i + 2, pending.exit));
        pending = null;
      }
      i = end;
      continue;
    }
    if (MARKER_START.test(line)) {
      const marker = MARKER.exec(line);
      if (!marker) problems.push(`line ${i + 1}: write the marker as <!-- example --> or <!-- example exit=N -->`);
      else pending = { line: i + 1, exit: marker[1] === undefined ? 0 : Number(marker[1]) };
      continue;
    }
    if (pending && line.trim() !== '') {
      problems.push(`line ${pending.line}: the example marker is not followed by a fenced block`);
      pending = null;
    }
  }
  if (pending) problems.push(`line ${pending.line}: the example marker is not followed by a fenced block`);
  return { examples, problems };
}

/** One block's commands with their quoted output; `first` is the doc line of its first content line. */
function exampleOf(content: string[], first: number, exit: number): Example {
  const commands: Command[] = [];
  content.forEach((text, k) => {
    const line = first + k;
    if (text.startsWith('$ ')) {
      commands.push({ line, text: text.slice(2), argv: argvOf(text.slice(2)), output: [] });
    } else if (commands.length > 0) {
      commands.at(-1)!.output.push({ line, text });
    } else if (text.trim() !== '') {
      // Output with no command before it could never be checked.
      commands.push({ line, text, argv: { problem: 'an example must start with a "$ " command line' }, output: [] });
    }
  });
  if (commands.length === 0)
    commands.push({ line: first - 1, text: '', argv: { problem: 'no "$ " command' }, output: [] });
  return { line: first - 1, exit, commands };
}

function argvOf(command: string): Command['argv'] {
  if (!command.startsWith(SIM)) return { problem: `only "$ ${SIM}ARGS" can run here, not "$ ${command}"` };
  try {
    return shellWords(command.slice(SIM.length));
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/** Shell syntax beyond words and quotes, which this test does not run a shell for. */
const UNQUOTED_SPECIAL = /[|&;<>()$`*?[\]{}!]/;

/**
 * Splits a command line into words as a POSIX shell does for plain words, backslashes and
 * single and double quotes. Anything else a shell would act on (pipes, redirections, variables,
 * globs, comments) is refused rather than passed on as text, so no example claims output that
 * a shell would not give.
 */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unclosed single quote');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let quoted = '';
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const d = line[j]!;
        if (d === '\\' && '"\\$`'.includes(line[j + 1] ?? '')) quoted += line[++j];
        else if (d === '$' || d === '`') throw new Error(`"${d}" inside double quotes needs a shell`);
        else quoted += d;
      }
      if (j >= line.length) throw new Error('unclosed double quote');
      word = (word ?? '') + quoted;
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= line.length) throw new Error('a backslash ends the line');
      word = (word ?? '') + line[++i];
    } else if (UNQUOTED_SPECIAL.test(c) || (word === null && (c === '#' || c === '~'))) {
      throw new Error(`"${c}" needs a shell; quote it if it is meant as text`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Where one doc's commands write their files, and how their names are shown back. */
class WorkFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'momentum-docs-'));
  private readonly written = new Set<string>();

  /** The arguments to run: `--out FILE` and every later mention of FILE point into the folder. */
  argv(words: readonly string[]): string[] {
    return words.map((w, i) => {
      const outFlag = /^--out=(.*)$/s.exec(w);
      if (outFlag) return `--out=${this.writes(outFlag[1]!)}`;
      if (words[i - 1] === '--out') return this.writes(w);
      return this.written.has(normalize(w)) ? join(this.dir, w) : w;
    });
  }

  /** A line as the doc would show it, with the folder's paths given back their written names. */
  shown(line: string): string {
    return line.replaceAll(relative(process.cwd(), this.dir) + sep, '').replaceAll(this.dir + sep, '');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writes(name: string): string {
    const file = normalize(name);
    if (isAbsolute(file) || file.split(sep).includes('..'))
      throw new Error(`--out ${name}: an example writes only beside where it runs (a plain relative name)`);
    this.written.add(file);
    return join(this.dir, file);
  }
}

interface Mismatch {
  readonly expected: Quoted | null;
  readonly actual: string | null;
}

const patterns = new Map<string, RegExp>();
/** A quoted line as a pattern: `…` matches any run of characters within the line. */
function linePattern(text: string): RegExp {
  let p = patterns.get(text);
  if (!p) {
    const parts = text.split(GAP).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    p = new RegExp(`^${parts.join('.*')}$`, 's');
    patterns.set(text, p);
  }
  return p;
}

/**
 * Null when the printed lines match the quoted ones; otherwise the quoted line that could not be
 * matched (null when the quote ended first) and the printed line it met (null at the end of
 * the output), from the attempt that matched the most quoted lines.
 */
function mismatch(quoted: readonly Quoted[], printed: readonly string[]): Mismatch | null {
  const want = quoted.map((q) => ({ line: q.line, text: q.text.trimEnd() }));
  const got = printed.map((s) => s.trimEnd());
  const memo = new Map<number, boolean>();
  let furthest = { i: -1, j: -1 };
  const fits = (i: number, j: number): boolean => {
    const key = i * (got.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (i === want.length) ok = j === got.length;
    else if (want[i]!.text === GAP) ok = fits(i + 1, j) || (j < got.length && fits(i, j + 1));
    else ok = j < got.length && linePattern(want[i]!.text).test(got[j]!) && fits(i + 1, j + 1);
    const lineFailed = i === want.length || want[i]!.text !== GAP;
    if (!ok && lineFailed && i > furthest.i) furthest = { i, j };
    memo.set(key, ok);
    return ok;
  };
  if (fits(0, 0)) return null;
  return { expected: want[furthest.i] ?? null, actual: got[furthest.j] ?? null };
}

/** The failure message for one command, with all it printed, so the doc can be put right from it. */
function report(doc: string, command: Command, problem: string, printed: readonly string[]): string {
  const shown = printed.length === 0 ? ['  (nothing)'] : printed.map((s) => `  | ${s}`);
  return [`${doc}:${command.line}: $ ${command.text}`, problem, 'it printed:', ...shown].join('\n');
}

function describeMismatch(doc: string, command: Command, m: Mismatch): string {
  const printed = m.actual === null ? 'the output ended there' : `it printed ${JSON.stringify(m.actual)}`;
  if (m.expected === null)
    return `${doc}:${command.output.at(-1)!.line}: the doc's quote ends here, but ${printed} next`;
  return `${doc}:${m.expected.line}: the doc quotes ${JSON.stringify(m.expected.text)}, but ${printed}`;
}

beforeAll(() => {
  // The docs' paths are relative to the project folder, and so are the file names the CLI prints.
  if (realpathSync(process.cwd()) !== realpathSync(ROOT))
    throw new Error(`run the tests from the project folder (${ROOT}), as the docs' commands are`);
  // The docs show the shipped scenarios, whatever folder this shell points the CLI to.
  vi.stubEnv('MOMENTUM_SCENARIOS', undefined);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

for (const doc of DOCS) {
  const { examples, problems } = examplesOf(readFileSync(join(ROOT, doc), 'utf8'));

  describe(doc, () => {
    let folder: WorkFolder;
    beforeAll(() => {
      folder = new WorkFolder();
    });
    afterAll(() => folder.remove());

    it('marks its examples well, and has some', () => {
      expect(problems.map((p) => `${doc}: ${p}`)).toEqual([]);
      expect(examples.length).toBeGreaterThan(0);
    });

    // In order: a later block may read a file an earlier one wrote.
    for (const example of examples) {
      const first = example.commands[0]!;
      it(`line ${example.line}: $ ${first.text.slice(0, 70)}`, { timeout: BLOCK_TIMEOUT }, async () => {
        for (const command of example.commands) {
          if (!Array.isArray(command.argv)) expect.fail(`${doc}:${command.line}: ${command.argv.problem}`);
          let argv: string[];
          try {
            argv = folder.argv(command.argv);
          } catch (e) {
            expect.fail(`${doc}:${command.line}: ${(e as Error).message}`);
          }
          const run = await sim(...argv);
          // A call may carry several lines (a broken file's problems, for one).
          const printed = run.shown.flatMap((s) => s.split('\n')).map((s) => folder.shown(s));
          if (command.output.length > 0) {
            const m = mismatch(command.output, printed);
            if (m) expect.fail(report(doc, command, describeMismatch(doc, command, m), printed));
          }
          if (run.code !== example.exit) {
            const why = `exit code ${run.code}, but the doc's example expects ${example.exit}`;
            expect.fail(
              report(doc, command, `${why} (mark the block <!-- example exit=N --> if that is meant)`, printed),
            );
          }
        }
      });
    }
  });
}
