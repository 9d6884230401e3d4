import { describe, expect, it } from 'vitest';
import type { LayersEvent } from '../../engine/train/events';
import { layersAt, MAX_LAYER_EVENTS, recordLayers } from './layerRecord';

const event = (t: number): LayersEvent => ({
  type: 'layers',
  t,
  epoch: 1,
  layers: [],
  diagnoses: [],
  nodes: [],
});

describe('a run’s layer statistics', () => {
  it('finds the event in force at an update, and none before the first', () => {
    const list: LayersEvent[] = [];
    for (const t of [1, 10, 20, 30]) recordLayers(list, event(t));
    expect(layersAt(list, 0)).toBeNull();
    expect(layersAt(list, 1)?.t).toBe(1);
    expect(layersAt(list, 19)?.t).toBe(10);
    expect(layersAt(list, 20)?.t).toBe(20);
    expect(layersAt(list, 1000)?.t).toBe(30);
    expect(layersAt(list)?.t).toBe(30);
  });

  it('thins a long run to half density at the cap, keeping its first and last events', () => {
    const list: LayersEvent[] = [];
    // t = 1, 2, …, 513: the 513th event drops the even positions' neighbours → 257 events.
    for (let t = 1; t <= MAX_LAYER_EVENTS + 1; t++) recordLayers(list, event(t));
    expect(list).toHaveLength(257);
    expect(list[0]?.t).toBe(1);
    expect(list[1]?.t).toBe(3);
    expect(list.at(-1)?.t).toBe(MAX_LAYER_EVENTS + 1);
  });
});
