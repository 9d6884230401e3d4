import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import type { Problem } from '../problems.js';
import type { DoneEvent, EpochEvent, StartEvent, TrainingEvent } from './events.js';
import { TrainingRun } from './trainer.js';
import { biasVarianceVerdict } from './verdict.js';

/**
 * Numeric faults a user can walk into: each has a defined outcome and a message naming the cause,
 * and no event ever carries a NaN or an infinity (charts draw every number they get).
 */

const moons = {
  source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 },
  split: { dev: 0.25, test: 0.25 },
};

function document(spec: Partial<SequentialSpec>) {
  return sequentialDocument({
    dataset: moons,
    layers: [
      { kind: 'Dense', id: 'h1', params: { units: 8 } },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ],
    optimizer: { algorithm: 'adam', learningRate: 0.02 },
    training: { batchSize: 32, epochs: 5 },
    ...spec,
  });
}

async function train(spec: Partial<SequentialSpec>, reader?: { readText(path: string): Promise<string> }) {
  const prepared = await prepareRun(document(spec), reader);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const events: TrainingEvent[] = [];
  const run = new TrainingRun(prepared.value.plan, prepared.value.splits, { onEvent: (e) => events.push(e) });
  const done = await run.start();
  return { run, done, events, problems: prepared.problems, plan: prepared.value.plan };
}

