import { describe, expect, it } from 'vitest';
import { biasVarianceVerdict } from './verdict.js';

const m = (accuracy: number) => ({ cost: 0, loss: 0, accuracy, m: 100 });

describe('spec §2 bias and variance', () => {
  it('the notes’ four cases: 1%/11% variance, 15%/16% bias, 15%/30% both, 0.5%/1% neither', () => {
    expect(biasVarianceVerdict(m(0.99), m(0.89)).kind).toBe('high-variance');
    expect(biasVarianceVerdict(m(0.85), m(0.84)).kind).toBe('high-bias');
    expect(biasVarianceVerdict(m(0.85), m(0.7)).kind).toBe('both');
    expect(biasVarianceVerdict(m(0.995), m(0.99)).kind).toBe('neither');
  });

  it('judges bias against the base error: 15% train error is fine when humans err 14%', () => {
    // avoidable bias = 0.15 − 0.14 = 0.01 < 0.05; variance = 0.16 − 0.15 = 0.01.
    const v = biasVarianceVerdict(m(0.85), m(0.84), 0.14);
    expect(v.kind).toBe('neither');
    expect(v.avoidableBias).toBeCloseTo(0.01, 10);
  });

  it('names the notes’ remedies in both languages', () => {
    const v = biasVarianceVerdict(m(0.99), m(0.8));
    expect(v.remedies.map((r) => r.en).join(' ')).toMatch(/more training data.*Regularize/);
    expect(v.headline.zh).toContain('高方差');
  });

  it('says so when no epoch finished', () => {
    expect(biasVarianceVerdict(null, null).kind).toBe('unknown');
  });
});
