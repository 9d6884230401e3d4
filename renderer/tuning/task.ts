import type { DataFileReader } from '../../engine/data/types';
import type { GraphDocument } from '../../engine/document/schema';
import type { Problem } from '../../engine/problems';
import {
  localTrialExecutor,
  parseSearchSpace,
  runSearch,
  type SearchSpace,
  type TrialResult,
  validateSpace,
} from '../../engine/search';
import type { ExecutorName } from '../../engine/train/trainer';

export interface SearchTaskOptions {
  /** Also train the document's own values first, as trial 0. */
  baseline: boolean;
  reader?: DataFileReader;
  /** "fast": trials train on the float32 fast executor where their graph allows it. */
  executor?: ExecutorName;
  /** Setting `aborted` stops the search: no new trial starts and the one training stops soon. */
  signal: { readonly aborted: boolean };
  onTrial(result: TrialResult): void;
}

/**
 * A hyperparameter search as the worker runs it: checks the space against the document (a bad range
 * or a value that breaks the graph comes back as problems, and nothing trains), then trains the
 * trials one at a time with the real trainer in this thread, handing each result on as it finishes.
 * Resolves with the problems that stopped it (none when it ran).
 */
export async function searchDocument(
  doc: GraphDocument,
  space: SearchSpace,
  options: SearchTaskOptions,
): Promise<Problem[]> {
  const parsed = parseSearchSpace(space);
  if (!parsed.ok) return parsed.problems;
  const errors = validateSpace(doc, parsed.value).filter((p) => p.severity === 'error');
  if (errors.length) return errors;
  const trials = runSearch(doc, parsed.value, {
    execute: localTrialExecutor(options.reader, options.executor ? { executor: options.executor } : {}),
    baseline: options.baseline,
    signal: options.signal,
  });
  for await (const result of trials) options.onTrial(result);
  return [];
}
