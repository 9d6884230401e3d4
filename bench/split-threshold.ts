import { nodeKernelHelpers } from '../cli/kernel-threads.js';
import { SimdKernels, simdKernelModule } from '../engine/fast/wasm/simd.js';

/**
 * Where a product is big enough to share with the helper thread (engine/fast/wasm/simd.ts's
 * SPLIT_MACS): times C = A·B of growing size on one thread and on two, each the median of many
 * calls, and prints the speed-up. `npx tsx bench/split-threshold.ts`.
 */
const shapes: [number, number, number][] = [
  [64, 32, 32],
  [64, 64, 32],
  [64, 64, 64],
  [128, 64, 64],
  [128, 128, 64],
  [128, 128, 128],
  [128, 256, 128],
  [128, 256, 256],
  [128, 784, 256],
];

const module = simdKernelModule(true);
const single = simdKernelModule(false);
if (!module || !single) throw new Error('No SIMD or no shared memory here.');
const helpers = nodeKernelHelpers();
const floats = 128 * 784 + 784 * 256 + 128 * 256;
const one = new SimdKernels(single, floats, 3);
const two = new SimdKernels(module, floats, 3, helpers.spawn);
two.splitMacs = 0; // every product below is shared
await helpers.ready();

/** Median microseconds of `calls` products. */
function time(
  k: SimdKernels,
  buffers: Float32Array[],
  m: number,
  kk: number,
  n: number,
  calls: number,
): number {
  const [a, b, c] = buffers as [Float32Array, Float32Array, Float32Array];
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    k.matmulBias(a, b, null, c, m, kk, n);
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((x, y) => x - y);
  return samples[samples.length >> 1] as number;
}

const take = (k: SimdKernels) => [k.take(128 * 784), k.take(784 * 256), k.take(128 * 256)];
const oneBuffers = take(one);
const twoBuffers = take(two);
for (const b of [...oneBuffers, ...twoBuffers]) for (let i = 0; i < b.length; i++) b[i] = Math.sin(i);
console.log('m × k × n         MACs     1 thread µs  2 threads µs  speed-up');
for (const [m, k, n] of shapes) {
  const calls = Math.max(50, Math.floor(2e8 / (m * k * n)));
  const t1 = time(one, oneBuffers, m, k, n, calls);
  const t2 = time(two, twoBuffers, m, k, n, calls);
  console.log(
    `${`${m} × ${k} × ${n}`.padEnd(17)} ${String(m * k * n).padStart(9)} ${t1.toFixed(1).padStart(12)} ${t2.toFixed(1).padStart(13)} ${(t1 / t2).toFixed(2).padStart(9)}`,
  );
}
await helpers.stop();
