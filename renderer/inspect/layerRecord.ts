import type { LayerStatistics } from '../../engine/inspect/statistics';
import type { LayersEvent } from '../../engine/train/events';

/** At most this many layers events per run; past it every other one is dropped (the first stays). */
export const MAX_LAYER_EVENTS = 512;

/**
 * Keeps a run's layers events in order of t, so a time scrubber can find the one in force at any
 * update (`layersAt`). A long run keeps an evenly thinned history: at the cap, every other event
 * goes, so the list spans the whole run at half the density.
 */
export function recordLayers(list: LayersEvent[], event: LayersEvent): void {
  list.push(event);
  if (list.length <= MAX_LAYER_EVENTS) return;
  const kept = list.filter((_, i) => i % 2 === 0 || i === list.length - 1);
  list.splice(0, list.length, ...kept);
}

/** The last layers event at or before update t (the latest without t); null before the first. */
export function layersAt(list: readonly LayersEvent[], t?: number): LayersEvent | null {
  if (!list.length) return null;
  if (t === undefined) return list[list.length - 1] ?? null;
  let lo = 0;
  let hi = list.length - 1;
  if ((list[0]?.t ?? 0) > t) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list[mid]?.t ?? 0) <= t) lo = mid;
    else hi = mid - 1;
  }
  return list[lo] ?? null;
}

/** One layer's figures in an event, by node id. */
export const layerIn = (event: LayersEvent | null, nodeId: string): LayerStatistics | null =>
  event?.layers.find((l) => l.id === nodeId) ?? null;
