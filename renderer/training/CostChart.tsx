import { memo, useMemo } from 'react';
import { useLanguage } from '../i18n/useT';
import { useApp } from '../store/context';
import { spansDecades } from './costScale';
import { useTrainingT } from './hooks';
import { LineChart, type LineSeries } from './LineChart';
import { COLORS } from './palette';
import { updatesKey } from './redraw';
import type { ReplayCursor } from './replay';
import { runName } from './runName';
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

/** "He (smoothed (β = 0.9))" beside other runs, the bare series name alone. */
const named = (run: string | null, series: string) => (run ? `${run} (${series})` : series);

const hasDropout = (run: RunRecord) => run.document.nodes.some((n) => n.kind === 'Dropout');

/**
 * The per-update cost (a thin line: the oscillation of mini-batch descent) with its EWA drawn over
 * it; β and the bias correction are the user's, so the curve is recomputed from the raw costs.
 * Compared runs add their smoothed curves.
 */
export const CostChart = memo(function CostChart({ run, compare, beta, biasCorrection, cursor }: Props) {
  const t = useTrainingT();
  const language = useLanguage();
  const others = useMemo(() => compare.filter((r) => r.id !== run.id), [compare, run.id]);
  const logChoice = useApp((s) => s.costLogScale);
  const setLog = useApp((s) => s.setCostLogScale);
  const logY = logChoice ?? spansDecades([run, ...others].map((r) => r.updates.cost.view()));
  // Beside other runs, the shown run's two curves carry its name too.
  const ownName = others.length ? runName(run.label, t, language) : null;
  const series = useMemo<LineSeries[]>(
    () => [
      { label: named(ownName, t('train.raw')), color: COLORS.raw, width: 1 },
      { label: named(ownName, t('train.smoothed', { beta })), color: COLORS.smoothed, width: 2 },
      ...others.map((r, i) => ({
        label: `${runName(r.label, t, language)} (${t('train.smoothed', { beta })})`,
        color: COLORS.runs[(i + 1) % COLORS.runs.length] as string,
        width: 2,
      })),
    ],
    [t, beta, others, ownName, language],
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
        xLabel={t('train.axis.update')}
        series={series}
        version={version}
        columns={columns}
        height={220}
        logY={logY}
        testId="chart-cost"
        marker={() => cursor?.timeOf(run) ?? null}
      />
      <div className="nc-chart-notes">
        <label>
          <input
            type="checkbox"
            checked={logY}
            onChange={(e) => setLog(e.target.checked)}
            data-testid="cost-log-scale"
          />{' '}
          {t('train.logScale')}
        </label>
        <span data-testid="oscillation">{t('train.oscillation', { value: figure.toFixed(4) })}</span>
        {hasDropout(run) && <span className="nc-note">{t('train.dropoutNote')}</span>}
      </div>
    </div>
  );
});
