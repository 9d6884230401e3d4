import { describe, expect, it } from 'vitest';
import type { InspectionBuffers } from './buffers.js';
import {
  deadFraction,
  identicalUnits,
  measureLayers,
  moments,
  percentiles,
  saturatedFraction,
} from './measure.js';
import type { InspectionTarget } from './targets.js';

const f32 = (xs: number[]) => Float32Array.from(xs);

describe('layer figures', () => {
  it('takes the mean and the standard deviation divided by n', () => {
    // [1, 2, 3, 6]: mean 3, squares 4 + 1 + 0 + 9 = 14, σ = √(14/4) = 1.8708.
    const { mean, std } = moments(f32([1, 2, 3, 6, 100]), 4);
    expect(mean).toBe(3);
    expect(std).toBeCloseTo(Math.sqrt(3.5), 12);
  });

  it('reads the distribution bands from the sorted values', () => {
    // 0…100: the p-th band is the value at p·100, rounded: 0, 7, 16, 31, 50, 69, 84, 93, 100.
    const values = Float32Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(percentiles(values, 101)).toEqual([0, 7, 16, 31, 50, 69, 84, 93, 100]);
  });

  it('counts a ReLU unit dead only when it is 0 for every example', () => {
    // rows × 3 units: unit 0 fires in row 2, unit 1 never, unit 2 in row 1 → 1 of 3 dead.
    const a = f32([0, 0, 0.5, 2, 0, 0]);
    expect(deadFraction(a, 6, 3)).toBeCloseTo(1 / 3, 12);
  });

  it('calls a sigmoid or tanh output saturated past |z| = 4', () => {
    // σ(4) = 0.98201: 0.99 and 0.001 are past it, 0.5 and 0.98 are not.
    expect(saturatedFraction(f32([0.99, 0.001, 0.5, 0.98]), 4, 'sigmoid')).toBe(0.5);
    // tanh(4) = 0.99933: only −0.9999 is past it.
    expect(saturatedFraction(f32([-0.9999, 0.999, 0]), 3, 'tanh')).toBeCloseTo(1 / 3, 12);
  });

  it('finds units with identical weights and biases, and no symmetry once one weight differs', () => {
    // W [2 inputs, 3 units]: every row repeats one value per unit.
    const w = { name: 'W', values: f32([0.5, 0.5, 0.5, -1, -1, -1]), gradient: f32([]), before: null };
    const b = { name: 'b', values: f32([0, 0, 0]), gradient: f32([]), before: null };
    expect(identicalUnits([w, b], 3)).toBe(true);
    expect(identicalUnits([{ ...w, values: f32([0.5, 0.5, 0.5, -1, -1, -0.9]) }, b], 3)).toBe(false);
    expect(identicalUnits([w, { ...b, values: f32([0, 0.1, 0]) }], 3)).toBe(false);
  });

  it('measures ‖dW‖, ‖W‖ before the step and the update ratio, and BatchNorm against its running averages', () => {
    const dense: InspectionTarget = {
      nodeId: 'hidden1',
      index: 0,
      activated: { index: 0, g: 'relu' },
      units: 2,
      features: 2,
      isOutput: false,
      momentum: null,
    };
    const bn: InspectionTarget = { ...dense, nodeId: 'bn', index: 1, activated: null, momentum: 0.5 };
    const buffers: InspectionBuffers = {
      rows: 2,
      outputs: [f32([1, 0, 3, 0]), f32([0, 0, 0, 0])],
      inputs: [[f32([0, 0])], [f32([1, 0, 3, 0])]],
      parameters: [
        // ‖W_before‖ = √(9 + 16) = 5, ΔW = (0, 0.05) → ratio 0.01; ‖dW‖ = √(1 + 4) = √5.
        [{ name: 'W', values: f32([3, 4.05]), gradient: f32([1, 2]), before: f32([3, 4]) }],
        [
          { name: 'gamma', values: f32([1, 1]), gradient: f32([3, 0]), before: f32([1, 1]) },
          { name: 'beta', values: f32([0, 0]), gradient: f32([0, 4]), before: f32([0, 0]) },
        ],
      ],
      // Raw EWAs after t = 1 with β = 0.5: v/(1 − 0.5) doubles them.
      state: [[], [f32([1, 0]), f32([0.5, 0.5]), f32([1])]],
    };
    const [d, b] = measureLayers([dense, bn], buffers);
    expect(d?.gradNorm).toBeCloseTo(Math.sqrt(5), 6);
    expect(d?.weightNorm).toBeCloseTo(5, 6);
    expect(d?.updateRatio).toBeCloseTo(0.01, 6);
    expect(d?.deadFraction).toBe(0.5);
    expect(d?.activationMean).toBe(1);
    expect(d?.batchNorm).toBeUndefined();
    // No W: ‖(dγ, dβ)‖ = √(9 + 16) = 5. Channel 0 of x is (1, 3): μ 2, σ² 1; channel 1: 0, 0.
    expect(b?.gradNorm).toBeCloseTo(5, 6);
    expect(b?.batchNorm).toEqual({ batchMean: 1, batchVariance: 0.5, runningMean: 1, runningVariance: 1 });
  });
});
