import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportOnnx, ONNX_INPUT, ONNX_OUTPUT } from './onnx.js';
import { ProtoWriter } from './protobuf.js';
import { EXPORT_FIXTURES, maxAbsDifference, trainFixture } from './test-fixtures.js';

describe('protobuf writer', () => {
  it('writes varints, length-delimited fields and little-endian floats as the wire format says', () => {
    // 300 = 0b1_0010_1100 → low 7 bits 0x2c with the continuation bit (0xac), then 0x02.
    // Field 1 varint: tag (1 << 3) | 0 = 0x08. Field 2 string "hi": tag 0x12, length 2.
    // Field 3 float 1.0: tag (3 << 3) | 5 = 0x1d, then 0x3f800000 little-endian.
    const bytes = new ProtoWriter().int(1, 300).string(2, 'hi').float(3, 1).finish();
    expect(Array.from(bytes)).toEqual([0x08, 0xac, 0x02, 0x12, 2, 0x68, 0x69, 0x1d, 0, 0, 0x80, 0x3f]);
  });

  it('refuses negative numbers instead of writing them wrong', () => {
    expect(() => new ProtoWriter().int(1, -1)).toThrow(/non-negative/);
  });
});

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
