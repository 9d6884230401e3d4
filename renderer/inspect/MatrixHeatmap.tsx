import { memo, useEffect, useRef, useState } from 'react';
import type { MatrixBlock } from '../../engine/inspect/matrix';
import { useTrainingT } from '../training/hooks';
import { divergingPixels, largestMagnitude, logErrorPixels } from './heat';
import { compact } from './scales';

/** Largest side drawn in CSS pixels; cells are whole pixels, 1 … 24 each. */
const DRAWN_SIDE = 256;

/**
 * One matrix as a heat map: values on a diverging scale centred at 0 (`diverging`) or relative errors
 * on a log scale (`log`), its range printed under it, the entry under the pointer named.
 */
export const MatrixHeatmap = memo(function MatrixHeatmap({
  name,
  matrix,
  scale,
  testId,
}: {
  name: string;
  matrix: MatrixBlock;
  scale: 'diverging' | 'log';
  testId: string;
}) {
  const t = useTrainingT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const { rows, cols, values } = matrix;
  const cell = Math.max(1, Math.min(24, Math.floor(DRAWN_SIDE / Math.max(rows, cols))));
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const pixels =
      scale === 'log' ? logErrorPixels(values) : divergingPixels(values, largestMagnitude(values));
    ctx.putImageData(new ImageData(pixels, cols, rows), 0, 0);
  }, [values, rows, cols, scale]);
  const finite = [...values].filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : Number.NaN;
  const hi = finite.length ? Math.max(...finite) : Number.NaN;
  const value = hover ? values[hover.row * cols + hover.col] : undefined;
  return (
    <figure className="nc-matrix" data-testid={testId} data-rows={rows} data-cols={cols}>
      <figcaption>{name}</figcaption>
      <canvas
        ref={canvas}
        className="nc-pixels"
        width={cols}
        height={rows}
        style={{ width: cols * cell, height: rows * cell }}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const row = Math.min(rows - 1, Math.floor((e.clientY - box.top) / cell));
          const col = Math.min(cols - 1, Math.floor((e.clientX - box.left) / cell));
          setHover({ row: Math.max(0, row), col: Math.max(0, col) });
        }}
        onMouseLeave={() => setHover(null)}
      />
      <div className="nc-matrix__range" data-testid={`${testId}-range`}>
        {t('stepWeights.range', { lo: compact(lo), hi: compact(hi) })}
      </div>
      <div className="nc-matrix__hover" data-testid={`${testId}-hover`}>
        {hover && value !== undefined
          ? t('stepWeights.hover', { name, row: hover.row, col: hover.col, value: compact(value) })
          : ' '}
      </div>
    </figure>
  );
});
