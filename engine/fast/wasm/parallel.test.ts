import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { GEMM, JOB_BLOCK_BYTES, JobPoster, type KernelExports } from './parallel.js';
import { simdKernelModule } from './simd.js';

const module = simdKernelModule(true);

/** A worker thread running serveKernelJobs from this folder's TypeScript (through tsx, as in bench/). */
function helperThread(memory: WebAssembly.Memory): Worker {
  const source = new URL('./parallel.ts', import.meta.url).href;
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })
       .then(({ serveKernelJobs }) => parentPort.once('message', ({ module, memory }) => serveKernelJobs(module, memory)));`,
    { eval: true },
  );
  worker.postMessage({ module, memory });
  return worker;
}

describe.runIf(module)('two threads on one product', () => {
  const workers: Worker[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });

  /** A shared memory with A [m×k], B [k×n] and two C buffers, and the kernels bound to it. */
  const setUp = (m: number, k: number, n: number) => {
    const memory = new WebAssembly.Memory({ initial: 64, maximum: 64, shared: true });
    const exports = new WebAssembly.Instance(module as WebAssembly.Module, { env: { memory } })
      .exports as unknown as KernelExports;
    const at = { a: JOB_BLOCK_BYTES + 12, b: 0, one: 0, two: 0 };
    at.b = at.a + 4 * m * k;
    at.one = at.b + 4 * k * n;
    at.two = at.one + 4 * m * n;
    const f = new Float32Array(memory.buffer);
    for (let e = at.a / 4; e < at.one / 4; e++) f[e] = Math.sin(e);
    const c = (offset: number) => f.slice(offset / 4, offset / 4 + m * n);
    return { memory, exports, at, c };
  };

  /** C = A·B in chunks of rows shared with the helper, if it joins; returns whether it did. */
  const shared = (
    jobs: JobPoster,
    at: { a: number; b: number; two: number },
    m: number,
    k: number,
    n: number,
  ) => jobs.run(GEMM, 8, at.a, 4 * k, 4, at.b, 0, at.two, m, k, n);

  it('runs every chunk on the calling thread when no helper joins', () => {
    const [m, k, n] = [37, 13, 11];
    const { memory, exports, at, c } = setUp(m, k, n);
    exports.gemm(at.a, 4 * k, 4, at.b, 0, at.one, m, k, n);
    const jobs = new JobPoster(memory, exports);
    for (let t = 0; t < 3; t++) expect(shared(jobs, at, m, k, n)).toBe(false);
    expect(c(at.two)).toEqual(c(at.one));
  });

  it('shares a product with a helper thread, with the same numbers as one thread', async () => {
    const [m, k, n] = [66, 96, 40];
    const { memory, exports, at, c } = setUp(m, k, n);
    exports.gemm(at.a, 4 * k, 4, at.b, 0, at.one, m, k, n);
    workers.push(helperThread(memory));
    const jobs = new JobPoster(memory, exports);
    let helped = 0;
    // The worker takes a moment to start: until then the calling thread runs every half itself.
    // On a loaded machine the helper may join only a few of the products: the numbers are what is
    // pinned, that it joins at all is enough.
    for (let t = 0; t < 2000 && helped < 5; t++) {
      new Float32Array(memory.buffer, at.two, m * n).fill(Number.NaN);
      if (shared(jobs, at, m, k, n)) helped++;
      expect(c(at.two)).toEqual(c(at.one)); // each row's sum runs in the same order on either thread
      if (!helped) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(helped).toBeGreaterThan(0);
  });
});
