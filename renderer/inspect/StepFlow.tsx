import { memo } from 'react';
import type { NodeSummary } from '../../engine/inspect/nodes';
import { useApp } from '../store/context';
import type { AppState } from '../store/types';
import { selectActiveRun } from '../training/trainingSlice';
import { layersAt } from './layerRecord';
import { compact } from './scales';

/**
 * The flow through `nodeId` at the latest measured update while the active run is paused (Step
 * mode), or null: the canvas shows it only then, so a running network's edges stay readable.
 */
const selectFlow =
  (nodeId: string) =>
  (s: AppState): NodeSummary | null => {
    const run = selectActiveRun(s);
    if (run?.status !== 'paused') return null;
    return layersAt(run.layers)?.nodes?.find((n) => n.id === nodeId) ?? null;
  };

/** Under an edge's shape label in Step mode: the forward activation it carries, "μ 0.12 σ 0.5". */
export const EdgeFlow = memo(function EdgeFlow({ source, edgeId }: { source: string; edgeId: string }) {
  const flow = useApp(selectFlow(source));
  if (!flow) return null;
  return (
    <div className="edge-flow" data-testid={`edge-flow-${edgeId}`}>
      μ {compact(flow.mean)} σ {compact(flow.std)}
    </div>
  );
});

/** On a card in Step mode: the norm of the gradient the backward pass brought to the node. */
export const NodeGradient = memo(function NodeGradient({ nodeId }: { nodeId: string }) {
  const flow = useApp(selectFlow(nodeId));
  if (!flow || flow.gradNorm === null) return null;
  return (
    <div className="card__gradient" data-testid={`node-gradient-${nodeId}`}>
      ‖∂J/∂a‖ {compact(flow.gradNorm)}
    </div>
  );
});
