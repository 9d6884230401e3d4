import { z } from 'zod';
import type { LabeledData } from '../types.js';
import { generatorStreams, noiseSchema, shuffledPoints, sizeSchema } from './common.js';

/** Params of `spirals` (not in scikit-learn; TF Playground's spiral uses 1.75 turns). */
export const SpiralsParamsSchema = z.object({
  n: sizeSchema(300),
  noise: noiseSchema(0.05),
  turns: z
    .number()
    .min(0.25)
    .max(5)
    .default(1.75)
    .describe('How many times each arm winds around the centre.'),
});
export type SpiralsParams = z.output<typeof SpiralsParamsSchema>;

/**
 * Two interleaved spiral arms: ⌊n/2⌋ points on arm 0 (label 0), the rest on arm 1 (label 1), which
 * is arm 0 turned by π. Along an arm, t = i/count runs from 0 to 1; the radius is t and the angle
 * 2π·turns·t, so both arms end on the unit circle; plus N(0, noise²) on each coordinate.
 * → x [n, 2], y [n], 2 classes.
 */
export function spirals(params: z.input<typeof SpiralsParamsSchema>, seed: number): LabeledData {
  const { n, noise, turns } = SpiralsParamsSchema.parse(params);
  const streams = generatorStreams(seed);
  const counts = [Math.floor(n / 2), n - Math.floor(n / 2)] as const;
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  let row = 0;
  for (const arm of [0, 1] as const) {
    const count = counts[arm];
    for (let i = 0; i < count; i++, row++) {
      const t = i / count;
      const angle = 2 * Math.PI * turns * t + arm * Math.PI;
      xy[2 * row] = t * Math.cos(angle) + noise * streams.points.normal();
      xy[2 * row + 1] = t * Math.sin(angle) + noise * streams.points.normal();
      labels[row] = arm;
    }
  }
  return shuffledPoints(xy, labels, 2, streams.shuffle);
}
