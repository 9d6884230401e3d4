import { describe, expect, it } from 'vitest';
import { featureStatistics } from './statistics.js';

describe('spec §1 input normalization statistics', () => {
  it('divides by the standard deviation σ, not σ², and centres a constant feature only', () => {
    // Feature 0: [1, 3, 5, 7] → μ = 4, σ² = (9 + 1 + 1 + 9)/4 = 5, σ = 2.2360680.
    // Feature 1: [2, 2, 2, 2] → μ = 2, σ = 0 → kept at 1 and reported.
    const x = Float32Array.from([1, 2, 3, 2, 5, 2, 7, 2]);
    const stats = featureStatistics({ m: 4, features: 2, x, y: new Float32Array(4), classes: 2, targets: 1 });
    expect(stats.mean[0]).toBeCloseTo(4, 6);
    expect(stats.std[0]).toBeCloseTo(2.236068, 6);
    expect(stats.mean[1]).toBeCloseTo(2, 6);
    expect(stats.std[1]).toBe(1);
    expect(stats.constant).toEqual([1]);
  });
});
