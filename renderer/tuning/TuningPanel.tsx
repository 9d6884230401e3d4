import { memo } from 'react';
import { bestResult, paramKey, trainedFully } from '../../engine/search';
import { problemText } from '../i18n/problemText';
import { useLanguage, useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { formatLoss, formatPercent, paramName } from './format';
import { NumberField } from './NumberField';
import { ScatterPlot } from './ScatterPlot';
import { SpaceEditor } from './SpaceEditor';
import { TrialTable } from './TrialTable';
import { type TrialRow, tuningMetric } from './tuningSlice';
import './tuning.css';

/** Trials, epochs and seed, and the button that runs or stops the search. */
const Budget = memo(function Budget({ busy }: { busy: boolean }) {
  const t = useT();
  const trials = useApp((s) => s.tuning.trials);
  const epochs = useApp((s) => s.tuning.epochsPerTrial);
  const seed = useApp((s) => s.tuning.seed);
  const status = useApp((s) => s.tuning.status);
  const count = useApp((s) => s.tuning.params.length);
  const setBudget = useApp((s) => s.setSearchBudget);
  const run = useApp((s) => s.runTuning);
  const stop = useApp((s) => s.stopTuning);
  return (
    <div className="tuning__budget">
      <div className="tuning__field">
        <span>{t('tuning.trials')}</span>
        <NumberField
          value={trials}
          integer
          disabled={busy}
          label={t('tuning.trials')}
          onCommit={(v) => setBudget({ trials: v })}
          testId="search-trials"
        />
      </div>
      <div className="tuning__field">
        <span>{t('tuning.epochs')}</span>
        <NumberField
          value={epochs}
          integer
          disabled={busy}
          label={t('tuning.epochs')}
          onCommit={(v) => setBudget({ epochsPerTrial: v })}
          testId="search-epochs"
        />
      </div>
      <div className="tuning__field">
        <span>{t('tuning.seed')}</span>
        <NumberField
          value={seed}
          integer
          disabled={busy}
          label={t('tuning.seed')}
          onCommit={(v) => setBudget({ seed: v })}
          testId="search-seed"
        />
      </div>
      {busy ? (
        <button
          type="button"
          className="button"
          onClick={stop}
          disabled={status === 'stopping'}
          data-testid="search-stop"
        >
          {status === 'stopping' ? t('tuning.stopping') : t('tuning.stop')}
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary"
          onClick={run}
          disabled={count === 0}
          data-testid="search-run"
        >
          ▶ {t('tuning.run')}
        </button>
      )}
    </div>
  );
});

function Progress({ rows, best }: { rows: readonly TrialRow[]; best: TrialRow | null }) {
  const t = useT();
  const { round, roundTrials, status, backend } = useApp((s) => s.tuning);
  const current = rows.filter((r) => r.round === round || (round === 1 && r.trial === 0));
  const done = current.length;
  const pruned = current.filter((r) => r.stoppedEarly).length;
  const share = roundTrials ? Math.min(1, done / roundTrials) : 0;
  return (
    <div className="tuning__progress" data-testid="search-progress" data-done={done} data-status={status}>
      <div className="tuning__progress-line">
        <span>{t('tuning.progress', { round, done, total: roundTrials, pruned })}</span>
        {backend && <span className="tuning__muted">{t('tuning.backend', { backend })}</span>}
      </div>
      <div className="tuning__track">
        <div
          className={`tuning__bar${status === 'running' ? ' tuning__bar--live' : ''}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      {best && (
        <div className="tuning__best-line" data-testid="search-best">
          {t('tuning.best', {
            trial: best.key === 'own' ? t('tuning.legend.own') : t('tuning.trialName', { trial: best.key }),
            loss: formatLoss(best.devLoss ?? best.trainLoss),
            accuracy: formatPercent(best.devAccuracy),
          })}
        </div>
      )}
    </div>
  );
}

/**
 * Hyperparameter search (spec §11): mark params and ranges, run trials in a worker, read the table
 * and the scatter plots as results stream in, then narrow, apply the best to the graph, or train a
 * trial as a run to compare. A drawer at the right; the canvas stays usable beside it.
 */
export const TuningPanel = memo(function TuningPanel() {
  const t = useT();
  const language = useLanguage();
  const open = useApp((s) => s.tuning.open);
  const tuning = useApp((s) => s.tuning);
  const doc = useApp((s) => s.doc);
  const close = useApp((s) => s.closeTuning);
  const apply = useApp((s) => s.applyBestTrial);
  const narrowAgain = useApp((s) => s.narrowTuning);
  const trainAsRun = useApp((s) => s.trainTrialAsRun);
  if (!open) return null;
  const busy = tuning.status === 'running' || tuning.status === 'stopping';
  const metric = tuningMetric(tuning.sort);
  const best = bestResult(tuning.rows, metric) as TrialRow | null;
  const searchedParams = tuning.searched?.params ?? [];
  const sameSpace =
    tuning.searched !== null &&
    searchedParams.map(paramKey).join('|') === tuning.params.map(paramKey).join('|');
  const fullyTrained = tuning.rows.filter((r) => r.trial > 0 && trainedFully(r)).length;
  return (
    <aside
      className="tuning"
      aria-label={t('tuning.action')}
      data-testid="tuning"
      data-status={tuning.status}
    >
      <header className="tuning__header">
        <h2>{t('tuning.action')}</h2>
        <button
          type="button"
          className="tool"
          onClick={close}
          aria-label={t('common.close')}
          data-testid="tuning-close"
        >
          ✕
        </button>
      </header>
      <div className="tuning__scroll">
        <p className="tuning__intro">{t('tuning.intro')}</p>
        <SpaceEditor busy={busy} />
        <Budget busy={busy} />
        {tuning.status === 'invalid' && tuning.problems.length > 0 && (
          <div className="tuning__problems" role="alert" data-testid="search-problems">
            {t('tuning.problems')}
            <ul>
              {tuning.problems.map((p) => (
                <li key={`${p.nodeId}|${p.code}|${p.message}`}>{problemText(p, language)}</li>
              ))}
            </ul>
          </div>
        )}
        {tuning.status === 'failed' && (
          <div className="tuning__problems" role="alert">
            {t('tuning.failed', { message: tuning.failure ?? '' })}
          </div>
        )}
        {tuning.round > 0 && tuning.status !== 'invalid' && <Progress rows={tuning.rows} best={best} />}
        {tuning.rows.length > 0 && (
          <>
            <section className="tuning__section">
              <h3 className="tuning__heading">
                {t('tuning.plots', { metric: t(`tuning.metric.${metric}`) })}
              </h3>
              <div className="tuning__plots">
                {searchedParams.map((p) => (
                  <ScatterPlot
                    key={paramKey(p)}
                    param={p}
                    name={paramName(tuning.searched?.doc ?? doc, p, language)}
                    rows={tuning.rows}
                    metric={metric}
                    bestKey={best?.key ?? null}
                  />
                ))}
              </div>
              <div className="tuning__legend" aria-hidden="true">
                <span className="tuning__legend-item tuning__legend-item--full">
                  {t('tuning.legend.full')}
                </span>
                <span className="tuning__legend-item tuning__legend-item--pruned">
                  {t('tuning.legend.pruned')}
                </span>
                <span className="tuning__legend-item tuning__legend-item--own">{t('tuning.legend.own')}</span>
                <span className="tuning__legend-item tuning__legend-item--best">
                  {t('tuning.legend.best')}
                </span>
              </div>
            </section>
            <div className="tuning__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={apply}
                disabled={!best || busy}
                title={t('tuning.applyHint')}
                data-testid="search-apply"
              >
                {t('tuning.apply')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => best && trainAsRun(best.key)}
                disabled={!best}
                data-testid="search-train-best"
              >
                {t('tuning.trainBest')}
              </button>
              <button
                type="button"
                className="button"
                onClick={narrowAgain}
                disabled={busy || !sameSpace || fullyTrained === 0}
                title={t('tuning.narrowHint')}
                data-testid="search-narrow"
              >
                {t('tuning.narrow')}
              </button>
            </div>
            <section className="tuning__section">
              <h3 className="tuning__heading">{t('tuning.table')}</h3>
              <TrialTable rows={tuning.rows} params={searchedParams} bestKey={best?.key ?? null} />
            </section>
          </>
        )}
        {tuning.round > 0 && tuning.rows.length === 0 && busy && (
          <p className="tuning__muted">{t('tuning.empty')}</p>
        )}
      </div>
    </aside>
  );
});
