// Bench children run as plain `node` on one bundled ESM file (as production runs compiled JS), not through
// tsx — whose loader alone adds ~70 MB of RSS to a process and would distort a memory figure.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export async function bundle(entry: string, name: string): Promise<string> {
  const dir = resolve('node_modules/.cache/liaison-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = resolve(dir, `${name}.mjs`);
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pg', 'pg-native', 'exceljs', 'docx', 'fastify', 'autocannon'],
    outfile,
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'error',
  });
  return outfile;
}
