import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../document/build.js';
import { defaultBaseError } from './base-error.js';
import { biasVarianceVerdict } from './verdict.js';
import { trainingTraits } from './verdict-context.js';

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

describe('a verdict that knows the graph and its data', () => {
  it('does not call 95 % train / 96.7 % dev on moons (σ = 0.2) high bias: the base error there is 3 %', () => {
    const base = defaultBaseError({ kind: 'generator', name: 'moons', n: 300, noise: 0.2 });
    expect(base).toBe(0.03);
    // avoidable bias = 0.05 − 0.03 = 0.02 < 0.05; variance = 0.033 − 0.05 < 0.
    expect(biasVarianceVerdict(m(0.95), m(0.967), base).kind).toBe('neither');
    // Against 0 % the same run is high bias (0.05 > LARGE_GAP only just; 0.06 clearly).
    expect(biasVarianceVerdict(m(0.94), m(0.96), 0).kind).toBe('high-bias');
  });

  it('interpolates the moons table and leaves other data at 0', () => {
    // Halfway between σ 0.1 (0.0008) and 0.15 (0.0093): 0.00505 → 0.005.
    expect(defaultBaseError({ kind: 'generator', name: 'moons', n: 300, noise: 0.125 })).toBe(0.005);
    expect(defaultBaseError({ kind: 'generator', name: 'moons', n: 300, noise: 2 })).toBe(0.177);
    expect(defaultBaseError({ kind: 'builtin', name: 'digits' } as never)).toBe(0);
    expect(defaultBaseError(undefined)).toBe(0);
  });

  it('never recommends Adam to an Adam network, nor a regularizer the graph already uses', () => {
    const doc = sequentialDocument({
      layers: [
        { kind: 'Dense', id: 'h', params: { units: 4, l2: 0.01 } },
        { kind: 'Dropout', id: 'd', params: { keepProb: 0.8 } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
      optimizer: { algorithm: 'adam', learningRate: 0.01 },
    });
    const traits = trainingTraits(doc);
    expect(traits.optimizer).toBe('adam');
    expect([...traits.regularizers].sort()).toEqual(['dropout', 'l2']);
    const both = biasVarianceVerdict(m(0.85), m(0.7), 0, traits);
    const text = both.remedies.map((r) => r.en).join(' ');
    expect(text).not.toMatch(/Adam/);
    expect(text).toContain('Regularize: early stopping.');
    expect(both.remedies.map((r) => r.zh).join(' ')).toContain('正则化：提前终止。');
    // Without traits the notes' full lists.
    expect(
      biasVarianceVerdict(m(0.85), m(0.84))
        .remedies.map((r) => r.en)
        .join(' '),
    ).toMatch(/Adam/);
  });
});
