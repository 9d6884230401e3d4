import { z } from 'zod';
import type { SettingsKind } from './types.js';

export const EarlyStoppingSchema = z.object({
  enabled: z.boolean().default(false),
  patience: z.number().int().min(1).max(100_000).default(10).describe('Epochs without a better dev cost.'),
  minDelta: z.number().min(0).default(0).describe('How much lower the dev cost must get to count.'),
  restoreBest: z.boolean().default(true).describe('Put back the weights of the best epoch at the end.'),
});

export const TrainingParamsSchema = z.object({
  batchMode: z
    .enum(['mini', 'full', 'stochastic'])
    .default('mini')
    .describe('mini: m_b = batchSize; full: m_b = m (batch gradient descent); stochastic: m_b = 1.'),
  batchSize: z.number().int().min(1, 'The mini-batch size must be at least 1.').max(1_000_000).default(64),
  epochs: z.number().int().min(1).max(1_000_000).default(100),
  shuffle: z.boolean().default(true).describe('Reshuffle the training set every epoch (seeded).'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1)
    .describe('Seeds weights, shuffles and dropout.'),
  earlyStopping: EarlyStoppingSchema.default({
    enabled: false,
    patience: 10,
    minDelta: 0,
    restoreBest: true,
  }),
  smoothing: z
    .number()
    .min(0)
    .lt(1)
    .default(0.9)
    .describe('β of the bias-corrected EWA drawn over the per-update cost (spec §7).'),
  layerStatsEvery: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(10)
    .describe(
      'Measure every layer (activations, gradients, update ratio) at most every this many updates, within 5 % of the training time; 0: never.',
    ),
});
export type TrainingParams = z.infer<typeof TrainingParamsSchema>;

/** The mini-batch size an epoch uses, given the training-set size m (spec §6). */
export function batchSizeFor(params: TrainingParams, m: number): number {
  if (params.batchMode === 'full') return Math.max(1, m);
  if (params.batchMode === 'stochastic') return 1;
  return params.batchSize;
}

/** How a run goes: mini-batches, epochs, seed and early stopping. */
export const Training: SettingsKind<TrainingParams> = {
  kind: 'Training',
  role: 'training',
  category: 'Training',
  title: { en: 'Training', zh: '训练设置' },
  hint: {
    en: 'm ≤ 2000: batch gradient descent; otherwise a mini-batch of 64–512 (a power of two).',
    zh: 'm ≤ 2000 时用批量梯度下降；否则用 64–512（2 的幂）的小批量。',
  },
  formula:
    '\\text{one epoch} = \\lceil m / m_b \\rceil \\text{ updates};\\ v_t = \\beta v_{t-1} + (1-\\beta) J_t,\\ \\hat v_t = \\frac{v_t}{1-\\beta^t}',
  params: TrainingParamsSchema,
  suggestedRanges: { batchSize: () => ({ scale: 'pow2', min: 16, max: 512 }) },
  inputs: [
    { name: 'loss', type: 'loss' },
    { name: 'optimizer', type: 'optimizer' },
  ],
  outputs: [],
  summary: (p, language = 'en') => {
    const zh = language === 'zh';
    const batches =
      p.batchMode === 'full'
        ? zh
          ? '批量梯度下降'
          : 'batch GD'
        : p.batchMode === 'stochastic'
          ? zh
            ? '随机梯度下降（m_b = 1）'
            : 'SGD (m_b = 1)'
          : `m_b ${p.batchSize}`;
    const stop = p.earlyStopping.enabled ? (zh ? ' · 提前终止' : ' · early stop') : '';
    return `${batches} · ${p.epochs} ${zh ? '轮' : 'epochs'}${stop}`;
  },
};
