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

/**
 * Cross-origin isolation: with these headers the page and its workers have SharedArrayBuffer, so the
 * fast executor's matrix products can use a second thread (engine/fast/wasm/parallel.ts). Every
 * resource the app loads is its own (same origin), which COEP allows without CORP headers.
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The renderer as a web app: `npm run web` serves it, `npm run build:web` writes dist/web/. */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), builtinData()],
  server: { host: '127.0.0.1', strictPort: false, headers: CROSS_ORIGIN_ISOLATION },
  // The scanner starts from index.html and does not follow `new Worker(new URL(...))`: without the
  // workers as entries, the first Train found tf.js's backends unbundled, re-optimized and reloaded
  // the page ("optimized dependencies changed. reloading"), losing the run.
  optimizeDeps: { entries: ['index.html', 'training/worker.ts', 'training/kernel-helper.worker.ts'] },
  preview: { host: '127.0.0.1', headers: CROSS_ORIGIN_ISOLATION },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
