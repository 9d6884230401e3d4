import { z } from 'zod';
import type { Random } from '../random.js';

/** Weight initializations of spec §4, all plain (not truncated) normal draws. */
export const InitializerSchema = z.enum(['he', 'xavier', 'glorot', 'random', 'zeros']);
export type Initializer = z.infer<typeof InitializerSchema>;

/**
 * Standard deviation of the normal draw for W of shape (nIn, nOut).
 * He: sqrt(2/nIn) (ReLU); Xavier: sqrt(1/nIn) (tanh); Glorot: sqrt(2/(nIn+nOut));
 * random: `scale` itself (×10 makes activations explode, ×0.01 is the course's small random).
 */
export function initStd(init: Initializer, nIn: number, nOut: number, scale: number): number {
  switch (init) {
    case 'he':
      return Math.sqrt(2 / nIn);
    case 'xavier':
      return Math.sqrt(1 / nIn);
    case 'glorot':
      return Math.sqrt(2 / (nIn + nOut));
    case 'random':
      return scale;
    case 'zeros':
      return 0;
  }
}

/** W[l] ~ N(0, 1)·std, row-major (nIn, nOut). */
export function initialWeights(
  init: Initializer,
  nIn: number,
  nOut: number,
  scale: number,
  random: Random,
): Float32Array {
  const std = initStd(init, nIn, nOut, scale);
  const w = new Float32Array(nIn * nOut);
  if (std === 0) return w;
  for (let i = 0; i < w.length; i++) w[i] = random.normal() * std;
  return w;
}

export const INITIALIZER_FORMULAS: Record<Initializer, string> = {
  he: 'W \\sim \\mathcal{N}(0,1)\\cdot\\sqrt{2/n^{[l-1]}}',
  xavier: 'W \\sim \\mathcal{N}(0,1)\\cdot\\sqrt{1/n^{[l-1]}}',
  glorot: 'W \\sim \\mathcal{N}(0,1)\\cdot\\sqrt{2/(n^{[l-1]}+n^{[l]})}',
  random: 'W \\sim \\mathcal{N}(0,1)\\cdot \\text{scale}',
  zeros: 'W = 0',
};
