import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import {
  ACTIVATION_FORMULAS,
  ActivationNameSchema,
  activationLayer,
  applyActivation,
} from '../../model/activations.js';
import { InitializerSchema, initStd } from '../../model/initializers.js';
import { newVariable } from '../../model/variables.js';
import { detailed, warning } from '../../problems.js';
import type { Random } from '../../random.js';
import { UNKNOWN_SHAPE } from '../shape.js';
import { type ExportedLayer, type LayerKind, type LayerParameter, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { WEIGHT_PARAMS } from '../weighted.js';
import { conv2dExport } from './export.js';
import { conv2dFast } from './fast.js';
import { windowOutputFormula } from './formula.js';
import { conv2dReference } from './reference.js';
import { windowShape } from './shape.js';

export const Conv2DParamsSchema = z.object({
  filters: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(8)
    .describe('n_c, the number of filters (output channels).'),
  kernelSize: z.number().int().min(1).max(32).default(3).describe('f: each filter is f×f×n_c[l−1].'),
  stride: z.number().int().min(1).max(16).default(1).describe('s: the step between filter positions.'),
  padding: z
    .enum(['same', 'valid'])
    .default('same')
    .describe('same: zeros around the image so the output is ⌈n/s⌉ wide; valid: no padding.'),
  activation: ActivationNameSchema.default('relu').describe('g applied to z.'),
  initializer: InitializerSchema.default('he').describe('How the filters start (fan-in f·f·n_c[l−1]).'),
  ...WEIGHT_PARAMS,
  useBias: z.boolean().default(true).describe('Add one b per filter. Dropped when BatchNorm follows.'),
});
export type Conv2DParams = z.infer<typeof Conv2DParamsSchema>;

/**
 * Initial filters [f, f, cIn, cOut], row-major (tf.js's layout): normal draws scaled as spec §4
 * with fan-in f·f·cIn (and fan-out f·f·cOut for Glorot).
 */
export function initialFilters(params: Conv2DParams, cIn: number, random: Random): Float32Array {
  const k = params.kernelSize;
  const std = initStd(params.initializer, k * k * cIn, k * k * params.filters, params.initScale);
  const w = new Float32Array(k * k * cIn * params.filters);
  if (std === 0) return w;
  for (let i = 0; i < w.length; i++) w[i] = random.normal() * std;
  return w;
}

/** One output value of a filter at position (i, j). */
const CONV_SUM = 'z_{i,j,k} = b_k + \\sum_{u,v<f}\\sum_{c} a^{[l-1]}_{s i+u,\\, s j+v,\\, c}\\, W_{u,v,c,k}';

/** The filter, its activation and the output size (spec's n_out = ⌊(n + 2p − f)/s⌋ + 1). */
const CONV_FORWARD = `${CONV_SUM},\\quad a = g(z),\\quad n^{[l]}_H = \\left\\lfloor \\tfrac{n^{[l-1]}_H + 2p - f}{s} \\right\\rfloor + 1`;

/**
 * 2-D convolution over images, channels last: [m, h, w, c] → [m, h', w', filters], each output
 * a = g(Σ x·W + b) over an f×f×c window; h' = ⌈h/s⌉ ('same') or ⌈(h − f + 1)/s⌉ ('valid').
 */
export const Conv2D: LayerKind<Conv2DParams> = {
  kind: 'Conv2D',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Conv2D', zh: '二维卷积' },
  hint: {
    en: 'Shares one small filter across the image: far fewer weights than a Dense layer on the same pixels.',
    zh: '同一个小卷积核在整幅图像上共享：比同样像素上的全连接层参数少得多。',
  },
  formulaFor: (p) =>
    `${CONV_SUM};\\quad a = g(z);\\quad ${ACTIVATION_FORMULAS[p.activation]};\\quad ${windowOutputFormula(p.padding, p.kernelSize, p.stride)}`,
  formula: CONV_FORWARD,
  params: Conv2DParamsSchema,
  suggestedRanges: {
    filters: (c) => ({ scale: 'int', min: Math.max(1, Math.floor(c / 2)), max: Math.max(2, 2 * c) }),
    l2: () => ({ scale: 'log10', min: 1e-3, max: 10 }),
    l1: () => ({ scale: 'log10', min: 1e-4, max: 1 }),
  },
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (p) =>
    `${p.filters} × ${p.kernelSize}×${p.kernelSize}${p.stride > 1 ? ` /${p.stride}` : ''} · ${p.padding} · ${p.activation}`,
  inferShape(inputs, params, ctx) {
    const result = windowShape(
      inputs[0] ?? UNKNOWN_SHAPE,
      { size: params.kernelSize, stride: params.stride, padding: params.padding, channels: params.filters },
      { nodeId: ctx.nodeId, kind: 'Conv2D', what: 'kernel', param: 'kernelSize' },
    );
    if (params.initializer === 'zeros') {
      result.problems.push(
        detailed(
          warning(
            'ZEROS_INIT',
            ctx.nodeId,
            'Zeros initialization: every filter computes the same feature and stays the same (symmetry is never broken). Use He for ReLU.',
            'initializer',
          ),
          'zerosInitFilters',
          {},
        ),
      );
    }
    return result;
  },
  export: conv2dExport,
  endsIn: () => 'other',
  reference: conv2dReference,
  countParameters: (p, inputs) => {
    const cIn = inputs[0]?.[2] ?? 0;
    const k = p.kernelSize;
    return { trainable: k * k * cIn * p.filters + (p.useBias ? p.filters : 0), state: 0 };
  },
  biasDroppable: (p) => p.activation === 'linear',
  fast: conv2dFast,
  inspect: { activation: (p) => p.activation },
  build(params, ctx) {
    const { nodeId, random, dropBias } = ctx;
    const cIn = ctx.inputShapes[0]?.[2] ?? 1;
    const k = params.kernelSize;
    const shape: [number, number, number, number] = [k, k, cIn, params.filters];
    const w = newVariable(() => tf.tensor4d(initialFilters(params, cIn, random), shape), true, `${nodeId}/W`);
    const hasBias = params.useBias && !dropBias;
    const b = hasBias ? newVariable(() => tf.zeros([params.filters]), true, `${nodeId}/b`) : null;
    const parameters: LayerParameter[] = [{ name: 'W', variable: w, l2: params.l2, l1: params.l1 }];
    if (b) parameters.push({ name: 'b', variable: b, l2: 0, l1: 0 });
    const strides: [number, number] = [params.stride, params.stride];
    return {
      nodeId,
      kind: 'Conv2D',
      parameters,
      state: [],
      outputActivation: null,
      // Never the network's output (the loss takes [m, units]), so g always applies here.
      forward([x]) {
        const conv = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, params.padding);
        const z = b ? tf.add(conv, b) : conv;
        return applyActivation(params.activation, z, params.leakyAlpha);
      },
      toExport() {
        const layer = tf.layers.conv2d({
          filters: params.filters,
          kernelSize: k,
          strides,
          padding: params.padding,
          useBias: hasBias,
        });
        const out: ExportedLayer[] = [{ layer, weights: b ? [w, b] : [w] }];
        const act = activationLayer(params.activation, params.leakyAlpha);
        if (act) out.push({ layer: act, weights: [] });
        return out;
      },
      dispose() {
        w.dispose();
        b?.dispose();
      },
    };
  },
};
