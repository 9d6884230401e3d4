import { detailed, error, type Problem } from '../../problems.js';
import { formatTensorShape, imageDims, shapeOf, UNKNOWN_SHAPE } from '../shape.js';
import type { ShapeResult, TensorShape } from '../types.js';
import { type Padding, windowGeometry } from './geometry.js';

/**
 * The shape rule shared by Conv2D and the pooling layers: an image [h, w, c] under a k×k window
 * with stride s → [h', w', channels]. Problems: the input is not an image; with 'valid' padding the
 * window is larger than the image (nothing to slide over).
 */
export function windowShape(
  input: TensorShape,
  window: { size: number; stride: number; padding: Padding; channels: number | null },
  ctx: { nodeId: string; kind: string; what: string; param: string },
): ShapeResult {
  if (input.dims === null) return { shape: UNKNOWN_SHAPE, problems: [] };
  const image = imageDims(input);
  if (!image) {
    const convolution = ctx.kind === 'Conv2D';
    const problem = detailed(
      error(
        'SHAPE_MISMATCH',
        ctx.nodeId,
        `${ctx.kind} slides over images [m, h, w, c], but its input is ${formatTensorShape(input)}. Connect it to image data (digits, Fashion-MNIST, an image folder) or another ${convolution ? 'convolution' : 'image layer'}.`,
      ),
      convolution ? 'convNeedsImages' : 'poolNeedsImages',
      { kind: ctx.kind, shape: formatTensorShape(input) },
    );
    return { shape: UNKNOWN_SHAPE, problems: [problem] };
  }
  const [h, w, c] = image;
  const { size, stride, padding } = window;
  const problems: Problem[] = [];
  if (padding === 'valid' && (size > h || size > w)) {
    problems.push(
      detailed(
        error(
          'KERNEL_TOO_LARGE',
          ctx.nodeId,
          `The ${size}×${size} ${ctx.what} is larger than its ${h}×${w} input; use padding "same" or a ${ctx.what} of at most ${Math.min(h, w)}.`,
          ctx.param,
        ),
        ctx.what === 'kernel' ? 'kernelTooLarge' : 'windowTooLarge',
        { size, h, w, most: Math.min(h, w) },
      ),
    );
    return { shape: UNKNOWN_SHAPE, problems };
  }
  const g = windowGeometry(h, w, size, size, stride, stride, padding);
  return { shape: shapeOf([g.outH, g.outW, window.channels ?? c]), problems };
}
