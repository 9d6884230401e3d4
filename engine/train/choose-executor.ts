import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { LabeledData } from '../data/types.js';
import { FastExecutor, parametersOf, supportsFast } from '../fast/executor.js';
import { labelMatrix } from '../model/losses.js';
import { Network } from '../model/network.js';
import { batchSizeFor } from '../nodes/training.js';
import { createRandom } from '../random.js';
import { createOptimizer } from './optimizers.js';
import { featureStatistics } from './statistics.js';
import type { ExecutorName } from './trainer.js';

/** One way to run the updates: the fast executor, or tf.js on a backend. */
export interface ExecutorCandidate {
  executor: ExecutorName;
  /** The tf.js backend (for the fast executor: the one that holds the network for boundary and export). */
  backend: string;
}

export interface ExecutorTiming {
  executor: ExecutorName;
  backend: string;
  /** Milliseconds per update measured, or null when the candidate could not run. */
  msPerUpdate: number | null;
  /** Why it was not measured, or that it was abandoned after its first updates. */
  note: string;
}

export interface ExecutorChoice extends ExecutorCandidate {
  timings: ExecutorTiming[];
}

export interface ChooseOptions {
  /** Timed updates run for at least this long per candidate (after the warm-up). */
  budgetMs?: number;
  /** Warm-up updates of a GPU backend (shader compilation); CPU backends get 3. */
  gpuWarmup?: number;
}

const GPU_BACKENDS = new Set(['webgpu', 'webgl']);
/** A candidate whose warm-up alone is this many times the best rate so far is not timed further. */
const ABANDON_FACTOR = 10;

/**
 * Picks where a plan's updates run fastest on this machine by timing them (issue 8: "from what is
 * measured, not from a fixed order"): the float32 fast executor when the plan is in its subset,
 * then tf.js on each backend, a few real updates of the plan's mini-batch size each, with a
 * throwaway network. Leaves the chosen tf.js backend set. A backend that fails is noted and skipped.
 */
