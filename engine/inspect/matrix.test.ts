import { describe, expect, it } from 'vitest';
import { blockToFull, capMatrix, entryError, matrixShape } from './matrix.js';

describe('weight matrices in Step mode', () => {
  it('folds every axis but the last into rows', () => {
    expect(matrixShape([2, 5])).toEqual([2, 5]);
    // Conv2D [k, k, cIn, cOut] = [3, 3, 2, 8] → [3·3·2, 8] = [18, 8].
    expect(matrixShape([3, 3, 2, 8])).toEqual([18, 8]);
    expect(matrixShape([4])).toEqual([1, 4]);
  });

  it('keeps the top-left block of a matrix larger than the cap and says how large it was', () => {
    // 3 × 4 matrix, entry (r, c) = 10r + c; capped at 2 × 2 → [[0, 1], [10, 11]].
    const values = Float32Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4));
    const block = capMatrix(values, 3, 4, 2);
    expect([...block.values]).toEqual([0, 1, 10, 11]);
    expect(block).toMatchObject({ rows: 2, cols: 2, fullRows: 3, fullCols: 4 });
    expect(capMatrix(values, 3, 4).rows).toBe(3);
  });

  it('maps block entries back to the full matrix', () => {
    // Block 2 × 2 of a 3 × 4 matrix: block entry 3 is (1, 1) → full index 1·4 + 1 = 5.
    expect([...blockToFull([0, 1, 2, 3], { cols: 2, fullCols: 4 })]).toEqual([0, 1, 4, 5]);
  });

  it('measures one entry’s relative error against the larger gradient or the floor', () => {
    // |1.0 − 1.001| / 1.001 = 0.000999…
    expect(entryError(1, 1.001, 1e-9)).toBeCloseTo(0.001 / 1.001, 12);
    // Both below the floor 1e-6: |2e-8 − 1e-8| / 1e-6 = 0.01, not 50 %.
    expect(entryError(2e-8, 1e-8, 1e-6)).toBeCloseTo(0.01, 12);
    expect(entryError(0, 0, 1e-9)).toBe(0);
  });
});
