import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { product, shapeOf, UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { flattenExport } from './export.js';
import { flattenFast } from './fast.js';
import { flattenReference } from './reference.js';

export const FlattenParamsSchema = z.object({});
export type FlattenParams = z.infer<typeof FlattenParamsSchema>;

/** Unrolls each example into one row, channels fastest: [m, h, w, c] → [m, h·w·c]. */
export const Flatten: LayerKind<FlattenParams> = {
  kind: 'Flatten',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Flatten', zh: '展平' },
  hint: {
    en: 'Between the convolutions and the Dense layers: the feature maps become one vector per example.',
    zh: '放在卷积层与全连接层之间：把特征图展成每个样本一个向量。',
  },
  formula: '[m,\\, n_H,\\, n_W,\\, n_C] \\to [m,\\, n_H \\cdot n_W \\cdot n_C]',
  params: FlattenParamsSchema,
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: () => 'h·w·c',
  inferShape: ([input]) => {
    const dims = (input ?? UNKNOWN_SHAPE).dims;
    return { shape: dims ? shapeOf([product(dims)]) : UNKNOWN_SHAPE, problems: [] };
  },
  export: flattenExport,
  endsIn: () => 'other',
  reference: flattenReference,
  fast: flattenFast,
  build(_params, ctx) {
    const n = ctx.inputFeatures;
    return {
      nodeId: ctx.nodeId,
      kind: 'Flatten',
      parameters: [],
      state: [],
      outputActivation: null,
      forward: ([x]) => (x as tf.Tensor).reshape([-1, n]),
      toExport: () => [{ layer: tf.layers.flatten(), weights: [] }],
      dispose() {},
    };
  },
};
