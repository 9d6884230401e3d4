import { exportLayersModel } from '../engine/export/tfjs-layers.js';
import { describeTimings } from '../engine/train/choose-executor.js';
import { featureStatistics } from '../engine/train/statistics.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { type NodeExecutorChoice, selectNodeExecutor } from './backend.js';
import { nodeKernelHelpers } from './kernel-threads.js';
import { loadPrepared } from './load.js';
import { INTERRUPTED, type Output } from './output.js';
import { createProgress, createProgressLog, newDiagnoses, summaryLines } from './progress.js';
import { outFolderProblem, writeFolder } from './write.js';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  backend: NodeExecutorChoice;
  out?: string;
  jsonl: boolean;
  /** Overrides the Training node's layerStatsEvery. */
  layerStatsEvery?: number;
}

/**
 * `netcanvas train FILE`: validates, loads the data, trains with a progress bar (or one JSON event
 * per line with --jsonl), and with --out writes model.json + weights.bin + normalization.json.
 * Exit 0 when the run ends normally (epochs or early stopping), 1 for problems or NaN, 2 for an
 * unreadable file or an --out that is a file (checked before training), 130 when interrupted.
 */
export async function trainCommand(file: string, options: TrainOptions, out: Output): Promise<number> {
  const outProblem = options.out ? await outFolderProblem(options.out) : null;
  if (outProblem) {
    out.error(outProblem);
    return 2;
  }
  const prepared = await loadPrepared(file, options.backend === 'cpu' ? 'cpu' : 'wasm', out);
  if (typeof prepared === 'number') return prepared;
  const { plan, splits } = prepared;
  const { executor, backend, timings } = await selectNodeExecutor(options.backend, plan, splits.train);
  const progress = createProgress();
  const diagnosisLines = newDiagnoses();
  // Without a terminal there is no progress bar: about 20 epoch lines per run, and a line at least
  // every few seconds while epochs are long.
  const log = createProgressLog(options.epochs ?? plan.training.epochs);
  const helpers = nodeKernelHelpers(); // a second core for the fast executor's large products
  const run = new TrainingRun(plan, splits, {
    executor,
    timings,
    kernelHelper: helpers.spawn,
    ...(options.epochs !== undefined ? { epochs: options.epochs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.layerStatsEvery !== undefined ? { layerStatsEvery: options.layerStatsEvery } : {}),
    onEvent(event) {
      if (options.jsonl) {
        out.line(JSON.stringify(event));
        return;
      }
      if (event.type === 'layers') {
        for (const line of diagnosisLines(event)) out.error(line);
        return;
      }
      if (event.type === 'start') {
        out.error(
          `Training "${plan.name}" on ${event.executor === 'fast' ? 'the fast float32 executor' : `tf.js ${backend}`}: ${event.m.train} train / ${event.m.dev} dev / ${event.m.test} test, m_b ${event.batchSize}, ${event.epochs} epochs, ${event.parameterCount} parameters.`,
        );
        if (timings.length) out.error(`Measured: ${describeTimings(timings)}.`);
        for (const note of event.notes) out.error(note);
      }
      const line = progress.onEvent(event);
      if (line && out.isTerminal) out.status(line);
      if (!out.isTerminal) {
        const logged = log.onEvent(event, performance.now());
        if (logged) out.error(logged);
      }
    },
  });
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    run.stop();
  };
  process.once('SIGINT', onSignal);
  try {
    const done = await run.start();
    if (out.isTerminal && !options.jsonl) out.status('');
    if (!options.jsonl) for (const l of summaryLines(done)) out.error(l);
    if (options.out && done.reason !== 'nan' && done.reason !== 'error') {
      const files = await exportLayersModel(run.network);
      const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : null;
      await writeFolder(options.out, [
        { name: 'weights.bin', data: new Uint8Array(files.weights) },
        { name: 'model.json', data: JSON.stringify(files.modelJson) },
        {
          name: 'normalization.json',
          data: `${JSON.stringify({ applied: stats !== null, insideModel: stats !== null, mean: stats ? Array.from(stats.mean) : null, std: stats ? Array.from(stats.std) : null }, null, 2)}\n`,
        },
      ]);
      if (!options.jsonl)
        out.error(
          `Saved the model to ${options.out}/model.json (tf.js layers format; inputs are raw features).`,
        );
    }
    if (interrupted) return INTERRUPTED;
    return done.reason === 'nan' || done.reason === 'error' ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    run.dispose();
    await helpers.stop();
  }
}
