import { compileGraph, type TrainingPlan } from '../engine/compile/plan.js';
import { prepareRun } from '../engine/compile/prepare.js';
import type { LabeledData } from '../engine/data/types.js';
import { sequentialDocument } from '../engine/document/build.js';
import { FastExecutor, parametersOf, stateOf } from '../engine/fast/executor.js';
import { diagnose } from '../engine/inspect/diagnose.js';
import { measureLayers } from '../engine/inspect/measure.js';
import { inspectionTargets } from '../engine/inspect/targets.js';
import { Network } from '../engine/model/network.js';
import { createRandom, mixSeeds, permutation } from '../engine/random.js';
import { randomExamples } from '../engine/testing/random-graphs.js';
import { presetDocuments } from '../presets/lessons.js';

/**
 * What the layer inspector (engine/inspect) costs the fast executor: updates/s with no layer
 * statistics, with them every 10th update (the Training node's default) and after every update,
 * each update fed like the trainer's (a seeded shuffle, mini-batches cut from it). `npx tsx bench/inspect-overhead.ts`; docs/inside.md has the figures.
 */

interface Case {
  name: string;
  plan: TrainingPlan;
  train: LabeledData;
  updates: number;
}

async function moonsLesson(): Promise<Case> {
  const doc = presetDocuments().find((p) => p.file === 'moons-adam.netcanvas.json')?.doc;
  if (!doc) throw new Error('moons-adam preset missing');
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  return {
    name: 'moons lesson [2, 5, 2, 1], m_b 64',
    ...prepared.value,
    train: prepared.value.splits.train,
    updates: 20000,
  };
}

function wideMlp(): Case {
  const doc = sequentialDocument({
    layers: [
      { kind: 'Dense', params: { units: 512 } },
      { kind: 'Dense', params: { units: 512 } },
      { kind: 'Dense', params: { units: 512 } },
      { kind: 'Dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.001 },
    training: { batchMode: 'mini', batchSize: 128, epochs: 1 },
  });
  const data = { features: 100, classes: 10, targets: 1, m: 2048 };
  const plan = compileGraph(doc, data);
  if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join('; '));
  return {
    name: 'wide MLP [100, 3×512, 10], m_b 128',
    plan: plan.value,
    train: randomExamples(data, 2048, 7),
    updates: 150,
  };
}

/** Updates/s of `updates` updates, measuring and diagnosing the layers every `every`-th (0: never). */
function updatesPerSecond(c: Case, every: number): number {
  const net = Network.fromPlan(c.plan, { random: createRandom(1) });
  const batch = c.plan.training.batchSize;
  const executor = new FastExecutor(c.plan, c.train, {
    batchSize: batch,
    parameters: parametersOf(net),
    state: stateOf(net),
  });
  const targets = inspectionTargets(c.plan);
  const random = createRandom(mixSeeds(1, 2));
  let order = permutation(c.train.m, random);
  let start = 0;
  const began = performance.now();
  for (let t = 1; t <= c.updates; t++) {
    if (start + batch > c.train.m) {
      order = permutation(c.train.m, random);
      start = 0;
    }
    const inspect = every > 0 && (t === 1 || t % every === 0);
    executor.update(order.subarray(start, start + batch), t, inspect);
    if (inspect)
      diagnose(targets, measureLayers(targets, executor.inspection()), { alpha: 0.01, rows: batch });
    start += batch;
  }
  const seconds = (performance.now() - began) / 1000;
  net.dispose();
  return c.updates / seconds;
}

/**
 * The fastest of 5 interleaved rounds of each setting: on a shared machine the slowest runs measure
 * the neighbours, the fastest the code.
 */
for (const c of [await moonsLesson(), wideMlp()]) {
  updatesPerSecond(c, 1);
  const settings = [0, 10, 1];
  const best = settings.map(() => 0);
  for (let round = 0; round < 5; round++) {
    settings.forEach((every, i) => {
      best[i] = Math.max(best[i] as number, updatesPerSecond(c, every));
    });
  }
  const [off, ...on] = best as [number, ...number[]];
  const cells = on.map(
    (rate, i) =>
      `every ${settings[i + 1]}: ${rate.toFixed(0)}/s (${((off / rate - 1) * 100).toFixed(1)} % slower)`,
  );
  console.log(`${c.name}: off ${off.toFixed(0)}/s; ${cells.join('; ')}`);
}
