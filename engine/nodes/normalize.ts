import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { error } from '../problems.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from './types.js';

export const NormalizeParamsSchema = z.object({});
export type NormalizeParams = z.infer<typeof NormalizeParamsSchema>;

/**
 * Input normalization (spec §1): x := (x − μ)/σ per feature, with μ and σ from the training split
 * only and stored with the model, so dev, test and inference use the same values. A constant feature
 * (σ = 0) is only centred. [m, n[0]] → [m, n[0]].
 */
export const Normalize: LayerKind<NormalizeParams> = {
  kind: 'Normalize',
  role: 'layer',
  category: 'Data',
  title: { en: 'Normalize', zh: '输入归一化' },
  hint: {
    en: 'With features on very different scales the cost is an elongated bowl; normalizing makes it round, so a larger α works.',
    zh: '特征尺度差异很大时代价函数是狭长的碗；归一化后更圆，可以用更大的学习率。',
  },
  formula:
    '\\mu = \\tfrac{1}{m}\\sum_i x^{(i)},\\; \\sigma^2 = \\tfrac{1}{m}\\sum_i (x^{(i)}-\\mu)^2,\\; x := \\frac{x - \\mu}{\\sigma}',
  params: NormalizeParamsSchema,
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: () => 'μ, σ from train',
  inferShape(input, _params, ctx) {
    const problems = ctx.isFirstLayer
      ? []
      : [
          error(
            'SHAPE_MISMATCH',
            ctx.nodeId,
            'Normalize normalizes the input features, so it must take the data set (or Augment) output directly.',
          ),
        ];
    return { shape: input, problems };
  },
  endsIn: () => 'other',
  build(_params, ctx) {
    const n = ctx.inputFeatures;
    const stats = ctx.inputStatistics;
    const mean = tf.tensor1d(stats ? stats.mean : new Float32Array(n));
    const std = stats ? stats.std : new Float32Array(n).fill(1);
    const invStd = tf.tensor1d(std.map((s) => 1 / s));
    return {
      nodeId: ctx.nodeId,
      kind: 'Normalize',
      parameters: [],
      state: [],
      outputActivation: null,
      forward: (x) => tf.mul(tf.sub(x, mean), invStd) as tf.Tensor2D,
      toExport() {
        // A stock, frozen Dense layer with W = diag(1/σ), b = −μ/σ computes (x − μ)/σ exactly, so the
        // exported model takes raw inputs and loads without NetCanvas code.
        const w = tf.diag(invStd);
        const b = tf.tidy(() => tf.neg(tf.mul(mean, invStd)));
        const layer = tf.layers.dense({
          units: n,
          inputShape: [n],
          trainable: false,
          name: `${ctx.nodeId}_normalize`,
        });
        return [{ layer, weights: [w, b] }];
      },
      dispose() {
        mean.dispose();
        invStd.dispose();
      },
    };
  },
};
