import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { VariantQueueBanner } from '../gallery/VariantQueueBanner';
import { backendNoteText } from '../i18n/backendNotes';
import { problemText } from '../i18n/problemText';
import { useLanguage } from '../i18n/useT';
import { FiltersView } from '../inspect/FiltersView';
import { LayersView } from '../inspect/LayersView';
import { MistakesView } from '../inspect/MistakesView';
import { StepWeightsView } from '../inspect/StepWeightsView';
import { useApp } from '../store/context';
import { BoundaryView } from './BoundaryView';
import { CostChart } from './CostChart';
import { EpochCharts } from './EpochCharts';
import { ExportControls } from './ExportControls';
import { useTrainingT } from './hooks';
import { ProgressLine } from './ProgressLine';
import { BACKENDS, type BackendChoice } from './protocol';
import { Replay } from './Replay';
import { RunList } from './RunList';
import { RunSummary } from './RunSummary';
import { ReplayCursor } from './replay';
import { sameGraph } from './runRecord';
import { isStale } from './stale';
import { isTraining, selectActiveRun } from './trainingSlice';
import './training.css';

const useTraining = useApp;

/** The toolbar: train, pause/resume, stop, again; backend; smoothing β; live α. */
const Toolbar = memo(function Toolbar() {
  const t = useTrainingT();
  const run = useTraining(selectActiveRun);
  useTraining((s) => s.trainingTick);
  const actions = useTraining(
    useShallow((s) => ({
      train: s.train,
      pauseTraining: s.pauseTraining,
      resumeTraining: s.resumeTraining,
      stepTraining: s.stepTraining,
      stopTraining: s.stopTraining,
      setLiveLearningRate: s.setLiveLearningRate,
      backendChoice: s.backendChoice,
      setBackendChoice: s.setBackendChoice,
      smoothingBeta: s.smoothingBeta,
      biasCorrection: s.biasCorrection,
      setSmoothing: s.setSmoothing,
    })),
  );
  const language = useLanguage();
  const [alpha, setAlpha] = useState('');
  const errors = useTraining((s) => s.analysis.errorCount);
  const busy = isTraining(run);
  const beta = actions.smoothingBeta;
  return (
    <div className="nc-train-toolbar" role="toolbar">
      {!busy && (
        <button
          type="button"
          className="nc-primary"
          onClick={() => actions.train()}
          disabled={errors > 0}
          data-testid="train"
          title={errors > 0 ? t('train.fixFirst') : 'Ctrl/⌘+Enter'}
        >
          {run ? t('train.again') : t('train.train')}
        </button>
      )}
      {!busy && run && (
        <button type="button" onClick={() => actions.train({ newSeed: true })} data-testid="train-new-seed">
          {t('train.newSeed')}
        </button>
      )}
      {run?.status === 'done' && !run.saved && <ExportControls />}
      {busy && run?.status !== 'paused' && (
        <button type="button" onClick={actions.pauseTraining} data-testid="pause">
          {t('train.pause')}
        </button>
      )}
      {run?.status === 'paused' && (
        <button type="button" onClick={actions.resumeTraining} data-testid="resume">
          {t('train.resume')}
        </button>
      )}
      {run?.status === 'paused' && (
        <button type="button" onClick={actions.stepTraining} data-testid="step" title={t('train.stepHint')}>
          {t('train.step')}
        </button>
      )}
      {busy && (
        <button type="button" onClick={actions.stopTraining} data-testid="stop">
          {t('train.stop')}
        </button>
      )}
      <label>
        {t('train.backend')}{' '}
        <select
          value={actions.backendChoice}
          onChange={(e) => actions.setBackendChoice(e.target.value as BackendChoice)}
          data-testid="backend-choice"
        >
          <option value="auto">{t('train.backend.auto')}</option>
          <option value="fast">{t('train.backend.fast')}</option>
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <span
        className="nc-backend-status"
        data-testid="backend-status"
        title={run?.backend?.notes.map((n) => backendNoteText(n, language)).join('\n') ?? ''}
      >
        {run?.backend
          ? run.backend.fast
            ? t('train.fastOn')
            : t('train.backendOn', { name: run.backend.name, adapter: run.backend.adapter ?? '?' })
          : ''}
      </span>
      <label>
        {t('train.beta')}{' '}
        <select
          value={beta}
          onChange={(e) => actions.setSmoothing(Number(e.target.value), actions.biasCorrection)}
          data-testid="beta"
        >
          {[0.5, 0.9, 0.95, 0.98, 0.99].map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={actions.biasCorrection}
          onChange={(e) => actions.setSmoothing(beta, e.target.checked)}
          data-testid="bias-correction"
        />{' '}
        {t('train.biasCorrection')}
      </label>
      <form
        className="nc-live-alpha"
        onSubmit={(e) => {
          e.preventDefault();
          const v = Number(alpha);
          if (Number.isFinite(v) && v > 0) actions.setLiveLearningRate(v);
        }}
      >
        <label>
          {t('train.liveAlpha')}{' '}
          <input
            value={alpha}
            onChange={(e) => setAlpha(e.target.value)}
            size={7}
            disabled={!busy}
            data-testid="live-alpha"
          />
        </label>
        <button type="submit" disabled={!busy} data-testid="set-alpha">
          {t('train.set')}
        </button>
      </form>
    </div>
  );
});

/**
 * The training panel: toolbar, progress, the per-update cost with its EWA, per-epoch curves, the
 * decision boundary, the summary with the bias/variance verdict, and the run list for comparing.
 */
export const TrainingPanel = memo(function TrainingPanel() {
  const t = useTrainingT();
  const language = useLanguage();
  const tick = useTraining((s) => s.trainingTick);
  const runs = useTraining((s) => s.runs);
  const run = useTraining(selectActiveRun);
  const compareIds = useTraining((s) => s.compareRunIds);
  const beta = useTraining((s) => s.smoothingBeta);
  const biasCorrection = useTraining((s) => s.biasCorrection);
  const doc = useTraining((s) => s.doc);
  const train = useTraining((s) => s.train);
  const stop = useTraining((s) => s.stopTraining);
  const compare = runs.filter((r) => compareIds.includes(r.id));
  const stale = run !== null && !isTraining(run) && isStale(run, doc);
  const [cursor] = useState(() => new ReplayCursor());
  const docAtStart = useRef<unknown>(null);
  // The problems of a refused run stop mattering once the graph was edited since.
  const fixedSince = useMemo(() => run?.status === 'invalid' && !sameGraph(run.document, doc), [run, doc]);
  const [graphChanged, setGraphChanged] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !isTraining(run)) {
        e.preventDefault();
        train();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, train]);

  // Editing the graph while it trains does not change the run: ask whether to stop it.
  useEffect(() => {
    if (!isTraining(run)) {
      docAtStart.current = null;
      setGraphChanged(false);
    } else if (docAtStart.current === null) {
      docAtStart.current = doc;
    } else if (doc !== docAtStart.current) {
      setGraphChanged(true);
    }
  }, [doc, run]);

  return (
    <section className="nc-training-panel" data-testid="training-panel" data-status={run?.status ?? 'none'}>
      <Toolbar />
      <VariantQueueBanner />
      {graphChanged && isTraining(run) && (
        <div className="nc-banner" role="alert" data-testid="graph-changed">
          {t('train.graphChanged')}{' '}
          <button type="button" onClick={stop}>
            {t('train.stop')}
          </button>{' '}
          <button type="button" onClick={() => setGraphChanged(false)}>
            ✕
          </button>
        </div>
      )}
      {!run && <p className="nc-empty">{t('train.noRuns')}</p>}
      {run?.status === 'invalid' && !fixedSince && (
        <div className="nc-banner nc-error" data-testid="train-problems">
          {t('train.invalid')}
          <ul>
            {run.problems.map((p) => (
              <li key={`${p.nodeId}-${p.code}-${p.message}`}>
                <code>{p.nodeId ?? '—'}</code> {problemText(p, language)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {run?.failure && (
        <div className="nc-banner nc-error" role="alert" data-testid="train-failed">
          {t('train.failed', { backend: run.backend?.name ?? '?', message: run.failure.message })}{' '}
          {run.failure.next && (
            <button
              type="button"
              onClick={() => train({ backend: run.failure?.next ?? 'cpu' })}
              data-testid="retry-next"
            >
              {t('train.retryOn', { backend: run.failure.next })}
            </button>
          )}
        </div>
      )}
      {run && run.status !== 'invalid' && (
        <>
          <ProgressLine run={run} />
          <Replay run={run} cursor={cursor} tick={tick} />
          {stale && (
            <div className="nc-stale-badge" data-testid="run-stale" title={t('train.staleTitle')}>
              {t('train.stale')}
            </div>
          )}
          <div className={`nc-train-grid${stale ? ' nc-stale' : ''}`}>
            <div className="nc-train-main">
              <CostChart
                run={run}
                compare={compare}
                beta={beta}
                biasCorrection={biasCorrection}
                cursor={cursor}
              />
              <EpochCharts run={run} compare={compare} cursor={cursor} />
              <LayersView run={run} tick={tick} />
              <StepWeightsView run={run} tick={tick} />
            </div>
            <div className="nc-train-side">
              <BoundaryView run={run} tick={tick} cursor={cursor} />
              <RunSummary run={run} tick={tick} />
            </div>
          </div>
          <MistakesView run={run} tick={tick} />
          <FiltersView run={run} tick={tick} />
        </>
      )}
      {runs.length > 0 && (
        <RunList runs={runs} activeId={run?.id ?? null} compareIds={compareIds} tick={tick} />
      )}
    </section>
  );
});
