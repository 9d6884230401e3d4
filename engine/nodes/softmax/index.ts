import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { detailed, error } from '../../problems.js';
import { formatTensorShape, UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { softmaxExport } from './export.js';
import { softmaxFast } from './fast.js';
import { softmaxReference } from './reference.js';

export const SoftmaxParamsSchema = z.object({});
export type SoftmaxParams = z.infer<typeof SoftmaxParamsSchema>;

/**
 * Softmax output over C classes: [m, C] → [m, C], rows sum to 1 (spec §13). With categorical
 * cross-entropy the loss is computed from the logits z (log-sum-exp), so large z never overflows.
 */
export const Softmax: LayerKind<SoftmaxParams> = {
  kind: 'Softmax',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Softmax', zh: 'Softmax 输出' },
  hint: {
    en: 'The layer before it needs exactly C units, one per class; C = 2 is logistic regression.',
    zh: '前一层必须恰好有 C 个单元（每类一个）；C = 2 时即逻辑回归。',
  },
  formula: 't = e^{z^{[L]}},\\quad a^{[L]}_j = \\frac{t_j}{\\sum_{k=1}^{C} t_k}',
  params: SoftmaxParamsSchema,
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (_p, language = 'en') => (language === 'zh' ? 'C 个类别' : 'C classes'),
  inferShape(inputs, _params, ctx) {
    const input = inputs[0] ?? UNKNOWN_SHAPE;
    const problems =
      input.dims && input.dims.length > 1
        ? [
            detailed(
              error(
                'SHAPE_MISMATCH',
                ctx.nodeId,
                `Softmax takes one row of C values per example, but its input is ${formatTensorShape(input)}: put a Flatten and a Dense with C units before it.`,
              ),
              'softmaxNeedsRows',
              { shape: formatTensorShape(input) },
            ),
          ]
        : [];
    return { shape: input, problems };
  },
  export: softmaxExport,
  endsIn: () => 'softmax',
  reference: softmaxReference,
  fast: softmaxFast,
  build(_params, ctx) {
    return {
      nodeId: ctx.nodeId,
      kind: 'Softmax',
      parameters: [],
      state: [],
      outputActivation: 'softmax',
      forward: ([x], f) => (f.returnLogits ? (x as tf.Tensor) : tf.softmax(x as tf.Tensor)),
      toExport: () => [{ layer: tf.layers.softmax(), weights: [] }],
      dispose() {},
    };
  },
};
