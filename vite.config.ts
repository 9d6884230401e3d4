import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { builtinDataMiddleware } from './renderer/platform/builtin-data-server';

/** Serves Fashion-MNIST's four files (if installed) at datasets/… in `vite` and `vite preview`. */
function builtinData(): Plugin {
  return {
    name: 'netcanvas-builtin-data',
    configureServer: (server) => void server.middlewares.use(builtinDataMiddleware()),
    configurePreviewServer: (server) => void server.middlewares.use(builtinDataMiddleware()),
  };
}

/** The renderer as a web app: `npm run web` serves it, `npm run build:web` writes dist/web/. */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), builtinData()],
  server: { host: '127.0.0.1', strictPort: false },
  // The scanner starts from index.html and does not follow `new Worker(new URL(...))`: without the
  // worker as an entry, the first Train found tf.js's backends unbundled, re-optimized and reloaded
  // the page ("optimized dependencies changed. reloading"), losing the run.
  optimizeDeps: { entries: ['index.html', 'training/worker.ts'] },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
