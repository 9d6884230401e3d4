import { z } from 'zod';
import type { SettingsKind } from './types.js';

/**
 * Learning-rate decay of spec §9. epochNum counts from 1 (the first epoch is epoch 1, as in the
 * notes' worked example where α₀ = 0.2 and decayRate = 1 give α = 0.1 in epoch 1); t counts updates
 * from 1.
 */
export const ScheduleParamsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }),
  z.object({ kind: z.literal('inverseTime'), decayRate: z.number().min(0).max(1e3).default(1) }),
  z.object({ kind: z.literal('exponential'), base: z.number().gt(0).max(1).default(0.95) }),
  z.object({ kind: z.literal('sqrtEpoch'), k: z.number().gt(0).max(1e3).default(1) }),
  z.object({ kind: z.literal('sqrtStep'), k: z.number().gt(0).max(1e3).default(1) }),
  z.object({
    kind: z.literal('staircase'),
    every: z.number().int().min(1).max(1e6).default(10).describe('Epochs between steps.'),
    factor: z.number().gt(0).max(1).default(0.5).describe('α is multiplied by this at each step.'),
  }),
  z.object({ kind: z.literal('manual') }),
]);
export type ScheduleParams = z.infer<typeof ScheduleParamsSchema>;

const WithDefault = z.preprocess(
  (v) => (v && typeof v === 'object' && !('kind' in v) ? { ...v, kind: 'inverseTime' } : v),
  ScheduleParamsSchema,
);

export const SCHEDULE_FORMULAS: Record<ScheduleParams['kind'], string> = {
  constant: '\\alpha = \\alpha_0',
  inverseTime: '\\alpha = \\frac{\\alpha_0}{1 + \\text{decayRate}\\cdot\\text{epochNum}}',
  exponential: '\\alpha = \\text{base}^{\\text{epochNum}}\\cdot\\alpha_0',
  sqrtEpoch: '\\alpha = \\frac{k}{\\sqrt{\\text{epochNum}}}\\cdot\\alpha_0',
  sqrtStep: '\\alpha = \\frac{k}{\\sqrt{t}}\\cdot\\alpha_0',
  staircase:
    '\\alpha = \\alpha_0 \\cdot \\text{factor}^{\\lfloor (\\text{epochNum}-1)/\\text{every} \\rfloor}',
  manual: '\\alpha \\text{ set by hand while training runs}',
};

/**
 * α for an update in epoch `epochNum` (from 1) that is update `t` (from 1) of the run.
 * `manual` returns α₀: the trainer replaces it when the user changes α.
 */
export function learningRateAt(
  schedule: ScheduleParams,
  alpha0: number,
  epochNum: number,
  t: number,
): number {
  switch (schedule.kind) {
    case 'constant':
    case 'manual':
      return alpha0;
    case 'inverseTime':
      return alpha0 / (1 + schedule.decayRate * epochNum);
    case 'exponential':
      return schedule.base ** epochNum * alpha0;
    case 'sqrtEpoch':
      return (schedule.k / Math.sqrt(epochNum)) * alpha0;
    case 'sqrtStep':
      return (schedule.k / Math.sqrt(t)) * alpha0;
    case 'staircase':
      return alpha0 * schedule.factor ** Math.floor((epochNum - 1) / schedule.every);
  }
}

/** Learning-rate decay: feeds the optimizer's α. */
export const Schedule: SettingsKind<ScheduleParams> = {
  kind: 'Schedule',
  role: 'schedule',
  category: 'Training',
  title: { en: 'Learning-rate schedule', zh: '学习率衰减' },
  hint: {
    en: 'Decay lets mini-batch steps settle near the minimum instead of wandering around it.',
    zh: '学习率衰减让小批量梯度下降在最小值附近收敛，而不是在其周围来回摆动。',
  },
  formula: SCHEDULE_FORMULAS.inverseTime,
  formulaFor: (p) => SCHEDULE_FORMULAS[p.kind],
  suggestedRanges: { decayRate: () => ({ scale: 'log10', min: 1e-4, max: 1 }) },
  params: WithDefault as unknown as z.ZodType<ScheduleParams>,
  inputs: [],
  outputs: [{ name: 'schedule', type: 'schedule' }],
  summary: (p) => p.kind,
};
