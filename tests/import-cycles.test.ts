import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Every .ts file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The project files a file imports at run time (type-only imports vanish from the build). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(import|export)(?! type )[^'";]*?from '(\.[^']+)';/gm)) {
    const base = normalize(join(dirname(file), m[2]!));
    const target = [`${base}.ts`, join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile());
    if (target) found.push(target);
  }
  return found;
}

/** The first import circle found, as the files it runs through, or null. */
function firstCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const found = visit(file);
    if (found) return found;
  }
  return null;
}

describe('the source', () => {
  it('has no import circle: each module can be read knowing only what it imports', () => {
    const graph = new Map(files(SRC).map((f) => [f, importsOf(f)]));
    // The check sees imports at all: the app's entry imports others.
    expect(graph.get(join(SRC, 'main.ts'))!.length).toBeGreaterThan(0);
    const cycle = firstCycle(graph)?.map((f) => f.slice(SRC.length + 1));
    expect(cycle ?? null).toBeNull();
    // And it would see one: two files importing each other make a circle.
    expect(
      firstCycle(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'a']);
  });
});
