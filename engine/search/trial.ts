import type { GraphDocument } from '../document/schema.js';
import type { Problem } from '../problems.js';
import type { ParamValues } from './space.js';

/**
 * How a trial ended. The trainer's own reasons (epochs, early-stopping, nan, stopped, error) plus
 * "pruned" (the search's early stop of a bad trial) and "invalid" (its values make no valid graph).
 */
export type TrialReason = 'epochs' | 'early-stopping' | 'pruned' | 'nan' | 'stopped' | 'invalid' | 'error';

/**
 * The search's early-stopping check for one trial: after epoch `epoch`, stop when the watched loss
 * (dev loss, or train loss without a dev split) is not finite or above `loss`. `loss` is null while
 * too few trials have finished to set a bar; then only a non-finite loss stops it.
 */
export interface PruneCheck {
  epoch: number;
  loss: number | null;
}

/** What a trial executor is asked to do: plain data, so it can be posted to a worker. */
export interface TrialRequest {
  /** Trial number: 1..trials, 0 for the baseline (the document's own values). */
  trial: number;
  values: ParamValues;
  /** The document with `values` written in. */
  doc: GraphDocument;
  epochs: number;
  prune: PruneCheck | null;
}

/** What came of one trial; final metrics are those of the last epoch trained. */
export interface TrialOutcome {
  devLoss: number | null;
  devAccuracy: number | null;
  trainLoss: number | null;
  trainAccuracy: number | null;
  /** Epochs actually trained. */
  epochs: number;
  /** True when the search stopped the trial as bad: pruned, or its cost went NaN. */
  stoppedEarly: boolean;
  reason: TrialReason;
  message: string;
  /** The watched loss after the prune check's epoch; null when the trial never got there. */
  checkpointLoss: number | null;
  elapsedMs: number;
  /** Why an "invalid" trial could not run. */
  problems?: Problem[];
}

/** One finished trial, as the search streams it: `{trial, values, devLoss, devAccuracy, …}`. */
export interface TrialResult extends TrialOutcome {
  trial: number;
  values: ParamValues;
}

/**
 * Runs one trial somewhere (this thread, a worker) and resolves when it ends. `signal.aborted`
 * turning true asks it to stop soon (the search was stopped).
 */
export type TrialExecutor = (
  request: TrialRequest,
  signal: { readonly aborted: boolean },
) => Promise<TrialOutcome>;
