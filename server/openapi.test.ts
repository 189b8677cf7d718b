// The OpenAPI document integrators build on (GET /api/v1/openapi.json): every operation summarised in Chinese and
// English, and the committed copy (docs/openapi.json) kept current —
// a change to the API that is not in the committed copy fails here. `npm run openapi` writes the copy anew.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test/helper.js';

const COMMITTED = join(import.meta.dirname, '..', 'docs', 'openapi.json');
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

  it('is the committed docs/openapi.json (run `npm run openapi` after changing the API)', () => {
    const current = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.LIAISON_WRITE_OPENAPI === '1') writeFileSync(COMMITTED, current);
    expect(readFileSync(COMMITTED, 'utf8'), 'docs/openapi.json is out of date: run `npm run openapi`').toBe(
      current,
    );
  });
});
