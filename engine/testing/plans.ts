import type { LayerPlan } from '../compile/plan.js';
import type { NetworkPlan } from '../model/network.js';
import { product } from '../nodes/shape.js';
import type { AnyLayerKind, BuildContext } from '../nodes/types.js';
import { createRandom } from '../random.js';

/** The data set's node id in the plans made here. */
export const TEST_INPUT = 'data';

/** What a test says of a layer: its kind, params and output shape (per example). */
export interface TestLayer {
  nodeId: string;
  kind: AnyLayerKind;
  params: unknown;
  outputShape: number[];
  /** Producers; default the layer before (or the data set). */
  inputs?: string[];
  dropBias?: boolean;
}

/** A NetworkPlan for these layers, wired as a chain unless a layer names its inputs. */
export function testPlan(inputShape: number[], layers: readonly TestLayer[]): NetworkPlan {
  const shapes = new Map<string, number[]>([[TEST_INPUT, inputShape]]);
  let previous = TEST_INPUT;
  const planned: LayerPlan[] = layers.map((l) => {
    const inputs = l.inputs ?? [previous];
    const inputShapes = inputs.map((id) => shapes.get(id) as number[]);
    shapes.set(l.nodeId, l.outputShape);
    previous = l.nodeId;
    return {
      nodeId: l.nodeId,
      kind: l.kind,
      params: l.params,
      inputs,
      inputShapes,
      outputShape: l.outputShape,
      inputFeatures: product(inputShapes[0] ?? []),
      outputFeatures: product(l.outputShape),
      dropBias: l.dropBias ?? false,
    };
  });
  return { layers: planned, inputShape, outputId: previous, datasetNodeId: TEST_INPUT };
}

/** A BuildContext for one layer taking `inputShape` (seeded random, no statistics). */
export function testBuildContext(nodeId: string, inputShape: number[], seed = 1): BuildContext {
  return {
    nodeId,
    inputShapes: [inputShape],
    outputShape: inputShape,
    inputFeatures: product(inputShape),
    random: createRandom(seed),
    dropBias: false,
  };
}
