import type { GradCheckReport, GradCheckRow, WorstEntry } from '../../engine/gradcheck/check';
import { isPassing } from '../../engine/gradcheck/verdict';

/** The check's outcome in one line, as `netcanvas gradcheck` ends its report. */
export type GradcheckVerdict =
  /** The reference agrees with the numerical gradient; `tfjs` says how tf.js's gradients compare. */
  | { kind: 'passed'; difference: number; tfjs: { difference: number; agrees: boolean } | null }
  /** The float64 backpropagation differs: `where` is the worst tensor and entry. */
  | { kind: 'failed'; difference: number; where: string }
  /** The reference is right but the gradient the trainer applies is not: it minimizes another J. */
  | { kind: 'trainerFailed'; difference: number; where: string; cost: number; tfjsCost: number };

/** 1.9e-9: the figure the CLI prints. */
export const sci = (v: number): string => (Number.isFinite(v) ? v.toExponential(1) : String(v));

/** "hidden1/W[1, 3]", or the tensor alone when no entry stands out. */
const at = (id: string, e: WorstEntry | null | undefined): string =>
  e ? `${id}[${e.index.join(', ')}]` : id;

/** Folds a report into its verdict, with the same rules as the CLI's last line. */
export function summarizeReport(report: GradCheckReport): GradcheckVerdict {
  if (!report.passed) {
    const failing = report.rows.filter((r) => !isPassing(r.verdict));
    const worst = failing.reduce<GradCheckRow | undefined>(
      (a, b) => (!a || b.difference > a.difference ? b : a),
      undefined,
    );
    return {
      kind: 'failed',
      difference: worst?.difference ?? report.overall.difference,
      where: worst ? at(worst.id, worst.worst) : 'overall',
    };
  }
  const auto = report.autodiff;
  if (auto?.verdict === 'bug') {
    const row = report.rows.reduce((a, b) =>
      (b.autodiff?.difference ?? 0) > (a.autodiff?.difference ?? 0) ? b : a,
    );
    return {
      kind: 'trainerFailed',
      difference: auto.difference,
      where: at(row.id, row.autodiff?.worst),
      cost: report.cost,
      tfjsCost: auto.cost,
    };
  }
  return {
    kind: 'passed',
    difference: report.overall.difference,
    tfjs: auto ? { difference: auto.difference, agrees: auto.verdict === 'agrees' } : null,
  };
}

/** True when some row (or the overall one) passed only because rounding of J explains the gap. */
export const anyRounding = (report: GradCheckReport): boolean =>
  report.overall.verdict === 'rounding' || report.rows.some((r) => r.verdict === 'rounding');
