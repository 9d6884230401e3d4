import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareRun } from '../engine/compile/prepare.js';
import { exportLayersModel } from '../engine/export/tfjs-layers.js';
import { describeTimings } from '../engine/train/choose-executor.js';
import { featureStatistics } from '../engine/train/statistics.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { type NodeExecutorChoice, selectNodeBackend, selectNodeExecutor } from './backend.js';
import { formatProblem, loadDocumentFile } from './files.js';
import type { Output } from './output.js';
import { createProgress, newDiagnoses, summaryLines } from './progress.js';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  backend: NodeExecutorChoice;
  out?: string;
  jsonl: boolean;
  /** Overrides the Training node's layerStatsEvery. */
  layerStatsEvery?: number;
}

/** Writes a file whole or not at all: a temporary file, then a rename. */
async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * `netcanvas train FILE`: validates, loads the data, trains with a progress bar (or one JSON event
 * per line with --jsonl), and with --out writes model.json + weights.bin + normalization.json.
 * Exit 0 when the run ends normally (epochs or early stopping), 1 for problems or NaN, 2 for an
 * unreadable file.
 */
export async function trainCommand(file: string, options: TrainOptions, out: Output): Promise<number> {
  const loaded = await loadDocumentFile(file);
  if (!loaded.ok) {
    if ('unreadable' in loaded) out.error(loaded.unreadable);
    else for (const p of loaded.problems) out.error(`${file}: ${formatProblem(p)}`);
    return 2;
  }
  await selectNodeBackend(options.backend === 'cpu' ? 'cpu' : 'wasm');
  const prepared = await prepareRun(loaded.doc, loaded.reader);
  for (const p of prepared.problems) out.error(formatProblem(p));
  if (!prepared.ok) return 1;
  const { plan, splits } = prepared.value;
  const { executor, backend, timings } = await selectNodeExecutor(options.backend, plan, splits.train);
  const progress = createProgress();
  const diagnosisLines = newDiagnoses();
  // Without a terminal there is no progress bar: about 20 epoch lines per run instead.
  const logEvery = Math.max(1, Math.round((options.epochs ?? plan.training.epochs) / 20));
  const run = new TrainingRun(plan, splits, {
    executor,
    timings,
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
      if (event.type === 'epoch' && !out.isTerminal && (event.epoch % logEvery === 0 || event.epoch === 1)) {
        out.error(
          `epoch ${event.epoch}: train cost ${event.train.cost.toFixed(4)}${event.dev ? `, dev cost ${event.dev.cost.toFixed(4)}` : ''}`,
        );
      }
    },
  });
  const onSignal = () => run.stop();
  process.once('SIGINT', onSignal);
  try {
    const done = await run.start();
    if (out.isTerminal && !options.jsonl) out.status('');
    if (!options.jsonl) for (const l of summaryLines(done)) out.error(l);
    if (options.out && done.reason !== 'nan' && done.reason !== 'error') {
      await mkdir(options.out, { recursive: true });
      const files = await exportLayersModel(run.network);
      await writeAtomic(join(options.out, 'weights.bin'), new Uint8Array(files.weights));
      await writeAtomic(join(options.out, 'model.json'), JSON.stringify(files.modelJson));
      const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : null;
      await writeAtomic(
        join(options.out, 'normalization.json'),
        `${JSON.stringify({ applied: stats !== null, insideModel: stats !== null, mean: stats ? Array.from(stats.mean) : null, std: stats ? Array.from(stats.std) : null }, null, 2)}\n`,
      );
      if (!options.jsonl)
        out.error(
          `Saved the model to ${options.out}/model.json (tf.js layers format; inputs are raw features).`,
        );
    }
    return done.reason === 'nan' || done.reason === 'error' ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    run.dispose();
  }
}
