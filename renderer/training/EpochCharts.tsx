import { memo, useMemo } from 'react';
import { useLanguage } from '../i18n/useT';
import { useApp } from '../store/context';
import { spansDecades } from './costScale';
import { useTrainingT } from './hooks';
import { LineChart, type LineSeries } from './LineChart';
import { COLORS } from './palette';
import { epochsKey } from './redraw';
import { epochAt, type ReplayCursor } from './replay';
import { runName } from './runName';
import type { RunRecord } from './runRecord';
import { decimate, decimatedRows, MAX_DRAWN_ROWS } from './series';

interface Props {
  run: RunRecord;
  compare: readonly RunRecord[];
  /** The replay: a line at the last epoch finished by its update t. */
  cursor?: ReplayCursor;
}

type Column = 'trainCost' | 'devCost' | 'trainAccuracy' | 'devAccuracy' | 'lr';

/** Aligns several runs' per-epoch columns on one epoch axis (null past a run's end). */
function aligned(runs: readonly RunRecord[], columns: readonly Column[]): ArrayLike<number>[] {
  const [only] = runs;
  if (only && runs.length === 1) {
    // A fast run ends thousands of epochs a second: draw at most MAX_DRAWN_ROWS of them.
    const rows = decimatedRows(only.epochs[columns[0] as Column], MAX_DRAWN_ROWS);
    const pick = (v: Float64Array) => rows.map((i) => (Number.isFinite(v[i]) ? (v[i] as number) : null));
    return [
      Float64Array.from(rows, (i) => i + 1),
      ...columns.map((c) => pick(only.epochs[c].view()) as unknown as number[]),
    ];
  }
  const n = Math.max(0, ...runs.map((r) => r.epochs.epoch.length));
  const x = Array.from({ length: n }, (_, i) => i + 1);
  const out: ArrayLike<number>[] = [x];
  for (const r of runs) {
    for (const c of columns) {
      const v = r.epochs[c].view();
      out.push(
        Array.from({ length: n }, (_, i) =>
          i < v.length && Number.isFinite(v[i]) ? (v[i] as number) : null,
        ) as unknown as number[],
      );
    }
  }
  return decimate(out, MAX_DRAWN_ROWS) as ArrayLike<number>[];
}

/** Train and dev cost, train and dev accuracy, and α per epoch; compared runs overlaid. */
export const EpochCharts = memo(function EpochCharts({ run, compare, cursor }: Props) {
  const t = useTrainingT();
  const language = useLanguage();
  const epoch = t('train.axis.epoch');
  const runs = useMemo(() => [run, ...compare.filter((r) => r.id !== run.id)], [run, compare]);
  const many = runs.length > 1;
  const version = () => epochsKey(runs);
  const logChoice = useApp((s) => s.costLogScale);
  const logY =
    logChoice ?? spansDecades(runs.flatMap((r) => [r.epochs.trainCost.view(), r.epochs.devCost.view()]));
  const marker = () => {
    const t = cursor?.timeOf(run) ?? null;
    return t === null ? null : epochAt(run, t) || null;
  };
  const { costSeries, accSeries, lrSeries } = useMemo(() => {
    const color = (i: number, single: string) =>
      many ? (COLORS.runs[i % COLORS.runs.length] as string) : single;
    const trainDev = (): LineSeries[] =>
      runs.flatMap((r, i) => [
        {
          label: many ? `${runName(r.label, t, language)} ${t('train.row.train')}` : t('train.row.train'),
          color: color(i, COLORS.train),
          width: 1.5,
          dash: [4, 3],
        },
        {
          label: many ? `${runName(r.label, t, language)} ${t('train.row.dev')}` : t('train.row.dev'),
          color: color(i, COLORS.dev),
          width: 2,
        },
      ]);
    return {
      costSeries: trainDev(),
      accSeries: trainDev(),
      lrSeries: runs.map((r, i) => ({
        label: many ? runName(r.label, t, language) : 'α',
        color: color(i, COLORS.lr),
        width: 2,
      })),
    };
  }, [runs, many, t, language]);
  return (
    <div className="nc-epoch-charts">
      <LineChart
        title={t('train.epochCost')}
        xLabel={epoch}
        series={costSeries}
        version={version}
        columns={() => aligned(runs, ['trainCost', 'devCost'])}
        logY={logY}
        testId="chart-epoch-cost"
        marker={marker}
      />
      <LineChart
        title={t('train.epochAccuracy')}
        xLabel={epoch}
        series={accSeries}
        version={version}
        columns={() => aligned(runs, ['trainAccuracy', 'devAccuracy'])}
        testId="chart-epoch-accuracy"
        marker={marker}
      />
      <LineChart
        title={t('train.learningRate')}
        xLabel={epoch}
        series={lrSeries}
        version={version}
        columns={() => aligned(runs, ['lr'])}
        testId="chart-lr"
        marker={marker}
      />
    </div>
  );
});
