import { describe, expect, it } from 'vitest';
import { heatPixels } from './heat';

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
