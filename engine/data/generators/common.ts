import { z } from 'zod';
import { createRandom, permutation, type Random } from '../../random.js';
import type { LabeledData } from '../types.js';

/**
 * Pieces every 2-D generator shares: the size and noise params, evenly spaced angles, and the final
 * seeded shuffle. Generators lay the classes out in scikit-learn's order (class 0 first) and
 * shuffle last, so a seed fixes both the points and their order.
 */

/** Largest generated set: 10⁶ points (8 MB of float32) is far past what a lesson needs. */
export const MAX_GENERATED = 1_000_000;

/** Number of points `n`; every generator takes it. */
export const sizeSchema = (fallback: number) =>
  z.number().int().min(1).max(MAX_GENERATED).default(fallback).describe('Number of points.');

/** Standard deviation of the Gaussian noise added to both coordinates. */
export const noiseSchema = (fallback: number) =>
  z
    .number()
    .min(0)
    .max(10)
    .default(fallback)
    .describe('Standard deviation of Gaussian noise added to x1 and x2.');

/**
 * numpy's `linspace(start, stop, num, endpoint)`: num evenly spaced values. [num] values.
 * e.g. linspace(0, 1, 4, false) = [0, 0.25, 0.5, 0.75].
 */
export function linspace(start: number, stop: number, num: number, endpoint: boolean): Float64Array {
  const out = new Float64Array(num);
  const divisions = endpoint ? num - 1 : num;
  const step = divisions > 0 ? (stop - start) / divisions : 0;
  for (let i = 0; i < num; i++) out[i] = start + i * step;
  return out;
}

/** The random streams of one generated set: independent, so the shuffle does not depend on n draws. */
export interface GeneratorStreams {
  /** Points and noise, drawn in layout order. */
  points: Random;
  /** The final shuffle. */
  shuffle: Random;
}

export function generatorStreams(seed: number): GeneratorStreams {
  const root = createRandom(seed);
  return { points: root.fork(), shuffle: root.fork() };
}

/**
 * Builds the LabeledData from points laid out class by class, shuffling rows with `shuffle`.
 * xy: [m·2] row-major (x1, x2), labels: [m] class indices → LabeledData with x [m, 2], y [m].
 */
export function shuffledPoints(
  xy: Float64Array,
  labels: ArrayLike<number>,
  classes: number,
  shuffle: Random,
): LabeledData {
  const m = labels.length;
  const order = permutation(m, shuffle);
  const x = new Float32Array(m * 2);
  const y = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    const from = order[i] as number;
    x[2 * i] = xy[2 * from] as number;
    x[2 * i + 1] = xy[2 * from + 1] as number;
    y[i] = labels[from] as number;
  }
  return { m, features: 2, x, y, classes, targets: 1, featureNames: ['x1', 'x2'] };
}
