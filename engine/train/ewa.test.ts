import { describe, expect, it } from 'vitest';
import { createEwa, smoothSeries } from './ewa.js';

describe('spec §7 exponentially weighted averages', () => {
  it('corrects the early bias toward zero', () => {
    // β = 0.9, θ = 10, 10: v1 = 0.1·10 = 1, v2 = 0.9·1 + 0.1·10 = 1.9.
    // Corrected: 1/(1 − 0.9) = 10, 1.9/(1 − 0.81) = 10.
    expect(smoothSeries([10, 10], 0.9, false)).toEqual([expect.closeTo(1, 12), expect.closeTo(1.9, 12)]);
    const corrected = smoothSeries([10, 10], 0.9, true);
    expect(corrected[0]).toBeCloseTo(10, 12);
    expect(corrected[1]).toBeCloseTo(10, 12);
  });

  it('averages over about 1/(1 − β) values', () => {
    // A step from 0 to 1 after 200 zeros: with β = 0.98 the raw average reaches 1 − 0.98^50 = 0.6358
    // after 50 = 1/(1 − β) values; the bias correction divides by 1 − 0.98^250 = 0.99362: 0.63993.
    const ewa = createEwa(0.98);
    for (let i = 0; i < 200; i++) ewa.push(0);
    let v = 0;
    for (let i = 0; i < 50; i++) v = ewa.push(1);
    expect(v).toBeCloseTo((1 - 0.98 ** 50) / (1 - 0.98 ** 250), 10);
  });
});
