import { z } from 'zod';
import type { Diagnosis, LayerStatistics } from '../../engine/inspect/statistics';
import type { LayersEvent } from '../../engine/train/events';

/** Measurements a saved run keeps, spread evenly over the run (first and last included). */
export const SAVED_LAYER_EVENTS = 16;

/**
 * A run's layer measurements as a project file keeps them (the saved run's optional `layers`):
 * t, epoch, the per-layer figures (4 significant digits) and the diagnoses; not Step mode's per-node
 * flow. JSON turns a NaN figure into null, which the views show as "—".
 */
export const SavedLayersSchema = z.array(
  z.object({
    t: z.number(),
    epoch: z.number(),
    layers: z.array(z.object({ id: z.string() }).passthrough()),
    diagnoses: z.array(
      z.object({
        code: z.string(),
        nodeId: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
        message: z.string(),
      }),
    ),
  }),
);
export type SavedLayers = z.infer<typeof SavedLayersSchema>;

/** A number to 4 significant digits (a chart's precision, a third of a double's characters). */
const short = (v: unknown): unknown =>
  typeof v === 'number' && Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(4)) : v;

/** One layer's figures with every number shortened, nested ones too. */
const rounded = (layer: LayerStatistics): { id: string } & Record<string, unknown> =>
  JSON.parse(JSON.stringify(layer, (_key, value) => short(value)));

/** At most `SAVED_LAYER_EVENTS` of the run's measurements, evenly spread. */
export function saveLayers(list: readonly LayersEvent[]): SavedLayers {
  const count = Math.min(list.length, SAVED_LAYER_EVENTS);
  const picked = Array.from({ length: count }, (_, i) =>
    count === 1 ? list.length - 1 : Math.round((i * (list.length - 1)) / (count - 1)),
  );
  return picked.map((i) => {
    const { t, epoch, layers, diagnoses } = list[i] as LayersEvent;
    return { t, epoch, layers: layers.map(rounded), diagnoses: structuredClone(diagnoses) };
  });
}

/** Saved measurements back as layers events (with no per-node flow). */
export const restoreLayers = (saved: SavedLayers | undefined): LayersEvent[] =>
  (saved ?? []).map((e) => ({
    type: 'layers',
    t: e.t,
    epoch: e.epoch,
    layers: e.layers as unknown as LayerStatistics[],
    diagnoses: e.diagnoses as unknown as Diagnosis[],
    nodes: [],
  }));
