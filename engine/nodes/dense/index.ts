import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import {
  ACTIVATION_FORMULAS,
  ActivationNameSchema,
  activationLayer,
  applyActivation,
} from '../../model/activations.js';
import { INITIALIZER_FORMULAS, InitializerSchema, initialWeights } from '../../model/initializers.js';
import { newVariable } from '../../model/variables.js';
import { detailed, error, type Problem, warning } from '../../problems.js';
import { product, shapeOf, sizeOf, UNKNOWN_SHAPE } from '../shape.js';
import {
  type BuildContext,
  type ExportedLayer,
  type Layer,
  type LayerKind,
  type LayerParameter,
  TENSOR_IN,
  TENSOR_OUT,
} from '../types.js';
import { WEIGHT_PARAMS } from '../weighted.js';
import { denseExport } from './export.js';
import { denseFast } from './fast.js';
import { denseReference } from './reference.js';

export const DenseParamsSchema = z.object({
  units: z.number().int().min(1).max(100_000).default(10).describe('n[l], the number of units.'),
  activation: ActivationNameSchema.default('relu').describe('g applied to z = xW + b.'),
  initializer: InitializerSchema.default('he').describe('How W starts (spec §4); b starts at 0.'),
  ...WEIGHT_PARAMS,
  useBias: z.boolean().default(true).describe('Add b. Dropped anyway when BatchNorm follows (spec §12).'),
});
export type DenseParams = z.infer<typeof DenseParamsSchema>;

function buildDense(params: DenseParams, ctx: BuildContext): Layer {
  const { nodeId, inputFeatures: nIn, random, dropBias } = ctx;
  const nOut = params.units;
  const weights = initialWeights(params.initializer, nIn, nOut, params.initScale, random);
  const w = newVariable(() => tf.tensor2d(weights, [nIn, nOut]), true, `${nodeId}/W`);
  const hasBias = params.useBias && !dropBias;
  const b = hasBias ? newVariable(() => tf.zeros([nOut]), true, `${nodeId}/b`) : null;
  const parameters: LayerParameter[] = [{ name: 'W', variable: w, l2: params.l2, l1: params.l1 }];
  if (b) parameters.push({ name: 'b', variable: b, l2: 0, l1: 0 });
  const ends = params.activation === 'sigmoid' ? 'sigmoid' : null;
  return {
    nodeId,
    kind: 'Dense',
    parameters,
    state: [],
    outputActivation: ends,
    forward(inputs, ctx) {
      // An image (or any rank > 1) is flattened first: [m, h, w, c] → [m, h·w·c].
      const x = (inputs[0] as tf.Tensor).reshape([-1, nIn]) as tf.Tensor2D;
      const z = b ? tf.add(tf.matMul(x, w as tf.Tensor2D), b) : tf.matMul(x, w as tf.Tensor2D);
      // Only a sigmoid output is left to the loss (computed stably from z); any other g applies here.
      if (ctx.returnLogits && params.activation === 'sigmoid') return z as tf.Tensor2D;
      return applyActivation(params.activation, z as tf.Tensor2D, params.leakyAlpha);
    },
    toExport() {
      const dense = tf.layers.dense({ units: nOut, useBias: hasBias });
      const flat = (ctx.inputShapes[0]?.length ?? 1) > 1;
      const out: ExportedLayer[] = flat ? [{ layer: tf.layers.flatten(), weights: [] }] : [];
      out.push({ layer: dense, weights: b ? [w, b] : [w] });
      const act = activationLayer(params.activation, params.leakyAlpha);
      if (act) out.push({ layer: act, weights: [] });
      return out;
    },
    dispose() {
      w.dispose();
      b?.dispose();
    },
  };
}

const DENSE_FORWARD = 'z^{[l]} = a^{[l-1]} W^{[l]} + b^{[l]},\\quad a^{[l]} = g(z^{[l]})';

/** Fully connected layer: [m, n[l−1]] → [m, n[l]], a = g(xW + b); an image input is flattened first. */
export const Dense: LayerKind<DenseParams> = {
  kind: 'Dense',
  role: 'layer',
  category: 'Layers',
  title: { en: 'Dense', zh: '全连接层' },
  hint: {
    en: 'Use He initialization with ReLU and Xavier with tanh; zeros never breaks symmetry.',
    zh: 'ReLU 用 He 初始化，tanh 用 Xavier；全零初始化无法打破对称性。',
  },
  formula: `${DENSE_FORWARD};\\quad ${INITIALIZER_FORMULAS.he}`,
  formulaFor: (p) =>
    `${DENSE_FORWARD};\\quad ${ACTIVATION_FORMULAS[p.activation]};\\quad ${INITIALIZER_FORMULAS[p.initializer]}`,
  params: DenseParamsSchema,
  suggestedRanges: {
    units: (c) => ({ scale: 'int', min: Math.max(1, Math.floor(c / 2)), max: Math.max(2, 2 * c) }),
    l2: () => ({ scale: 'log10', min: 1e-3, max: 10 }),
    l1: () => ({ scale: 'log10', min: 1e-4, max: 1 }),
  },
  inputs: [TENSOR_IN],
  outputs: [TENSOR_OUT],
  summary: (p, language = 'en') =>
    `${p.units} ${language === 'zh' ? '个单元' : 'units'} · ${p.activation} · ${p.initializer}${p.l2 ? ` · L2 ${p.l2}` : ''}${p.l1 ? ` · L1 ${p.l1}` : ''}`,
  inferShape(inputs, params, ctx) {
    const problems: Problem[] = [];
    const features = sizeOf(inputs[0] ?? UNKNOWN_SHAPE);
    if (params.initializer === 'zeros') {
      problems.push(
        detailed(
          warning(
            'ZEROS_INIT',
            ctx.nodeId,
            'Zeros initialization: every unit of this layer computes the same function and stays the same (symmetry is never broken). Use He for ReLU.',
            'initializer',
          ),
          'zerosInitUnits',
          {},
        ),
      );
    }
    if (features !== null && features * params.units > 50_000_000) {
      problems.push(
        detailed(
          error(
            'INVALID_PARAM',
            ctx.nodeId,
            `W would have ${features}×${params.units} = ${(features * params.units).toLocaleString('en')} weights (${Math.round((features * params.units * 4) / 2 ** 20)} MiB); the limit is 50,000,000.`,
            'units',
          ),
          'denseTooLarge',
          {
            features,
            units: params.units,
            weights: (features * params.units).toLocaleString('en'),
            mib: Math.round((features * params.units * 4) / 2 ** 20),
          },
        ),
      );
    }
    return { shape: shapeOf([params.units]), problems };
  },
  endsIn: (p) => (p.activation === 'sigmoid' ? 'sigmoid' : 'other'),
  countParameters: (p, inputs, output) => {
    const nIn = product(inputs[0] ?? []);
    const nOut = product(output);
    return { trainable: nIn * nOut + (p.useBias ? nOut : 0), state: 0 };
  },
  biasDroppable: (p) => p.activation === 'linear',
  fast: denseFast,
  inspect: { activation: (p) => p.activation },
  build: buildDense,
  reference: denseReference,
  export: denseExport,
};
