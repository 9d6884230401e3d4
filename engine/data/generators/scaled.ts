import { z } from 'zod';
import type { LabeledData } from '../types.js';
import { generatorStreams, noiseSchema, shuffledPoints, sizeSchema } from './common.js';

/** Params of `scaled`, the input-normalization lesson (spec §1). */
export const ScaledParamsSchema = z.object({
  n: sizeSchema(300),
  noise: noiseSchema(0.2),
  scale: z.number().min(1e-6).max(1e6).default(1000).describe('Standard deviation of feature x2 (x1 has 1).'),
  offset: z.number().min(-1e9).max(1e9).default(5000).describe('Mean of feature x2 (x1 has 0).'),
});
export type ScaledParams = z.output<typeof ScaledParamsSchema>;

/**
 * Two features on very different scales: u, v ~ N(0, 1); label 1 where u + v + N(0, noise²) > 0;
 * x1 = u and x2 = scale·v + offset. Both features matter equally, but unnormalized x2 is ~1000×
 * larger and sits far from 0, so gradient descent crawls until the inputs are normalized.
 * → x [n, 2], y [n], 2 classes.
 */
export function scaled(params: z.input<typeof ScaledParamsSchema>, seed: number): LabeledData {
  const { n, noise, scale, offset } = ScaledParamsSchema.parse(params);
  const streams = generatorStreams(seed);
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const u = streams.points.normal();
    const v = streams.points.normal();
    labels[i] = u + v + noise * streams.points.normal() > 0 ? 1 : 0;
    xy[2 * i] = u;
    xy[2 * i + 1] = scale * v + offset;
  }
  return shuffledPoints(xy, labels, 2, streams.shuffle);
}
