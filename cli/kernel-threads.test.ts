import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../engine/compile/plan.js';
import type { LabeledData } from '../engine/data/types.js';
import { sequentialDocument } from '../engine/document/build.js';
import { randomExamples } from '../engine/testing/random-graphs.js';
import { TrainingRun, threadsNote } from '../engine/train/trainer.js';
import { selectNodeBackend } from './backend.js';
import { nodeKernelHelpers } from './kernel-threads.js';

/** [784, 256, 10] at m_b 128: the first layer's product is 128·784·256 ≈ 25.7M multiply-adds, shared. */
const DATA = { features: 784, classes: 10, targets: 1, m: 256 };
const doc = sequentialDocument({
  layers: [
    { kind: 'Dense', params: { units: 256 } },
    { kind: 'Dense', params: { units: 10, activation: 'linear' } },
    { kind: 'Softmax' },
  ],
  loss: { fn: 'categoricalCrossEntropy' },
  optimizer: { algorithm: 'adam', learningRate: 0.001 },
  training: { batchMode: 'mini', batchSize: 128, epochs: 3 },
});

const none = (train: LabeledData): LabeledData => ({
  ...train,
  m: 0,
  x: new Float32Array(0),
  y: new Float32Array(0),
});

async function costs(
  helper?: ReturnType<typeof nodeKernelHelpers>,
): Promise<{ costs: number[]; notes: string[] }> {
  const plan = compileGraph(doc, DATA);
  if (!plan.ok) throw new Error(plan.problems[0]?.message);
  const train = randomExamples(DATA, DATA.m, 5);
  const out: number[] = [];
  let notes: string[] = [];
  const run = new TrainingRun(
    plan.value,
    { train, dev: none(train), test: none(train) },
    {
      executor: 'fast',
      ...(helper ? { kernelHelper: helper.spawn } : {}),
      onEvent: (e) => {
        if (e.type === 'update') out.push(e.cost);
        if (e.type === 'start') notes = e.notes;
      },
    },
  );
  await helper?.ready(); // the helper joins the products from the first update on
  await run.start();
  run.dispose();
  return { costs: out, notes };
}

describe('the fast executor on two threads in Node', () => {
  it('trains the same numbers with a helper thread as without, and notes its two threads', async () => {
    await selectNodeBackend('wasm');
    const helpers = nodeKernelHelpers();
    try {
      const alone = await costs();
      const shared = await costs(helpers);
      // 256 examples / 128 per batch × 3 epochs: 6 updates; each row of a product is summed in the
      // same order on either thread, so the costs agree to the bit.
      expect(shared.costs).toHaveLength(6);
      expect(shared.costs).toEqual(alone.costs);
      expect(alone.notes.join(' ')).not.toMatch(/thread/);
      expect(shared.notes).toContain(threadsNote(2));
    } finally {
      await helpers.stop();
    }
  });
});
