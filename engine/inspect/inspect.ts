import type { TrainingPlan } from '../compile/plan.js';
import type { InspectionBuffers } from './buffers.js';
import { measureLayers } from './measure.js';
import { measureNodes, type NodeTargets, nodeTargets } from './nodes.js';
import type { Inspection } from './statistics.js';
import { type InspectionTarget, inspectionTargets } from './targets.js';

/** What to measure in a plan: the layers with parameters, and every node's output. */
export interface InspectionPlan {
  layers: InspectionTarget[];
  nodes: NodeTargets;
}

export const inspectionPlan = (plan: Pick<TrainingPlan, 'layers' | 'outputId'>): InspectionPlan => ({
  layers: inspectionTargets(plan),
  nodes: nodeTargets(plan),
});

/** An inspected update's figures, from the buffers either executor hands over. */
export const inspectBuffers = (plan: InspectionPlan, buffers: InspectionBuffers): Inspection => ({
  layers: measureLayers(plan.layers, buffers),
  nodes: measureNodes(plan.nodes, buffers),
});