export async function chooseExecutor(
  plan: TrainingPlan,
  train: LabeledData,
  backends: readonly string[],
  options: ChooseOptions = {},
): Promise<ExecutorChoice> {
  const budgetMs = options.budgetMs ?? 30;
  const m = Math.max(1, train.m);
  const batchSize = Math.min(batchSizeFor(plan.training, m), m);
  const indices = Int32Array.from({ length: Math.min(batchSize, train.m) }, (_, i) => i);
  const timings: ExecutorTiming[] = [];
  const best = () => Math.min(...timings.map((t) => t.msPerUpdate ?? Infinity));
  const statistics = plan.needsInputStatistics ? featureStatistics(train) : undefined;
  const network = () =>
    Network.fromPlan(plan, {
      random: createRandom(1),
      ...(statistics ? { inputStatistics: statistics } : {}),
    });

  const labels = labelMatrix(plan.loss, train);
  const why = supportsFast(plan);
  const first = backends[0] ?? tf.getBackend();
  if (why || train.m === 0) {
    timings.push({ executor: 'fast', backend: first, msPerUpdate: null, note: why ?? 'No training data.' });
  } else {
    await tf.setBackend(first);
    const net = network();
    const fast = new FastExecutor(plan, train, {
      batchSize,
      parameters: parametersOf(net),
      ...(statistics ? { inputStatistics: statistics } : {}),
    });
    net.dispose();
    fast.update(indices);
    timings.push({
      executor: 'fast',
      backend: first,
      msPerUpdate: timePerUpdate(budgetMs, () => fast.update(indices)),
      note: '',
    });
  }

  for (const backend of backends) {
    const ok = await tf.setBackend(backend).catch(() => false);
    if (!ok) {
      timings.push({ executor: 'tfjs', backend, msPerUpdate: null, note: `${backend} did not initialize.` });
      continue;
    }
    if (train.m === 0) {
      timings.push({ executor: 'tfjs', backend, msPerUpdate: null, note: 'No training data.' });
      continue;
    }
    await tf.ready();
    try {
      timings.push(
        await timeTfjs(plan, train, labels, network(), indices, backend, budgetMs, best(), options),
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      timings.push({ executor: 'tfjs', backend, msPerUpdate: null, note: `${backend} failed: ${message}` });
    }
  }

  const winner = fastest(timings);
  // The fast executor keeps tf.js for the boundary and export: on the fastest tf.js backend.
  const tfjsWinner = fastest(timings.filter((t) => t.executor === 'tfjs'));
  const backend = tfjsWinner?.backend ?? winner?.backend ?? first;
  await tf.setBackend(backend).catch(() => false);
  await tf.ready();
  return { executor: winner?.executor ?? 'tfjs', backend, timings };
}

/** The measured timing with the fewest milliseconds per update, or null when none was measured. */
function fastest(timings: readonly ExecutorTiming[]): ExecutorTiming | null {
  let best: ExecutorTiming | null = null;
  for (const t of timings) {
    if (t.msPerUpdate !== null && (best === null || t.msPerUpdate < (best.msPerUpdate as number))) best = t;
  }
  return best;
}

/** Runs `update` until `budgetMs` have passed (at least 3 times); milliseconds per call. */
function timePerUpdate(budgetMs: number, update: () => void): number {
  const started = performance.now();
  let n = 0;
  let elapsed = 0;
  do {
    update();
    n += 1;
    elapsed = performance.now() - started;
  } while (elapsed < budgetMs || n < 3);
  return elapsed / n;
}

async function timeTfjs(
  plan: TrainingPlan,
  train: LabeledData,
  labels: { values: Float32Array; columns: number },
  network: Network,
  indices: Int32Array,
  backend: string,
  budgetMs: number,
  bestMs: number,
  options: ChooseOptions,
): Promise<ExecutorTiming> {
  const optimizer = createOptimizer(plan.optimizer);
  const rows = indices.length;
  const x = tf.tensor2d(train.x.subarray(0, rows * train.features), [rows, train.features]);
  const y = tf.tensor2d(labels.values.subarray(0, rows * labels.columns), [rows, labels.columns]);
  const vars = network.trainableVariables;
  /** k updates, costs left on the device, the last one read back (as the trainer batches readbacks). */
  const run = async (k: number) => {
    let last: tf.Scalar | null = null;
    for (let i = 0; i < k; i++) {
      last?.dispose();
      last = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => network.cost(plan.loss, x, y, train.m, true, i),
          vars,
        );
        optimizer.applyGradients(grads);
        return value;
      });
    }
    await last?.data();
    last?.dispose();
  };
  try {
    // The first update compiles kernels (shaders on a GPU); a hopeless candidate stops there.
    const warmups = GPU_BACKENDS.has(backend) ? (options.gpuWarmup ?? 3) : 3;
    const firstStart = performance.now();
    await run(1);
    const firstMs = performance.now() - firstStart;
    if (firstMs > ABANDON_FACTOR * bestMs) {
      return {
        executor: 'tfjs',
        backend,
        msPerUpdate: firstMs,
        note: `not timed further: its first update took over ${ABANDON_FACTOR}× the fastest`,
      };
    }
    await run(warmups - 1);
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < budgetMs || n < 3) {
      const k = Math.max(1, n);
      await run(k);
      n += k;
    }
    return { executor: 'tfjs', backend, msPerUpdate: (performance.now() - started) / n, note: '' };
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
    network.dispose();
  }
}

/** "fast float32 0.012 ms/update, tf.js wasm 1.10, tf.js cpu 2.31 (…)" — fastest first. */
export function describeTimings(timings: readonly ExecutorTiming[]): string {
  const name = (t: ExecutorTiming) => (t.executor === 'fast' ? 'fast float32' : `tf.js ${t.backend}`);
  const measured = timings
    .filter((t) => t.msPerUpdate !== null)
    .sort((a, b) => (a.msPerUpdate as number) - (b.msPerUpdate as number))
    .map((t, i) => `${name(t)} ${formatMs(t.msPerUpdate as number)}${i === 0 ? ' ms/update' : ''}`);
  const skipped = timings
    .filter((t) => t.msPerUpdate === null)
    .map((t) => `${name(t)}: ${t.note.replace(/\.$/, '')}`);
  return [...measured, ...skipped].join(', ');
}

const formatMs = (ms: number) => (ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(2));
