import { memo } from 'react';
import type { LayersEvent } from '../../engine/train/events';

const WIDTH = 96;
const HEIGHT = 24;
/** The last this many measurements, one column each. */
const COLUMNS = 48;

/**
 * A layer's activation distribution over time, as TensorBoard draws it: per measurement (left to
 * right) the bands min–max, ±2σ, ±1σ (percentiles 0/100, 6.68/93.32, 15.87/84.13, 30.85/69.15)
 * darker towards the median.
 */
export const DistributionStrip = memo(function DistributionStrip({
  events,
  nodeId,
}: {
  events: readonly LayersEvent[];
  nodeId: string;
}) {
  const columns = events
    .slice(-COLUMNS)
    .map((e) => e.layers.find((l) => l.id === nodeId)?.activationPercentiles ?? [])
    .filter((p) => p.length === 9 && p.every(Number.isFinite));
  const values = columns.flat();
  const lo = Math.min(...values, 0);
  const hi = Math.max(...values, lo + 1e-9);
  const y = (v: number) => HEIGHT - 1 - ((v - lo) / (hi - lo)) * (HEIGHT - 2);
  const w = WIDTH / COLUMNS;
  const bands: [number, number, number][] = [
    [0, 8, 0.18],
    [1, 7, 0.3],
    [2, 6, 0.45],
    [3, 5, 0.65],
  ];
  return (
    <svg className="nc-strip" width={WIDTH} height={HEIGHT} role="img" aria-label={`${nodeId} activations`}>
      {columns.map((p, i) =>
        bands.map(([a, b, opacity]) => (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in time.
            key={`${i}-${a}`}
            x={i * w}
            width={w + 0.5}
            y={y(p[b] as number)}
            height={Math.max(0.5, y(p[a] as number) - y(p[b] as number))}
            fill="var(--accent, #2b6cb0)"
            opacity={opacity}
          />
        )),
      )}
    </svg>
  );
});
