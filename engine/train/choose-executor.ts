import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits, LabeledData } from '../data/types.js';
import { supportsFast } from '../fast/executor.js';
import { Network } from '../model/network.js';
import { batchSizeFor } from '../nodes/training.js';
import { createRandom } from '../random.js';
import type { ExecutorName } from './executors/executor.js';
import { FastUpdateExecutor } from './executors/fast-executor.js';
import { TfjsExecutor } from './executors/tfjs-executor.js';
import { featureStatistics } from './statistics.js';

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
/** Untimed updates of a CPU candidate before its timing (the JIT's, or tf.js's kernels' first calls). */
const WARMUPS = 3;
/**
 * A tf.js CPU candidate's first update takes at most this many examples, a lower bound on a full
 * batch's time: on the Fashion-MNIST LeNet (m_b 64) tf.js CPU takes ~15 s an update, and its probe
 * of 4 images (~1–2.6 s) already passes 10× the fast executor's 60 ms, which ends its timing there.
 * GPU backends take the full batch (their shaders compile per shape).
 */
const PROBE_ROWS = 4;
/** A candidate whose warm-up alone is this many times the best rate so far is not timed further. */
const ABANDON_FACTOR = 10;

/** A split with no rows, standing in for dev and test while a candidate is timed. */
const noRows = (train: LabeledData): LabeledData => ({
  ...train,
  m: 0,
  x: new Float32Array(0),
  y: new Float32Array(0),
});

/**
 * Picks where a plan's updates run fastest on this machine by timing them (issue 8: "from what is
 * measured, not from a fixed order"): the float32 fast executor when the plan is in its subset,
 * then tf.js on each backend, a few real updates of the plan's mini-batch size each through the
 * same UpdateExecutor the trainer uses, with a throwaway network. Leaves the chosen tf.js backend
 * set. A backend that fails is noted and skipped.
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
  const data: DataSplits = { train, dev: noRows(train), test: noRows(train) };
  const network = () =>
    Network.fromPlan(plan, {
      random: createRandom(1),
      ...(statistics ? { inputStatistics: statistics } : {}),
    });

  const why = supportsFast(plan);
  const first = backends[0] ?? tf.getBackend();
  if (why || train.m === 0) {
    timings.push({ executor: 'fast', backend: first, msPerUpdate: null, note: why ?? 'No training data.' });
  } else {
    await tf.setBackend(first);
    const net = network();
    const fast = new FastUpdateExecutor(plan, data, net, batchSize, statistics);
    net.dispose();
    const step = () => {
      fast.update(indices, plan.optimizer.learningRate);
      fast.readCosts();
    };
    for (let i = 0; i < WARMUPS; i++) step(); // the JIT compiles the loops over the first updates
    const msPerUpdate = await medianMsPerUpdate(budgetMs, step, true);
    timings.push({ executor: 'fast', backend: first, msPerUpdate, note: '' });
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
    const net = network();
    const executor = new TfjsExecutor(plan, data, net);
    try {
      timings.push(await timeTfjs(executor, plan, indices, backend, budgetMs, best(), options));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      timings.push({ executor: 'tfjs', backend, msPerUpdate: null, note: `${backend} failed: ${message}` });
    } finally {
      executor.dispose();
      net.dispose();
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

/**
 * Runs `updates(k)` in chunks (1, 1, 2, 4, … updates, or always 1 with `single`) until `budgetMs`
 * have passed and at least 3 updates ran; returns the median chunk's milliseconds per update, so
 * that a chunk slowed by another process taking the core (a shared machine) or by a garbage
 * collection does not decide the choice.
 * E.g. chunks of 1, 1, 2, 4 updates taking 1.0, 9.0, 2.2, 4.0 ms → 1.0, 9.0, 1.1, 1.0 → 1.05.
 */
async function medianMsPerUpdate(
  budgetMs: number,
  updates: (k: number) => void | Promise<void>,
  single = false,
): Promise<number> {
  const perUpdate: number[] = [];
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < budgetMs || n < 3) {
    const k = single ? 1 : Math.max(1, n);
    const chunkStart = performance.now();
    await updates(k);
    perUpdate.push((performance.now() - chunkStart) / k);
    n += k;
  }
  perUpdate.sort((a, b) => a - b);
  const half = perUpdate.length >> 1;
  return perUpdate.length % 2
    ? (perUpdate[half] as number)
    : ((perUpdate[half - 1] as number) + (perUpdate[half] as number)) / 2;
}

async function timeTfjs(
  executor: TfjsExecutor,
  plan: TrainingPlan,
  indices: Int32Array,
  backend: string,
  budgetMs: number,
  bestMs: number,
  options: ChooseOptions,
): Promise<ExecutorTiming> {
  /** k updates, costs left on the device and read back together (as the trainer batches readbacks). */
  const run = async (k: number) => {
    for (let i = 0; i < k; i++) executor.update(indices, plan.optimizer.learningRate, i);
    await executor.readCosts();
  };
  // The first update compiles kernels (shaders on a GPU); a hopeless candidate stops there. On a CPU
  // backend it takes a few examples only: a lower bound on the full batch's time that costs little.
  const gpu = GPU_BACKENDS.has(backend);
  const warmups = gpu ? (options.gpuWarmup ?? WARMUPS) : WARMUPS;
  const firstStart = performance.now();
  executor.update(gpu ? indices : indices.subarray(0, PROBE_ROWS), plan.optimizer.learningRate, 0);
  await executor.readCosts();
  const firstMs = performance.now() - firstStart;
  if (firstMs > ABANDON_FACTOR * bestMs) {
    return {
      executor: 'tfjs',
      backend,
      msPerUpdate: firstMs,
      note: `not timed further: its first update${gpu ? '' : ` (${Math.min(PROBE_ROWS, indices.length)} examples)`} took over ${ABANDON_FACTOR}× the fastest`,
    };
  }
  await run(warmups);
  return { executor: 'tfjs', backend, msPerUpdate: await medianMsPerUpdate(budgetMs, run), note: '' };
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
