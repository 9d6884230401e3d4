import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { MERGE_IN, mergeMismatch, tooFewInputs } from '../merge.js';
import { UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_OUT } from '../types.js';
import { concatenateExport } from './export.js';
import { concatenateFast } from './fast.js';
import { concatenateReference } from './reference.js';

export const ConcatenateParamsSchema = z.object({});
export type ConcatenateParams = z.infer<typeof ConcatenateParamsSchema>;

/** Whether two shapes agree in everything but their last axis. */
function fitTogether(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => i === a.length - 1 || d === b[i]);
}

/**
 * Joins two or more tensors along the last axis (features, or channels of images), in edge order:
 * [m, 20] ‖ [m, 10] → [m, 30]; [m, 8, 8, 4] ‖ [m, 8, 8, 2] → [m, 8, 8, 6].
 */
export const Concatenate: LayerKind<ConcatenateParams> = {
  kind: 'Concatenate',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Concatenate', zh: '拼接' },
  hint: {
    en: 'Puts branches side by side along the last axis; the inputs must agree in every other axis.',
    zh: '沿最后一个维度把各分支并排拼接；其余维度必须一致。',
  },
  formula: 'a = \\big[\\, x_1 \\;\\|\\; x_2 \\;\\|\\; \\cdots \\big]\\ \\text{(last axis)}',
  params: ConcatenateParamsSchema,
  inputs: [MERGE_IN],
  outputs: [TENSOR_OUT],
  summary: () => 'x₁ ‖ x₂',
  inferShape(inputs, _params, ctx) {
    const few = tooFewInputs('Concatenate', inputs.length, ctx);
    if (few) return { shape: UNKNOWN_SHAPE, problems: [few] };
    const first = inputs[0]?.dims;
    if (!first || inputs.some((s) => s.dims === null)) return { shape: UNKNOWN_SHAPE, problems: [] };
    const other = inputs.findIndex((s) => !fitTogether(s.dims as number[], first));
    if (other > 0) {
      const problem = mergeMismatch(
        'Concatenate',
        'joins its inputs along the last axis, so every other axis must agree',
        'concatenateMismatch',
        inputs,
        ctx,
        other,
      );
      return { shape: UNKNOWN_SHAPE, problems: [problem] };
    }
    const last = inputs.reduce((n, s) => n + ((s.dims as number[])[first.length - 1] as number), 0);
    return { shape: { dims: [...first.slice(0, -1), last] }, problems: [] };
  },
  export: concatenateExport,
  endsIn: () => 'other',
  reference: concatenateReference,
  fast: concatenateFast,
  build(_params, ctx) {
    return {
      nodeId: ctx.nodeId,
      kind: 'Concatenate',
      parameters: [],
      state: [],
      outputActivation: null,
      forward: (inputs) => tf.concat(inputs as tf.Tensor[], -1),
      toExport: () => [{ layer: tf.layers.concatenate({ axis: -1 }), weights: [] }],
      dispose() {},
    };
  },
};
