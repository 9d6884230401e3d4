import { memo } from 'react';
import { diagnosisTemplate, diagnosisVars } from '../../engine/inspect/diagnose';
import type { LayerStatistics } from '../../engine/inspect/statistics';
import type { MessageKey } from '../i18n/messages';
import { useTrainingT } from '../training/hooks';
import type { RunRecord } from '../training/runRecord';
import { DistributionStrip } from './DistributionStrip';
import { layersAt } from './layerRecord';
import { compact, logShare, RATIO_AXIS } from './scales';
import './inspect.css';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function Row({ layer, run, batchNorm }: { layer: LayerStatistics; run: RunRecord; batchNorm: boolean }) {
  const bn = layer.batchNorm;
  return (
    <tr data-testid={`layer-row-${layer.id}`}>
      <td>
        <code>{layer.id}</code>
      </td>
      <td>
        <DistributionStrip events={run.layers} nodeId={layer.id} />
      </td>
      <td>
        {compact(layer.activationMean)} ± {compact(layer.activationStd)}
      </td>
      <td>
        {percent(layer.deadFraction)} / {percent(layer.saturatedFraction)}
      </td>
      <td>{compact(layer.gradNorm)}</td>
      <td>
        <span className="nc-ratio" title="10⁻⁶ … 1; the mark is 10⁻³">
          <span style={{ width: `${logShare(layer.updateRatio, RATIO_AXIS.lo, RATIO_AXIS.hi) * 100}%` }} />
        </span>{' '}
        {compact(layer.updateRatio)}
      </td>
      {batchNorm && (
        <td>
          {bn
            ? `${compact(bn.batchMean)}, ${compact(bn.batchVariance)} / ${compact(bn.runningMean)}, ${compact(bn.runningVariance)}`
            : ''}
        </td>
      )}
    </tr>
  );
}

/**
 * The Layers view of the training panel: the latest measurement of every layer with parameters
 * (docs/inside.md) and what it diagnoses, in the UI's language.
 */
export const LayersView = memo(function LayersView({ run }: { run: RunRecord; tick: number }) {
  const t = useTrainingT();
  const event = layersAt(run.layers);
  const batchNorm = event?.layers.some((l) => l.batchNorm) ?? false;
  return (
    <section className="nc-layers" data-testid="layers-view" data-t={event?.t ?? 0}>
      <h3>
        {t('layers.title')}
        {event && (
          <span className="nc-layers__at"> · {t('layers.at', { t: event.t, epoch: event.epoch })}</span>
        )}
      </h3>
      {!event && <p className="nc-empty">{t('layers.none')}</p>}
      {event && (
        <>
          <table className="nc-layers__table">
            <thead>
              <tr>
                <th>{t('layers.layer')}</th>
                <th>{t('layers.distribution')}</th>
                <th>{t('layers.activation')}</th>
                <th>{t('layers.dead')}</th>
                <th>{t('layers.grad')}</th>
                <th>{t('layers.ratio')}</th>
                {batchNorm && <th>{t('layers.batchNorm')}</th>}
              </tr>
            </thead>
            <tbody>
              {event.layers.map((layer) => (
                <Row key={layer.id} layer={layer} run={run} batchNorm={batchNorm} />
              ))}
            </tbody>
          </table>
          <ul className="nc-layers__diagnoses" data-testid="layer-diagnoses">
            {event.diagnoses.length === 0 && <li className="nc-layers__ok">{t('layers.healthy')}</li>}
            {event.diagnoses.map((d) => (
              <li key={`${d.code}-${d.nodeId}`} data-code={d.code} data-node={d.nodeId}>
                {t(`diagnosis.${diagnosisTemplate(d)}` as MessageKey, diagnosisVars(d))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
