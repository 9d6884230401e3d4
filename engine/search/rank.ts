import type { GraphDocument } from '../document/schema.js';
import { detailed, error, fail, type Result } from '../problems.js';
import { applyValues } from './params.js';
import type { SearchParam } from './space.js';
import type { TrialReason, TrialResult } from './trial.js';

/** What "best" means: the lowest dev loss (the default) or the highest dev accuracy. */
export type SearchMetric = 'devLoss' | 'devAccuracy';

/**
 * Trials that trained their whole budget rank first, then those stopped part-way (their metrics are
 * from fewer epochs, so not comparable), then NaN, then those that could not run.
 */
const GROUP: Record<TrialReason, number> = {
  epochs: 0,
  'early-stopping': 0,
  pruned: 1,
  stopped: 1,
  nan: 2,
  invalid: 3,
  error: 3,
};

/** The loss a trial is judged by: dev loss, or train loss when the graph has no dev split. */
export const judgedLoss = (r: TrialResult): number => r.devLoss ?? r.trainLoss ?? Number.NaN;

/** Lower is better; NaN and null sort last. */
function score(r: TrialResult, metric: SearchMetric): number {
  const v = metric === 'devAccuracy' ? (r.devAccuracy === null ? Number.NaN : -r.devAccuracy) : judgedLoss(r);
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
}

/**
 * Trials best first: by group, then by the metric (ties: dev loss, then trial number). A new array;
 * the table of the CLI and the app's sortable table start from this order.
 */
export function rankResults(
  results: readonly TrialResult[],
  metric: SearchMetric = 'devLoss',
): TrialResult[] {
  return results.slice().sort((a, b) => {
    const byGroup = GROUP[a.reason] - GROUP[b.reason];
    if (byGroup) return byGroup;
    const byMetric = score(a, metric) - score(b, metric);
    if (byMetric) return byMetric;
    const byLoss = score(a, 'devLoss') - score(b, 'devLoss');
    return byLoss || a.trial - b.trial;
  });
}

/** True for a trial that trained its whole budget (or stopped on its own early stopping) to a finite loss. */
export const trainedFully = (r: TrialResult): boolean =>
  GROUP[r.reason] === 0 && Number.isFinite(judgedLoss(r));

/** The best trial that trained fully, or null when none did. */
export function bestResult(
  results: readonly TrialResult[],
  metric: SearchMetric = 'devLoss',
): TrialResult | null {
  const first = rankResults(results, metric)[0];
  return first && trainedFully(first) ? first : null;
}

/**
 * Apply: the document with the best trial's values written in (one change, so one undo step in the
 * app). When the baseline (trial 0) was best, that is the document's own values again.
 */
export function applyBest(
  doc: GraphDocument,
  params: readonly SearchParam[],
  results: readonly TrialResult[],
  metric: SearchMetric = 'devLoss',
): Result<GraphDocument> {
  const best = bestResult(results, metric);
  if (!best)
    return fail([
      detailed(
        error('INVALID_PARAM', null, 'Search: no trial trained to the end, so there is nothing to apply.'),
        'searchNothingToApply',
        {},
      ),
    ]);
  return applyValues(doc, params, best.values);
}
