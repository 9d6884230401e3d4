import { memo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type LayerPictures, PICTURED_UNITS } from '../../engine/inspect/neurons';
import { useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import { useFrameLoop } from '../training/hooks';
import type { RunRecord } from '../training/runRecord';
import { selectActiveRun } from '../training/trainingSlice';
import { heatPixels } from './heat';
import { neuronSnapshot } from './savedNeurons';
import './inspect.css';

const SMALL = 24;
const LARGE = 160;

/** This node's pictures in the run's latest boundary snapshot, if it has any. */
const picturesOf = (run: RunRecord | null, nodeId: string): LayerPictures | undefined =>
  neuronSnapshot(run)?.layers.find((l) => l.nodeId === nodeId);

/** Paints unit `unit` of `layer` into `canvas` (its pixel size is the grid's). */
function paintUnit(canvas: HTMLCanvasElement | null, layer: LayerPictures, size: number, unit: number): void {
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  ctx.putImageData(
    new ImageData(heatPixels(layer.values, unit * size * size, size, layer.scale), size, size),
    0,
    0,
  );
}

/**
 * Every unit of a hidden layer pictured over the input plane, as small heat maps on its node card
 * (as TF Playground draws its neurons); hovering one shows it large. Drawn from the active run's
 * latest boundary snapshot, repainted when a new one arrives; nothing for other layers or data.
 */
export const NeuronPictures = memo(function NeuronPictures({ nodeId }: { nodeId: string }) {
  const total = useApp((s) => picturesOf(selectActiveRun(s), nodeId)?.units ?? 0);
  // Cards without pictures (most of them) mount nothing, and so run no frame loop.
  return total ? <PictureStrip nodeId={nodeId} total={total} /> : null;
});

/** The pictures of a layer with `total` units, repainted when a new snapshot arrives. */
function PictureStrip({ nodeId, total }: { nodeId: string; total: number }) {
  const t = useT();
  const store = useAppStoreApi();
  const count = Math.min(total, PICTURED_UNITS);
  // The hovered unit and where its large picture goes: under it, at the screen's scale (a portal,
  // so the canvas's zoom does not shrink it).
  const [hover, setHover] = useState<{ unit: number; left: number; top: number } | null>(null);
  const hovered = hover?.unit ?? null;
  const small = useRef<(HTMLCanvasElement | null)[]>([]);
  const large = useRef<HTMLCanvasElement>(null);
  const drawn = useRef('');
  useFrameLoop(() => {
    const run = selectActiveRun(store.getState());
    const layer = picturesOf(run, nodeId);
    const snapshot = neuronSnapshot(run);
    const size = snapshot?.size ?? 0;
    const key = `${run?.id}:${snapshot?.t}:${hovered}`;
    if (!layer || drawn.current === key) return;
    drawn.current = key;
    small.current.forEach((canvas, unit) => {
      paintUnit(canvas, layer, size, unit);
      canvas?.setAttribute('data-t', String(snapshot?.t ?? -1));
    });
    if (hovered !== null) paintUnit(large.current, layer, size, hovered);
  });
  const size = neuronSnapshot(selectActiveRun(store.getState()))?.size ?? 1;
  return (
    <div className="nc-neurons nodrag" data-testid={`neurons-${nodeId}`}>
      {Array.from({ length: count }, (_, unit) => (
        <canvas
          // biome-ignore lint/suspicious/noArrayIndexKey: a unit is its index
          key={unit}
          ref={(el) => {
            small.current[unit] = el;
          }}
          width={size}
          height={size}
          style={{ width: SMALL, height: SMALL }}
          data-testid="neuron"
          data-t="-1"
          title={t('inspect.neuron', { unit: unit + 1 })}
          onMouseEnter={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            setHover({ unit, left: box.left, top: box.bottom + 4 });
          }}
          onMouseLeave={() => setHover(null)}
        />
      ))}
      {total > count && <span className="nc-neurons__more">+{total - count}</span>}
      {hover &&
        createPortal(
          <figure
            className="nc-neurons__large"
            data-testid={`neuron-large-${nodeId}`}
            style={{ left: hover.left, top: hover.top }}
          >
            <canvas ref={large} width={size} height={size} style={{ width: LARGE, height: LARGE }} />
            <figcaption>{t('inspect.neuron', { unit: hover.unit + 1 })}</figcaption>
          </figure>,
          document.body,
        )}
    </div>
  );
}
