import { selectNodeBackend } from '../cli/backend.js';
import type { TrainingPlan } from '../engine/compile/plan.js';
import { prepareRun } from '../engine/compile/prepare.js';
import type { LabeledData } from '../engine/data/types.js';
import { FastExecutor, parametersOf, stateOf } from '../engine/fast/executor.js';
import type { KernelChoice } from '../engine/fast/kernels.js';
import { Network } from '../engine/model/network.js';
import { createRandom, mixSeeds, permutation } from '../engine/random.js';
import { TfjsExecutor } from '../engine/train/executors/tfjs-executor.js';
import { featureStatistics } from '../engine/train/statistics.js';
import { presetDocuments } from '../presets/lessons.js';
import { lessonGraphs, prepareBenchGraph } from './lesson-graphs.js';

/**
 * A quick look at the fast executor against tf.js on WASM (a minute, not `npm run bench`'s nine):
 * updates/s of the batch-norm lesson's network and of a LeNet-style CNN on 28×28×1 images, m_b 64,
 * each fed like the trainer (a seeded shuffle, mini-batches cut from it, the cost of every update
 * read back). Median of 3 timed runs after a warm-up. `npx tsx bench/quick-fast.ts [bn|cnn]`. tf.js 4.22's
 * WASM backend cannot train a convolution (no Conv2DBackpropFilter kernel), so the CNN's tf.js figure
 * is its CPU backend.
 */

interface Case {
  name: string;
  plan: TrainingPlan;
  train: LabeledData;
  batch: number;
  /** Updates per timed run: fast, tf.js. */
  updates: [number, number];
}

async function batchNormLesson(): Promise<Case> {
  const doc = presetDocuments().find((p) => p.file === 'batch-norm-bn.netcanvas.json')?.doc;
  if (!doc) throw new Error('batch-norm-bn preset missing');
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  const { plan, splits } = prepared.value;
  return {
    name: 'batch-norm lesson [2, 4×(32 → BN → ReLU), 1], m_b 64',
    plan,
    train: splits.train,
    batch: 64,
    updates: [2000, 200],
  };
}

async function leNet(): Promise<Case> {
  const graph = lessonGraphs().find((g) => g.id === 'lenet-28');
  if (!graph) throw new Error('lenet-28 missing');
  const { plan, splits } = await prepareBenchGraph(graph);
  return { name: graph.title, plan, train: splits.train, batch: 64, updates: [60, 20] };
}

/** The trainer's batches: a seeded shuffle per epoch, cut into mini-batches. */
function* batches(m: number, batch: number): Generator<Int32Array> {
  const shuffle = createRandom(mixSeeds(1, 0x5f3759df));
  for (;;) {
    const order = permutation(m, shuffle);
    for (let at = 0; at < m; at += batch) yield order.subarray(at, Math.min(at + batch, m));
  }
}

function network(c: Case): { net: Network; stats?: { mean: Float32Array; std: Float32Array } } {
  const stats = c.plan.needsInputStatistics ? featureStatistics(c.train) : undefined;
  const net = Network.fromPlan(c.plan, {
    random: createRandom(1),
    ...(stats ? { inputStatistics: stats } : {}),
  });
  return stats ? { net, stats } : { net };
}

async function median(runs: number, time: () => Promise<number>): Promise<string> {
  await time();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) rates.push(await time());
  rates.sort((a, b) => a - b);
  const f = (r = 0) => (r >= 10 ? r.toFixed(0) : r.toPrecision(2));
  return `${f(rates[Math.floor(runs / 2)])} (${f(rates[0])}–${f(rates[runs - 1])})`;
}

function fastRate(c: Case, kernels: KernelChoice): () => Promise<number> {
  return async () => {
    const { net, stats } = network(c);
    const fast = new FastExecutor(c.plan, c.train, {
      batchSize: c.batch,
      parameters: parametersOf(net),
      state: stateOf(net),
      kernels,
      ...(stats ? { inputStatistics: stats } : {}),
    });
    net.dispose();
    const feed = batches(c.train.m, c.batch);
    const n = c.updates[0];
    let sink = 0;
    const start = performance.now();
    for (let t = 1; t <= n; t++) sink += fast.update(feed.next().value as Int32Array, t);
    const rate = n / ((performance.now() - start) / 1000);
    if (!Number.isFinite(sink)) throw new Error(`${c.name}: the cost is not finite`);
    return rate;
  };
}

function tfjsRate(c: Case): () => Promise<number> {
  return async () => {
    const { net } = network(c);
    const executor = new TfjsExecutor(c.plan, { train: c.train, dev: c.train, test: c.train }, net);
    const feed = batches(c.train.m, c.batch);
    const n = c.updates[1];
    const start = performance.now();
    for (let t = 1; t <= n; t++) {
      executor.update(feed.next().value as Int32Array, c.plan.optimizer.learningRate, t);
      await executor.readCosts();
    }
    const rate = n / ((performance.now() - start) / 1000);
    executor.dispose();
    net.dispose();
    return rate;
  };
}

await selectNodeBackend('wasm');
const only = process.argv[2]; // 'bn' or 'cnn' for one of the two
const cases = [
  ...(only === 'cnn' ? [] : [await batchNormLesson()]),
  ...(only === 'bn' ? [] : [await leNet()]),
];
for (const c of cases) {
  console.log(c.name);
  console.log(`  fast, SIMD kernels: ${await median(3, fastRate(c, 'simd'))} updates/s`);
  console.log(`  fast, JS kernels:   ${await median(3, fastRate(c, 'js'))} updates/s`);
  // tf.js 4.22's WASM backend has no Conv2DBackpropFilter: a CNN trains on tf.js CPU there.
  const backend = await tfjsRate(c)()
    .then(() => 'wasm')
    .catch(() => selectNodeBackend('cpu'));
  console.log(
    `  tf.js ${backend}:${' '.repeat(13 - backend.length)}${await median(3, tfjsRate(c))} updates/s`,
  );
  await selectNodeBackend('wasm');
}
