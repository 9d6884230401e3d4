import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { compileGraph, type TrainingPlan } from '../engine/compile/plan.js';
import { prepareRun } from '../engine/compile/prepare.js';
import type { LabeledData } from '../engine/data/types.js';
import type { GraphDocument } from '../engine/document/schema.js';
import { supportsFast } from '../engine/fast/executor.js';
import { randomExamples } from '../engine/testing/random-graphs.js';
import { chooseExecutor } from '../engine/train/choose-executor.js';
import { presetDocuments } from './lessons.js';

/**
 * Every preset trains on the fast executor by the measured choice (issue 16): in Node the chooser
 * times the fast executor, tf.js on WASM and tf.js on CPU on the preset's own plan and data, as
 * `netcanvas train --backend auto` does (cli/backend.ts), and must pick the fast one.
 */

/** Fashion-MNIST is a Debian package that may be missing: its LeNet then times on random images. */
const FASHION = {
  features: 784,
  classes: 10,
  targets: 1,
  m: 256,
  imageShape: [28, 28, 1] as [number, number, number],
};

async function planAndData(
  file: string,
  doc: GraphDocument,
): Promise<{ plan: TrainingPlan; train: LabeledData }> {
  const prepared = await prepareRun(doc);
  if (prepared.ok) return { plan: prepared.value.plan, train: prepared.value.splits.train };
  if (file !== 'fashion-cnn.netcanvas.json') throw new Error(`${file}: ${prepared.problems[0]?.message}`);
  const plan = compileGraph(doc, FASHION);
  if (!plan.ok) throw new Error(`${file}: ${plan.problems[0]?.message}`);
  return { plan: plan.value, train: randomExamples(FASHION, FASHION.m, 3) };
}

describe('the executor each preset trains on in Node', () => {
  for (const { file, doc } of presetDocuments()) {
    it(`${file} is timed on the fast executor, tf.js WASM and tf.js CPU, and picks the fast one`, async () => {
      const { plan, train } = await planAndData(file, doc);
      expect(supportsFast(plan)).toBeNull();
      // A short timing: the fast executor wins by 4× (residual-skip) to 100× on this 2-core machine.
      const choice = await chooseExecutor(plan, train, ['wasm', 'cpu'], { budgetMs: 10 });
      expect(choice.timings.map((t) => `${t.executor}/${t.backend}`)).toEqual([
        'fast/wasm',
        'tfjs/wasm',
        'tfjs/cpu',
      ]);
      expect(choice.timings[0]?.msPerUpdate).not.toBeNull();
      expect(choice.executor, JSON.stringify(choice.timings)).toBe('fast');
    });
  }
});
