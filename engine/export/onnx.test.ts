import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { sequentialDocument } from '../document/build.js';
import { TrainingRun } from '../train/trainer.js';
import { describeNetwork } from './inference-graph.js';
import { exportOnnx, lowerToOnnx, ONNX_INPUT, ONNX_OUTPUT } from './onnx.js';
import { onnxSchema } from './onnx-schema.js';
import { EXPORT_FIXTURES, maxAbsDifference, trainFixture } from './test-fixtures.js';

describe('ONNX export', () => {
  for (const [name, spec] of Object.entries(EXPORT_FIXTURES)) {
    it(`runs in onnxruntime with the app's predictions within 1e-5 (${name})`, async () => {
      const before = tf.memory().numTensors;
      const fixture = await trainFixture(spec);
      const bytes = await exportOnnx(fixture.run.network, spec.name);
      fixture.run.dispose();
      expect(tf.memory().numTensors).toBe(before);

      const session = await ort.InferenceSession.create(bytes);
      expect(session.inputNames).toEqual([ONNX_INPUT]);
      expect(session.outputNames).toEqual([ONNX_OUTPUT]);
      const input = new ort.Tensor('float32', fixture.inputs, [fixture.m, fixture.features]);
      const result = await session.run({ [ONNX_INPUT]: input });
      const output = result[ONNX_OUTPUT]!;
      expect(output.dims).toEqual(fixture.shape);
      expect(maxAbsDifference(output.data as Float32Array, fixture.expected)).toBeLessThan(1e-5);
      await session.release();
    });
  }

  it('writes a ModelProto that reads back field by field: IR 7, opset 13, the output activation', async () => {
    const fixture = await trainFixture(EXPORT_FIXTURES.regression!);
    const bytes = await exportOnnx(fixture.run.network, 'reg');
    fixture.run.dispose();
    const model = onnxSchema.ModelProto.decode(bytes);
    expect(Number(model.irVersion)).toBe(7);
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 13]]);
    expect(model.metadataProps).toEqual([{ key: 'netcanvas.output', value: 'linear' }]);
    expect(model.graph?.input?.[0]?.type?.tensorType?.shape?.dim?.[0]?.dimParam).toBe('batch');
  });

  it('takes any batch size (the batch dimension is symbolic)', async () => {
    const fixture = await trainFixture(EXPORT_FIXTURES.regression!);
    const bytes = await exportOnnx(fixture.run.network);
    fixture.run.dispose();
    const session = await ort.InferenceSession.create(bytes);
    const one = await session.run({
      [ONNX_INPUT]: new ort.Tensor('float32', fixture.inputs.slice(0, fixture.features), [
        1,
        fixture.features,
      ]),
    });
    expect(one[ONNX_OUTPUT]!.dims).toEqual([1, 1]);
    expect(Math.abs((one[ONNX_OUTPUT]!.data as Float32Array)[0]! - fixture.expected[0]!)).toBeLessThan(1e-5);
    await session.release();
  });
});

describe('ONNX lowering of images', () => {
  it('transposes to channels first once on the way in and once before Flatten, with explicit pads', async () => {
    const prepared = await prepareRun(sequentialDocument(EXPORT_FIXTURES.digitsCnn!));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const run = new TrainingRun(prepared.value.plan, prepared.value.splits);
    const graph = await describeNetwork(run.network);
    run.dispose();
    const { nodes } = lowerToOnnx(graph);
    // conv1 → BatchNorm → ReLU → pools → conv2, conv3 → Sum → Concat → AveragePool all stay
    // channels first; Flatten reads channels last, so the features are in NetCanvas's h, w, c order.
    expect(nodes.map((n) => n.name)).toEqual([
      'input/Reshape',
      'normalize1/Sub',
      'normalize1/Mul',
      'normalize1/Transpose',
      'conv1/Conv',
      'batchnorm1/BatchNormalization',
      'relu1/Relu',
      'pool1/MaxPool',
      'conv2/Conv',
      'conv2/Relu',
      'conv3/Conv',
      'conv3/Tanh',
      'sum/Sum',
      'join/Concat',
      'pool2/AveragePool',
      'pool2/Transpose',
      'flatten1/Flatten',
      'dense1/Gemm',
      'softmax1/Softmax',
    ]);
    const attributes = (name: string) => nodes.find((n) => n.name === name)!.attributes;
    // [m, 4, 4, 8] channels first: the channel axis is 1. AveragePool 3×3 /2 'same' on 4×4 pads one
    // row and column after ([top, left, bottom, right]) and averages real cells only.
    expect(attributes('join/Concat')).toEqual([{ name: 'axis', int: 1 }]);
    expect(attributes('pool2/AveragePool')).toEqual([
      { name: 'kernel_shape', ints: [3, 3] },
      { name: 'strides', ints: [2, 2] },
      { name: 'pads', ints: [0, 0, 1, 1] },
      { name: 'count_include_pad', int: 0 },
    ]);
    expect(nodes[nodes.length - 1]!.outputs).toEqual([ONNX_OUTPUT]);
  });
});
