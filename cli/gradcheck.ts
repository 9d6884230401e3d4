import { parseArgs } from 'node:util';
import { type PreparedRun, prepareRun } from '../engine/compile/prepare.js';
import { checkBatch } from '../engine/gradcheck/batch.js';
import { type GradCheckReport, gradientCheck, MAX_ENTRIES_PER_TENSOR } from '../engine/gradcheck/check.js';
import { BUG_AT_LEAST, CORRECT_AT_MOST, FLOAT32_TOLERANCE } from '../engine/gradcheck/verdict.js';
import { featureStatistics } from '../engine/train/statistics.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { selectNodeBackend } from './backend.js';
import { formatProblem, loadDocumentFile } from './files.js';
import type { Output } from './output.js';

export const GRADCHECK_USAGE = `Usage: netcanvas gradcheck FILE [--seed N] [--examples N] [--epochs N]

Checks backpropagation (spec §5): a float64 reference backprop and tf.js's float32 autodiff (the
trainer's gradients) against two-sided differences of J with ε = 1e-7, on the first --examples
(default 32) training examples, with the weights the seed initializes (after --epochs of training,
default 0). Dropout is off for the check. Exit 0 when every reference difference is ≤ 1e-7 and tf.js
agrees; 3 when the check fails; 1 for an invalid graph; 2 for an unreadable file or bad flags.`;

/** Exit code of a check that ran and failed (1 and 2 mean what they mean for `train`). */
export const GRADCHECK_FAILED = 3;

const DEFAULT_EXAMPLES = 32;

function wholeNumber(name: string, value: unknown, min: number): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : `--${name} takes a whole number ≥ ${min}, not "${value}".`;
}

const sci = (v: number): string => (Number.isFinite(v) ? v.toExponential(1) : String(v));

