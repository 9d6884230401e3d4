import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareRun } from '../engine/compile/prepare.js';
import { EXPORT_FORMATS, exportModelFiles, isExportFormat } from '../engine/export/files.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { selectNodeBackend } from './backend.js';
import { formatProblem, loadDocumentFile } from './files.js';
import type { Output } from './output.js';
import { summaryLines } from './progress.js';

export const EXPORT_USAGE = `Usage: netcanvas export FILE --format tfjs|onnx|pytorch --out DIR [--epochs N] [--seed N] [--backend wasm|cpu]

Trains the graph (the Training node's epochs, or --epochs), then writes the trained network to DIR:
${EXPORT_FORMATS.map((f) => `  ${f.format.padEnd(8)} ${f.title}: ${f.files}`).join('\n')}
Every format takes raw input features (Normalize is inside the model). pytorch also writes
data.safetensors (the splits), so \`python3 model.py train\` runs as exported.
Exit 0 when the files are written, 1 for problems or a failed run, 2 when the file cannot be read or a flag is wrong.`;

function wholeNumber(name: string, value: unknown, min: number): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : `--${name} takes a whole number ≥ ${min}, not "${value}".`;
}

/** Writes a file whole or not at all: a temporary file, then a rename. */
async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** `netcanvas export FILE --format F --out DIR`: train, then export in one format. */
export async function exportCommand(argv: string[], out: Output): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        epochs: { type: 'string' },
        seed: { type: 'string' },
        backend: { type: 'string', default: 'wasm' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    out.error(`${(err as Error).message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.error(EXPORT_USAGE);
    return 0;
  }
  const format = String(values.format ?? '');
  const epochs = wholeNumber('epochs', values.epochs, 1);
  const seed = wholeNumber('seed', values.seed, 0);
  const backend = values.backend as string;
  const mistake =
    positionals.length !== 1
      ? 'export takes one FILE.'
      : !isExportFormat(format)
        ? `--format is tfjs, onnx or pytorch${format ? `, not "${format}"` : ''}.`
        : !values.out
          ? '--out DIR is required.'
          : typeof epochs === 'string'
            ? epochs
            : typeof seed === 'string'
              ? seed
              : backend !== 'wasm' && backend !== 'cpu'
                ? `--backend is wasm or cpu in Node (no WebGPU here), not "${backend}".`
                : null;
  if (mistake || !isExportFormat(format)) {
    out.error(`${mistake}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const dir = values.out as string;

  const loaded = await loadDocumentFile(file);
  if (!loaded.ok) {
    if ('unreadable' in loaded) out.error(loaded.unreadable);
    else for (const p of loaded.problems) out.error(`${file}: ${formatProblem(p)}`);
    return 2;
  }
  await selectNodeBackend(backend as 'wasm' | 'cpu');
  const prepared = await prepareRun(loaded.doc, loaded.reader);
  for (const p of prepared.problems) out.error(formatProblem(p));
  if (!prepared.ok) return 1;
  const { plan, splits } = prepared.value;
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
    await mkdir(dir, { recursive: true });
    for (const f of files) await writeAtomic(join(dir, f.name), f.data);
    for (const f of files) out.line(join(dir, f.name));
    out.error(`Exported ${format} to ${dir} (${files.map((f) => f.name).join(', ')}).`);
    return 0;
  } finally {
    run.dispose();
  }
}
