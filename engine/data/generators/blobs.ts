import { z } from 'zod';
import type { Random } from '../../random.js';
import type { LabeledData } from '../types.js';
import { generatorStreams, shuffledPoints, sizeSchema } from './common.js';

/** Params of `blobs`; scikit-learn's make_blobs defaults are n = 100 and the rest as here. */
export const BlobsParamsSchema = z.object({
  n: sizeSchema(300),
  centers: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('Number of blobs, which is the number of classes.'),
  clusterStd: z.number().min(0).max(100).default(1).describe('Standard deviation of each blob.'),
  centerBox: z
    .tuple([z.number(), z.number()])
    .default([-10, 10])
    .refine(([low, high]) => low < high, 'centerBox must be [low, high] with low < high.')
    .describe('Blob centres are drawn uniformly from [low, high] on each axis.'),
});
export type BlobsParams = z.output<typeof BlobsParamsSchema>;

/**
 * The blob centres `blobs` uses for these params and seed, [centers][2], so a caller (or a test
 * comparing with scikit-learn) can see them without recovering them from the points.
 */
export function blobCenters(params: z.input<typeof BlobsParamsSchema>, seed: number): [number, number][] {
  const parsed = BlobsParamsSchema.parse(params);
  return drawCenters(parsed, generatorStreams(seed).points);
}

function drawCenters({ centers, centerBox: [low, high] }: BlobsParams, random: Random): [number, number][] {
  const out: [number, number][] = [];
  for (let c = 0; c < centers; c++) {
    const x1 = low + (high - low) * random.next();
    out.push([x1, low + (high - low) * random.next()]);
  }
  return out;
}

/**
 * Isotropic Gaussian blobs, scikit-learn's make_blobs with 2 features: centres uniform in the
 * box (seeded), ⌊n/centers⌋ points per blob with the remainder going to the first blobs, blob c
 * labelled c. → x [n, 2], y [n], `centers` classes.
 */
export function blobs(params: z.input<typeof BlobsParamsSchema>, seed: number): LabeledData {
  const parsed = BlobsParamsSchema.parse(params);
  const { n, centers, clusterStd } = parsed;
  const streams = generatorStreams(seed);
  // The centres come first from the points stream, as in blobCenters.
  const centerPoints = drawCenters(parsed, streams.points);
  const xy = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  let row = 0;
  for (let c = 0; c < centers; c++) {
    const count = Math.floor(n / centers) + (c < n % centers ? 1 : 0);
    const [cx, cy] = centerPoints[c] as [number, number];
    for (let k = 0; k < count; k++, row++) {
      xy[2 * row] = cx + clusterStd * streams.points.normal();
      xy[2 * row + 1] = cy + clusterStd * streams.points.normal();
      labels[row] = c;
    }
  }
  return shuffledPoints(xy, labels, centers, streams.shuffle);
}
