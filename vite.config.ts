import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const page = (file: string) => fileURLToPath(new URL(`./web/${file}`, import.meta.url));

/** The web UI (SPA) lives in web/; the server serves dist/web at / with an SPA fallback. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The public mobile survey (/s/<token>) is its own small entry: it never loads the staff SPA.
    rollupOptions: { input: { main: page('index.html'), survey: page('survey.html') } },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
