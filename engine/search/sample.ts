import { createRandom, mixSeeds } from '../random.js';
import { sampleOnScale } from './scales.js';
import { type ParamValues, paramKey, type SearchSpace } from './space.js';

/**
 * The values of trial `trial` (from 1): each trial draws from its own stream, seeded by the space's
 * seed and the trial number, one draw per param in order. So trial 7 is the same whether 10 or 100
 * trials are asked for, and a param added at the end leaves the others' draws unchanged.
 */
export function sampleTrial(space: Pick<SearchSpace, 'params' | 'seed'>, trial: number): ParamValues {
  const random = createRandom(mixSeeds(space.seed, trial));
  const values: ParamValues = {};
  for (const p of space.params) values[paramKey(p)] = sampleOnScale(p.scale, p.min, p.max, random.next());
  return values;
}

/** Trials 1..n of a space: random search, not a grid (spec §11). */
export function sampleTrials(space: Pick<SearchSpace, 'params' | 'seed'>, n: number): ParamValues[] {
  return Array.from({ length: n }, (_, i) => sampleTrial(space, i + 1));
}
