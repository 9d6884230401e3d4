import { z } from 'zod';
import type { LabeledData } from '../types.js';
import { generatorStreams, linspace, noiseSchema, shuffledPoints, sizeSchema } from './common.js';

/** Params of `moons`; scikit-learn's make_moons defaults are n = 100, noise = none. */
export const MoonsParamsSchema = z.object({
  n: sizeSchema(300),
  noise: noiseSchema(0.1),
});
export type MoonsParams = z.output<typeof MoonsParamsSchema>;

/**
 * Two interleaving half circles, scikit-learn's make_moons: ⌊n/2⌋ points on the upper half of the
 * unit circle (label 0), the rest on the lower half circle centred at (1, 0.5) (label 1), evenly
 * spaced with both ends included, plus N(0, noise²) on each coordinate. → x [n, 2], y [n], 2 classes.
 * Without noise x1 ∈ [−1, 2], x2 ∈ [−0.5, 1].
 */
export function moons(params: z.input<typeof MoonsParamsSchema>, seed: number): LabeledData {
  const { n, noise } = MoonsParamsSchema.parse(params);
  const streams = generatorStreams(seed);
  const nOut = Math.floor(n / 2);
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  const outer = linspace(0, Math.PI, nOut, true);
  const inner = linspace(0, Math.PI, n - nOut, true);
  for (let i = 0; i < n; i++) {
    const isOuter = i < nOut;
    const angle = (isOuter ? outer[i] : inner[i - nOut]) as number;
    const x1 = isOuter ? Math.cos(angle) : 1 - Math.cos(angle);
    const x2 = isOuter ? Math.sin(angle) : 1 - Math.sin(angle) - 0.5;
    xy[2 * i] = x1 + noise * streams.points.normal();
    xy[2 * i + 1] = x2 + noise * streams.points.normal();
    labels[i] = isOuter ? 0 : 1;
  }
  return shuffledPoints(xy, labels, 2, streams.shuffle);
}
