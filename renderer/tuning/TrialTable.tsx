import { memo } from 'react';
import { paramKey, rankResults, type SearchParam } from '../../engine/search';
import type { MessageKey } from '../i18n/i18n';
import { useLanguage, useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { formatLoss, formatPercent, formatValue, paramShortName } from './format';
import { type TrialRow, type TuningSort, tuningMetric } from './tuningSlice';

/** Rows in the table's order: best first by the chosen metric, or by round and trial number. */
export function sortRows(rows: readonly TrialRow[], sort: TuningSort): TrialRow[] {
  if (sort === 'trial') return rows.slice().sort((a, b) => a.round - b.round || a.trial - b.trial);
  return rankResults(rows, tuningMetric(sort)) as TrialRow[];
}

interface TrialTableProps {
  rows: readonly TrialRow[];
  params: readonly SearchParam[];
  bestKey: string | null;
}

/** Every finished trial: its values, dev and train metrics, epochs, and how it ended. Sortable. */
export const TrialTable = memo(function TrialTable({ rows, params, bestKey }: TrialTableProps) {
  const t = useT();
  const language = useLanguage();
  const sort = useApp((s) => s.tuning.sort);
  const setSort = useApp((s) => s.setTuningSort);
  const trainAsRun = useApp((s) => s.trainTrialAsRun);
  const sortHeader = (column: TuningSort, label: MessageKey) => (
    <th
      key={column}
      className="num"
      aria-sort={sort === column ? (column === 'devAccuracy' ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className={`tuning__sort${sort === column ? ' tuning__sort--on' : ''}`}
        onClick={() => setSort(column)}
        title={t('tuning.sortBy', { column: t(label) })}
        data-testid={`sort-${column}`}
      >
        {t(label)}
        {sort === column ? (column === 'devAccuracy' ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <table className="tuning__trials" data-testid="trial-table">
      <thead>
        <tr>
          {sortHeader('trial', 'tuning.col.trial')}
          {params.map((p) => (
            <th key={paramKey(p)} className="num">
              {paramShortName(p, language)}
            </th>
          ))}
          {sortHeader('devLoss', 'tuning.col.devLoss')}
          {sortHeader('devAccuracy', 'tuning.col.devAccuracy')}
          <th className="num">{t('tuning.col.trainAccuracy')}</th>
          <th className="num">{t('tuning.col.epochs')}</th>
          <th>{t('tuning.col.ended')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {sortRows(rows, sort).map((r) => (
          <tr
            key={r.key}
            className={`${r.key === bestKey ? 'tuning__best' : ''}${r.stoppedEarly ? ' tuning__pruned' : ''}`}
            data-testid={`trial-${r.key}`}
            title={r.message}
          >
            <td className="num">{r.key === 'own' ? t('tuning.legend.own') : r.key}</td>
            {params.map((p) => (
              <td key={paramKey(p)} className="num">
                {formatValue(r.values[paramKey(p)])}
              </td>
            ))}
            <td className="num">{formatLoss(r.devLoss ?? r.trainLoss)}</td>
            <td className="num">{formatPercent(r.devAccuracy)}</td>
            <td className="num">{formatPercent(r.trainAccuracy)}</td>
            <td className="num">{r.epochs}</td>
            <td>
              <span className={`tuning__reason tuning__reason--${r.reason}`}>
                {t(`tuning.reason.${r.reason}`)}
              </span>
            </td>
            <td>
              {r.reason !== 'invalid' && (
                <button
                  type="button"
                  className="tuning__icon"
                  onClick={() => trainAsRun(r.key)}
                  title={t('tuning.trainRow', { trial: r.key })}
                  aria-label={t('tuning.trainRow', { trial: r.key })}
                >
                  ▶
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
