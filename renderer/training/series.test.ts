import { describe, expect, it } from 'vitest';
import { decimate, decimatedRows, oscillation, Series, smoothColumn, smoothedSeries } from './series';

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

describe('drawing many updates', () => {
  it('smooths a growing series incrementally, equal to smoothing it whole', () => {
    const raw = new Series(4);
    const values = Array.from({ length: 50 }, (_, i) => Math.sin(i) + 1);
    for (const v of values.slice(0, 20)) raw.push(v);
    smoothedSeries(raw, 0.9, true);
    for (const v of values.slice(20)) raw.push(v);
    const whole = smoothColumn(Float64Array.from(values), 0.9, true);
    expect(Array.from(smoothedSeries(raw, 0.9, true))).toEqual(Array.from(whole));
    // A new β starts over: v_1 = (1 − 0.5)·θ_1 / (1 − 0.5) = θ_1 with the correction.
    expect(smoothedSeries(raw, 0.5, true)[0]).toBeCloseTo(values[0] as number, 12);
  });

  it('keeps each run of rows’ lowest and highest value, in order, and passes short columns through', () => {
    // 8 rows into 4 points: two runs of 4 rows, each keeping its min and max rows.
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [5, 1, 9, 4, 2, 8, 3, 7];
    const z = [10, 20, 30, 40, 50, 60, 70, 80];
    const [dx, dy, dz] = decimate([x, y, z], 4);
    expect(Array.from(dx ?? [])).toEqual([2, 3, 5, 6]);
    expect(Array.from(dy ?? [])).toEqual([1, 9, 2, 8]);
    expect(Array.from(dz ?? [])).toEqual([20, 30, 50, 60]);
    expect(decimate([x, y], 8)).toEqual([x, y]);
    // A run with nothing finite (a shorter compared run's padding) keeps one gap row.
    const [, padded] = decimate([x, [null, null, null, null, 1, 2, 3, 4]], 4);
    expect(Array.from(padded ?? [])).toEqual([null, 1, 4]);
  });
});

describe('decimating a growing series from block summaries', () => {
  it('keeps every row of a short series, and the extremes of long ones as it grows', () => {
    const s = new Series(8);
    for (let i = 0; i < 10; i++) s.push(i);
    expect(decimatedRows(s, 16)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 1,000 rows of a sawtooth with one spike at 500 and one dip at 777: both survive 40 points.
    const long = new Series(8);
    for (let i = 0; i < 1000; i++) long.push(i === 500 ? 100 : i === 777 ? -100 : i % 7);
    const first = decimatedRows(long, 40);
    expect(first).toContain(500);
    expect(first).toContain(777);
    expect(first.length).toBeLessThanOrEqual(40);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
    // Grown by 300 rows with a new spike in the unfinished last block: read as is.
    for (let i = 0; i < 300; i++) long.push(i === 290 ? 200 : i % 7);
    const grown = decimatedRows(long, 40);
    expect(grown).toContain(1290);
    expect(grown).toContain(777);
  });
});
