import { describe, expect, it } from 'vitest';
import { entriesToCheck } from './numerical.js';
import { autodiffVerdictFor, relativeDifference, verdictFor } from './verdict.js';

describe('spec §5 difference and verdict bands', () => {
  it('difference = ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂)', () => {
    // a = [3, 4], b = [3, 4.5]: ‖a − b‖ = 0.5, ‖a‖ = 5, ‖b‖ = sqrt(29.25) = 5.408327 → 0.5/10.408327.
    expect(relativeDifference([3, 4], [3, 4.5])).toBeCloseTo(0.5 / 10.408327, 8);
    // Orthogonal unit vectors: sqrt(2)/2.
    expect(relativeDifference([1, 0], [0, 1])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(relativeDifference([0, 0], [0, 0])).toBe(0);
  });

  it('≤ 1e-7 correct, around 1e-5 look closer, ≥ 1e-3 almost surely a bug', () => {
    expect([1e-9, 1e-7, 1e-6, 1e-5, 9e-4, 1e-3, 0.5, Number.NaN].map((d) => verdictFor(d))).toEqual([
      'correct',
      'correct',
      'look closer',
      'look closer',
      'look closer',
      'bug',
      'bug',
      'bug',
    ]);
  });

  it('above 1e-7 but within float64 rounding of J reads "rounding", never for a gap beyond it', () => {
    expect(verdictFor(4e-7, 1e-9, 3e-9)).toBe('rounding');
    expect(verdictFor(4e-7, 1e-8, 3e-9)).toBe('look closer');
  });

  it('tf.js float32 agrees at ≤ 1e-5, and ≥ 1e-3 is a bug there too', () => {
    expect([3e-8, 1e-5, 1e-4, 1e-3].map(autodiffVerdictFor)).toEqual([
      'agrees',
      'agrees',
      'look closer',
      'bug',
    ]);
  });

  it('checks every entry of a small tensor, and a seeded sample of a large one', () => {
    expect(Array.from(entriesToCheck(4, 256, 1))).toEqual([0, 1, 2, 3]);
    const sample = entriesToCheck(10_000, 256, 7);
    expect(sample.length).toBe(256);
    expect(new Set(sample).size).toBe(256);
    expect(Array.from(sample)).toEqual([...sample].sort((a, b) => a - b));
    expect(sample.every((i) => i >= 0 && i < 10_000)).toBe(true);
    expect(Array.from(entriesToCheck(10_000, 256, 7))).toEqual(Array.from(sample));
  });
});
