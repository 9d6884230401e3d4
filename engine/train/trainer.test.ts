import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { type PreparedRun, prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import type { DoneEvent, EpochEvent, TrainingEvent, UpdateEvent } from './events.js';
import { TrainingRun } from './trainer.js';

async function prepare(spec: Partial<SequentialSpec> = {}): Promise<PreparedRun> {
  const doc = sequentialDocument({
    dataset: {
      source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 },
      split: { dev: 0.25, test: 0.25 },
    },
    layers: [
      { kind: 'Dense', id: 'h1', params: { units: 8 } },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ],
    optimizer: { algorithm: 'adam', learningRate: 0.02 },
    training: { batchSize: 32, epochs: 5 },
    ...spec,
  });
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  return prepared.value;
}

async function train(
  spec: Partial<SequentialSpec> = {},
  options: ConstructorParameters<typeof TrainingRun>[2] = {},
) {
  const { plan, splits } = await prepare(spec);
  const events: TrainingEvent[] = [];
  const run = new TrainingRun(plan, splits, { ...options, onEvent: (e) => events.push(e) });
  const done = await run.start();
  const updates = events.filter((e): e is UpdateEvent => e.type === 'update');
  const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
  return { run, done, updates, epochs, events };
}

describe('the mini-batch trainer (spec §6)', () => {
  it('makes ⌈m/m_b⌉ updates an epoch and emits update, epoch and done events', async () => {
    // m = 200 · 0.5 = 100 training examples, m_b = 32: ⌈100/32⌉ = 4 updates an epoch, 20 in 5 epochs.
    const { run, done, updates, epochs, events } = await train();
    expect(events[0]).toMatchObject({
      type: 'start',
      updatesPerEpoch: 4,
      batchSize: 32,
      m: { train: 100, dev: 50, test: 50 },
    });
    expect(updates.map((u) => u.t)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(updates.slice(0, 5).map((u) => [u.epoch, u.batch])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 1],
    ]);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(done).toMatchObject({ type: 'done', reason: 'epochs', epochs: 5, updates: 20 });
    expect(done.test?.m).toBe(50);
    run.dispose();
  });

  it('can evaluate every k epochs, always including the last', async () => {
    const { run, epochs, updates } = await train({}, { evaluateEvery: 2 });
    expect(epochs.map((e) => e.epoch)).toEqual([2, 4, 5]);
    expect(updates.length).toBe(20);
    run.dispose();
  });

  it('reports the bias-corrected EWA of the update costs', async () => {
    // smoothedCost_t = v_t/(1 − 0.9ᵗ), v_t = 0.9 v_{t−1} + 0.1 cost_t (Training smoothing β = 0.9).
    const { run, updates } = await train();
    let v = 0;
    updates.forEach((u, i) => {
      v = 0.9 * v + 0.1 * u.cost;
      expect(u.smoothedCost).toBeCloseTo(v / (1 - 0.9 ** (i + 1)), 10);
    });
    expect(updates[0]!.smoothedCost).toBeCloseTo(updates[0]!.cost, 10);
    run.dispose();
  });

  it('batch mode makes one update an epoch and stochastic mode m', async () => {
    const full = await train({ training: { batchMode: 'full', epochs: 3 } });
    expect(full.updates.length).toBe(3);
    full.run.dispose();
    const sgd = await train({ training: { batchMode: 'stochastic', epochs: 1 } });
    expect(sgd.updates.length).toBe(100);
    sgd.run.dispose();
  });

  it('is deterministic on the CPU backend: same document and seed, same numbers', async () => {
    const a = await train({}, { seed: 11 });
    const b = await train({}, { seed: 11 });
    const c = await train({}, { seed: 12 });
    expect(b.updates.map((u) => u.cost)).toEqual(a.updates.map((u) => u.cost));
    expect(c.updates.map((u) => u.cost)).not.toEqual(a.updates.map((u) => u.cost));
    for (const r of [a, b, c]) r.run.dispose();
  });

  it('leaves no tensors behind once disposed', async () => {
    const before = tf.memory().numTensors;
    const { run } = await train({
      layers: [
        { kind: 'Normalize' },
        { kind: 'Dense', params: { units: 6, l2: 0.1 } },
        { kind: 'BatchNorm' },
        { kind: 'Dropout', params: { keepProb: 0.8 } },
        { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
      ],
      training: { batchSize: 32, epochs: 3, earlyStopping: { enabled: true, patience: 1 } },
    });
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('includes the L2 penalty λ/(2m)‖W‖² with m the training-set size in every update cost', async () => {
    // The first update's cost is J at the initial weights. With λ = 50 and m = 100 it must exceed the
    // same run's unregularized cost by exactly 50/(2·100)·Σ‖W‖² of the initial W (same seed, same W).
    const layers = (l2: number) => [
      { kind: 'Dense', id: 'h1', params: { units: 8, l2 } },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid', l2 } },
    ];
    const plain = await prepare({ layers: layers(0) });
    const reg = await prepare({ layers: layers(50) });
    const runA = new TrainingRun(plain.plan, plain.splits, { epochs: 1 });
    const norm = tf.tidy(() =>
      runA.network.parameters
        .filter((p) => p.name === 'W')
        .reduce((s, p) => s + tf.sum(tf.square(p.variable)).dataSync()[0]!, 0),
    );
    const first: number[] = [];
    for (const p of [plain, reg]) {
      const run = new TrainingRun(p.plan, p.splits, {
        epochs: 1,
        onEvent: (e) => e.type === 'update' && e.t === 1 && first.push(e.cost),
      });
      await run.start();
      run.dispose();
    }
    runA.dispose();
    expect(first[1]! - first[0]!).toBeCloseTo((50 / (2 * 100)) * norm, 4);
  });
});

describe.each(['tfjs', 'fast'] as const)('the trainer on the %s executor', (executor) => {
  it('stops at the first NaN cost and names likely causes', async () => {
    const { run, done, updates } = await train(
      {
        layers: [
          { kind: 'Dense', id: 'h1', params: { units: 8, initializer: 'random', initScale: 10 } },
          {
            kind: 'Dense',
            id: 'out',
            params: { units: 1, activation: 'linear', initializer: 'random', initScale: 10 },
          },
        ],
        // A squared error with α far too large diverges geometrically until float32 overflows.
        loss: { fn: 'meanSquaredError' },
        optimizer: { algorithm: 'gd', learningRate: 10 },
        training: { batchSize: 32, epochs: 50 },
      },
      { executor },
    );
    expect(done.reason).toBe('nan');
    expect(done.message).toMatch(/learning rate α = 10 /);
    expect(done.message).toMatch(/initialization scale: h1, out/);
    expect(done.message).toMatch(/Normalize/);
    expect(updates.every((u) => Number.isFinite(u.cost))).toBe(true);
    expect(done.updates).toBeLessThan(200);
    run.dispose();
  });

  it('early stopping halts after `patience` epochs without a better dev loss and restores the best weights', async () => {
    // A large net trained hard on 100 noisy points overfits: the dev loss turns up and stays up.
    const { run, done, epochs } = await train(
      {
        dataset: {
          source: { kind: 'generator', name: 'moons', n: 200, noise: 0.45 },
          split: { dev: 0.25, test: 0.25 },
        },
        layers: [
          { kind: 'Dense', params: { units: 64 } },
          { kind: 'Dense', params: { units: 64 } },
          { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
        ],
        optimizer: { algorithm: 'adam', learningRate: 0.03 },
        training: {
          batchSize: 32,
          epochs: 400,
          earlyStopping: { enabled: true, patience: 8, restoreBest: true },
        },
      },
      { executor },
    );
    expect(done.reason).toBe('early-stopping');
    const best = Math.min(...epochs.map((e) => e.dev!.loss));
    const bestEpoch = epochs.find((e) => e.dev!.loss === best)!.epoch;
    expect(done.bestEpoch).toBe(bestEpoch);
    expect(done.epochs).toBe(bestEpoch + 8);
    expect(done.restoredBest).toBe(true);
    expect(done.dev!.loss).toBeCloseTo(best, 5);
    run.dispose();
  });

  it('pauses, resumes, takes a new learning rate live, and stops on request', async () => {
    const { plan, splits } = await prepare({
      schedule: { kind: 'manual' },
      training: { batchSize: 32, epochs: 1000 },
    });
    const updates: UpdateEvent[] = [];
    let run: TrainingRun | null = null;
    let pausedAt = -1;
    run = new TrainingRun(plan, splits, {
      yieldEveryMs: 0,
      executor,
      onEvent: (e) => {
        if (e.type !== 'update') return;
        updates.push(e);
        if (e.t === 10) {
          run!.pause();
          pausedAt = updates.length;
          setTimeout(() => {
            expect(updates.length).toBe(pausedAt); // nothing trains while paused
            run!.setLearningRate(0.005);
            run!.resume();
          }, 50);
        }
        if (e.t === 30) run!.stop();
      },
    });
    const done: DoneEvent = await run.start();
    expect(done.reason).toBe('stopped');
    expect(updates.length).toBe(30);
    expect(updates[9]!.lr).toBe(0.02);
    expect(updates[10]!.lr).toBe(0.005);
    run.dispose();
  });
});
