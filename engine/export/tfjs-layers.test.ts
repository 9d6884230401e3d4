import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { sequentialDocument } from '../document/build.js';
import { TrainingRun } from '../train/trainer.js';
import { EXPORT_FIXTURES, maxAbsDifference, trainFixture } from './test-fixtures.js';
import { exportLayersModel, loadLayersModelFiles } from './tfjs-layers.js';

describe('tf.js layers export', () => {
  it('loads back in stock tf.js with the same predictions on raw inputs', async () => {
    // Normalize (folded in as a frozen Dense), Dense without bias before BatchNorm (test-time
    // statistics exported), Dropout (identity at inference), Softmax over 3 blob classes.
    const doc = sequentialDocument({
      dataset: { source: { kind: 'generator', name: 'blobs', n: 300, centers: 3 } },
      layers: [
        { kind: 'Normalize' },
        { kind: 'Dense', params: { units: 16, activation: 'linear' } },
        { kind: 'BatchNorm' },
        { kind: 'Activation', params: { fn: 'tanh' } },
        { kind: 'Dropout', params: { keepProb: 0.9 } },
        { kind: 'Dense', params: { units: 3, activation: 'linear' } },
        { kind: 'Softmax' },
      ],
      loss: { fn: 'categoricalCrossEntropy' },
      training: { batchSize: 32, epochs: 3 },
    });
    const prepared = await prepareRun(doc);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const { plan, splits } = prepared.value;
    const run = new TrainingRun(plan, splits);
    await run.start();
    const files = await exportLayersModel(run.network);
    const loaded = await loadLayersModelFiles({
      modelJson: JSON.parse(JSON.stringify(files.modelJson)),
      weights: files.weights,
    });
    const x = tf.tensor2d(splits.test.x, [splits.test.m, splits.test.features]);
    const ours = run.network.predict(x);
    const theirs = loaded.predict(x) as tf.Tensor;
    const diff = tf.max(tf.abs(tf.sub(ours, theirs))).dataSync()[0]!;
    expect(diff).toBeLessThan(1e-5);
    expect(theirs.shape).toEqual([splits.test.m, 3]);
    // The frozen normalization layer stays frozen; the Dense before BatchNorm has no bias.
    const layers = (
      files.modelJson.modelTopology as {
        config: { layers: { class_name: string; config: Record<string, unknown> }[] };
      }
    ).config.layers;
    expect(layers.map((l) => l.class_name)).toEqual([
      'InputLayer',
      'Dense',
      'Dense',
      'BatchNormalization',
      'Activation',
      'Dropout',
      'Dense',
      'Softmax',
    ]);
    expect(layers[1]!.config.trainable).toBe(false);
    expect(layers[2]!.config.use_bias).toBe(false);
    tf.dispose([x, ours, theirs]);
    loaded.dispose();
    run.dispose();
  });
});

describe('tf.js layers export of a graph', () => {
  for (const name of ['residualConcat', 'digitsCnn']) {
    it(`loads back as a functional model with the app's predictions within 1e-5 (${name})`, async () => {
      const f = await trainFixture(EXPORT_FIXTURES[name]!);
      const files = await exportLayersModel(f.run.network);
      f.run.dispose();
      const loaded = await loadLayersModelFiles({
        modelJson: JSON.parse(JSON.stringify(files.modelJson)),
        weights: files.weights,
      });
      const x = tf.tensor2d(f.inputs, [f.m, f.features]);
      const y = loaded.predict(x) as tf.Tensor;
      expect(y.shape).toEqual(f.shape);
      expect(maxAbsDifference(await y.data(), f.expected)).toBeLessThan(1e-5);
      // Merges keep their inputs: a functional model, not a Sequential one.
      const topology = files.modelJson.modelTopology as { class_name: string };
      expect(topology.class_name).toBe('Model');
      tf.dispose([x, y]);
      loaded.dispose();
    });
  }
});
