import { describe, expect, it } from 'vitest';
import { oscillation, Series, smoothColumn } from './series';

describe('chart series', () => {
  it('grows past its capacity and keeps every value', () => {
    const s = new Series(2);
    for (let i = 0; i < 100_000; i++) s.push(i);
    expect(s.length).toBe(100_000);
    expect(s.view()[99_999]).toBe(99_999);
    expect(s.last()).toBe(99_999);
  });

  it('smooths with the bias-corrected EWA, or shows the early bias without the correction', () => {
    // β = 0.9 over [10, 10]: raw v = 1, 1.9; corrected 10, 10.
    const values = Float64Array.from([10, 10]);
    expect(Array.from(smoothColumn(values, 0.9, false))).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(1.9, 12),
    ]);
    expect(Array.from(smoothColumn(values, 0.9, true))).toEqual([
      expect.closeTo(10, 12),
      expect.closeTo(10, 12),
    ]);
  });

  it('measures the oscillation as the spread of raw − smoothed', () => {
    // Raw alternates 0, 2 around a flat smoothed 1: raw − smoothed = ±1, standard deviation 1.
    const raw = Float64Array.from({ length: 100 }, (_, i) => (i % 2) * 2);
    const smooth = new Float64Array(100).fill(1);
    expect(oscillation(raw, smooth, 50)).toBeCloseTo(1, 10);
    expect(oscillation(new Float64Array(100).fill(1), smooth)).toBe(0);
  });
});
