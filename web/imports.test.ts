import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The web files a file imports, statically or lazily (`import('./x')`); packages and common/ left out. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms),
    ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specs
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec))
    .filter((target) => target.startsWith(WEB))
    .flatMap((target) =>
      ['.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ext) => target + ext)
        .filter((candidate) => {
          try {
            return statSync(candidate).isFile();
          } catch {
            return false;
          }
        })
        .slice(0, 1),
    );
}

/** Every import circle in the graph, each once, as the files along it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const circle = stack.slice(stack.indexOf(next));
        const key = [...circle].sort().join('|');
        if (!found.has(key)) found.set(key, circle);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return [...found.values()];
}

describe('web/ imports', () => {
  const files = sourceFiles(WEB);
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('reads the route table and its lazily loaded pages', () => {
    const pages = graph.get(join(WEB, 'pages.tsx')) ?? [];
    expect(pages).toContain(join(WEB, 'features/ledger/LedgerPage.tsx'));
  });

  it('has no import circle, lazy imports included', () => {
    const named = circles(graph).map((circle) => circle.map((file) => relative(WEB, file)).join(' → '));
    expect(named).toEqual([]);
  });
});
