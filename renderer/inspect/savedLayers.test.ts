import { describe, expect, it } from 'vitest';
import type { LayersEvent } from '../../engine/train/events';
import { restoreLayers, SAVED_LAYER_EVENTS, SavedLayersSchema, saveLayers } from './savedLayers';

const event = (t: number): LayersEvent => ({
  type: 'layers',
  t,
  epoch: Math.ceil(t / 4),
  layers: [
    {
      id: 'hidden1',
      activationMean: 0.123456,
      activationStd: 0,
      activationPercentiles: [0, 0, 0, 0, 0, 0, 0, 0, 0],
      deadFraction: 1,
      saturatedFraction: null,
      gradNorm: Number.NaN,
      weightNorm: 0,
      updateRatio: null,
      identicalUnits: true,
    },
  ],
  diagnoses: [
    { code: 'SYMMETRY', nodeId: 'hidden1', params: { layer: 'hidden1', units: 8 }, message: 'All 8 units …' },
  ],
  nodes: [{ id: 'hidden1', mean: 0, std: 0, gradNorm: 0 }],
});

describe('a saved run’s layer measurements', () => {
  it('keeps 16 evenly spread measurements through JSON, first and last included, without the per-node flow', () => {
    const list = Array.from({ length: 100 }, (_, i) => event(i + 1));
    const saved = SavedLayersSchema.parse(JSON.parse(JSON.stringify(saveLayers(list))));
    const restored = restoreLayers(saved);
    expect(restored).toHaveLength(SAVED_LAYER_EVENTS);
    // Index round(i · 99/15): 0, 7 (6.6), 13 (13.2), …, 99 → t = 1, 8, 14, …, 100.
    expect(restored.map((e) => e.t).slice(0, 3)).toEqual([1, 8, 14]);
    expect(restored.at(-1)?.t).toBe(100);
    expect(restored[0]?.diagnoses[0]?.code).toBe('SYMMETRY');
    expect(restored[0]?.layers[0]?.deadFraction).toBe(1);
    expect(restored[0]?.layers[0]?.activationMean).toBe(0.1235);
    // NaN comes back as null, which the views show as "—".
    expect(restored[0]?.layers[0]?.gradNorm).toBeNull();
    expect(restored[0]?.nodes).toEqual([]);
  });

  it('restores nothing for a run saved before measurements existed', () => {
    expect(restoreLayers(undefined)).toEqual([]);
  });
});
