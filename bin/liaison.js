#!/usr/bin/env node
// The `liaison` command. Runs the compiled CLI when `npm run build` has made it, else the TypeScript
// source through tsx (a runtime dependency), so `npx liaison …` works right after `npm ci`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'server', 'cli', 'main.js');
if (existsSync(built) && process.env.LIAISON_CLI_FROM_SOURCE !== '1') {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'server', 'cli', 'main.ts')).href);
}
