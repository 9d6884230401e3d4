import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { detailed, error } from '../../problems.js';
import { UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { normalizeExport } from './export.js';
import { normalizeFast } from './fast.js';
import { normalizeReference } from './reference.js';

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
  summary: (_p, language = 'en') => (language === 'zh' ? 'μ、σ 取自训练集' : 'μ, σ from train'),
  needsInputStatistics: true,
  preprocessing: true,
  inferShape(inputs, _params, ctx) {
    const input = inputs[0] ?? UNKNOWN_SHAPE;
    const problems = ctx.isFirstLayer
      ? []
      : [
          detailed(
            error(
              'SHAPE_MISMATCH',
              ctx.nodeId,
              'Normalize normalizes the input features, so it must take the data set (or Augment) output directly.',
            ),
            'normalizeFirst',
            {},
          ),
        ];
    return { shape: input, problems };
  },
  export: normalizeExport,
  endsIn: () => 'other',
  reference: normalizeReference,
  fast: normalizeFast,
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
      // μ and σ are per value of the flattened example (per pixel of an image).
      forward: ([x]) => {
        const input = x as tf.Tensor;
        return tf.mul(tf.sub(input.reshape([-1, n]), mean), invStd).reshape(input.shape);
      },
      toExport() {
        // A stock, frozen Dense layer with W = diag(1/σ), b = −μ/σ computes (x − μ)/σ exactly, so the
        // exported model takes raw inputs and loads without NetCanvas code.
        const w = tf.diag(invStd);
        const b = tf.tidy(() => tf.neg(tf.mul(mean, invStd)));
        const layer = tf.layers.dense({ units: n, trainable: false, name: `${ctx.nodeId}_normalize` });
        const shape = ctx.inputShapes[0] ?? [n];
        if (shape.length === 1) return [{ layer, weights: [w, b] }];
        return [
          { layer: tf.layers.flatten(), weights: [] },
          { layer, weights: [w, b] },
          { layer: tf.layers.reshape({ targetShape: [...shape] }), weights: [] },
        ];
      },
      dispose() {
        mean.dispose();
        invStd.dispose();
      },
    };
  },
};
