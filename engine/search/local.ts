import { prepareRun } from '../compile/prepare.js';
import type { DataFileReader } from '../data/types.js';
import type { EpochEvent } from '../train/events.js';
import { type ExecutorName, TrainingRun } from '../train/trainer.js';
import { shouldPrune } from './runner.js';
import type { TrialExecutor, TrialOutcome } from './trial.js';

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : String(v));

/**
 * A trial executor that trains in this thread with the real trainer (Node for the CLI, or inside a
 * worker): prepares the document (data read through `reader`), trains `request.epochs` epochs with
 * the document's own seed, applies the prune check after its epoch, and frees every tensor after.
 * `executor` "fast" trains trials on the float32 fast executor where their graph allows it.
 */
export function localTrialExecutor(
  reader?: DataFileReader,
  options: { executor?: ExecutorName } = {},
): TrialExecutor {
  return async (request, signal) => {
    const started = performance.now();
    const prepared = await prepareRun(request.doc, reader);
    if (!prepared.ok) {
      return {
        devLoss: null,
        devAccuracy: null,
        trainLoss: null,
        trainAccuracy: null,
        epochs: 0,
        stoppedEarly: false,
        reason: 'invalid',
        message: prepared.problems.map((p) => p.message).join(' '),
        checkpointLoss: null,
        elapsedMs: performance.now() - started,
        problems: prepared.problems,
      };
    }
    const { plan, splits } = prepared.value;
    const { prune } = request;
    let checkpointLoss: number | null = null;
    let pruned = '';
    const onEpoch = (e: EpochEvent): void => {
      if (!prune || e.epoch !== prune.epoch) return;
      const watched = e.dev?.loss ?? e.train.loss;
      checkpointLoss = watched;
      if (!shouldPrune(prune, e.epoch, watched)) return;
      const split = e.dev ? 'dev' : 'train';
      pruned = Number.isFinite(watched)
        ? `Stopped after epoch ${e.epoch}: ${split} loss ${fmt(watched)} is above the median ${fmt(prune.loss ?? Number.NaN)} of the finished trials at that epoch.`
        : `Stopped after epoch ${e.epoch}: the ${split} loss is ${watched}.`;
      run.stop();
    };
    const run: TrainingRun = new TrainingRun(plan, splits, {
      epochs: request.epochs,
      ...(options.executor ? { executor: options.executor } : {}),
      onEvent: (e) => {
        if (signal.aborted) run.stop();
        if (e.type === 'epoch') onEpoch(e);
      },
    });
    try {
      const done = await run.start();
      const reason = pruned ? 'pruned' : done.reason;
      const outcome: TrialOutcome = {
        devLoss: done.dev?.loss ?? null,
        devAccuracy: done.dev?.accuracy ?? null,
        trainLoss: done.train?.loss ?? null,
        trainAccuracy: done.train?.accuracy ?? null,
        epochs: done.epochs,
        stoppedEarly: reason === 'pruned' || reason === 'nan',
        reason,
        message: pruned || done.message,
        checkpointLoss,
        elapsedMs: performance.now() - started,
      };
      return outcome;
    } finally {
      run.dispose();
    }
  };
}
