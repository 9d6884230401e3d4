import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle';

describe('the inspection throttle', () => {
  it('is due at once, then after the minimum gap', () => {
    const throttle = new Throttle(1000, 10);
    expect(throttle.due(0)).toBe(true);
    // A 20 ms computation at t = 0: 10 × 20 = 200 ms < 1000 ms, so the gap rules.
    throttle.ran(0, 20);
    expect(throttle.due(999)).toBe(false);
    expect(throttle.due(1000)).toBe(true);
  });

  it('waits ten times as long as a slow computation took', () => {
    const throttle = new Throttle(1000, 10);
    // 300 ms at t = 5000: next due at 5000 + 10 × 300 = 8000.
    throttle.ran(5000, 300);
    expect(throttle.due(7999)).toBe(false);
    expect(throttle.due(8000)).toBe(true);
  });
});
