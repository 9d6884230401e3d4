import { memo, useEffect, useRef } from 'react';
import { imagePixels } from './pixels';

/**
 * A small image ([h, w, c] values) drawn pixel for pixel and scaled up by CSS without smoothing:
 * a wrong example, or a filter's weights.
 */
export const ImageCanvas = memo(function ImageCanvas({
  values,
  shape,
  size,
  testId,
  title,
}: {
  values: ArrayLike<number>;
  shape: readonly [number, number, number];
  /** Displayed width and height in CSS pixels. */
  size: number;
  testId?: string;
  title?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(imagePixels(values, shape), shape[1], shape[0]), 0, 0);
  }, [values, shape]);
  return (
    <canvas
      ref={canvas}
      className="nc-pixels"
      width={shape[1]}
      height={shape[0]}
      style={{ width: size, height: size }}
      data-testid={testId}
      title={title}
    />
  );
});
