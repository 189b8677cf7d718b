// The import boundaries of server/ and common/, read from the source (docs/ARCHITECTURE.md, "Rules"):
//
// 1. A module (server/modules/<m>/) shows a public face, its index.ts; everything outside the module imports
//    it through that file only. Three doors stay open: app.ts mounts a module's `*.routes.ts`, the access
//    registry (server/access/authorize.ts) names each `*.policy.ts`, and tests use a module's fixtures.
// 2. The ground floor (server/access, db, documents, crypto, errors.ts, context.ts, config.ts, year-rules.ts and
//    common/) imports no module — except the access registry's policies and the refusal log's audit writer —
//    and a policy imports nothing but the ground floor, so the registry pulls in no module.
// 3. No import circle, type-only imports included, anywhere in server/ or common/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The files a source file imports (relative specifiers only), as paths from the repository root. */
function importsOf(file: string, source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith('.')) continue;
    out.push(normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
  }
  return out;
}

const moduleOf = (file: string): string | null => file.match(/^server\/modules\/([^/]+)\//)?.[1] ?? null;
const isTestSupport = (file: string): boolean =>
  /\.test\.ts$/.test(file) || /fixtures?\.ts$/.test(file) || file.startsWith('server/test/');
const GROUND_FLOOR = [
  'server/access/',
  'server/db/',
  'server/documents/',
  'server/crypto/',
  'server/errors.ts',
  'server/context.ts',
  'server/config.ts',
  'server/year-rules.ts',
  'common/',
];
const onGroundFloor = (file: string): boolean => GROUND_FLOOR.some((g) => file.startsWith(g));

/** Why an import breaks rule 1 or 2, or null when it keeps them. */
function boundaryProblem(from: string, to: string): string | null {
  const target = moduleOf(to);
  const own = moduleOf(from);
  if (target && own !== target) {
    const name = to.slice(`server/modules/${target}/`.length);
    const door =
      name === 'index.ts' ||
      (from === 'server/app.ts' && name.endsWith('.routes.ts')) ||
      (from === 'server/access/authorize.ts' && name.endsWith('.policy.ts')) ||
      (isTestSupport(from) && /fixtures?\.ts$/.test(name));
    if (!door) return `${from} imports ${to}: another module only through server/modules/${target}/index.ts`;
    if (onGroundFloor(from) && !isTestSupport(from)) {
      const allowed =
        (from === 'server/access/authorize.ts' && name.endsWith('.policy.ts')) ||
        (from === 'server/access/refusals.ts' && target === 'audit');
      if (!allowed) return `${from} imports ${to}: the ground floor imports no module`;
    }
  }
  if (own && from.endsWith('.policy.ts') && !onGroundFloor(to) && moduleOf(to) !== own)
    return `${from} imports ${to}: a policy imports only the ground floor`;
  return null;
}

/** Every import circle, each as the path that closes it (Tarjan's strongly connected components). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles('server'), ...sourceFiles('common')])
    graph.set(file, importsOf(file, readFileSync(join(ROOT, file), 'utf8')));
  return graph;
}

describe('import boundaries of server/ and common/', () => {
  const graph = importGraph();

  it('reads the imports it checks (a sanity check of the reader itself)', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('server/app.ts')).toContain('server/modules/ledger/ledger.routes.ts');
    expect(
      importsOf('server/modules/a/x.ts', "import type { T } from '../b/y.js';\nexport { z } from './z.js';"),
    ).toEqual(['server/modules/b/y.ts', 'server/modules/a/z.ts']);
    expect(
      importsOf(
        'server/x.ts',
        "// import { no } from './commented.js';\nconst m = await import('./later.js');",
      ),
    ).toEqual(['server/later.ts']);
  });

  it('gives every module a public face (index.ts)', () => {
    const modules = readdirSync(join(ROOT, 'server/modules'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    );
    const faceless = modules
      .filter((m) => !graph.has(`server/modules/${m.name}/index.ts`))
      .map((m) => m.name);
    expect(faceless).toEqual([]);
  });

  it('imports another module only through its index.ts; the ground floor imports no module', () => {
    const problems = [...graph].flatMap(([from, targets]) =>
      targets.map((to) => boundaryProblem(from, to)).filter((p): p is string => p !== null),
    );
    expect(problems).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles(graph).map((c) => c.map((f) => relative('.', f)).join(' ↔ '))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(
      boundaryProblem('server/modules/plans/plans.service.ts', 'server/modules/ledger/ledger.repository.ts'),
    ).toMatch(/only through server\/modules\/ledger\/index.ts/);
    expect(
      boundaryProblem('server/modules/plans/plans.service.ts', 'server/modules/ledger/index.ts'),
    ).toBeNull();
    expect(boundaryProblem('server/db/connect.ts', 'server/modules/audit/index.ts')).toMatch(/ground floor/);
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });
});
