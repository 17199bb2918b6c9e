import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The web UI (SPA) lives in web/; the server serves dist/web at / with an SPA fallback. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
