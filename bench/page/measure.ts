import * as tf from '@tensorflow/tfjs';
import { prepareRun } from '../../engine/compile/prepare';
import { TrainingRun } from '../../engine/train/trainer';
import '../../renderer/training/backends';
import { benchGraphs } from '../graphs';

/** One measurement asked of the bench page (run on its main thread or in a worker it starts). */
export interface MeasureRequest {
  graph: string;
  /** A tf.js backend, or the fast float32 executor (tf.js on WASM beside it). */
  backend: 'cpu' | 'wasm' | 'webgl' | 'webgpu' | 'fast';
  repeats: number;
  /** Each timed run stops at this many updates or this many milliseconds, whichever comes first. */
  maxUpdates: number;
  maxMs: number;
  /** Evaluate every this many epochs (large: evaluation only at the end, as the Node bench does). */
  evaluateEvery: number;
  /** Overrides the trainer's readback interval (1 on CPU/WASM, 32 on a GPU). */
  readbackEvery?: number;
  /** Also record tf.memory() before/after and the peak bytes of one run (tf.profile). */
  memory: boolean;
}

export interface MemoryFigures {
  before: { tensors: number; bytes: number };
  after: { tensors: number; bytes: number };
  peakBytes: number;
  /** profile: tf.profile's peak (every kernel); sampled: tf.memory() after each update (a lower bound). */
  peakMethod: 'profile' | 'sampled';
  profiledUpdates: number;
}

export interface MeasureResult {
  backend: string;
  /** Updates/s of each timed run, and how many updates each reached. */
  rates: number[];
  updates: number[];
  memory: MemoryFigures | null;
  error: string | null;
}

const graphs = new Map<string, ReturnType<typeof benchGraphs>[number]>();
function graphById(id: string) {
  if (!graphs.size) for (const g of benchGraphs()) graphs.set(g.id, g);
  const g = graphs.get(id);
  if (!g) throw new Error(`unknown graph ${id}`);
  return g;
}

/** Trains `graph` on `backend` as the app's worker does (TrainingRun), timing the updates. */
export async function measure(req: MeasureRequest): Promise<MeasureResult> {
  try {
    const fast = req.backend === 'fast';
    const backend = fast ? 'wasm' : req.backend;
    if (!(await tf.setBackend(backend))) throw new Error(`${backend} did not initialize`);
    await tf.ready();
    const graph = graphById(req.graph);
    const before = tf.memory();
    const prepared = await prepareRun(graph.doc);
    if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
    const { plan, splits } = prepared.value;

    const timeRun = async (maxUpdates: number, maxMs: number, onUpdate?: () => void) => {
      let first = 0;
      let last = 0;
      let count = 0;
      // Costs come back in batches on the GPU backends (the trainer reads back every 32 updates there):
      // the updates delivered with the first batch mark the start, so the rate is measured between
      // the ends of the first and of the last batch.
      let base = 0;
      let inFirstBatch = false;
      const run: TrainingRun = new TrainingRun(plan, splits, {
        epochs: 1_000_000,
        evaluateEvery: req.evaluateEvery,
        executor: fast ? 'fast' : 'tfjs',
        ...(req.readbackEvery ? { readbackEvery: req.readbackEvery } : {}),
        onEvent: (e) => {
          if (e.type !== 'update') return;
          onUpdate?.();
          const now = performance.now();
          if (count === 0) {
            first = now;
            inFirstBatch = true;
            queueMicrotask(() => {
              inFirstBatch = false;
            });
          }
          last = now;
          count += 1;
          if (inFirstBatch) base = count;
          if (count >= maxUpdates || now - first > maxMs) run.stop();
        },
      });
      const done = await run.start();
      run.dispose();
      if (done.reason === 'error') throw new Error(done.message);
      return { rate: count > base ? (count - base) / ((last - first) / 1000) : Number.NaN, count };
    };

    await timeRun(Math.min(20, req.maxUpdates), Math.min(2000, req.maxMs));
    const rates: number[] = [];
    const updates: number[] = [];
    for (let i = 0; i < req.repeats; i++) {
      const r = await timeRun(req.maxUpdates, req.maxMs);
      if (Number.isFinite(r.rate)) rates.push(r.rate);
      updates.push(r.count);
    }
    let memory: MemoryFigures | null = null;
    if (req.memory) {
      // tf.profile's peak on CPU/WASM; on the GPU backends tf.memory() sampled after each update.
      const profiled = req.backend === 'cpu' || req.backend === 'wasm';
      let sampled = 0;
      const sample = () => {
        sampled = Math.max(sampled, tf.memory().numBytes);
      };
      let profiledUpdates = 0;
      let peakBytes = 0;
      if (profiled) {
        const info = await tf.profile(async () => {
          profiledUpdates = (await timeRun(10, req.maxMs)).count;
          return [];
        });
        peakBytes = info.peakBytes;
      } else {
        profiledUpdates = (await timeRun(10, req.maxMs, sample)).count;
        peakBytes = sampled;
      }
      const after = tf.memory();
      memory = {
        before: { tensors: before.numTensors, bytes: before.numBytes },
        after: { tensors: after.numTensors, bytes: after.numBytes },
        peakBytes,
        peakMethod: profiled ? 'profile' : 'sampled',
        profiledUpdates,
      };
    }
    return { backend: fast ? 'fast' : tf.getBackend(), rates, updates, memory, error: null };
  } catch (err) {
    return {
      backend: tf.getBackend() ?? req.backend,
      rates: [],
      updates: [],
      memory: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
