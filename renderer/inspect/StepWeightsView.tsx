import { memo, useEffect } from 'react';
import { useApp } from '../store/context';
import type { AppState } from '../store/types';
import { useTrainingT } from '../training/hooks';
import type { RunRecord } from '../training/runRecord';
import { layersAt } from './layerRecord';
import { MatrixHeatmap } from './MatrixHeatmap';
import { compact } from './scales';

/** The one node selected on the canvas, or null. */
const selectSingleNode = (s: AppState): string | null =>
  s.selectedNodes.size === 1 ? ([...s.selectedNodes][0] ?? null) : null;

/**
 * Step mode's layer view: after a Step, the layer selected on the canvas shows W, dW and ΔW of that
 * step as heat maps, and "Check this step" adds the float64 gradient check's error per entry.
 * The worker sends one layer's matrices on request (engine/inspect/step-weights.ts).
 */
export const StepWeightsView = memo(function StepWeightsView({ run }: { run: RunRecord; tick: number }) {
  const t = useTrainingT();
  const nodeId = useApp(selectSingleNode);
  const request = useApp((s) => s.requestStepWeights);
  const check = useApp((s) => s.checkStep);
  const paused = run.status === 'paused';
  const measuredT = layersAt(run.layers)?.t ?? 0;
  useEffect(() => {
    if (paused && nodeId && measuredT > 0) request(nodeId);
  }, [paused, nodeId, measuredT, request]);
  const weights = run.stepWeights?.nodeId === nodeId ? run.stepWeights.weights : null;
  if (!paused || !nodeId || !weights) return null;
  const checked = run.stepCheck?.nodeId === nodeId ? run.stepCheck.check : null;
  const result = checked?.t === weights.t ? checked : null;
  const { w } = weights;
  return (
    <section className="nc-step-weights" data-testid="step-weights" data-node={nodeId} data-t={weights.t}>
      <h3>
        {t('stepWeights.title', {
          node: nodeId,
          t: weights.t,
          epoch: weights.epoch,
          batch: weights.batch,
          examples: weights.examples,
        })}
      </h3>
      {(w.rows < w.fullRows || w.cols < w.fullCols) && (
        <p data-testid="step-weights-cut">
          {t('stepWeights.cut', { rows: w.rows, cols: w.cols, fullRows: w.fullRows, fullCols: w.fullCols })}
        </p>
      )}
      <div className="nc-step-weights__maps">
        <MatrixHeatmap name={t('stepWeights.w')} matrix={w} scale="diverging" testId="heatmap-w" />
        <MatrixHeatmap name={t('stepWeights.dW')} matrix={weights.dW} scale="diverging" testId="heatmap-dw" />
        <MatrixHeatmap
          name={t('stepWeights.update')}
          matrix={weights.update}
          scale="diverging"
          testId="heatmap-update"
        />
        {result && (
          <MatrixHeatmap
            name={t('stepWeights.errors')}
            matrix={result.errors}
            scale="log"
            testId="heatmap-errors"
          />
        )}
      </div>
      <p className="nc-step-weights__note">{t('stepWeights.dWNote')}</p>
      <button type="button" onClick={() => check(nodeId)} data-testid="check-step">
        {t('stepWeights.check')}
      </button>
      {result && (
        <div data-testid="step-check" data-worst={result.worst?.error ?? ''} data-checked={result.checked}>
          <p>
            {t('stepWeights.checked', {
              checked: result.checked,
              drawn: result.drawn,
              floor: compact(result.floor),
            })}
          </p>
          {result.timedOut && <p>{t('stepWeights.timedOut')}</p>}
          {result.worst && (
            <p data-testid="step-check-worst">
              {t('stepWeights.worst', {
                row: result.worst.row,
                col: result.worst.col,
                error: compact(result.worst.error),
                analytic: compact(result.worst.analytic),
                numerical: compact(result.worst.numerical),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
});
