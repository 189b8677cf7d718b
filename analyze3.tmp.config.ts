import base from './vite.config';
import { defineConfig } from 'vite';
export default defineConfig({
  ...(base as any),
  plugins: [...(base as any).plugins, { name: 'dbg', enforce: 'post', transform(code: string, id: string) { if (id.endsWith('LoginPage.tsx')) console.log('DBG', code.split('\n').filter((l) => l.includes('antd')).join('\n')); return null; } }],
  build: { outDir: '/tmp/ao3', emptyOutDir: true },
});
