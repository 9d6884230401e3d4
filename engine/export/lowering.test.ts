import { describe, expect, it } from 'vitest';
import { explicitPads, onnxPads, torchPads } from '../nodes/conv2d/pads.js';
import { isLayerKind, NODE_KINDS } from '../nodes/registry.js';
import { permuteAxes } from './lowering.js';
import { pythonNames } from './python.js';
import { EXPORT_FIXTURES } from './test-fixtures.js';

describe('export lowerings', () => {
  const layerKinds = NODE_KINDS.filter(isLayerKind).map((k) => k.kind);

  it('every layer kind has its ONNX and PyTorch lowering, and reads its numbers', () => {
    const missing = NODE_KINDS.filter(isLayerKind)
      .filter((k) => !k.export?.read || !k.export.onnx || !k.export.pytorch?.forward)
      .map((k) => k.kind);
    expect(missing).toEqual([]);
    expect(layerKinds.length).toBeGreaterThanOrEqual(13);
  });

  it('the export fixtures use every layer kind, so the prediction tests check every lowering', () => {
    const used = new Set(Object.values(EXPORT_FIXTURES).flatMap((spec) => spec.layers.map((l) => l.kind)));
    expect(layerKinds.filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('helpers of the lowerings', () => {
  it('permutes tf.js filters [k, k, cIn, cOut] into [cOut, cIn, k, k]', () => {
    // k = 2, cIn = 1, cOut = 2: W[u][v][0][o] = 10·o + 2u + v, stored with o fastest.
    const w = Float32Array.of(0, 10, 1, 11, 2, 12, 3, 13);
    // [cOut, cIn, k, k]: filter 0 is 0 1 2 3, filter 1 is 10 11 12 13.
    expect(Array.from(permuteAxes(w, [2, 2, 1, 2], [3, 2, 0, 1]))).toEqual([0, 1, 2, 3, 10, 11, 12, 13]);
    // A 2×3 matrix transposed.
    expect(Array.from(permuteAxes(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3], [1, 0]))).toEqual([
      1, 4, 2, 5, 3, 6,
    ]);
  });

  it("pads as TensorFlow places its windows: the odd zero of 'same' after", () => {
    // 8 wide, k 3, s 2, same: ⌈8/2⌉ = 4 windows need (4 − 1)·2 + 3 − 8 = 1 zero: after.
    const odd = explicitPads([8, 8, 1], 3, 2, 'same');
    expect(odd).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect(onnxPads(odd)).toEqual([0, 0, 1, 1]);
    expect(torchPads(odd)).toEqual([0, 1, 0, 1]);
    // k 5, s 1, same on 28: 4 zeros, 2 before and 2 after.
    expect(explicitPads([28, 28, 1], 5, 1, 'same')).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    // valid never pads; k 1, s 2 same on 8: (4 − 1)·2 + 1 − 8 < 0, so none.
    expect(explicitPads([8, 6, 3], 3, 2, 'valid')).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(explicitPads([8, 8, 1], 1, 2, 'same')).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it("names nodes as Python identifiers clear of the forward pass's own names", () => {
    expect(pythonNames(['dense-1', 'dense_1', '2a', 'x', 'sum', 'train'])).toEqual([
      'dense_1',
      'dense_1_2',
      'layer_2a',
      'x_2',
      'sum_2',
      'train_2',
    ]);
  });
});
