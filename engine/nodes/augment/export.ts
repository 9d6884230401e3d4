import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import { pythonLiteral } from '../../export/python.js';
import type { AugmentParams } from './index.js';

const AUGMENT_CLASS = `class Augment(nn.Module):
    """Training batches only: a random whole-pixel shift of every image (zero fill), and an
    optional left-right flip of half of them. Images [m, h, w, c], or rows of h * w * c values."""

    def __init__(self, image_shape, max_shift, flip_horizontal):
        super().__init__()
        self.image_shape, self.max_shift, self.flip_horizontal = image_shape, max_shift, flip_horizontal

    def forward(self, x):
        s = self.max_shift
        if not self.training or (s == 0 and not self.flip_horizontal):
            return x
        m = x.shape[0]
        h, w, c = self.image_shape
        images = x.reshape(m, h, w, c)
        if self.flip_horizontal:
            flip = torch.rand(m, device=x.device) < 0.5
            images = torch.where(flip[:, None, None, None], images.flip(2), images)
        if s > 0:
            padded = F.pad(images, (0, 0, s, s, s, s))
            dy = torch.randint(0, 2 * s + 1, (m,), device=x.device)
            dx = torch.randint(0, 2 * s + 1, (m,), device=x.device)
            rows = dy[:, None] + torch.arange(h, device=x.device)
            cols = dx[:, None] + torch.arange(w, device=x.device)
            index = torch.arange(m, device=x.device)[:, None, None]
            images = padded[index, rows[:, :, None], cols[:, None, :]]
        return images.reshape(x.shape)
`;

/** Identity at inference (no ONNX node); PyTorch shifts and flips training batches as NetCanvas does. */
export const augmentExport: ExportLowering<AugmentParams, null> = {
  read: noNumbers,
  onnx: (_node, g) => g.input(0),
  pytorch: {
    classes: [{ name: 'Augment', code: AUGMENT_CLASS }],
    module({ params: p, inputShapes }) {
      const input = inputShapes[0] ?? [];
      const image = input.length === 3 ? input : [1, input[0] ?? 1, 1];
      return `Augment(${pythonLiteral(image)}, max_shift=${pythonLiteral(p.maxShift)}, flip_horizontal=${pythonLiteral(p.flipHorizontal)})`;
    },
    forward: (_node, [x], module) => `${module}(${x})`,
  },
};