/** Paths of every number in `value` that is NaN or infinite. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

const inline = (x: number[][], y: number[], split: unknown = { dev: 0, test: 0 }) => ({
  source: { kind: 'inline', x, y },
  split,
});
const codes = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.code}`);

describe('numeric faults during training', () => {
  it('an exploding learning rate stops the run at the first NaN cost and names α as the cause', async () => {
    // Normalized inputs and He initialization: α = 100 with plain gradient descent on a squared error
    // overshoots further every update until float32 overflows.
    const { run, done, events } = await train({
      layers: [
        { kind: 'Normalize' },
        { kind: 'Dense', id: 'h1', params: { units: 8 } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'linear' } },
      ],
      loss: { fn: 'meanSquaredError' },
      optimizer: { algorithm: 'gd', learningRate: 100 },
      training: { batchSize: 32, epochs: 100 },
    });
    expect(done.reason).toBe('nan');
    expect(done.message).toMatch(/The cost became NaN or infinite at update \d+ \(epoch \d+\)/);
    expect(done.message).toContain('the learning rate α = 100 is probably too large: try 10');
    expect(done.message).not.toMatch(/Normalize|initialization scale/);
    expect(done.updates).toBeLessThan(100);
    expect(nonFinite(events)).toEqual([]);
    expect(done.test).toBeNull();
    run.dispose();
  });

  it('zeros initialization trains, with a warning, and every hidden unit stays the same', async () => {
    const { run, done, events, problems } = await train({
      layers: [
        { kind: 'Dense', id: 'h1', params: { units: 4, initializer: 'zeros', activation: 'tanh' } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid', initializer: 'zeros' } },
      ],
    });
    expect(codes(problems)).toContain('warning ZEROS_INIT');
    expect(problems.find((p) => p.code === 'ZEROS_INIT')?.message).toMatch(/symmetry is never broken/);
    expect(done.reason).toBe('epochs');
    expect(nonFinite(events)).toEqual([]);
    // Symmetry: all four columns of W[1] are equal after training (spec §4: zeros never breaks it).
    const w = run.network.parameters.find((p) => p.id === 'h1/W')!.variable.arraySync() as number[][];
    for (const row of w) for (const v of row) expect(v).toBeCloseTo(row[0]!, 6);
    run.dispose();
  });

  it('labels that are all one class train, with a warning; accuracy and the verdict are defined', async () => {
    const x = Array.from({ length: 40 }, (_, i) => [i / 40, 1 - i / 40]);
    const { run, done, problems } = await train({
      dataset: inline(
        x,
        x.map(() => 0),
        { dev: 0.25, test: 0 },
      ),
      training: { batchSize: 10, epochs: 30 },
    });
    const warning = problems.find((p) => p.code === 'DATASET');
    expect(warning).toMatchObject({ severity: 'warning', nodeId: 'data' });
    expect(warning?.message).toMatch(/^All 40 labels are the class '0': .* accuracy of 100 % says nothing/);
    expect(done.reason).toBe('epochs');
    expect(done.train?.accuracy).toBe(1);
    expect(done.dev?.accuracy).toBe(1);
    expect(biasVarianceVerdict(done.train, done.dev).kind).toBe('neither');
    run.dispose();
  });

  it('a constant feature under Normalize is centred only, and the start event says so', async () => {
    const x = Array.from({ length: 60 }, (_, i) => [Math.sin(i), 3, Math.cos(i)]);
    const y = x.map(([a]) => (a! > 0 ? 1 : 0));
    const { run, done, events } = await train({
      dataset: inline(x, y),
      layers: [
        { kind: 'Normalize' },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
      training: { batchSize: 20, epochs: 10 },
    });
    const start = events[0] as StartEvent;
    expect(start.notes).toEqual([
      'Normalize: feature 1 is constant on the training set (σ = 0); centred only.',
    ]);
    expect(done.reason).toBe('epochs');
    expect(nonFinite(events)).toEqual([]);
    run.dispose();
  });

  it('an empty dev split never stops early and reports its metrics as null, never NaN', async () => {
    const { run, done, events, problems } = await train({
      dataset: { ...moons, split: { dev: 0, test: 0 } },
      training: { batchSize: 32, epochs: 6, earlyStopping: { enabled: true, patience: 1 } },
    });
    expect(problems.find((p) => p.path === 'earlyStopping')?.message).toBe(
      'Early stopping watches the dev cost, but the dev split is empty; it will not stop early.',
    );
    expect(done.reason).toBe('epochs');
    expect(done.epochs).toBe(6);
    expect(done.dev).toBeNull();
    expect(done.test).toBeNull();
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    expect(epochs.every((e) => e.dev === null)).toBe(true);
    expect(nonFinite(events)).toEqual([]);
    // The verdict judges bias and leaves variance unknown instead of inventing a number.
    const verdict = biasVarianceVerdict(done.train, done.dev);
    expect(verdict.kind).not.toBe('unknown');
    expect(verdict.variance).toBeNull();
    run.dispose();
  });

  it('a mini-batch larger than the training set is refused, naming m', async () => {
    const prepared = await prepareRun(document({ training: { batchSize: 512 } }));
    expect(prepared.ok).toBe(false);
    expect(prepared.problems).toContainEqual({
      code: 'INVALID_PARAM',
      severity: 'error',
      nodeId: 'training',
      path: 'batchSize',
      message:
        'The mini-batch size 512 is above the training-set size m = 100. Use at most 100, or batch mode "full".',
      detail: { key: 'batchAboveM', params: { batch: 512, m: 100 } },
    });
  });

  it('a CSV row with a missing value is refused, naming the file, line and column', async () => {
    const csv = 'a,b,label\n1,2,cat\n3,,dog\n5,6,\n';
    const prepared = await prepareRun(document({ dataset: { source: { kind: 'csv', path: 'pets.csv' } } }), {
      readText: async () => csv,
    });
    expect(prepared.ok).toBe(false);
    expect(prepared.problems.map((p) => p.message)).toEqual([
      "pets.csv: line 3, column 2 ('b'): the value is missing.",
      "pets.csv: line 4, column 3 ('label'): the label is missing.",
    ]);
  });

  it('a value beyond float32 is refused instead of turning into Infinity on the device', async () => {
    const prepared = await prepareRun(
      document({
        dataset: inline(
          [
            [1, 2],
            [1e39, 0],
          ],
          [0, 1],
        ),
        training: { batchMode: 'full' },
      }),
    );
    expect(prepared.ok).toBe(false);
    expect(prepared.problems.map((p) => p.message)).toEqual([
      'x[1][0] is 1e+39, beyond the float32 range (±3.4e38).',
    ]);
  });

  it('an update that overflows the weights ends the run without a NaN epoch point or summary', async () => {
    // Inputs near 1e15: the first full-batch cost (w ≈ 1, errors ≈ 1e15, J ≈ 1e30) is finite, but the
    // step it takes makes w ≈ α·1e30, so the epoch's evaluation overflows float32. Before the fix the
    // epoch event and the done event carried cost: Infinity.
    const x = Array.from({ length: 20 }, (_, i) => [(i - 9.5) * 1e14]);
    const { run, done, events } = await train({
      dataset: {
        source: { kind: 'inline', x, y: x.map(() => 1), task: 'regression' },
        split: { dev: 0.25, test: 0 },
      },
      layers: [{ kind: 'Dense', id: 'out', params: { units: 1, activation: 'linear' } }],
      loss: { fn: 'meanSquaredError' },
      optimizer: { algorithm: 'gd', learningRate: 100 },
      training: { batchMode: 'full', epochs: 3 },
    });
    expect(done.reason).toBe('nan');
    expect(done.message).toMatch(/^The cost became NaN or infinite at update 1 \(epoch 1\)/);
    expect(events.filter((e) => e.type === 'update')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'epoch')).toEqual([]);
    expect(done.train).toBeNull();
    expect(nonFinite(events)).toEqual([]);
    run.dispose();
  });

  it('leaves no tensors behind after a run that ended in NaN', async () => {
    const before = tf.memory().numTensors;
    const { run, done } = await train({
      loss: { fn: 'meanSquaredError' },
      layers: [
        {
          kind: 'Dense',
          id: 'out',
          params: { units: 1, activation: 'linear', initializer: 'random', initScale: 100 },
        },
      ],
      optimizer: { algorithm: 'gd', learningRate: 100 },
      training: { batchSize: 32, epochs: 50 },
    });
    expect((done as DoneEvent).reason).toBe('nan');
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
