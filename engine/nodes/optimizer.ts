import { z } from 'zod';
import type { SettingsKind } from './types.js';

const learningRate = z
  .number()
  .gt(0, 'The learning rate α must be above 0.')
  .max(100)
  .default(0.01)
  .describe('α, the learning rate (the start value when a schedule is connected).');
const beta = (fallback: number, what: string) =>
  z.number().min(0).lt(1, `${what} must be below 1.`).default(fallback).describe(what);
const epsilon = z.number().gt(0).max(1).default(1e-8).describe('ε inside the square root (spec §8).');

/** The four update rules of spec §8, each with only the hyperparameters it uses. */
export const OptimizerParamsSchema = z.discriminatedUnion('algorithm', [
  z.object({ algorithm: z.literal('gd'), learningRate }),
  z.object({ algorithm: z.literal('momentum'), learningRate, beta: beta(0.9, 'β, the momentum term') }),
  z.object({ algorithm: z.literal('rmsprop'), learningRate, beta2: beta(0.9, 'β₂ of RMSprop'), epsilon }),
  z.object({
    algorithm: z.literal('adam'),
    learningRate,
    beta1: beta(0.9, 'β₁, the first-moment average'),
    beta2: beta(0.999, 'β₂, the second-moment average'),
    epsilon,
  }),
]);
/** Accepts `{}` as plain gradient descent, so a new Optimizer node is valid before it is set. */
export const OptimizerParamsWithDefault = z.preprocess(
  (v) => (v && typeof v === 'object' && !('algorithm' in v) ? { ...v, algorithm: 'gd' } : v),
  OptimizerParamsSchema,
);
export type OptimizerParams = z.infer<typeof OptimizerParamsSchema>;

export const OPTIMIZER_FORMULAS: Record<OptimizerParams['algorithm'], string> = {
  gd: 'W := W - \\alpha\\, dW',
  momentum: 'v_{dW} = \\beta v_{dW} + (1-\\beta)\\, dW;\\quad W := W - \\alpha\\, v_{dW}',
  rmsprop:
    'S_{dW} = \\beta_2 S_{dW} + (1-\\beta_2)\\, dW^2;\\quad W := W - \\alpha \\frac{dW}{\\sqrt{S_{dW} + \\varepsilon}}',
  adam: 'V = \\beta_1 V + (1-\\beta_1) dW,\\; S = \\beta_2 S + (1-\\beta_2) dW^2,\\; \\hat V = \\frac{V}{1-\\beta_1^t},\\; \\hat S = \\frac{S}{1-\\beta_2^t},\\; W := W - \\alpha \\frac{\\hat V}{\\sqrt{\\hat S + \\varepsilon}}',
};

/** The optimizer: how each update moves W, b, γ and β given their gradients. */
export const Optimizer: SettingsKind<OptimizerParams> = {
  kind: 'Optimizer',
  role: 'optimizer',
  category: 'Training',
  title: { en: 'Optimizer', zh: '优化算法' },
  hint: {
    en: 'Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) works well almost everywhere; tune α first.',
    zh: 'Adam（β₁ 0.9、β₂ 0.999、ε 1e-8）几乎处处有效；先调学习率 α。',
  },
  formula: OPTIMIZER_FORMULAS.adam,
  formulaFor: (p) => OPTIMIZER_FORMULAS[p.algorithm],
  suggestedRanges: {
    learningRate: () => ({ scale: 'log10', min: 1e-4, max: 1 }),
    beta: () => ({ scale: 'oneMinusLog10', min: 0.9, max: 0.999 }),
    beta1: () => ({ scale: 'oneMinusLog10', min: 0.9, max: 0.999 }),
    beta2: () => ({ scale: 'oneMinusLog10', min: 0.9, max: 0.9999 }),
    epsilon: () => ({ scale: 'log10', min: 1e-10, max: 1e-6 }),
  },
  params: OptimizerParamsWithDefault as unknown as z.ZodType<OptimizerParams>,
  inputs: [{ name: 'schedule', type: 'schedule', optional: true }],
  outputs: [{ name: 'optimizer', type: 'optimizer' }],
  summary: (p, language = 'en') =>
    `${p.algorithm === 'gd' ? (language === 'zh' ? '梯度下降' : 'gradient descent') : p.algorithm} · α ${p.learningRate}`,
};
