/**
 * Where a classifier goes wrong, from its predicted class probabilities: the confusion matrix,
 * per-class precision and recall, and the examples it got wrong most confidently. Pure functions of
 * typed arrays; `engine/inspect/mistakes.ts` feeds them the network's predictions on a split.
 */

/** The confusion matrix of C classes with the figures read off it. */
export interface Confusion {
  classes: number;
  /** C×C counts, row-major: `counts[t * C + p]` examples of true class t predicted as p. */
  counts: number[];
  /** Per predicted class: right / predicted as it; null when nothing was predicted as it. */
  precision: (number | null)[];
  /** Per true class: right / examples of it; null when the split has none of it. */
  recall: (number | null)[];
  /** Examples counted (the split's m). */
  m: number;
}

/** One example the network classified wrong. */
export interface WrongExample {
  /** Row of the split. */
  index: number;
  truth: number;
  predicted: number;
  /** Probability the network gave its (wrong) predicted class. */
  confidence: number;
  /** Probability it gave the true class. */
  truthProbability: number;
}

/**
 * Each row's arg-max class (the first on a tie) and its probability: [m, C] probabilities →
 * m classes and m probabilities.
 */
export function predictedClasses(
  probabilities: Float32Array,
  classes: number,
): { predicted: Int32Array; confidence: Float32Array } {
  const m = Math.floor(probabilities.length / classes);
  const predicted = new Int32Array(m);
  const confidence = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) {
      if ((probabilities[i * classes + c] as number) > (probabilities[i * classes + best] as number))
        best = c;
    }
    predicted[i] = best;
    confidence[i] = probabilities[i * classes + best] as number;
  }
  return { predicted, confidence };
}

/** Counts of (true, predicted) pairs, with precision and recall per class. */
export function confusionMatrix(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Confusion {
  const counts = new Array<number>(classes * classes).fill(0);
  for (let i = 0; i < truth.length; i++) {
    const cell = (truth[i] as number) * classes + (predicted[i] as number);
    counts[cell] = (counts[cell] as number) + 1;
  }
  const ratio = (right: number, total: number) => (total > 0 ? right / total : null);
  const precision: (number | null)[] = [];
  const recall: (number | null)[] = [];
  for (let c = 0; c < classes; c++) {
    let column = 0;
    let row = 0;
    for (let k = 0; k < classes; k++) {
      column += counts[k * classes + c] as number;
      row += counts[c * classes + k] as number;
    }
    const right = counts[c * classes + c] as number;
    precision.push(ratio(right, column));
    recall.push(ratio(right, row));
  }
  return { classes, counts, precision, recall, m: truth.length };
}

/**
 * The `k` wrong examples with the highest probability on their predicted class, most confident
 * first (the lower row first on a tie).
 */
export function mostConfidentlyWrong(
  probabilities: Float32Array,
  classes: number,
  truth: ArrayLike<number>,
  k: number,
): WrongExample[] {
  const { predicted, confidence } = predictedClasses(probabilities, classes);
  const wrong: WrongExample[] = [];
  for (let i = 0; i < predicted.length; i++) {
    const t = truth[i] as number;
    const p = predicted[i] as number;
    if (p === t) continue;
    wrong.push({
      index: i,
      truth: t,
      predicted: p,
      confidence: confidence[i] as number,
      truthProbability: probabilities[i * classes + t] as number,
    });
  }
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return wrong.slice(0, k);
}

/** One sigmoid output P(class 1) per row as two columns [1 − p, p]: [m, 1] → [m, 2]. */
export function binaryAsTwoClasses(p: Float32Array): Float32Array {
  const out = new Float32Array(p.length * 2);
  p.forEach((v, i) => {
    out[i * 2] = 1 - v;
    out[i * 2 + 1] = v;
  });
  return out;
}
