import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA lives in web/; the built files go to dist/web, which the server serves on the API's port.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // `import { Button } from 'antd'` goes through antd's barrel file; without this every lazy page
      // would share one chunk holding every antd component any page uses (the login page included).
      experimental: { lazyBarrel: true },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
