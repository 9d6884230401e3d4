import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { error } from '../../problems.js';
import { mixSeeds } from '../../random.js';
import { formatTensorShape, imageDims, UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { augmentExport } from './export.js';
import { augmentReference } from './reference.js';

export const AugmentParamsSchema = z.object({
  maxShift: z
    .number()
    .int()
    .min(0)
    .max(8)
    .default(1)
    .describe('Largest shift, in pixels, in each direction.'),
  flipHorizontal: z
    .boolean()
    .default(false)
    .describe('Mirror half of the images left–right (not for digits).'),
});
export type AugmentParams = z.infer<typeof AugmentParamsSchema>;

/**
 * Data augmentation for images (spec §1, notes 1.8): while training, each image is shifted by a random
 * whole number of pixels (zero fill) and optionally mirrored; evaluation sees the images unchanged.
 * [m, h, w, c] → [m, h, w, c].
 */
export const Augment: LayerKind<AugmentParams> = {
  kind: 'Augment',
  role: 'layer',
  category: 'Regularization',
  title: { en: 'Augment', zh: '数据增强' },
  hint: {
    en: 'More (synthetic) training data lowers variance; only applied to training batches.',
    zh: '增加（合成的）训练数据可降低方差；只作用于训练批次。',
  },
  formula:
    'x^{(i)} \\mapsto \\text{shift}_{(\\Delta_x, \\Delta_y)}(\\text{flip}(x^{(i)})),\\ |\\Delta| \\le \\text{maxShift}',
  params: AugmentParamsSchema,
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (p) => `shift ±${p.maxShift}px${p.flipHorizontal ? ' · flip' : ''}`,
  preprocessing: true,
  inferShape(inputs, _params, ctx) {
    const input = inputs[0] ?? UNKNOWN_SHAPE;
    const problems =
      input.dims === null || imageDims(input)
        ? []
        : [
            error(
              'SHAPE_MISMATCH',
              ctx.nodeId,
              `Augment shifts and flips images [m, h, w, c]; its input is ${formatTensorShape(input)}.`,
            ),
          ];
    return { shape: input, problems };
  },
  export: augmentExport,
  endsIn: () => 'other',
  reference: augmentReference,
  build(params, ctx) {
    const [h, w, c] = imageDims({ dims: ctx.inputShapes[0] ?? null }) ?? [1, ctx.inputFeatures, 1];
    const s = params.maxShift;
    const layerSeed = ctx.random.int(2 ** 30);
    return {
      nodeId: ctx.nodeId,
      kind: 'Augment',
      parameters: [],
      state: [],
      outputActivation: null,
      forward([input], f) {
        const x = input as tf.Tensor;
        if (!f.training || (s === 0 && !params.flipHorizontal)) return x;
        const m = x.shape[0];
        const seed = mixSeeds(f.stepSeed, layerSeed);
        let images = tf.reshape(x, [m, h, w, c]) as tf.Tensor4D;
        if (params.flipHorizontal) {
          const flip = tf.less(tf.randomUniform([m, 1, 1, 1], 0, 1, 'float32', seed + 1), 0.5);
          images = tf.where(tf.broadcastTo(flip, images.shape), tf.reverse(images, 2), images) as tf.Tensor4D;
        }
        if (s > 0) {
          // Pad by s, then crop an h×w window at a random whole-pixel offset: an exact shift.
          const padded = tf.pad(images, [
            [0, 0],
            [s, s],
            [s, s],
            [0, 0],
          ]);
          const H = h + 2 * s;
          const W = w + 2 * s;
          const offsets = tf
            .floor(tf.randomUniform([m, 2], 0, 2 * s + 1, 'float32', seed))
            .arraySync() as number[][];
          const boxes = offsets.map(([dy = 0, dx = 0]) => [
            dy / (H - 1),
            dx / (W - 1),
            (dy + h - 1) / (H - 1),
            (dx + w - 1) / (W - 1),
          ]);
          const indices = Array.from({ length: m }, (_, i) => i);
          images = tf.image.cropAndResize(padded, boxes, indices, [h, w], 'nearest');
        }
        return tf.reshape(images, x.shape);
      },
      toExport: () => [],
      dispose() {},
    };
  },
};
