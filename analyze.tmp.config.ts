import react from '@vitejs/plugin-react';
import base from './vite.config';
import { defineConfig } from 'vite';
import { transformSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
export default defineConfig({
  root: 'web',
  plugins: [...(base as any).plugins, {
    name: 'sizes',
    generateBundle(_o, bundle) {
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || chunk.code.length < 1000) continue;
        const groups: Record<string, string> = {};
        for (const [id, m] of Object.entries(chunk.modules)) {
          if (/react-router|react-dom|zod/.test(id) && name.includes("index")) console.log("ID", id, chunk.modules[id].renderedLength);
          const mm = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/es\/([^/]+))?/);
          const key = mm ? mm[1] + (mm[2] ? '/' + mm[2] : '') : id.replace(/.*\/main\//, '');
          groups[key] = (groups[key] ?? '') + '\n' + (m.code ?? '');
        }
        console.log('\n==', name, chunk.code.length, 'gz', gzipSync(chunk.code).length);
        const rows = Object.entries(groups).map(([k, code]) => {
          let min = code; try { min = transformSync(code, { minify: true, loader: 'js' }).code; } catch {}
          return [k, gzipSync(min).length] as const;
        }).sort((a, b) => b[1] - a[1]).slice(0, 90);
        for (const [k, v] of rows) console.log(String(v).padStart(8), k);
      }
    },
  }],
  build: { outDir: '/tmp/analyze-out', emptyOutDir: true, manifest: true },
});
