import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../document/build.js';
import { narrow } from './narrow.js';
import { readValues } from './params.js';
import { applyBest, bestResult, rankResults } from './rank.js';
import { sampleTrials } from './sample.js';
import { coordinateInterval } from './scales.js';
import type { ParamValues, SearchSpace } from './space.js';
import type { TrialReason, TrialResult } from './trial.js';

const result = (
  trial: number,
  values: ParamValues,
  devLoss: number | null,
  reason: TrialReason = 'epochs',
): TrialResult => ({
  trial,
  values,
  devLoss,
  devAccuracy: devLoss === null ? null : 1 - devLoss,
  trainLoss: devLoss,
  trainAccuracy: null,
  epochs: 20,
  stoppedEarly: reason === 'pruned' || reason === 'nan',
  reason,
  message: '',
  checkpointLoss: null,
  elapsedMs: 0,
});

const space: SearchSpace = {
  params: [
    { nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1e-1 },
    { nodeId: 'optimizer', path: 'beta1', scale: 'oneMinusLog10', min: 0.9, max: 0.999 },
    { nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 16, max: 512 },
  ],
  trials: 8,
  epochsPerTrial: 20,
  seed: 1,
};

const v = (alpha: number, beta1: number, batchSize: number): ParamValues => ({
  'optimizer.learningRate': alpha,
  'optimizer.beta1': beta1,
  'training.batchSize': batchSize,
});

const results = [
  result(1, v(0.0002, 0.95, 16), 0.6),
  result(2, v(0.01, 0.99, 64), 0.2),
  result(3, v(0.03, 0.9, 128), 0.25),
  result(4, v(0.09, 0.999, 512), 0.5),
  // Pruned and NaN trials never count as best, however low their loss.
  result(5, v(0.005, 0.93, 32), 0.1, 'pruned'),
  result(6, v(0.08, 0.92, 256), null, 'nan'),
];

describe('ranking trials', () => {
  it('puts fully trained trials first, by dev loss, then stopped ones, then NaN', () => {
    expect(rankResults(results).map((r) => r.trial)).toEqual([2, 3, 4, 1, 5, 6]);
    expect(rankResults(results, 'devAccuracy').map((r) => r.trial)).toEqual([2, 3, 4, 1, 5, 6]);
    expect(bestResult(results)?.trial).toBe(2);
  });

  it('applies the best trial’s values to the document', () => {
    const doc = sequentialDocument({
      layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
      optimizer: { algorithm: 'adam', learningRate: 0.0007 },
    });
    const applied = applyBest(doc, space.params, results);
    expect(applied.ok && readValues(applied.value, space.params)).toMatchObject({ value: v(0.01, 0.99, 64) });
    expect(applyBest(doc, space.params, results.slice(4)).ok).toBe(false);
  });
});

describe('coarse to fine', () => {
  it('shrinks each range, in its own scale, to the best trials plus a tenth of the old range', () => {
    const fine = narrow(space, results, 2);
    // Best two: trials 2 and 3. α: r ∈ [−4, −1], margin 0.3; best r = log10 0.01 = −2 and
    // log10 0.03 = −1.5229 → [−2.3, −1.2229] → α ∈ [0.01·10^−0.3, 0.03·10^0.3] = [0.005012, 0.05986].
    expect(fine.params[0]).toMatchObject({ min: 0.005012, max: 0.05986 });
    // β₁: r = log10(1 − β) ∈ [−3, −1], margin 0.2; best r = −2 (0.99) and −1 (0.9) → [−2.2, −1]
    // (capped at the old end) → β₁ ∈ [0.9, 1 − 10^−2.2] = [0.9, 0.99369].
    expect(fine.params[1]).toMatchObject({ min: 0.9, max: 0.99369 });
    // Batch size: r = log2 ∈ [4, 9], margin 0.5; best 64 (6) and 128 (7) → [5.5, 7.5] → whole
    // exponents outward [5, 8] → [32, 256].
    expect(fine.params[2]).toMatchObject({ min: 32, max: 256 });
    expect(fine.seed).not.toBe(space.seed);
    expect(fine.trials).toBe(space.trials);
  });

  it('never leaves the original range and never widens a range', () => {
    for (const k of [1, 2, 3, 4, 10]) {
      const fine = narrow(space, results, k);
      fine.params.forEach((p, i) => {
        const old = space.params[i]!;
        expect(p.min).toBeGreaterThanOrEqual(old.min);
        expect(p.max).toBeLessThanOrEqual(old.max);
        const a = coordinateInterval(p.scale, p.min, p.max);
        const b = coordinateInterval(old.scale, old.min, old.max);
        expect(a.hi - a.lo).toBeLessThanOrEqual(b.hi - b.lo + 1e-12);
      });
    }
  });

  it('keeps the best trials inside the narrowed ranges, and round two samples there', () => {
    const fine = narrow(space, results, 3);
    for (const best of [results[1]!, results[2]!, results[3]!]) {
      fine.params.forEach((p) => {
        const value = best.values[`${p.nodeId}.${p.path}`]!;
        expect(value).toBeGreaterThanOrEqual(p.min);
        expect(value).toBeLessThanOrEqual(p.max);
      });
    }
    for (const values of sampleTrials(fine, 200)) {
      fine.params.forEach((p) => {
        expect(values[`${p.nodeId}.${p.path}`]).toBeGreaterThanOrEqual(p.min);
        expect(values[`${p.nodeId}.${p.path}`]).toBeLessThanOrEqual(p.max);
      });
    }
  });

  it('narrows to a fifth of the range around a single best trial', () => {
    // k = 1: the best α 0.01 (r = −2) ± 0.3 → [10^−2.3, 10^−1.7] = [0.005012, 0.01995].
    expect(narrow(space, results, 1).params[0]).toMatchObject({ min: 0.005012, max: 0.01995 });
  });

  it('leaves the space as it is when no trial trained fully', () => {
    expect(narrow(space, results.slice(4), 2)).toBe(space);
  });
});
