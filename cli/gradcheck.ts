import { checkBatch } from '../engine/gradcheck/batch.js';
import {
  type GradCheckReport,
  type GradCheckRow,
  gradientCheck,
  type WorstEntry,
} from '../engine/gradcheck/check.js';
import type { BackpropRules } from '../engine/gradcheck/rules.js';
import { BUG_AT_LEAST, CORRECT_AT_MOST, FLOAT32_TOLERANCE, isPassing } from '../engine/gradcheck/verdict.js';
import { featureStatistics } from '../engine/train/statistics.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { loadPrepared } from './load.js';
import type { Output } from './output.js';

/** Exit code of a check that ran and failed (1 and 2 mean what they mean for `train`). */
export const GRADCHECK_FAILED = 3;

const DEFAULT_EXAMPLES = 32;

const sci = (v: number): string => (Number.isFinite(v) ? v.toExponential(1) : String(v));

const at = (id: string, e: WorstEntry | null, what: string): string =>
  e
    ? `${id}[${e.index.join(', ')}] (numerical ${e.numerical.toPrecision(6)}, ${what} ${e.analytic.toPrecision(6)})`
    : id;

/** The report as lines of text: header, notes, one table row per parameter tensor, and the verdict. */
export function formatReport(name: string, report: GradCheckReport): string[] {
  const auto = report.autodiff;
  const header = ['layer', 'parameter', 'shape', 'checked', 'difference', 'verdict', 'worst entry'];
  if (auto) header.push('tf.js float32');
  const cells = report.rows.map((r) => [
    r.nodeId,
    r.parameter,
    r.shape.join('×'),
    String(r.checked),
    sci(r.difference),
    r.verdict,
    r.worst ? `[${r.worst.index.join(', ')}]` : '—',
    ...(r.autodiff ? [`${sci(r.autodiff.difference)} ${r.autodiff.verdict}`] : []),
  ]);
  const { overall } = report;
  cells.push(['overall', '', '', '', sci(overall.difference), overall.verdict, '']);
  if (auto) cells[cells.length - 1]!.push(`${sci(auto.difference)} ${auto.verdict}`);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `Gradient check of "${name}": m_b = ${report.examples} of m = ${report.m} training examples, ε = ${report.epsilon}, J = ${report.cost.toPrecision(8)}${auto ? ` (tf.js float32: ${auto.cost.toPrecision(8)})` : ''}.`,
    'Dropout is off for the check, as the notes require: with dropout on, J is not well defined.',
    ...report.notes,
    '',
    line(header),
    ...cells.map(line),
    '',
    ...verdictLines(report),
  ];
}

function verdictLines(report: GradCheckReport): string[] {
  const lines: string[] = [];
  if (report.rows.some((r) => r.verdict === 'rounding') || report.overall.verdict === 'rounding') {
    lines.push(
      `"rounding": above ${CORRECT_AT_MOST.toExponential()}, but no further apart than float64 rounding of J explains (about ${sci(report.roundingPerEntry)} per entry at ε = ${report.epsilon}); those gradients are small, and a two-sided difference with this ε cannot resolve them more finely.`,
    );
  }
  const failing = report.rows.filter((r) => !isPassing(r.verdict));
  if (!report.passed) {
    const worst = failing.reduce<GradCheckRow | undefined>(
      (a, b) => (!a || b.difference > a.difference ? b : a),
      undefined,
    );
    const where = worst ? at(worst.id, worst.worst, 'backprop') : 'overall';
    const figure = worst?.difference ?? report.overall.difference;
    lines.push(
      `FAILED: backpropagation differs from the numerical gradient by ${sci(figure)}, worst at ${where}. ≥ ${BUG_AT_LEAST.toExponential()}: almost surely a bug; ≤ ${CORRECT_AT_MOST.toExponential()}: correct; between: look closer.`,
    );
    return lines;
  }
  const auto = report.autodiff;
  if (auto?.verdict === 'bug') {
    const row = report.rows.reduce((a, b) =>
      (b.autodiff?.difference ?? 0) > (a.autodiff?.difference ?? 0) ? b : a,
    );
    lines.push(
      `FAILED: the reference backpropagation is correct (${sci(report.overall.difference)}), but tf.js's gradient — the one the trainer applies — differs from the numerical gradient of J by ${sci(auto.difference)}, worst at ${at(row.id, row.autodiff?.worst ?? null, 'tf.js')}. tf.js's J is ${auto.cost.toPrecision(8)}, the reference's ${report.cost.toPrecision(8)}: the trainer does not minimize the J of spec §3.`,
    );
    return lines;
  }
  const tfjs = !auto
    ? ''
    : auto.verdict === 'agrees'
      ? ` tf.js's float32 gradients agree within ${FLOAT32_TOLERANCE.toExponential()} (${sci(auto.difference)}).`
      : ` tf.js's float32 gradients differ by ${sci(auto.difference)}, more than float32 rounding usually explains (${FLOAT32_TOLERANCE.toExponential()}): look closer.`;
  lines.push(
    `PASSED: backpropagation agrees with the numerical gradient (${sci(report.overall.difference)} overall).${tfjs}`,
  );
  return lines;
}

/**
 * `netcanvas gradcheck FILE`: loads and validates the graph like `train`, builds its network with the
 * run's seed (optionally trains --epochs first), and prints the gradient check. Exit 0 passed,
 * 3 failed, 1 invalid graph (or training that ended in NaN), 2 unreadable file or bad flags.
 * `rules` replaces the reference's backward rules (tests plant a bug there).
 */
export async function gradcheckCommand(
  file: string,
  options: { seed?: number | undefined; examples?: number | undefined; epochs?: number | undefined },
  out: Output,
  rules?: BackpropRules,
): Promise<number> {
  const { seed } = options;
  const examples = options.examples ?? DEFAULT_EXAMPLES;
  const epochs = options.epochs ?? 0;
  // The CPU backend: deterministic float32, so the tf.js column reads the same on every machine.
  const prepared = await loadPrepared(file, 'cpu', out);
  if (typeof prepared === 'number') return prepared;
  const { plan, splits } = prepared;
  const run = new TrainingRun(plan, splits, { epochs, ...(seed !== undefined ? { seed } : {}) });
  try {
    if (epochs > 0) {
      const done = await run.start();
      if (done.reason === 'nan' || done.reason === 'error') {
        out.error(done.message);
        return 1;
      }
      out.error(`Trained ${done.epochs} epochs before the check.`);
    }
    const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : undefined;
    const report = gradientCheck(plan, run.network, checkBatch(plan, splits.train, examples), {
      autodiff: true,
      seed: seed ?? plan.training.seed,
      ...(rules ? { rules } : {}),
      ...(stats ? { inputStatistics: stats } : {}),
    });
    for (const l of formatReport(plan.name, report)) out.line(l);
    return report.passed && report.autodiff?.verdict !== 'bug' ? 0 : GRADCHECK_FAILED;
  } finally {
    run.dispose();
  }
}
