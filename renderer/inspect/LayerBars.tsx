import { memo } from 'react';
import { useApp } from '../store/context';
import { selectActiveRun } from '../training/trainingSlice';
import { layerIn, layersAt } from './layerRecord';
import { compact, GRAD_AXIS, logShare, RATIO_AXIS } from './scales';
import './inspect.css';

/** One small bar of a card: a share 0…1 and what it stands for. */
function Bar({ name, share, label }: { name: string; share: number; label: string }) {
  return (
    <span className={`nc-bar nc-bar--${name}`} title={label} data-bar={name}>
      <span style={{ width: `${Math.round(share * 100)}%` }} />
    </span>
  );
}

/**
 * Small bars on a layer's card while the active run has measured it: activation spread, dead or
 * saturated share, ‖dW‖ and the update ratio (log axes), red when a diagnosis names the layer.
 */
export const LayerBars = memo(function LayerBars({ nodeId }: { nodeId: string }) {
  const event = useApp((s) => {
    const run = selectActiveRun(s);
    return run ? layersAt(run.layers) : null;
  });
  const layer = layerIn(event, nodeId);
  if (!layer) return null;
  const flagged = event?.diagnoses.filter((d) => d.nodeId === nodeId).map((d) => d.code) ?? [];
  const unhealthy = layer.deadFraction ?? layer.saturatedFraction ?? 0;
  return (
    <div
      className={`card__layer-bars${flagged.length ? ' card__layer-bars--flagged' : ''}`}
      data-testid={`layer-bars-${nodeId}`}
      data-diagnoses={flagged.join(' ')}
      title={flagged.join(', ')}
    >
      <Bar
        name="std"
        share={Math.min(1, layer.activationStd)}
        label={`σ(a) ${compact(layer.activationStd)}`}
      />
      <Bar name="dead" share={unhealthy} label={`dead/saturated ${Math.round(unhealthy * 100)}%`} />
      <Bar
        name="grad"
        share={logShare(layer.gradNorm, GRAD_AXIS.lo, GRAD_AXIS.hi)}
        label={`‖dW‖ ${compact(layer.gradNorm)}`}
      />
      <Bar
        name="ratio"
        share={logShare(layer.updateRatio, RATIO_AXIS.lo, RATIO_AXIS.hi)}
        label={`‖ΔW‖/‖W‖ ${compact(layer.updateRatio)}`}
      />
    </div>
  );
});
