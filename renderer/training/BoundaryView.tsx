import { memo, useRef } from 'react';
import { useFrameLoop, useTrainingT } from './hooks';
import { boundaryKey } from './redraw';
import type { ReplayCursor } from './replay';
import type { BoundarySnapshot, RunRecord } from './runRecord';

const CLASS_RGB: [number, number, number][] = [
  [28, 126, 214],
  [232, 89, 12],
  [47, 158, 68],
  [174, 62, 201],
  [245, 159, 0],
  [12, 133, 153],
  [230, 73, 128],
  [121, 80, 242],
  [102, 168, 15],
  [73, 80, 87],
];
const rgb = (c: number) => CLASS_RGB[c % CLASS_RGB.length] as [number, number, number];
const SIZE = 320;

/** Paints the probability field: for one output, blue (class 0) to orange (class 1) through white. */
function paintField(ctx: CanvasRenderingContext2D, boundary: BoundarySnapshot): void {
  const { size, probability, classes } = boundary;
  const image = ctx.createImageData(size, size);
  const binary = classes.every((c) => c === 0 || c === 1) && probability.some((p) => p < 0.5);
  for (let i = 0; i < size * size; i++) {
    const p = probability[i] as number;
    let color: [number, number, number];
    let strength: number;
    if (binary) {
      color = rgb(p >= 0.5 ? 1 : 0);
      strength = Math.abs(p - 0.5) * 2;
    } else {
      color = rgb(classes[i] as number);
      strength = p;
    }
    const a = 0.12 + 0.5 * strength;
    image.data[i * 4] = Math.round(255 * (1 - a) + color[0] * a);
    image.data[i * 4 + 1] = Math.round(255 * (1 - a) + color[1] * a);
    image.data[i * 4 + 2] = Math.round(255 * (1 - a) + color[2] * a);
    image.data[i * 4 + 3] = 255;
  }
  const tmp = new OffscreenCanvas(size, size);
  tmp.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tmp, 0, 0, SIZE, SIZE);
}

function paintPoints(ctx: CanvasRenderingContext2D, points: NonNullable<RunRecord['points']>): void {
  const { bounds } = points;
  const sx = (x: number) => ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * SIZE;
  const sy = (y: number) => ((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * SIZE;
  for (const set of points.sets) {
    for (let i = 0; i < set.y.length; i++) {
      const [r, g, b] = rgb(set.y[i] as number);
      ctx.beginPath();
      ctx.arc(
        sx(set.x[i * 2] as number),
        sy(set.x[i * 2 + 1] as number),
        set.split === 'train' ? 3 : 3.5,
        0,
        Math.PI * 2,
      );
      if (set.split === 'train') {
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.fill();
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.lineWidth = 0.8;
        ctx.stroke();
      } else {
        ctx.strokeStyle = `rgb(${r},${g},${b})`;
        ctx.lineWidth = 1.6;
        ctx.stroke();
      }
    }
  }
}

/**
 * The decision boundary of 2-D data (as the course's plot_decision_boundary and TF Playground): the
 * model's predicted probability over the plane, the training points filled, the dev points as rings.
 */
export const BoundaryView = memo(function BoundaryView({
  run,
  cursor,
}: {
  run: RunRecord;
  tick: number;
  /** The replay: the boundary recorded at its t, or the newest while it follows the run. */
  cursor?: ReplayCursor;
}) {
  const t = useTrainingT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef('');
  useFrameLoop(() => {
    const ctx = canvas.current?.getContext('2d');
    const at = cursor?.timeOf(run) ?? null;
    const shown = at === null ? run.boundary : (run.boundaries.at(at)?.value ?? null);
    const key = `${boundaryKey(run)}|${shown?.t ?? -1}`;
    if (!ctx || !run.points || drawn.current === key) return;
    drawn.current = key;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (shown) paintField(ctx, shown);
    paintPoints(ctx, run.points);
    canvas.current?.setAttribute('data-boundary-t', String(shown?.t ?? -1));
  });
  if (run.saved) return <div className="nc-boundary-none">{t('train.savedRunBoundary')}</div>;
  if (!run.points && run.start) return <div className="nc-boundary-none">{t('train.boundaryNone')}</div>;
  return (
    <figure className="nc-boundary">
      <figcaption>{t('train.boundary')}</figcaption>
      <canvas ref={canvas} width={SIZE} height={SIZE} data-testid="boundary" data-boundary-t="-1" />
    </figure>
  );
});
