import { TrainingRun } from '../engine/train/trainer.js';
import type { BenchGraph } from './graphs.js';
import { type LessonGraph, prepareBenchGraph } from './lesson-graphs.js';

/**
 * Updates per second of the real trainer (gathered mini-batches, spec Adam, costs read back every
 * update on CPU/WASM) on one graph, evaluation only at the end: `repeats` timings of `updates` each,
 * after a warm-up run.
 */
export async function trainerThroughput(
  graph: BenchGraph | LessonGraph,
  updates: number,
  repeats: number,
): Promise<number[]> {
  const { plan, splits } = await prepareBenchGraph(graph);
  const perEpoch = Math.ceil(
    splits.train.m / (graph.batchSize === 'full' ? splits.train.m : graph.batchSize),
  );
  const timeRun = async (n: number): Promise<number> => {
    const epochs = Math.max(1, Math.ceil(n / perEpoch));
    let first = 0;
    let last = 0;
    let count = 0;
    const run = new TrainingRun(plan, splits, {
      epochs,
      evaluateEvery: Number.MAX_SAFE_INTEGER,
      onEvent: (e) => {
        if (e.type !== 'update') return;
        if (count === 0) first = performance.now();
        last = performance.now();
        count += 1;
      },
    });
    await run.start();
    run.dispose();
    // From the end of the first update to the end of the last: count − 1 updates.
    return (count - 1) / ((last - first) / 1000);
  };
  await timeRun(Math.min(updates, 50));
  const rates: number[] = [];
  for (let i = 0; i < repeats; i++) rates.push(await timeRun(updates));
  return rates;
}
