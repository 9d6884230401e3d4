import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type SpawnKernelHelper, serveKernelJobs } from '../engine/fast/wasm/parallel.js';

/**
 * Node's helper threads for the fast executor's SIMD products (engine/fast/wasm/parallel.ts): this
 * file, started as a worker_threads Worker, runs the jobs posted to the shared memory it is sent.
 * The workers are unref'd (a run's end or the process's exit ends them); `stop` ends every helper
 * started so far, `ready` resolves once each of them serves jobs.
 */
export function nodeKernelHelpers(): {
  spawn: SpawnKernelHelper;
  ready: () => Promise<void>;
  stop: () => Promise<void>;
} {
  const workers: Worker[] = [];
  const starting: Promise<unknown>[] = [];
  return {
    spawn: (module, memory) => {
      const worker = new Worker(bootSource(import.meta.url), { eval: true, workerData: HELPER });
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

/** Marks the workers started here, so that importing this file in any other worker does nothing. */
const HELPER = 'netcanvas-kernel-helper';

/** A worker's source importing `url`: through tsx where it is TypeScript (the CLI runs under tsx). */
function bootSource(url: string): string {
  const module = JSON.stringify(url);
  return url.endsWith('.ts')
    ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); });`
    : `import(${module});`;
}

if (workerData === HELPER) {
  parentPort?.once(
    'message',
    ({ module, memory }: { module: WebAssembly.Module; memory: WebAssembly.Memory }) => {
      parentPort?.postMessage('ready');
      serveKernelJobs(module, memory);
    },
  );
}
