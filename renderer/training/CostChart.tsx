import { memo, useMemo } from 'react';
import { useTrainingT } from './hooks';
import { LineChart, type LineSeries } from './LineChart';
import { COLORS } from './palette';
import { updatesKey } from './redraw';
import type { ReplayCursor } from './replay';
import type { RunRecord } from './runRecord';
import { decimate, decimatedRows, MAX_DRAWN_ROWS, oscillation, smoothedSeries } from './series';

interface Props {
  run: RunRecord;
  compare: readonly RunRecord[];
  beta: number;
  biasCorrection: boolean;
  /** The replay: a line at its update t. */
  cursor?: ReplayCursor;
}

const hasDropout = (run: RunRecord) => run.document.nodes.some((n) => n.kind === 'Dropout');

/**
 * The per-update cost (a thin line: the oscillation of mini-batch descent) with its EWA drawn over
 * it; β and the bias correction are the user's, so the curve is recomputed from the raw costs.
 * Compared runs add their smoothed curves.
 */
export const CostChart = memo(function CostChart({ run, compare, beta, biasCorrection, cursor }: Props) {
  const t = useTrainingT();
  const others = useMemo(() => compare.filter((r) => r.id !== run.id), [compare, run.id]);
  const series = useMemo<LineSeries[]>(
    () => [
      { label: t('train.raw'), color: COLORS.raw, width: 1 },
      { label: t('train.smoothed', { beta }), color: COLORS.smoothed, width: 2 },
      ...others.map((r, i) => ({
        label: `${r.label} (${t('train.smoothed', { beta })})`,
        color: COLORS.runs[(i + 1) % COLORS.runs.length] as string,
        width: 2,
      })),
    ],
    [t, beta, others],
  );
  const version = () => `${updatesKey([run, ...others])}|${beta}|${biasCorrection}`;
  const columns = (): ArrayLike<number>[] => {
    const raw = run.updates.cost.view();
    const smooth = smoothedSeries(run.updates.cost, beta, biasCorrection);
    if (!others.length) {
      // While training the series grows by thousands a frame: pick rows from per-block summaries.
      const rows = decimatedRows(run.updates.cost, MAX_DRAWN_ROWS);
      const t = run.updates.t.view();
      return [t, raw, smooth].map((c) => Float64Array.from(rows, (i) => c[i] as number));
    }
    const n = Math.max(raw.length, ...others.map((r) => r.updates.cost.length));
    const x = Array.from({ length: n }, (_, i) => i + 1);
    const pad = (v: Float64Array) =>
      Array.from({ length: n }, (_, i) => (i < v.length ? (v[i] as number) : null));
    return decimate(
      [
        x,
        pad(raw),
        pad(smooth),
        ...others.map((r) => pad(smoothedSeries(r.updates.cost, beta, biasCorrection))),
      ],
      MAX_DRAWN_ROWS,
    ) as ArrayLike<number>[];
  };
  const raw = run.updates.cost.view();
  const figure = oscillation(raw, smoothedSeries(run.updates.cost, beta, biasCorrection));
  return (
    <div className="nc-cost-chart">
      <LineChart
        title={t('train.costPerUpdate')}
        xLabel="t"
        series={series}
        version={version}
        columns={columns}
        height={220}
        testId="chart-cost"
        marker={() => cursor?.timeOf(run) ?? null}
      />
      <div className="nc-chart-notes">
        <span data-testid="oscillation">{t('train.oscillation', { value: figure.toFixed(4) })}</span>
        {hasDropout(run) && <span className="nc-note">{t('train.dropoutNote')}</span>}
      </div>
    </div>
  );
});
