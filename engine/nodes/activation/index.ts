import type * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import {
  ACTIVATION_FORMULAS,
  ActivationNameSchema,
  activationLayer,
  applyActivation,
} from '../../model/activations.js';
import { type LayerKind, sameShape, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { activationExport } from './export.js';
import { activationFast } from './fast.js';
import { activationReference } from './reference.js';

export const ActivationParamsSchema = z.object({
  fn: ActivationNameSchema.default('relu').describe('The non-linearity g.'),
  alpha: z.number().min(0).max(1).default(0.01).describe('Slope for z < 0 under leakyRelu.'),
});
export type ActivationParams = z.infer<typeof ActivationParamsSchema>;

/** Element-wise non-linearity on its own node: [m, …] → [m, …], a = g(z). */
export const Activation: LayerKind<ActivationParams> = {
  kind: 'Activation',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Activation', zh: '激活函数' },
  hint: {
    en: 'ReLU is the default for hidden layers; sigmoid belongs on a binary output.',
    zh: '隐藏层默认用 ReLU；sigmoid 只用于二分类输出层。',
  },
  formula: Object.values(ACTIVATION_FORMULAS).join(';\\quad '),
  formulaFor: (p) => ACTIVATION_FORMULAS[p.fn],
  params: ActivationParamsSchema,
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (p) => p.fn,
  inferShape: sameShape,
  export: activationExport,
  endsIn: (p) => (p.fn === 'sigmoid' ? 'sigmoid' : 'other'),
  reference: activationReference,
  fast: activationFast,
  inspect: { activation: (p) => p.fn },
  build(params, ctx) {
    return {
      nodeId: ctx.nodeId,
      kind: 'Activation',
      parameters: [],
      state: [],
      outputActivation: params.fn === 'sigmoid' ? 'sigmoid' : null,
      forward: ([x], f) =>
        f.returnLogits && params.fn === 'sigmoid'
          ? (x as tf.Tensor)
          : applyActivation(params.fn, x as tf.Tensor, params.alpha),
      toExport() {
        const layer = activationLayer(params.fn, params.alpha);
        return layer ? [{ layer, weights: [] }] : [];
      },
      dispose() {},
    };
  },
};
