import base from './vite.config';
import { defineConfig } from 'vite';
export default defineConfig({
  root: 'web',
  plugins: [...(base as any).plugins, {
    name: 'who',
    generateBundle() {
      const targets = [...this.getModuleIds()].filter((id) => /antd\/es\/(menu|skeleton|tooltip|tabs)\/index\.js$/.test(id));
      for (const t of targets) {
        // BFS up to entries, recording a path
        const seen = new Map<string, string | null>([[t, null]]);
        const queue = [t];
        const entries = new Set<string>();
        while (queue.length) {
          const id = queue.shift()!;
          const info = this.getModuleInfo(id)!;
          if (info.dynamicImporters.length || info.isEntry) entries.add(id.replace(/.*\/web\//, ''));
          for (const imp of info.importers) if (!seen.has(imp)) { seen.set(imp, id); queue.push(imp); }
        }
        console.log('\n#', t.replace(/.*node_modules\//, ''), '<-', [...entries].join(', '));
        // print a path from login page if any
        for (const [id] of seen) if (id.endsWith('LoginPage.tsx')) { let c: string | null | undefined = id; const p = []; while (c) { p.push(c.replace(/.*node_modules\//, '')); c = seen.get(c); } console.log('  path:', p.join(' -> ')); }
      }
    },
  }],
  build: { outDir: '/tmp/analyze-out2', emptyOutDir: true, rolldownOptions: { experimental: { lazyBarrel: true } } },
});
