import * as tf from '@tensorflow/tfjs';
import type { LabeledData } from '../data/types.js';
import type { Network } from '../model/network.js';
import {
  binaryAsTwoClasses,
  type Confusion,
  confusionMatrix,
  mostConfidentlyWrong,
  predictedClasses,
  type WrongExample,
} from './confusion.js';

/** A wrong example with its inputs, as the split holds them (raw pixels for image data). */
export interface ShownWrongExample extends WrongExample {
  /** The example's `features` input values. */
  x: Float32Array;
}

/** The confusion matrix of one split and its most confidently wrong examples. */
export interface SplitMistakes {
  confusion: Confusion;
  wrong: ShownWrongExample[];
}

const CHUNK = 4096;

/**
 * The network's class probabilities on every row of `data` (inference mode), in chunks: [m, n] →
 * [m, C] row-major, C ≥ 2 (one sigmoid output becomes the two columns [1 − p, p]).
 */
export function classProbabilities(network: Network, data: LabeledData): Float32Array {
  const classes = data.classes ?? 2;
  const out = new Float32Array(data.m * classes);
  for (let start = 0; start < data.m; start += CHUNK) {
    const rows = Math.min(CHUNK, data.m - start);
    const chunk = data.x.subarray(start * data.features, (start + rows) * data.features);
    const p = tf.tidy(() => network.predict(tf.tensor2d(chunk, [rows, data.features])));
    const values = p.dataSync() as Float32Array;
    p.dispose();
    out.set(p.shape[1] === 1 ? binaryAsTwoClasses(values) : values, start * classes);
  }
  return out;
}

/**
 * Where the network goes wrong on a classification split: its confusion matrix and the `k` most
 * confidently wrong examples with their inputs. Null for regression or an empty split.
 */
export function mistakesOn(network: Network, data: LabeledData, k: number): SplitMistakes | null {
  if (data.classes === null || data.m === 0) return null;
  const classes = Math.max(data.classes, 2);
  const probabilities = classProbabilities(network, data);
  const { predicted } = predictedClasses(probabilities, classes);
  const wrong = mostConfidentlyWrong(probabilities, classes, data.y, k).map((w) => ({
    ...w,
    x: data.x.slice(w.index * data.features, (w.index + 1) * data.features),
  }));
  return { confusion: confusionMatrix(data.y, predicted, classes), wrong };
}

/** What the views need to name classes and draw inputs: from the data set. */
export interface MistakesLabels {
  classNames?: string[];
  featureNames?: string[];
  /** [h, w, c] for image data: wrong examples are drawn as images. */
  imageShape?: [number, number, number];
}

/** The mistakes on dev and test after `epoch` (t updates), or at the end of the run. */
export interface MistakesReport extends MistakesLabels {
  epoch: number;
  t: number;
  dev: SplitMistakes | null;
  test: SplitMistakes | null;
}

/** Wrong examples a report keeps of each split. */
export const WRONG_EXAMPLES = 12;

/** The mistakes report of a classifier on its dev and test splits; null for regression. */
export function mistakesReport(
  network: Network,
  splits: { dev: LabeledData; test: LabeledData },
  at: { epoch: number; t: number },
): MistakesReport | null {
  const { dev, test } = splits;
  if (dev.classes === null) return null;
  return {
    ...at,
    dev: mistakesOn(network, dev, WRONG_EXAMPLES),
    test: mistakesOn(network, test, WRONG_EXAMPLES),
    ...(dev.classNames ? { classNames: dev.classNames } : {}),
    ...(dev.featureNames ? { featureNames: dev.featureNames } : {}),
    ...(dev.imageShape ? { imageShape: dev.imageShape } : {}),
  };
}
