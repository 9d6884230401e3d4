import { z } from 'zod';
import type { SettingsKind } from './types.js';

export const LossFunctionSchema = z.enum([
  'binaryCrossEntropy',
  'categoricalCrossEntropy',
  'meanSquaredError',
]);
export type LossFunction = z.infer<typeof LossFunctionSchema>;

export const LossParamsSchema = z.object({
  fn: LossFunctionSchema.default('binaryCrossEntropy').describe(
    'L(ŷ, y); the cost J is its mean plus penalties.',
  ),
});
export type LossParams = z.infer<typeof LossParamsSchema>;

/** J over a mini-batch with the L2 penalty (spec §3). */
const COST_FORMULA =
  'J = \\frac{1}{m_b}\\sum_{i} L(\\hat y^{(i)}, y^{(i)}) + \\frac{\\lambda}{2m}\\sum_l \\|W^{[l]}\\|_F^2';

export const LOSS_FORMULAS: Record<LossFunction, string> = {
  binaryCrossEntropy: 'L(\\hat y, y) = -\\big(y \\log \\hat y + (1-y)\\log(1-\\hat y)\\big)',
  categoricalCrossEntropy: 'L(\\hat y, y) = -\\sum_{j=1}^{C} y_j \\log \\hat y_j',
  meanSquaredError: 'L(\\hat y, y) = \\tfrac{1}{k}\\sum_{j=1}^{k} (\\hat y_j - y_j)^2',
};

/**
 * The loss: takes the network's output and the labels, and defines the cost
 * J = (1/m_b) Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾) + λ/(2m) Σ‖W‖² + λ₁/m Σ|w| (spec §3) that the optimizer minimizes.
 */
export const Loss: SettingsKind<LossParams> = {
  kind: 'Loss',
  role: 'loss',
  category: 'Training',
  title: { en: 'Loss', zh: '损失函数' },
  hint: {
    en: 'Sigmoid output → binary cross-entropy; Softmax output → categorical cross-entropy.',
    zh: 'sigmoid 输出配二元交叉熵；Softmax 输出配多类交叉熵。',
  },
  formula: `${COST_FORMULA};\\quad ${LOSS_FORMULAS.binaryCrossEntropy}`,
  formulaFor: (p) => `${COST_FORMULA};\\quad ${LOSS_FORMULAS[p.fn]}`,
  params: LossParamsSchema,
  inputs: [
    { name: 'pred', type: 'tensor' },
    { name: 'labels', type: 'labels' },
  ],
  outputs: [{ name: 'loss', type: 'loss' }],
  summary: (p, language = 'en') =>
    ({
      binaryCrossEntropy: { en: 'binary cross-entropy', zh: '二元交叉熵' },
      categoricalCrossEntropy: { en: 'categorical cross-entropy', zh: '多类交叉熵' },
      meanSquaredError: { en: 'mean squared error', zh: '均方误差' },
    })[p.fn][language],
};
