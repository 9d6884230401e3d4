import { FastExecutor, parametersOf, supportsFast } from '../engine/fast/executor.js';
import type { KernelChoice } from '../engine/fast/kernels.js';
import type { SpawnKernelHelper } from '../engine/fast/wasm/parallel.js';
import { Network } from '../engine/model/network.js';
import { createRandom, mixSeeds, permutation } from '../engine/random.js';
import { featureStatistics } from '../engine/train/statistics.js';
import type { BenchGraph } from './graphs.js';
import { type LessonGraph, prepareBenchGraph } from './lesson-graphs.js';

/**
 * Updates per second of the float32 fast executor (engine/fast) on one graph, fed like the trainer:
 * a seeded shuffle each epoch, mini-batches cut from it, the cost of every update returned. Initial
 * weights from the tf.js network of the same plan and seed. `repeats` timings of `updates` each,
 * each on a fresh executor, after a warm-up run; matrix products as `products` says (JS or SIMD
 * kernels, a helper thread).
 */
/** How the fast executor runs its products: JS or SIMD kernels; a helper thread, timed once it is up. */
export interface FastProducts {
  kernels?: KernelChoice;
  helper?: SpawnKernelHelper;
  ready?: () => Promise<void>;
}

export async function fastThroughput(
  graph: BenchGraph | LessonGraph,
  updates: number,
  repeats: number,
  products: FastProducts = {},
): Promise<number[]> {
  const { plan, splits } = await prepareBenchGraph(graph);
  const why = supportsFast(plan);
  if (why) throw new Error(`${graph.id}: ${why}`);
  const train = splits.train;
  const m = train.m;
  const batchSize = graph.batchSize === 'full' ? m : graph.batchSize;
  const stats = plan.needsInputStatistics ? featureStatistics(train) : undefined;
  const network = Network.fromPlan(plan, {
    random: createRandom(plan.training.seed).fork(),
    ...(stats ? { inputStatistics: stats } : {}),
  });
  const parameters = parametersOf(network);
  network.dispose();

  const timeRun = async (n: number): Promise<number> => {
    const fast = new FastExecutor(plan, train, {
      batchSize,
      parameters,
      kernels: products.kernels ?? 'auto',
      ...(products.helper ? { helper: products.helper } : {}),
      ...(stats ? { inputStatistics: stats } : {}),
    });
    await products.ready?.();
    const shuffle = createRandom(mixSeeds(plan.training.seed, 0x5f3759df));
    let order = permutation(m, shuffle);
    let at = 0;
    let sink = 0;
    const start = performance.now();
    for (let t = 0; t < n; t++) {
      if (at >= m) {
        order = permutation(m, shuffle);
        at = 0;
      }
      sink += fast.update(order.subarray(at, Math.min(at + batchSize, m)));
      at += batchSize;
    }
    const seconds = (performance.now() - start) / 1000;
    if (!Number.isFinite(sink)) throw new Error(`${graph.id}: the fast executor's cost is not finite.`);
    return n / seconds;
  };
  await timeRun(Math.min(updates, 50));
  const rates: number[] = [];
  for (let i = 0; i < repeats; i++) rates.push(await timeRun(updates));
  return rates;
}
