import { memo } from 'react';
import { useLanguage } from '../i18n/useT';
import { useApp } from '../store/context';
import { useTrainingT } from './hooks';
import { runName } from './runName';
import type { RunRecord } from './runRecord';
import { differingSettings } from './settingsDiff';

const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

interface RunListProps {
  runs: readonly RunRecord[];
  activeId: string | null;
  compareIds: readonly string[];
  /** Changes when a (mutable) run record does. */
  tick: number;
}

/** The session's runs: pick the one shown, tick others to overlay and compare their settings. */
export const RunList = memo(function RunList({ runs, activeId, compareIds }: RunListProps) {
  const t = useTrainingT();
  const language = useLanguage();
  const selectRun = useApp((s) => s.selectRun);
  const toggleCompare = useApp((s) => s.toggleCompare);
  const compared = runs.filter((r) => compareIds.includes(r.id) || r.id === activeId);
  const diff = compared.length > 1 ? differingSettings(compared.map((r) => r.document)) : [];
  return (
    <section className="nc-runs" data-testid="run-list">
      <h3>{t('train.runs')}</h3>
      <ul>
        {runs.map((r) => (
          <li key={r.id} className={r.id === activeId ? 'nc-run-active' : ''}>
            <label className="nodrag" title={t('train.compare')}>
              <input
                type="checkbox"
                checked={compareIds.includes(r.id)}
                onChange={() => toggleCompare(r.id)}
                data-testid={`compare-${r.label}`}
              />
            </label>
            <button type="button" onClick={() => selectRun(r.id)} data-testid={`run-${r.label}`}>
              {runName(r.label, t, language)} · <span data-latin-ok>{r.document.name}</span>
            </button>
            {r.saved && (
              <span
                className="nc-run-saved"
                title={t('train.savedRunTitle')}
                data-testid={`saved-${r.label}`}
              >
                {t('train.savedRun')}
              </span>
            )}
            <span className="nc-run-meta">
              {t(`train.status.${r.status}`)} · {t('train.seedShort', { seed: r.seed })} ·{' '}
              {t('train.row.dev')} {pct(r.done?.dev?.accuracy)}
            </span>
          </li>
        ))}
      </ul>
      {diff.length > 0 && (
        <table className="nc-settings-diff" data-testid="settings-diff">
          <caption>{t('train.compareSettings')}</caption>
          <thead>
            <tr>
              <th />
              {compared.map((r) => (
                <th key={r.id}>{runName(r.label, t, language)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {diff.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                {row.values.map((v, i) => (
                  <td key={compared[i]?.id}>{v ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
