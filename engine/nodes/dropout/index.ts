import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { detailed, warning } from '../../problems.js';
import { UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { dropoutExport } from './export.js';
import { dropoutFast } from './fast.js';
import { dropoutMask } from './mask.js';
import { dropoutReference } from './reference.js';

export const DropoutParamsSchema = z.object({
  keepProb: z
    .number()
    .gt(0, 'keep_prob must be above 0: a unit kept with probability 0 never passes anything.')
    .max(1, 'keep_prob is a probability: at most 1 (1 keeps every unit).')
    .default(0.8)
    .describe('keep_prob: the probability that a unit is kept.'),
});
export type DropoutParams = z.infer<typeof DropoutParamsSchema>;

/**
 * Inverted dropout (spec §3): while training, d = (rand < keep_prob), a := a·d / keep_prob, so the
 * expected activation is unchanged and nothing needs scaling at test time. [m, n] → [m, n].
 */
export const Dropout: LayerKind<DropoutParams> = {
  kind: 'Dropout',
  role: 'layer',
  category: 'Regularization',
  title: { en: 'Dropout', zh: 'Dropout 随机失活' },
  hint: {
    en: 'Lower keep_prob on large layers, 1.0 on small ones; the cost J is not well defined while it is on.',
    zh: '大的层用较小的 keep_prob，小的层用 1.0；开启 dropout 时代价函数 J 没有明确定义。',
  },
  formula: 'd = (\\text{rand} < \\text{keep\\_prob}),\\quad a := \\frac{a \\odot d}{\\text{keep\\_prob}}',
  params: DropoutParamsSchema,
  suggestedRanges: { keepProb: () => ({ scale: 'linear', min: 0.5, max: 1 }) },
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (p) => `keep_prob ${p.keepProb}`,
  inferShape(inputs, _params, ctx) {
    const input = inputs[0] ?? UNKNOWN_SHAPE;
    const problems = ctx.isFirstLayer
      ? [
          detailed(
            warning(
              'DROPOUT_ON_INPUT',
              ctx.nodeId,
              'Dropout right after the input drops input features; the notes advise against dropout on the first layer.',
            ),
            'dropoutOnInput',
            {},
          ),
        ]
      : [];
    return { shape: input, problems };
  },
  export: dropoutExport,
  endsIn: () => 'other',
  reference: dropoutReference,
  fast: dropoutFast,
  build(params, ctx) {
    const keep = params.keepProb;
    return {
      nodeId: ctx.nodeId,
      kind: 'Dropout',
      parameters: [],
      state: [],
      outputActivation: null,
      forward([input], f) {
        const x = input as tf.Tensor;
        if (!f.training || keep === 1) return x;
        // The mask is drawn in JS (per update and layer), so the fast executor draws the same one.
        const d = new Float32Array(x.size);
        dropoutMask(d, x.size, keep, f.stepSeed, ctx.nodeId);
        return tf.tidy(() => tf.div(tf.mul(x, tf.tensor(d, x.shape)), keep));
      },
      toExport: () => [{ layer: tf.layers.dropout({ rate: 1 - keep }), weights: [] }],
      dispose() {},
    };
  },
};
