import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `import { Button, Table } from 'antd'` → `import Button from 'antd/es/button'; import Table from …`.
 * antd's barrel file has statements of its own, so the bundler cannot see past it: every lazy page
 * would then share one chunk holding every antd component any page uses, the login page included.
 * Importing each component from its own module lets each route carry only the components it uses.
 */
function antdPerComponentImports(): Plugin {
  const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const pattern = /import\s*\{([^}]*)\}\s*from\s*(['"])antd\2;?/g;
  return {
    name: 'liaison:antd-per-component-imports',
    enforce: 'post',
    transform(code, id) {
      if (!/\/web\/.*\.[jt]sx?$/.test(id) || !code.includes('antd')) return null;
      let changed = false;
      const out = code.replace(pattern, (_match, specifiers: string) => {
        changed = true;
        return specifiers
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith('type '))
          .map((s) => {
            const [imported = '', local = imported] = s.split(/\s+as\s+/);
            return `import ${local} from 'antd/es/${kebab(imported)}';`;
          })
          .join('\n');
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

// The SPA lives in web/; the built files go to dist/web, which the server serves on the API's port.
export default defineConfig({
  root: 'web',
  plugins: [react(), antdPerComponentImports()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Rolldown merges common chunks by default, which put the menu and the tables in a chunk the
      // login page loads; keep chunks per set of routes that use them.
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
