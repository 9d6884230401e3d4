import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { newVariable } from '../../model/variables.js';
import { type LayerKind, sameShape, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { batchNormExport } from './export.js';
import { batchNormFast } from './fast.js';
import { batchNormReference } from './reference.js';

export const BatchNormParamsSchema = z.object({
  epsilon: z.number().gt(0).max(1).default(1e-5).describe('ε in sqrt(σ² + ε).'),
  momentum: z
    .number()
    .min(0)
    .lt(1, 'momentum must be below 1, or the test-time averages never move.')
    .default(0.9)
    .describe('β of the exponentially weighted averages of μ and σ² used at test time.'),
});
export type BatchNormParams = z.infer<typeof BatchNormParamsSchema>;

/**
 * Batch normalization of z (spec §12): per unit over the mini-batch, z_norm = (z − μ)/sqrt(σ² + ε),
 * z̃ = γ·z_norm + β. At test time μ and σ² are bias-corrected exponentially weighted averages
 * (spec §7) of the training mini-batches' values: v/(1 − βᵗ). [m, n] → [m, n]; after a convolution
 * the statistics are per channel, over the mini-batch and every position: [m, h, w, c] → [m, h, w, c].
 */
export const BatchNorm: LayerKind<BatchNormParams> = {
  kind: 'BatchNorm',
  role: 'layer',
  category: 'Layers',
  title: { en: 'BatchNorm', zh: '批归一化' },
  hint: {
    en: 'Place it between Dense and its activation; the Dense bias is dropped because β replaces it.',
    zh: '放在全连接层与激活函数之间；前一层的偏置 b 会被去掉，由 β 代替。',
  },
  formula:
    '\\mu = \\tfrac{1}{m_b}\\sum_i z^{(i)},\\; \\sigma^2 = \\tfrac{1}{m_b}\\sum_i (z^{(i)}-\\mu)^2,\\; z_{norm} = \\frac{z-\\mu}{\\sqrt{\\sigma^2+\\varepsilon}},\\; \\tilde z = \\gamma z_{norm} + \\beta',
  params: BatchNormParamsSchema,
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (p) => `ε ${p.epsilon} · β ${p.momentum}`,
  inferShape: sameShape,
  export: batchNormExport,
  endsIn: () => 'other',
  replacesBias: true,
  reference: batchNormReference,
  countParameters: (_p, _inputs, output) => {
    const channels = output[output.length - 1] ?? 0;
    return { trainable: 2 * channels, state: 2 * channels };
  },
  fast: batchNormFast,
  inspect: { batchStatistics: (p) => ({ momentum: p.momentum }) },
  build(params, ctx) {
    // One μ, σ², γ, β per unit of a dense input, per channel of an image (the last axis).
    const inShape = ctx.inputShapes[0] ?? [ctx.inputFeatures];
    const n = inShape[inShape.length - 1] ?? ctx.inputFeatures;
    const axes = Array.from({ length: inShape.length }, (_, i) => i);
    const id = ctx.nodeId;
    const gamma = newVariable(() => tf.ones([n]), true, `${id}/gamma`);
    const beta = newVariable(() => tf.zeros([n]), true, `${id}/beta`);
    // Raw EWAs (v₀ = 0) and the number of updates t, for the bias correction v/(1 − βᵗ).
    const movingMean = newVariable(() => tf.zeros([n]), false, `${id}/movingMean`);
    const movingVar = newVariable(() => tf.zeros([n]), false, `${id}/movingVariance`);
    const steps = newVariable(() => tf.scalar(0), false, `${id}/steps`);
    const { epsilon, momentum } = params;

    /** Bias-corrected test-time statistics; before any update, μ = 0 and σ² = 1. */
    const testStatistics = (): [tf.Tensor1D, tf.Tensor1D] =>
      tf.tidy(() => {
        const t = steps.dataSync()[0] as number;
        if (t === 0) return [tf.zeros([n]), tf.ones([n])];
        const correction = 1 - momentum ** t;
        return [tf.div(movingMean, correction), tf.div(movingVar, correction)];
      });

    return {
      nodeId: id,
      kind: 'BatchNorm',
      parameters: [
        { name: 'gamma', variable: gamma, l2: 0, l1: 0 },
        { name: 'beta', variable: beta, l2: 0, l1: 0 },
      ],
      state: [movingMean, movingVar, steps],
      outputActivation: null,
      forward([input], f) {
        const z = input as tf.Tensor;
        let mean: tf.Tensor;
        let variance: tf.Tensor;
        if (f.training) {
          ({ mean, variance } = tf.moments(z, axes));
          movingMean.assign(tf.add(tf.mul(movingMean, momentum), tf.mul(mean, 1 - momentum)));
          movingVar.assign(tf.add(tf.mul(movingVar, momentum), tf.mul(variance, 1 - momentum)));
          steps.assign(tf.add(steps, 1));
        } else {
          [mean, variance] = testStatistics();
        }
        const zNorm = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, epsilon)));
        return tf.add(tf.mul(zNorm, gamma), beta);
      },
      toExport() {
        const [mean, variance] = testStatistics();
        const layer = tf.layers.batchNormalization({ epsilon, momentum, axis: -1 });
        return [{ layer, weights: [gamma, beta, mean, variance] }];
      },
      dispose() {
        for (const v of [gamma, beta, movingMean, movingVar, steps]) v.dispose();
      },
    };
  },
};
