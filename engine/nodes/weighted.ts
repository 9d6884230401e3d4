import { z } from 'zod';
import type { FastParameterSlot } from '../fast/lowering.js';

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

/** W with its penalties, and b (never penalized) when the layer keeps one: a fast lowering's slots. */
export function weightSlots(
  w: Float32Array,
  dw: Float32Array,
  b: Float32Array | null,
  db: Float32Array | null,
  penalties: { l2: number; l1: number },
): FastParameterSlot[] {
  const slots: FastParameterSlot[] = [
    { name: 'W', values: w, gradient: dw, l2: penalties.l2, l1: penalties.l1 },
  ];
  if (b && db) slots.push({ name: 'b', values: b, gradient: db, l2: 0, l1: 0 });
  return slots;
}
