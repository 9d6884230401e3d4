import { mixSeeds } from '../random.js';
import { rankResults, trainedFully } from './rank.js';
import { coordinateInterval, isDiscrete, toCoordinate, valueAt } from './scales.js';
import { paramKey, type SearchParam, type SearchSpace } from './space.js';
import type { TrialResult } from './trial.js';

/** Each side of the narrowed range reaches this share of the old range past the best trials. */
export const NARROW_MARGIN = 0.1;

function narrowParam(p: SearchParam, best: readonly TrialResult[]): SearchParam {
  const { lo, hi } = coordinateInterval(p.scale, p.min, p.max);
  const rs = best
    .map((r) => r.values[paramKey(p)])
    .filter((v): v is number => v !== undefined && Number.isFinite(toCoordinate(p.scale, v)))
    .map((v) => Math.min(hi, Math.max(lo, toCoordinate(p.scale, v))));
  if (!rs.length) return p;
  const pad = NARROW_MARGIN * (hi - lo);
  let a = Math.max(lo, Math.min(...rs) - pad);
  let b = Math.min(hi, Math.max(...rs) + pad);
  if (isDiscrete(p.scale)) {
    a = Math.max(lo, Math.floor(a));
    b = Math.min(hi, Math.ceil(b));
  }
  const ends = [valueAt(p.scale, a, p.min, p.max), valueAt(p.scale, b, p.min, p.max)];
  return { ...p, min: Math.min(...ends), max: Math.max(...ends) };
}

/**
 * Coarse to fine (spec §11): a new space whose every range is shrunk, in the param's own scale, to
 * the span of the best `k` trials that trained fully plus a margin of 10 % of the old range on each
 * side, never beyond the old range. α's best at 0.01 and 0.03 in [1e-4, 1e-1] (r ∈ [−4, −1]) gives
 * r ∈ [−2.3, −1.22], α ∈ [0.005012, 0.05986]. Discrete scales round outward to whole coordinates.
 * The new space draws from a new stream (seed mixed with 1), so round two does not replay round one.
 * With no trial trained fully it returns the space unchanged.
 */
export function narrow(space: SearchSpace, results: readonly TrialResult[], k: number): SearchSpace {
  const best = rankResults(results)
    .filter(trainedFully)
    .slice(0, Math.max(1, Math.floor(k)));
  if (!best.length) return space;
  return { ...space, params: space.params.map((p) => narrowParam(p, best)), seed: mixSeeds(space.seed, 1) };
}
