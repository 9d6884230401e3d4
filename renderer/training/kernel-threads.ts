import type { SpawnKernelHelper } from '../../engine/fast/wasm/parallel';

/**
 * Starts the fast executor's helper thread as a Web Worker nested in the training worker. The
 * executor offers it only a shared memory, which exists where the page is cross-origin isolated
 * (vite.config.ts and electron/main/protocol.ts send COOP and COEP); elsewhere it is never called
 * and the run notes that it trains on one thread.
 */
export const spawnWebKernelHelper: SpawnKernelHelper = (module, memory) => {
  const worker = new Worker(new URL('./kernel-helper.worker.ts', import.meta.url), {
    type: 'module',
    name: 'netcanvas-kernels',
  });
  worker.postMessage({ module, memory });
};
