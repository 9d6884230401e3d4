import { describe, expect, it } from 'vitest';
import { compact, logShare } from './scales';

describe('inspector scales', () => {
  it('puts 10⁻³ halfway along 10⁻⁶ … 1 and clamps the ends', () => {
    expect(logShare(1e-3, -6, 0)).toBeCloseTo(0.5, 12);
    expect(logShare(1e-9, -6, 0)).toBe(0);
    expect(logShare(50, -6, 0)).toBe(1);
    expect(logShare(null, -6, 0)).toBe(0);
    expect(logShare(Number.POSITIVE_INFINITY, -6, 0)).toBe(1);
  });

  it('writes figures compactly', () => {
    expect(compact(1.4e-9)).toBe('1.4e-9');
    expect(compact(0.0321)).toBe('0.0321');
    expect(compact(12.345)).toBe('12.3');
    expect(compact(null)).toBe('—');
  });
});
