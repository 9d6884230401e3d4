import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { MERGE_IN, mergeMismatch, tooFewInputs } from '../merge.js';
import { sameDims, UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_OUT } from '../types.js';
import { addExport } from './export.js';
import { addFast } from './fast.js';
import { addReference } from './reference.js';

export const AddParamsSchema = z.object({});
export type AddParams = z.infer<typeof AddParamsSchema>;

/**
 * Element-wise sum of two or more tensors of one shape: the merge of a residual block, where the
 * block's input skips ahead and is added to its output. [m, …] + [m, …] → [m, …].
 */
export const Add: LayerKind<AddParams> = {
  kind: 'Add',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Add (residual)', zh: '相加（残差连接）' },
  hint: {
    en: 'a[l+2] = g(z[l+2] + a[l]): the skip path lets gradients reach early layers of a deep network.',
    zh: 'a[l+2] = g(z[l+2] + a[l])：跳跃连接让梯度能传到深层网络的前几层。',
  },
  formula: 'a = x_1 + x_2 + \\cdots,\\qquad a^{[l+2]} = g\\big(z^{[l+2]} + a^{[l]}\\big)',
  params: AddParamsSchema,
  inputs: [MERGE_IN],
  outputs: [TENSOR_OUT],
  summary: () => 'x₁ + x₂',
  inferShape(inputs, _params, ctx) {
    const few = tooFewInputs('Add', inputs.length, ctx);
    if (few) return { shape: UNKNOWN_SHAPE, problems: [few] };
    const first = inputs[0]?.dims;
    if (!first || inputs.some((s) => s.dims === null)) return { shape: UNKNOWN_SHAPE, problems: [] };
    const other = inputs.findIndex((s) => !sameDims(s.dims as number[], first));
    if (other > 0) {
      const problem = mergeMismatch(
        'Add',
        'sums its inputs element by element, so they need one shape',
        'addMismatch',
        inputs,
        ctx,
        other,
      );
      return { shape: UNKNOWN_SHAPE, problems: [problem] };
    }
    return { shape: { dims: first }, problems: [] };
  },
  export: addExport,
  endsIn: () => 'other',
  reference: addReference,
  fast: addFast,
  build(_params, ctx) {
    return {
      nodeId: ctx.nodeId,
      kind: 'Add',
      parameters: [],
      state: [],
      outputActivation: null,
      forward: (inputs) => tf.addN(inputs as tf.Tensor[]),
      toExport: () => [{ layer: tf.layers.add(), weights: [] }],
      dispose() {},
    };
  },
};
