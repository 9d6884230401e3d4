import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { type SpawnKernelHelper, serveKernelJobs } from '../engine/fast/wasm/parallel.js';

/**
 * Node's helper thread for the fast executor's SIMD products: this file, started as a worker, runs
 * the jobs posted to the shared memory it is sent. `stop` ends every helper started so far.
 */
export function nodeKernelHelpers(): {
  spawn: SpawnKernelHelper;
  /** Resolves once every helper started so far serves jobs. */
  ready: () => Promise<void>;
  stop: () => Promise<void>;
} {
  const workers: Worker[] = [];
  const starting: Promise<unknown>[] = [];
  return {
    spawn: (module, memory) => {
      // The worker runs this TypeScript file under tsx, as the benchmark itself runs.
      const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
      const worker = new Worker(boot, { eval: true });
      worker.postMessage({ module, memory });
      worker.unref();
      workers.push(worker);
      starting.push(new Promise((resolve) => worker.once('message', resolve)));
    },
    ready: async () => {
      await Promise.all(starting.splice(0));
    },
    stop: async () => {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}

if (!isMainThread) {
  parentPort?.once(
    'message',
    ({ module, memory }: { module: WebAssembly.Module; memory: WebAssembly.Memory }) => {
      parentPort?.postMessage('ready');
      serveKernelJobs(module, memory);
    },
  );
}
