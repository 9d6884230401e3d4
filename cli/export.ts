import { EXPORT_FORMATS, exportModelFiles, isExportFormat } from '../engine/export/files.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { loadPrepared } from './load.js';
import type { Output } from './output.js';
import { summaryLines } from './progress.js';
import { outFolderProblem, writeFolder } from './write.js';

export interface ExportOptions {
  format: string;
  dir: string;
  backend: 'wasm' | 'cpu';
  epochs?: number | undefined;
  seed?: number | undefined;
}

/**
 * `netcanvas export FILE --format F --out DIR`: train, then write the network in one format. Every
 * format takes raw input features (Normalize is inside the model); pytorch also writes
 * data.safetensors (the splits), so `python3 model.py train` runs as exported.
 */
export async function exportCommand(file: string, options: ExportOptions, out: Output): Promise<number> {
  const { format, dir, epochs, seed } = options;
  if (!isExportFormat(format)) {
    out.error(`--format is ${EXPORT_FORMATS.map((f) => f.format).join(', ')}, not "${format}".`);
    return 2;
  }
  const outProblem = await outFolderProblem(dir);
  if (outProblem) {
    out.error(outProblem);
    return 2;
  }
  const prepared = await loadPrepared(file, options.backend, out);
  if (typeof prepared === 'number') return prepared;
  const { plan, splits } = prepared;
  const run = new TrainingRun(plan, splits, {
    ...(typeof epochs === 'number' ? { epochs } : {}),
    ...(typeof seed === 'number' ? { seed } : {}),
  });
  try {
    out.error(`Training "${plan.name}" before the export…`);
    const done = await run.start();
    for (const line of summaryLines(done)) out.error(line);
    if (done.reason === 'nan' || done.reason === 'error' || done.epochs < 1) {
      out.error('Nothing to export: the run did not train.');
      return 1;
    }
    const files = await exportModelFiles({ format, network: run.network, plan, splits });
    for (const path of await writeFolder(dir, files)) out.line(path);
    out.error(`Exported ${format} to ${dir} (${files.map((f) => f.name).join(', ')}).`);
    return 0;
  } finally {
    run.dispose();
  }
}
