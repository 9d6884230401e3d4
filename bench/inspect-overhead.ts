import { compileGraph, type TrainingPlan } from '../engine/compile/plan.js';
import { prepareRun } from '../engine/compile/prepare.js';
import type { LabeledData } from '../engine/data/types.js';
import { sequentialDocument } from '../engine/document/build.js';
import { FastExecutor, parametersOf, stateOf } from '../engine/fast/executor.js';
import { diagnose } from '../engine/inspect/diagnose.js';
import { inspectBuffers, inspectionPlan } from '../engine/inspect/inspect.js';
import { Network } from '../engine/model/network.js';
import { createRandom, mixSeeds, permutation } from '../engine/random.js';
import { randomExamples } from '../engine/testing/random-graphs.js';
import { InspectionSchedule, LAYER_STATS_BUDGET } from '../engine/train/inspection-schedule.js';
import { presetDocuments } from '../presets/lessons.js';
import type { TableRow } from './table.js';

/**
 * What the layer inspector (engine/inspect) costs the fast executor: updates/s with no layer
 * statistics, with them at the Training node's default (every 10th update within the 5 % time
 * budget, engine/train/inspection-schedule.ts), exactly every 10th (`--layer-stats-every 10`) and
 * after every update; each update fed like the trainer's (a seeded shuffle, mini-batches cut from
 * it), each measurement as the trainer's (every layer and node, then the diagnoses).
 * `npx tsx bench/inspect-overhead.ts [--quick]`; docs/inside.md has the figures.
 */

interface Case {
  name: string;
  plan: TrainingPlan;
  train: LabeledData;
  updates: number;
}

async function lesson(file: string, name: string, updates: number): Promise<Case> {
  const doc = presetDocuments().find((p) => p.file === file)?.doc;
  if (!doc) throw new Error(`${file} missing`);
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  return { name, ...prepared.value, train: prepared.value.splits.train, updates };
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

/** A setting: measure every `every`-th update (0: never), within the time budget or exactly. */
interface Setting {
  label: string;
  every: number;
  budget: number | null;
}

/** Updates/s of `updates` updates, measuring and diagnosing the layers as `setting` says. */
function updatesPerSecond(c: Case, setting: Setting, updates: number): number {
  const net = Network.fromPlan(c.plan, { random: createRandom(1) });
  const batch = c.plan.training.batchSize;
  const executor = new FastExecutor(c.plan, c.train, {
    batchSize: batch,
    parameters: parametersOf(net),
    state: stateOf(net),
  });
  const plan = inspectionPlan(c.plan);
  const schedule = new InspectionSchedule(setting.every, setting.budget);
  const random = createRandom(mixSeeds(1, 2));
  let order = permutation(c.train.m, random);
  let start = 0;
  const began = performance.now();
  for (let t = 1; t <= updates; t++) {
    if (start + batch > c.train.m) {
      order = permutation(c.train.m, random);
      start = 0;
    }
    const timed = schedule.timed(t);
    const at = timed ? performance.now() : 0;
    const inspect = schedule.due(t, at);
    executor.update(order.subarray(start, start + batch), t, inspect);
    const updated = timed || inspect ? performance.now() : 0;
    if (inspect) {
      const { layers } = inspectBuffers(plan, executor.inspection());
      diagnose(plan.layers, layers, { alpha: 0.01, rows: batch });
      const ended = performance.now();
      schedule.recordMeasured(timed ? updated - at : null, ended - updated, ended);
    } else if (timed) schedule.recordPlain(updated - at);
    start += batch;
  }
  const seconds = (performance.now() - began) / 1000;
  net.dispose();
  return updates / seconds;
}

const SETTINGS: Setting[] = [
  { label: 'off', every: 0, budget: null },
  { label: 'default (every 10, 5 % budget)', every: 10, budget: LAYER_STATS_BUDGET },
  { label: 'exactly every 10', every: 10, budget: null },
  { label: 'every update', every: 1, budget: null },
];

/** One network's row: updates/s per setting and each one's cost against no statistics. */
export interface OverheadRow {
  name: string;
  rates: number[];
  /** (off / rate − 1) per setting after the first, e.g. 0.031 for 3.1 % slower. */
  slower: number[];
}

/**
 * The fastest of `rounds` interleaved rounds of each setting: on a shared machine the slowest runs
 * measure the neighbours, the fastest the code.
 */
export async function inspectOverhead(quick = false): Promise<{ settings: string[]; rows: OverheadRow[] }> {
  const cases = [
    await lesson('moons-adam.netcanvas.json', 'moons lesson [2, 5, 2, 1], m_b 64', 20000),
    await lesson(
      'batch-norm-bn.netcanvas.json',
      'batch-norm lesson [2, 4×(32 → BN → ReLU), 1], m_b 64',
      3000,
    ),
    wideMlp(),
  ];
  const rounds = quick ? 2 : 5;
  const rows = cases.map((c) => {
    const updates = quick ? Math.max(30, Math.floor(c.updates / 5)) : c.updates;
    updatesPerSecond(c, SETTINGS[3] as Setting, Math.min(updates, 200));
    const best = SETTINGS.map(() => 0);
    for (let round = 0; round < rounds; round++) {
      SETTINGS.forEach((setting, i) => {
        best[i] = Math.max(best[i] as number, updatesPerSecond(c, setting, updates));
      });
    }
    const off = best[0] as number;
    return { name: c.name, rates: best, slower: best.slice(1).map((rate) => off / rate - 1) };
  });
  return { settings: SETTINGS.map((s) => s.label), rows };
}

/** The cost target of issue 15: measuring the layers makes training at most 10 % slower. */
export const INSPECT_OVERHEAD_TARGET = 0.1;

/** `npm run bench`'s rows: per network, the default setting's cost against the target. */
export async function inspectOverheadRows(quick: boolean): Promise<TableRow[]> {
  const { rows } = await inspectOverhead(quick);
  const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
  return rows.map((row) => {
    const [off, byDefault, every10] = row.rates as [number, number, number];
    const [slower, slower10] = row.slower as [number, number];
    return {
      section: 'Layer statistics (fast executor, fastest of interleaved rounds)',
      figure: `${row.name}: default (every 10th update within a 5 % time budget)`,
      value: `${percent(slower)} slower (${byDefault.toFixed(0)} vs ${off.toFixed(0)} updates/s; exactly every 10th: ${percent(slower10)}, ${every10.toFixed(0)}/s)`,
      peer: `target < ${percent(INSPECT_OVERHEAD_TARGET)}`,
      ratio: slower < INSPECT_OVERHEAD_TARGET ? 'met' : 'not met',
    };
  });
}

if (process.argv[1]?.endsWith('inspect-overhead.ts')) {
  const { settings, rows } = await inspectOverhead(process.argv.includes('--quick'));
  for (const row of rows) {
    const cells = row.rates.map((rate, i) =>
      i === 0
        ? `${settings[i]} ${rate.toFixed(0)}/s`
        : `${settings[i]} ${rate.toFixed(0)}/s (${((row.slower[i - 1] as number) * 100).toFixed(1)} % slower)`,
    );
    console.log(`${row.name}: ${cells.join('; ')}`);
  }
}
