import { describe, expect, it } from 'vitest';
import { binaryAsTwoClasses, confusionMatrix, mostConfidentlyWrong, predictedClasses } from './confusion.js';

describe('the confusion matrix', () => {
  it('counts true × predicted pairs and reads precision and recall off them', () => {
    // truth     0 0 0 1 1 2
    // predicted 0 0 1 1 2 2
    // Rows (true) × columns (predicted):
    //   0: [2, 1, 0]   1: [0, 1, 1]   2: [0, 0, 1]
    // Precision = diagonal / column sum: 2/2, 1/2, 1/2. Recall = diagonal / row sum: 2/3, 1/2, 1/1.
    const c = confusionMatrix([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);
    expect(c.counts).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1]);
    expect(c.precision).toEqual([1, 0.5, 0.5]);
    expect(c.recall).toEqual([2 / 3, 0.5, 1]);
    expect(c.m).toBe(6);
  });

  it('has no precision for a class never predicted and no recall for a class never present', () => {
    // truth 0 0 1, predicted 0 0 0: class 1 is never predicted (column 1 is empty); class 2 never
    // appears (row 2 is empty) and is never predicted either.
    const c = confusionMatrix([0, 0, 1], [0, 0, 0], 3);
    expect(c.counts).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 0]);
    // Class 0: 2 right of 3 predicted as 0; 2 right of its 2 examples.
    expect(c.precision).toEqual([2 / 3, null, null]);
    expect(c.recall).toEqual([1, 0, null]);
  });
});

describe('the predicted classes', () => {
  it('are each row’s arg-max, the first one on a tie', () => {
    // Rows: [0.2, 0.5, 0.3] → 1; [0.4, 0.4, 0.2] → 0 (tie, the first); [0.1, 0.1, 0.8] → 2.
    const p = Float32Array.from([0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8]);
    const { predicted, confidence } = predictedClasses(p, 3);
    expect([...predicted]).toEqual([1, 0, 2]);
    expect([...confidence].map((v) => Number(v.toFixed(6)))).toEqual([0.5, 0.4, 0.8]);
  });

  it('of one sigmoid output are class 1 above 0.5', () => {
    // p = 0.9 → [0.1, 0.9]: class 1; p = 0.5 → [0.5, 0.5]: the tie goes to class 0, as ŷ > 0.5.
    const two = binaryAsTwoClasses(Float32Array.from([0.9, 0.5, 0.2]));
    expect([...two].map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0.9, 0.5, 0.5, 0.8, 0.2]);
    expect([...predictedClasses(two, 2).predicted]).toEqual([1, 0, 0]);
  });
});

describe('the most confidently wrong examples', () => {
  it('are the wrong rows ordered by the probability of their predicted class', () => {
    // Four rows of two classes, truth [0, 0, 1, 1]:
    //   row 0: [0.3, 0.7] → 1, wrong, confidence 0.7
    //   row 1: [0.9, 0.1] → 0, right
    //   row 2: [0.95, 0.05] → 0, wrong, confidence 0.95
    //   row 3: [0.4, 0.6] → 1, right
    // Wrong, most confident first: row 2 (0.95), then row 0 (0.7); k = 1 keeps row 2 only.
    const p = Float32Array.from([0.3, 0.7, 0.9, 0.1, 0.95, 0.05, 0.4, 0.6]);
    const wrong = mostConfidentlyWrong(p, 2, [0, 0, 1, 1], 5);
    expect(wrong.map((w) => [w.index, w.truth, w.predicted])).toEqual([
      [2, 1, 0],
      [0, 0, 1],
    ]);
    expect(wrong[0]?.confidence).toBeCloseTo(0.95, 6);
    expect(wrong[0]?.truthProbability).toBeCloseTo(0.05, 6);
    expect(mostConfidentlyWrong(p, 2, [0, 0, 1, 1], 1).map((w) => w.index)).toEqual([2]);
  });

  it('are none when every row is right', () => {
    expect(mostConfidentlyWrong(Float32Array.from([0.8, 0.2, 0.1, 0.9]), 2, [0, 1], 3)).toEqual([]);
  });
});
