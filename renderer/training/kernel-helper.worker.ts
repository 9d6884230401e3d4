/// <reference lib="webworker" />
import { serveKernelJobs } from '../../engine/fast/wasm/parallel';

/**
 * The fast executor's second thread in the app: started by the training worker (kernel-threads.ts)
 * with the kernel module and the shared memory, it serves the posted products until the training
 * worker ends (a nested worker ends with its parent).
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<{ module: WebAssembly.Module; memory: WebAssembly.Memory }>) => {
  self.onmessage = null;
  serveKernelJobs(e.data.module, e.data.memory);
};
