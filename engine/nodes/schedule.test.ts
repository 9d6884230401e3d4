import { describe, expect, it } from 'vitest';
import { learningRateAt, Schedule } from './schedule.js';

describe('spec §9 learning-rate decay', () => {
  it('1/(1 + decayRate·epochNum), with epochNum from 1 as in the notes', () => {
    // α₀ = 0.2, decayRate = 1: epoch 1 → 0.2/2 = 0.1; epoch 2 → 0.2/3 = 0.0667; epoch 4 → 0.04.
    const s = { kind: 'inverseTime', decayRate: 1 } as const;
    expect(learningRateAt(s, 0.2, 1, 1)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(s, 0.2, 2, 50)).toBeCloseTo(0.0666667, 6);
    expect(learningRateAt(s, 0.2, 4, 99)).toBeCloseTo(0.04, 12);
  });

  it('exponential base^epochNum·α₀', () => {
    // 0.95³·0.1 = 0.0857375.
    expect(learningRateAt({ kind: 'exponential', base: 0.95 }, 0.1, 3, 1)).toBeCloseTo(0.0857375, 10);
  });

  it('k/sqrt(epochNum)·α₀ and k/sqrt(t)·α₀', () => {
    // k = 1: epoch 4 → α₀/2; t = 16 → α₀/4.
    expect(learningRateAt({ kind: 'sqrtEpoch', k: 1 }, 0.1, 4, 1)).toBeCloseTo(0.05, 12);
    expect(learningRateAt({ kind: 'sqrtStep', k: 1 }, 0.1, 1, 16)).toBeCloseTo(0.025, 12);
  });

  it('staircase halves α every N epochs', () => {
    // every = 10, factor = 0.5: epochs 1–10 → α₀, 11–20 → α₀/2, 21 → α₀/4.
    const s = { kind: 'staircase', every: 10, factor: 0.5 } as const;
    expect([1, 10, 11, 20, 21].map((e) => learningRateAt(s, 0.08, e, 1))).toEqual([
      0.08, 0.08, 0.04, 0.04, 0.02,
    ]);
  });

  it('constant and manual keep α₀ (the trainer applies manual changes)', () => {
    expect(learningRateAt({ kind: 'constant' }, 0.3, 9, 99)).toBe(0.3);
    expect(learningRateAt({ kind: 'manual' }, 0.3, 9, 99)).toBe(0.3);
  });

  it('a new Schedule node defaults to inverse-time decay', () => {
    expect(Schedule.params.parse({})).toEqual({ kind: 'inverseTime', decayRate: 1 });
  });
});
