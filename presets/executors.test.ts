import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectNodeBackend } from '../cli/backend.js';
import { prepareRun } from '../engine/compile/prepare.js';
import { supportsFast } from '../engine/fast/executor.js';
import { batchSizeFor } from '../engine/nodes/training.js';
import type { DoneEvent, EpochEvent, TrainingEvent, UpdateEvent } from '../engine/train/events.js';
import { type ExecutorName, TrainingRun } from '../engine/train/trainer.js';
import { presetDocuments } from './lessons.js';

/**
 * Both executors train every preset to the same numbers (issue 8): the fast float32 executor and
 * tf.js on WASM start from the same initial weights and take the same mini-batches, so each
 * update's cost, each epoch's metrics and the final weights agree to float32 rounding, which grows
 * with the updates taken: over 100 updates the worst relative difference of any cost was 2.5e-6
 * (zeros init), so 2e-5 leaves a 10× margin.
 */
const TOLERANCE = 2e-5;
const UPDATES = 100;
/**
 * Weights ×10 (the initialization lesson's bad start) amplify float32 rounding ~1.4× per update:
 * the two executors' costs differ by 1e-7 at update 2, 1e-5 at update 10, 1.3e-4 by update 20 and
 * 7e-4 at update 39 — conditioning, not a bug in either. Compared over 20 updates at 5e-4.
 */
const OVERRIDES: Record<string, { updates: number; tolerance: number; backend?: 'cpu' }> = {
  'initialization-random10.netcanvas.json': { updates: 20, tolerance: 5e-4 },
  // tf.js 4.22's WASM backend has no Conv2DBackpropFilter; on CPU a convolution's update is slow.
  'convolution-cnn.netcanvas.json': { updates: 20, tolerance: TOLERANCE, backend: 'cpu' },
};

interface Trained {
  executor: ExecutorName;
  updates: UpdateEvent[];
  epochs: EpochEvent[];
  done: DoneEvent;
  weights: Float32Array[];
  notes: string[];
}

async function train(file: string, executor: ExecutorName): Promise<Trained> {
  const updates = OVERRIDES[file]?.updates ?? UPDATES;
  const doc = presetDocuments().find((p) => p.file === file)?.doc;
  if (!doc) throw new Error(file);
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  const { plan, splits } = prepared.value;
  const perEpoch = Math.ceil(splits.train.m / batchSizeFor(plan.training, splits.train.m));
  const events: TrainingEvent[] = [];
  const run: TrainingRun = new TrainingRun(plan, splits, {
    executor,
    epochs: Math.max(1, Math.min(plan.training.epochs, Math.ceil(updates / perEpoch))),
    onEvent: (e) => {
      events.push(e);
      // SGD's epoch is m updates: stop both runs at the same update.
      if (e.type === 'update' && e.t === updates) run.stop();
    },
  });
  const done = await run.start();
  // Parameters, then the layers' state (batch norm's moving averages and update count).
  const network = run.network;
  const weights = [...network.trainableVariables, ...network.layers.flatMap((l) => l.state)].map((v) =>
    Float32Array.from(v.dataSync()),
  );
  run.dispose();
  const start = events.find((e) => e.type === 'start');
  return {
    executor: start?.type === 'start' ? start.executor : 'tfjs',
    updates: events.filter((e): e is UpdateEvent => e.type === 'update'),
    epochs: events.filter((e): e is EpochEvent => e.type === 'epoch'),
    done,
    weights,
    notes: start?.type === 'start' ? start.notes : [],
  };
}

/** |a − b| within the file's tolerance of the larger magnitude (or of 1 near 0). */
function expectClose(a: number, b: number, what: string): void {
  const tolerance = OVERRIDES[what.split(' ')[0] as string]?.tolerance ?? TOLERANCE;
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(a), Math.abs(b)),
  );
}

/**
 * Fashion-MNIST's LeNet is left out: tf.js, the reference here, needs its CPU backend for a
 * convolution's filter gradient (WASM has none) and takes ~10 s an update and minutes an evaluation
 * on 60,000 images. Its kinds are compared on the digits CNN above and on 500 random graphs
 * (engine/fast/property.test.ts).
 */
const TOO_SLOW_ON_TFJS = new Set(['fashion-cnn.netcanvas.json']);
const presets = presetDocuments().filter((p) => !TOO_SLOW_ON_TFJS.has(p.file));

describe('the fast executor and tf.js on every preset', () => {
  for (const { file, doc } of presets) {
    it(file, async () => {
      await selectNodeBackend(OVERRIDES[file]?.backend ?? 'wasm');
      const prepared = await prepareRun(doc);
      if (!prepared.ok) throw new Error(file);
      // Every preset runs on the fast executor, batch norm and dropout included: no tf.js fallback.
      expect(supportsFast(prepared.value.plan)).toBeNull();
      const fast = await train(file, 'fast');
      const reference = await train(file, 'tfjs');
      expect(fast.executor).toBe('fast');
      expect(reference.executor).toBe('tfjs');
      expect(fast.updates.length).toBe(reference.updates.length);
      fast.updates.forEach((u, i) => {
        expectClose(u.cost, reference.updates[i]?.cost ?? Number.NaN, `${file} cost of update ${u.t}`);
      });
      expect(fast.epochs.length).toBe(reference.epochs.length);
      fast.epochs.forEach((e, i) => {
        const r = reference.epochs[i] as EpochEvent;
        expectClose(e.train.cost, r.train.cost, `${file} train cost, epoch ${e.epoch}`);
        expect(e.train.accuracy === null).toBe(r.train.accuracy === null);
        // One example may flip class at a decision boundary; 1/m in accuracy.
        expect(Math.abs((e.train.accuracy ?? 0) - (r.train.accuracy ?? 0))).toBeLessThanOrEqual(
          1 / e.train.m + 1e-9,
        );
        if (e.dev && r.dev) expectClose(e.dev.loss, r.dev.loss, `${file} dev loss, epoch ${e.epoch}`);
      });
      expect(fast.notes.join(' ')).not.toContain('Trained with tf.js');
      expect(fast.done.reason).toBe(reference.done.reason);
      if (fast.done.test && reference.done.test)
        expectClose(fast.done.test.cost, reference.done.test.cost, `${file} test cost`);
      fast.weights.forEach((w, i) => {
        const r = reference.weights[i] as Float32Array;
        let worst = 0;
        for (let e = 0; e < w.length; e++)
          worst = Math.max(worst, Math.abs((w[e] as number) - (r[e] as number)));
        const tolerance = OVERRIDES[file]?.tolerance ?? TOLERANCE;
        expect(worst, `${file} weights ${i}`).toBeLessThanOrEqual(
          tolerance * Math.max(1, ...r.map(Math.abs)),
        );
      });
      expect(tf.memory().numTensors).toBeLessThan(50);
    });
  }
});
