import type { GraphDocument } from '../document/schema.js';
import { applyValues, readValues } from './params.js';
import { sampleTrial } from './sample.js';
import type { ParamValues, SearchSpace } from './space.js';
import type { PruneCheck, TrialExecutor, TrialOutcome, TrialRequest, TrialResult } from './trial.js';

/**
 * The early-stop rule for bad trials (a median rule): after `fraction` of its epochs (at least 1), a
 * trial whose watched loss is not finite, or is above the median of the trials that trained fully at
 * that same epoch, is stopped, once `minFinished` trials have trained fully. It never fires at the
 * last epoch (nothing left to save), and the baseline is never stopped nor counted in the median.
 */
export interface PruningRule {
  fraction: number;
  minFinished: number;
}

export const DEFAULT_PRUNING: PruningRule = { fraction: 0.25, minFinished: 3 };

export interface SearchOptions {
  /** Runs one trial: `localTrialExecutor` in this thread, or one that posts to a worker. */
  execute: TrialExecutor;
  /** Also train the document's own values, first, as trial 0: what the search must beat. */
  baseline?: boolean;
  /** null turns pruning off. */
  pruning?: PruningRule | null;
  /**
   * Trials in flight at once (default 1). Above 1, results arrive in completion order and the prune
   * bar depends on which trials have finished, so numbers are reproducible only at 1.
   */
  concurrency?: number;
  /** Setting `aborted` ends the search: no new trials start and running ones are asked to stop. */
  signal?: { readonly aborted: boolean };
}

/** The epoch the prune check runs after: a quarter of 100 epochs is 25; none for 1 epoch. */
export function pruneEpoch(epochs: number, rule: PruningRule): number | null {
  const epoch = Math.max(1, Math.floor(epochs * rule.fraction));
  return epoch < epochs ? epoch : null;
}

/** The median of the numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The prune check for the next trial, given the trials finished so far (baseline excluded). */
export function pruneCheck(
  epochs: number,
  rule: PruningRule | null,
  finished: readonly TrialResult[],
): PruneCheck | null {
  const epoch = rule ? pruneEpoch(epochs, rule) : null;
  if (!rule || epoch === null) return null;
  const losses = finished
    .filter((r) => r.trial > 0 && (r.reason === 'epochs' || r.reason === 'early-stopping'))
    .map((r) => r.checkpointLoss)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  return { epoch, loss: losses.length >= rule.minFinished ? median(losses) : null };
}

/** True when a trial whose watched loss after `epoch` is `loss` is to be stopped under `check`. */
export function shouldPrune(check: PruneCheck | null, epoch: number, loss: number): boolean {
  if (!check || epoch !== check.epoch) return false;
  return !Number.isFinite(loss) || (check.loss !== null && loss > check.loss);
}

const invalid = (
  trial: number,
  values: ParamValues,
  problems: TrialOutcome['problems'] = [],
): TrialResult => ({
  trial,
  values,
  devLoss: null,
  devAccuracy: null,
  trainLoss: null,
  trainAccuracy: null,
  epochs: 0,
  stoppedEarly: false,
  reason: 'invalid',
  message: problems.map((p) => p.message).join(' '),
  checkpointLoss: null,
  elapsedMs: 0,
  problems,
});

/**
 * Random search (spec §11): draws `space.trials` trials, writes each one's values into the document,
 * has `options.execute` train it for `space.epochsPerTrial` epochs, and yields each trial's result as
 * it finishes. Where trials run is the executor's business, so the same loop drives the CLI (one at a
 * time, in Node) and the app (workers). Leaving the loop early stops the trials still running.
 */
export async function* runSearch(
  doc: GraphDocument,
  space: SearchSpace,
  options: SearchOptions,
): AsyncGenerator<TrialResult, void, undefined> {
  const rule = options.pruning === undefined ? DEFAULT_PRUNING : options.pruning;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  let closed = false;
  const signal = {
    get aborted() {
      return closed || Boolean(options.signal?.aborted);
    },
  };
  const finished: TrialResult[] = [];
  const running = new Map<number, Promise<TrialResult>>();

  const start = (trial: number, values: ParamValues, prune: PruneCheck | null): void => {
    const applied = applyValues(doc, space.params, values);
    const request: TrialRequest | null = applied.ok
      ? { trial, values, doc: applied.value, epochs: space.epochsPerTrial, prune }
      : null;
    const result = request
      ? options.execute(request, signal).then((outcome) => ({ ...outcome, trial, values }))
      : Promise.resolve(invalid(trial, values, applied.problems));
    running.set(
      trial,
      result.then(
        (r) => r,
        (err: unknown) => ({
          ...invalid(trial, values),
          reason: 'error' as const,
          message: `Trial failed: ${err instanceof Error ? err.message : String(err)}`,
        }),
      ),
    );
  };
  const next = async (): Promise<TrialResult> => {
    const done = await Promise.race(running.values());
    running.delete(done.trial);
    finished.push(done);
    return done;
  };

  try {
    if (options.baseline) {
      const own = readValues(doc, space.params);
      if (own.ok) start(0, own.value, null);
      else running.set(0, Promise.resolve(invalid(0, {}, own.problems)));
      yield await next();
    }
    let trial = 1;
    while (running.size || (trial <= space.trials && !signal.aborted)) {
      while (running.size < concurrency && trial <= space.trials && !signal.aborted) {
        start(trial, sampleTrial(space, trial), pruneCheck(space.epochsPerTrial, rule, finished));
        trial += 1;
      }
      if (running.size) yield await next();
    }
  } finally {
    closed = true;
    // Let stopped trials free their tensors before the caller goes on.
    await Promise.all(running.values());
  }
}

/** Runs a whole search and returns every result in the order they finished. */
export async function collectSearch(
  doc: GraphDocument,
  space: SearchSpace,
  options: SearchOptions,
): Promise<TrialResult[]> {
  const results: TrialResult[] = [];
  for await (const r of runSearch(doc, space, options)) results.push(r);
  return results;
}
