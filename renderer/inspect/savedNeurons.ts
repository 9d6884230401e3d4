import { z } from 'zod';
import { type LayerPictures, PICTURED_UNITS } from '../../engine/inspect/neurons';
import type { RunRecord } from '../training/runRecord';

/** Neuron pictures as a run keeps them: from its latest boundary snapshot, or restored from a file. */
export interface NeuronSnapshot {
  t: number;
  /** Each picture is size × size. */
  size: number;
  layers: LayerPictures[];
}

/** A saved picture is at most this many pixels a side (every k-th pixel of the grid). */
const SAVED_SIDE = 32;

/** The run's neuron pictures: the live snapshot's, else those a reopened project restored. */
export function neuronSnapshot(run: RunRecord | null | undefined): NeuronSnapshot | null {
  const b = run?.boundary;
  if (b?.neurons) return { t: b.t, size: b.size, layers: b.neurons };
  return run?.savedNeurons ?? null;
}

/**
 * The saved run's optional `neurons`: per layer its first 32 units, each picture thinned to at
 * most 32 × 32 and quantized to 8 bits over [−scale, scale] (q = round((v/scale + 1)·127.5)),
 * the bytes in base64. A 64-grid layer of 8 units: 8·32·32 = 8,192 bytes, ~11 KB of text.
 */
export const SavedNeuronsSchema = z.object({
  t: z.number(),
  size: z.number().int().min(1),
  layers: z.array(
    z.object({ nodeId: z.string(), units: z.number().int().min(0), scale: z.number(), pixels: z.string() }),
  ),
});
export type SavedNeurons = z.infer<typeof SavedNeuronsSchema>;

const toBase64 = (bytes: Uint8Array): string =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** 8 bits of v over [−scale, scale]: −scale → 0, 0 → 128 (127.5 rounded up), scale → 255. */
export const quantize = (v: number, scale: number): number =>
  Math.round((Math.max(-1, Math.min(1, v / scale)) + 1) * 127.5);
export const dequantize = (q: number, scale: number): number => (q / 127.5 - 1) * scale;

export function saveNeurons(snapshot: NeuronSnapshot): SavedNeurons {
  const stride = Math.ceil(snapshot.size / SAVED_SIDE);
  const side = Math.ceil(snapshot.size / stride);
  const layers = snapshot.layers.map((layer) => {
    const count = Math.min(layer.units, PICTURED_UNITS, layer.values.length / snapshot.size ** 2);
    const bytes = new Uint8Array(count * side * side);
    for (let u = 0; u < count; u++)
      for (let r = 0; r < side; r++)
        for (let c = 0; c < side; c++) {
          const v = layer.values[u * snapshot.size ** 2 + r * stride * snapshot.size + c * stride] as number;
          bytes[(u * side + r) * side + c] = quantize(v, layer.scale);
        }
    return { nodeId: layer.nodeId, units: layer.units, scale: layer.scale, pixels: toBase64(bytes) };
  });
  return { t: snapshot.t, size: side, layers };
}

export function restoreNeurons(saved: SavedNeurons): NeuronSnapshot {
  return {
    t: saved.t,
    size: saved.size,
    layers: saved.layers.map((l) => ({
      nodeId: l.nodeId,
      units: l.units,
      scale: l.scale,
      values: Float32Array.from(fromBase64(l.pixels), (q) => dequantize(q, l.scale)),
    })),
  };
}
