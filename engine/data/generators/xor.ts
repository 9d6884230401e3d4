import { z } from 'zod';
import type { LabeledData } from '../types.js';
import { generatorStreams, noiseSchema, shuffledPoints, sizeSchema } from './common.js';

/** Params of `xor` (not in scikit-learn; TF Playground's "exclusive or" set). */
export const XorParamsSchema = z.object({
  n: sizeSchema(300),
  noise: noiseSchema(0.05),
});
export type XorParams = z.output<typeof XorParamsSchema>;

/** Points keep this distance from the axes before noise, so the clean quadrants do not touch. */
const MARGIN = 0.05;

/** Quadrant signs in layout order: the two label-0 quadrants, then the two label-1 quadrants. */
const QUADRANTS = [
  [1, 1],
  [-1, -1],
  [-1, 1],
  [1, -1],
] as const;

/**
 * The four quadrants of [−1, 1]²: ⌊n/4⌋ points uniform in each (the remainder going to the first
 * quadrants), label 1 where sign(x1)·sign(x2) < 0 and 0 elsewhere, the label taken before
 * N(0, noise²) is added, so with noise a few points sit across an axis. → x [n, 2], y [n], 2 classes.
 */
export function xor(params: z.input<typeof XorParamsSchema>, seed: number): LabeledData {
  const { n, noise } = XorParamsSchema.parse(params);
  const streams = generatorStreams(seed);
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  let row = 0;
  QUADRANTS.forEach(([s1, s2], q) => {
    const count = Math.floor(n / 4) + (q < n % 4 ? 1 : 0);
    for (let k = 0; k < count; k++, row++) {
      const x1 = s1 * (MARGIN + (1 - MARGIN) * streams.points.next());
      const x2 = s2 * (MARGIN + (1 - MARGIN) * streams.points.next());
      xy[2 * row] = x1 + noise * streams.points.normal();
      xy[2 * row + 1] = x2 + noise * streams.points.normal();
      labels[row] = s1 * s2 < 0 ? 1 : 0;
    }
  });
  return shuffledPoints(xy, labels, 2, streams.shuffle);
}