/** The report as text: a header, the table (one row per parameter tensor), notes and a verdict line. */
export function formatReport(name: string, report: GradCheckReport): { table: string[]; verdict: string } {
  const header = [
    'layer',
    'parameter',
    'shape',
    'checked',
    'difference',
    'verdict',
    'worst entry',
    'tf.js float32',
  ];
  const cells = report.rows.map((r) => [
    r.nodeId,
    r.parameter,
    r.shape.join('×'),
    String(r.checked),
    sci(r.difference),
    r.verdict,
    r.worst ? `[${r.worst.index.join(', ')}]` : '—',
    r.autodiff ? `${sci(r.autodiff.difference)} ${r.autodiff.verdict}` : '—',
  ]);
  const overall = report.overall;
  const auto = report.autodiff;
  cells.push([
    'overall',
    '',
    '',
    '',
    sci(overall.difference),
    overall.verdict,
    '',
    auto ? `${sci(auto.difference)} ${auto.verdict}` : '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const table = [
    `Gradient check of "${name}": m_b = ${report.examples} of m = ${report.m} training examples, ε = ${report.epsilon}, J = ${report.cost.toPrecision(8)}${auto ? ` (tf.js: ${auto.cost.toPrecision(8)})` : ''}.`,
    'Dropout is off for the check, as the notes require (with dropout on, J is not well defined).',
    ...report.notes,
    '',
    line(header),
    ...cells.map(line),
  ];
  return { table, verdict: verdictLine(report) };
}

function verdictLine(report: GradCheckReport): string {
  const worst = report.rows.reduce((a, b) => (b.difference > a.difference ? b : a), report.rows[0]!);
  const where = (
    id: string,
    e: { index: number[]; numerical: number; analytic: number } | null,
    what: string,
  ) =>
    e
      ? `${id}[${e.index.join(', ')}]: numerical ${e.numerical.toPrecision(6)}, ${what} ${e.analytic.toPrecision(6)}`
      : id;
  if (!report.passed) {
    return `FAILED: backpropagation differs from the numerical gradient by ${sci(worst.difference)} at ${where(worst.id, worst.worst, 'backprop')} (≥ ${BUG_AT_LEAST}: almost surely a bug; ≤ ${CORRECT_AT_MOST} is correct).`;
  }
  const auto = report.autodiff;
  if (auto && auto.verdict === 'bug') {
    const row = report.rows.reduce((a, b) =>
      (b.autodiff?.difference ?? 0) > (a.autodiff?.difference ?? 0) ? b : a,
    );
    return `FAILED: the reference is correct (${sci(report.overall.difference)}), but tf.js's gradient — the one the trainer applies — differs from the numerical gradient of J by ${sci(auto.difference)}, worst at ${where(row.id, row.autodiff?.worst ?? null, 'tf.js')}. The trainer's cost is not the cost of spec §3.`;
  }
  const tfjs = auto
    ? auto.verdict === 'agrees'
      ? ` tf.js's float32 gradients agree within ${FLOAT32_TOLERANCE} (${sci(auto.difference)}).`
      : ` tf.js's float32 gradients differ by ${sci(auto.difference)}: more than float32 rounding usually explains (${FLOAT32_TOLERANCE}); look closer.`
    : '';
  return `PASSED: backpropagation agrees with the numerical gradient (${sci(report.overall.difference)} ≤ ${CORRECT_AT_MOST}).${tfjs}`;
}

/** Reads, validates and loads the document as `train` does; an exit code when that fails. */
async function prepareFile(file: string, out: Output): Promise<PreparedRun | number> {
  // The CPU backend: deterministic float32, so the tf.js column reads the same on every machine.
  await selectNodeBackend('cpu');
  const loaded = await loadDocumentFile(file);
  if (!loaded.ok) {
    if ('unreadable' in loaded) out.error(loaded.unreadable);
    else for (const p of loaded.problems) out.error(`${file}: ${formatProblem(p)}`);
    return 2;
  }
  const prepared = await prepareRun(loaded.doc, loaded.reader);
  for (const p of prepared.problems) out.error(formatProblem(p));
  return prepared.ok ? prepared.value : 1;
}

/**
 * `netcanvas gradcheck FILE`: loads and validates the graph like `train`, builds its network with the
 * run's seed (optionally trains --epochs), and prints the gradient check. Exit 0 passed, 3 failed,
 * 1 invalid graph (or training that ended in NaN), 2 unreadable file or bad flags.
 */
export async function gradcheckCommand(argv: string[], out: Output): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        examples: { type: 'string' },
        epochs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    out.error(`${(err as Error).message}\n\n${GRADCHECK_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.error(GRADCHECK_USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length) {
    out.error(`gradcheck takes one FILE.\n\n${GRADCHECK_USAGE}`);
    return 2;
  }
  const seed = wholeNumber('seed', values.seed, 0);
  const examples = wholeNumber('examples', values.examples, 1) ?? DEFAULT_EXAMPLES;
  const epochs = wholeNumber('epochs', values.epochs, 0) ?? 0;
  for (const v of [seed, examples, epochs]) {
    if (typeof v === 'string') {
      out.error(v);
      return 2;
    }
  }
  const prepared = await prepareFile(file, out);
  if (typeof prepared === 'number') return prepared;
  const { plan, splits } = prepared;
  const run = new TrainingRun(plan, splits, {
    epochs: epochs as number,
    ...(typeof seed === 'number' ? { seed } : {}),
  });
  try {
    if ((epochs as number) > 0) {
      const done = await run.start();
      if (done.reason === 'nan' || done.reason === 'error') {
        out.error(done.message);
        return 1;
      }
      out.error(`Trained ${done.epochs} epochs before the check.`);
    }
    const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : undefined;
    const report = gradientCheck(plan, run.network, checkBatch(plan, splits.train, examples as number), {
      autodiff: true,
      seed: typeof seed === 'number' ? seed : plan.training.seed,
      ...(stats ? { inputStatistics: stats } : {}),
    });
    const { table, verdict } = formatReport(plan.name, report);
    for (const l of table) out.line(l);
    out.line('');
    out.line(verdict);
    if (report.rows.some((r) => r.checked < r.shape.reduce((a, b) => a * b, 1))) {
      out.error(
        `Tensors above ${MAX_ENTRIES_PER_TENSOR} entries were checked at a seeded sample of ${MAX_ENTRIES_PER_TENSOR}.`,
      );
    }
    const autodiffBug = report.autodiff?.verdict === 'bug';
    return report.passed && !autodiffBug ? 0 : GRADCHECK_FAILED;
  } finally {
    run.dispose();
  }
}
