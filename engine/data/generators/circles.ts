import { z } from 'zod';
import type { LabeledData } from '../types.js';
import { generatorStreams, linspace, noiseSchema, shuffledPoints, sizeSchema } from './common.js';

/** Params of `circles`; scikit-learn's make_circles defaults are n = 100, noise = none, factor = 0.8. */
export const CirclesParamsSchema = z.object({
  n: sizeSchema(300),
  noise: noiseSchema(0.05),
  factor: z
    .number()
    .min(0)
    .lt(1)
    .default(0.5)
    .describe('Radius of the inner circle (the outer one has radius 1).'),
});
export type CirclesParams = z.output<typeof CirclesParamsSchema>;

/**
 * Two concentric circles, scikit-learn's make_circles: ⌊n/2⌋ points on the unit circle (label 0),
 * the rest on a circle of radius `factor` (label 1), evenly spaced in angle (endpoint excluded, so
 * the first and last points differ), plus N(0, noise²) on each coordinate. → x [n, 2], y [n], 2 classes.
 */
export function circles(params: z.input<typeof CirclesParamsSchema>, seed: number): LabeledData {
  const { n, noise, factor } = CirclesParamsSchema.parse(params);
  const streams = generatorStreams(seed);
  const nOut = Math.floor(n / 2);
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  const outer = linspace(0, 2 * Math.PI, nOut, false);
  const inner = linspace(0, 2 * Math.PI, n - nOut, false);
  for (let i = 0; i < n; i++) {
    const isOuter = i < nOut;
    const angle = (isOuter ? outer[i] : inner[i - nOut]) as number;
    const radius = isOuter ? 1 : factor;
    xy[2 * i] = radius * Math.cos(angle) + noise * streams.points.normal();
    xy[2 * i + 1] = radius * Math.sin(angle) + noise * streams.points.normal();
    labels[i] = isOuter ? 0 : 1;
  }
  return shuffledPoints(xy, labels, 2, streams.shuffle);
}
