import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { detailed, error } from '../../problems.js';
import { formatTensorShape, imageDims, UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { augmentExport } from './export.js';
import { augmentFast } from './fast.js';
import { augmentReference } from './reference.js';
import { augmentSources } from './sources.js';

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
  summary: (p, language = 'en') =>
    language === 'zh'
      ? `平移 ±${p.maxShift} 像素${p.flipHorizontal ? ' · 翻转' : ''}`
      : `shift ±${p.maxShift}px${p.flipHorizontal ? ' · flip' : ''}`,
  preprocessing: true,
  inferShape(inputs, _params, ctx) {
    const input = inputs[0] ?? UNKNOWN_SHAPE;
    const problems =
      input.dims === null || imageDims(input)
        ? []
        : [
            detailed(
              error(
                'SHAPE_MISMATCH',
                ctx.nodeId,
                `Augment shifts and flips images [m, h, w, c]; its input is ${formatTensorShape(input)}.`,
              ),
              'augmentNeedsImages',
              { shape: formatTensorShape(input) },
            ),
          ];
    return { shape: input, problems };
  },
  export: augmentExport,
  endsIn: () => 'other',
  reference: augmentReference,
  fast: augmentFast,
  build(params, ctx) {
    const dims = imageDims({ dims: ctx.inputShapes[0] ?? null }) ?? [1, ctx.inputFeatures, 1];
    return {
      nodeId: ctx.nodeId,
      kind: 'Augment',
      parameters: [],
      state: [],
      outputActivation: null,
      forward([input], f) {
        const x = input as tf.Tensor;
        if (!f.training || (params.maxShift === 0 && !params.flipHorizontal)) return x;
        // The shifts are drawn in JS (per update and layer), so the fast executor draws the same ones;
        // a gather from x with one extra 0 for the cells shifted in is an exact, differentiable copy.
        const sources = new Int32Array(x.size);
        augmentSources(sources, x.shape[0] as number, dims, params, f.stepSeed, ctx.nodeId);
        for (let e = 0; e < sources.length; e++) if ((sources[e] as number) < 0) sources[e] = x.size;
        return tf.tidy(() => {
          const values = tf.concat([tf.reshape(x, [-1]), tf.zeros([1])]);
          return tf.reshape(tf.gather(values, tf.tensor1d(sources, 'int32')), x.shape);
        });
      },
      toExport: () => [],
      dispose() {},
    };
  },
};
