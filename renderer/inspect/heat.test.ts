import { describe, expect, it } from 'vitest';
import { divergingPixels, heatPixels, largestMagnitude, logErrorPixels } from './heat';

describe('a neuron’s heat map', () => {
  it('goes from orange through white to blue, relative to the layer’s scale', () => {
    // Second unit of a 1×1 grid (offset 1 … 2 of [9, −2, 0, 1]) with scale 2: v = −2 → a = 1, full orange.
    expect([...heatPixels(Float32Array.from([9, -2, 0, 1]), 1, 1, 2)]).toEqual([232, 89, 12, 255]);
    // v = 0 → white; v = 1 of 2 → halfway to blue: 255·0.5 + (28, 126, 214)·0.5 = (141.5, 190.5, 234.5) → 142, 191, 235.
    expect([...heatPixels(Float32Array.from([0, 1]), 0, 1, 2)]).toEqual([255, 255, 255, 255]);
    expect([...heatPixels(Float32Array.from([0, 1]), 1, 1, 2)]).toEqual([142, 191, 235, 255]);
  });

  it('caps values beyond the scale at the full colour', () => {
    expect([...heatPixels(Float32Array.from([5]), 0, 1, 1)]).toEqual([28, 126, 214, 255]);
  });
});

describe('Step mode’s matrix heat maps', () => {
  it('centres the diverging scale at 0 and greys entries without a value', () => {
    // Scale 4: −4 → full orange, 2 → halfway to blue (142, 191, 235), NaN → grey (222, 226, 230).
    expect([...divergingPixels([-4, 2, Number.NaN], 4)]).toEqual([
      232, 89, 12, 255, 142, 191, 235, 255, 222, 226, 230, 255,
    ]);
    // A matrix of zeros has scale 0: all white, not NaN.
    expect([...divergingPixels([0], 0)]).toEqual([255, 255, 255, 255]);
  });

  it('draws relative errors on a log scale from 1e-12 (white) to 1 (dark red)', () => {
    // 1e-6 is halfway in log₁₀ (−6 of −12 … 0): 255·0.5 + (165, 15, 21)·0.5 = (210, 135, 138).
    expect([...logErrorPixels([1e-6])]).toEqual([210, 135, 138, 255]);
    // 0 and 1e-15 clamp to white; 10 clamps to the full colour.
    expect([...logErrorPixels([0, 1e-15, 10])]).toEqual([
      255, 255, 255, 255, 255, 255, 255, 255, 165, 15, 21, 255,
    ]);
  });

  it('takes the largest magnitude as the scale', () => {
    expect(largestMagnitude([0.5, -3, 2])).toBe(3);
    expect(largestMagnitude([])).toBe(0);
  });
});
