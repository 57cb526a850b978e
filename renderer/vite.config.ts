/**
 * Vite build of the JoinedUp window. `npx vite build --config renderer/vite.config.ts` writes dist/renderer at the
 * repository root, with relative asset paths so the same files load from Electron (file://) and the browser host.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // recharts + react are one large chunk by nature; the window loads it from disk.
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
