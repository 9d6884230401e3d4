import { z } from 'zod';

/**
 * The params every layer with a weight tensor W shares (Dense, Conv2D): the leaky slope of its g,
 * the scale of a "random" initialization, and its penalties (spec §3).
 */
export const WEIGHT_PARAMS = {
  leakyAlpha: z.number().min(0).max(1).default(0.01).describe('Slope for z < 0 under leakyRelu.'),
  initScale: z.number().min(0).max(1000).default(0.01).describe('Standard deviation for "random".'),
  l2: z.number().min(0).max(1e6).default(0).describe('L2 λ: J += λ/(2m)·‖W‖²_F.'),
  l1: z.number().min(0).max(1e6).default(0).describe('L1 λ: J += λ/m·Σ|w|.'),
};
