import { z } from 'zod';
import type { LabeledData } from '../types.js';
import { generatorStreams, shuffledPoints, sizeSchema } from './common.js';

/**
 * Params of `noisy`. Tuned with scikit-learn's MLPClassifier standing in for the course's
 * [2, 20, 3, 1] ReLU net (full-batch GD, α = 0.3, 20,000 steps) on these defaults, split 'auto',
 * seeds 0..5, mean accuracy train / dev / 5,000 fresh points: no regularization 93 / 83 / 86 %;
 * L2 λ = 0.7: 91 / 86 / 88 %. The gap narrows and dev accuracy rises, as in the course.
 */
export const NoisyParamsSchema = z.object({
  n: sizeSchema(300),
  labelNoise: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.05)
    .describe('Probability that a point gets the other class, wherever it lies.'),
  overlap: z
    .number()
    .min(0)
    .max(2)
    .default(0.15)
    .describe('How far (standard deviation, in x2) the classes spill across the true boundary.'),
});
export type NoisyParams = z.output<typeof NoisyParamsSchema>;

/** The true boundary x2 = 0.5·sin(1.5π·x1): one and a half waves across the square. */
export const noisyBoundary = (x1: number): number => 0.5 * Math.sin(1.5 * Math.PI * x1);

/**
 * A small noisy set that a large network overfits (the part the course's "football" set plays):
 * points uniform in [−1, 1]², label 1 above the curved boundary, where "above" is judged after
 * moving the point by N(0, overlap²) in x2, then each label flipped with probability labelNoise.
 * The boundary is odd, so the classes are about balanced. → x [n, 2], y [n], 2 classes.
 */
export function noisy(params: z.input<typeof NoisyParamsSchema>, seed: number): LabeledData {
  const { n, labelNoise, overlap } = NoisyParamsSchema.parse(params);
  const streams = generatorStreams(seed);
  const random = streams.points;
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x1 = 2 * random.next() - 1;
    const x2 = 2 * random.next() - 1;
    const above = x2 + overlap * random.normal() > noisyBoundary(x1);
    const flipped = random.next() < labelNoise;
    xy[2 * i] = x1;
    xy[2 * i + 1] = x2;
    labels[i] = above !== flipped ? 1 : 0;
  }
  return shuffledPoints(xy, labels, 2, streams.shuffle);
}
