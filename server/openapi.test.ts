// The OpenAPI document integrators build on (GET /api/v1/openapi.json): every operation summarised in Chinese and
// English, every shared schema named and described (components an integrator can generate types from), and the
// committed copy (docs/openapi.json) kept current —
// a change to the API that is not in the committed copy fails here. `npm run openapi` writes the copy anew.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from './test/helper.js';

const COMMITTED = join(import.meta.dirname, '..', 'docs', 'openapi.json');
const SCHEMAS = join(import.meta.dirname, '..', 'common', 'schemas');
/** "中文 · English": the Chinese first (the product's language), then the English after a middle dot. */
const BILINGUAL = /^[^·]*\p{Script=Han}[^·]* · [^·]*[A-Za-z]{3}[^·]*$/u;

type Operation = { summary?: string; description?: string };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { seed: false });
    doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  });
  afterAll(async () => t.close());

  it('summarises every operation as "中文 · English"', () => {
    const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => !BILINGUAL.test(op.summary ?? ''))
        .map(([method, op]) => `${method.toUpperCase()} ${path}: ${JSON.stringify(op.summary ?? null)}`),
    );
    expect(missing).toEqual([]);
  });

  it('names and describes every shared schema: its export name as id (prefixed by its file on a clash)', async () => {
    const files = readdirSync(SCHEMAS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const owner = new Map<string, { where: string; value: unknown }>();
    const problems: string[] = [];
    let named = 0;
    for (const file of files) {
      const mod: Record<string, unknown> = await import(join(SCHEMAS, file));
      const base = file.replace(/\.ts$/, '');
      const prefix = base.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
      for (const [name, value] of Object.entries(mod)) {
        if (!(value instanceof z.ZodType)) continue;
        const where = `${base}.${name}`;
        const meta = z.globalRegistry.get(value) as { id?: string; description?: string } | undefined;
        if (!meta?.id) {
          problems.push(`${where}: no .meta({ id })`);
          continue;
        }
        const first = owner.get(meta.id);
        if (first && first.value !== value) problems.push(`${where}: id ${meta.id} is also ${first.where}'s`);
        if (first) continue; // the same schema re-exported by another file
        owner.set(meta.id, { where, value });
        named++;
        if (meta.id !== name && meta.id !== prefix + name)
          problems.push(`${where}: id ${meta.id} should be ${name} or ${prefix}${name}`);
        if (!BILINGUAL.test(meta.description ?? ''))
          problems.push(`${where}: description is not "中文 · English": ${JSON.stringify(meta.description)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(named).toBeGreaterThan(200);
  });

  it('is the committed docs/openapi.json (run `npm run openapi` after changing the API)', () => {
    // components by name: their order in the served document follows the order modules are imported in, which
    // is no change of the API, so the committed copy does not move with it
    const schemas = doc.components?.schemas ?? {};
    const sorted = Object.fromEntries(
      Object.keys(schemas)
        .sort()
        .map((k) => [k, schemas[k]]),
    );
    const stable = { ...doc, components: { ...doc.components, schemas: sorted } };
    const current = `${JSON.stringify(stable, null, 2)}\n`;
    if (process.env.LIAISON_WRITE_OPENAPI === '1') writeFileSync(COMMITTED, current);
    expect(readFileSync(COMMITTED, 'utf8'), 'docs/openapi.json is out of date: run `npm run openapi`').toBe(
      current,
    );
  });
});
