import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { windowOutputFormula } from '../conv2d/formula.js';
import { windowGeometry } from '../conv2d/geometry.js';
import { explicitPads } from '../conv2d/pads.js';
import { windowShape } from '../conv2d/shape.js';
import { UNKNOWN_SHAPE } from '../shape.js';
import { type LayerKind, TENSOR_IN, TENSOR_OUT } from '../types.js';
import { poolExport } from './export.js';
import { averagePoolFast, maxPoolFast } from './fast.js';
import { poolingReference } from './reference.js';

export const PoolParamsSchema = z.object({
  poolSize: z.number().int().min(1).max(16).default(2).describe('f: the window is f×f.'),
  stride: z.number().int().min(1).max(16).default(2).describe('s: the step between windows (usually f).'),
  padding: z
    .enum(['valid', 'same'])
    .default('valid')
    .describe('valid: windows inside the image only; same: ⌈n/s⌉ windows, padded cells ignored.'),
});
export type PoolParams = z.infer<typeof PoolParamsSchema>;

type PoolKind = 'MaxPool2D' | 'AveragePool2D';

/**
 * Average pooling with 'same' padding as explicit zeros, a 'valid' pool, and a constant rescale
 * f²/(real cells of each window). tf.js's own 'same' average pool divides its forward pass by the
 * real cells but its gradient by f² (AvgPoolGrad, 4.22), so its border gradients are wrong; this
 * form differentiates exactly. [m, h, w, c] → [m, ⌈h/s⌉, ⌈w/s⌉, c].
 */
function sameAveragePool(
  h: number,
  w: number,
  p: PoolParams,
): { pool: (x: tf.Tensor4D) => tf.Tensor; dispose: () => void } {
  const f = p.poolSize;
  const g = windowGeometry(h, w, f, f, p.stride, p.stride, 'same');
  const pads = explicitPads([h, w], f, p.stride, 'same');
  const scale = new Float32Array(g.outH * g.outW);
  for (let i = 0; i < g.outH; i++) {
    const rows = Math.min(i * p.stride - g.padTop + f, h) - Math.max(i * p.stride - g.padTop, 0);
    for (let j = 0; j < g.outW; j++) {
      const cols = Math.min(j * p.stride - g.padLeft + f, w) - Math.max(j * p.stride - g.padLeft, 0);
      scale[i * g.outW + j] = (f * f) / (rows * cols);
    }
  }
  const rescale = tf.tensor3d(scale, [g.outH, g.outW, 1]);
  const pad: [number, number][] = [
    [0, 0],
    [pads.top, pads.bottom],
    [pads.left, pads.right],
    [0, 0],
  ];
  return {
    pool: (x) => tf.mul(tf.avgPool(tf.pad(x, pad), f, p.stride, 'valid'), rescale),
    dispose: () => rescale.dispose(),
  };
}

/** The two pooling kinds differ only in what they take of each window. */
function poolingKind(kind: PoolKind): LayerKind<PoolParams> {
  const max = kind === 'MaxPool2D';
  const formula = max
    ? 'a_{i,j,c} = \\max_{u,v<f}\\; x_{s i+u,\\, s j+v,\\, c}'
    : 'a_{i,j,c} = \\frac{1}{|\\text{window}|}\\sum_{u,v<f} x_{s i+u,\\, s j+v,\\, c}';
  return {
    kind,
    role: 'layer',
    category: 'Layers',
    title: max ? { en: 'MaxPool2D', zh: '最大池化' } : { en: 'AveragePool2D', zh: '平均池化' },
    hint: max
      ? {
          en: 'Keeps the strongest response in each window: halves h and w with f = s = 2, no weights to learn.',
          zh: '保留每个窗口中最强的响应：f = s = 2 时高宽减半，没有要学习的参数。',
        }
      : {
          en: 'Averages each window: a smoother downsampling than max pooling, no weights to learn.',
          zh: '对每个窗口取平均：比最大池化更平滑的下采样，没有要学习的参数。',
        },
    formula,
    formulaFor: (p) => `${formula};\\quad ${windowOutputFormula(p.padding, p.poolSize, p.stride)}`,
    params: PoolParamsSchema,
    inputs: [TENSOR_IN],
    outputs: [TENSOR_OUT],
    summary: (p) => `${p.poolSize}×${p.poolSize} /${p.stride}${p.padding === 'same' ? ' · same' : ''}`,
    inferShape: (inputs, p, ctx) =>
      windowShape(
        inputs[0] ?? UNKNOWN_SHAPE,
        { size: p.poolSize, stride: p.stride, padding: p.padding, channels: null },
        { nodeId: ctx.nodeId, kind, what: 'pooling window', param: 'poolSize' },
      ),
    endsIn: () => 'other',
    reference: poolingReference((rules) => (max ? rules.maxPool : rules.averagePool)),
    export: poolExport(kind),
    fast: max ? maxPoolFast : averagePoolFast,
    build(params, ctx) {
      const size: [number, number] = [params.poolSize, params.poolSize];
      const strides: [number, number] = [params.stride, params.stride];
      const [h = 1, w = 1] = ctx.inputShapes[0] ?? [];
      const padded = max || params.padding === 'valid' ? null : sameAveragePool(h, w, params);
      const pool =
        padded?.pool ??
        ((x: tf.Tensor4D) => (max ? tf.maxPool : tf.avgPool)(x, size, strides, params.padding));
      return {
        nodeId: ctx.nodeId,
        kind,
        parameters: [],
        state: [],
        outputActivation: null,
        forward: ([x]) => pool(x as tf.Tensor4D),
        toExport() {
          const config = { poolSize: size, strides, padding: params.padding };
          const layer = max ? tf.layers.maxPooling2d(config) : tf.layers.averagePooling2d(config);
          return [{ layer, weights: [] }];
        },
        dispose: () => padded?.dispose(),
      };
    },
  };
}

/** Max pooling over f×f windows, per channel: [m, h, w, c] → [m, h', w', c]. */
export const MaxPool2D = poolingKind('MaxPool2D');

/** Average pooling over f×f windows, per channel: [m, h, w, c] → [m, h', w', c]. */
export const AveragePool2D = poolingKind('AveragePool2D');
