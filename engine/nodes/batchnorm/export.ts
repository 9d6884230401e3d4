import { type ExportLowering, exportedWeights, floats } from '../../export/lowering.js';
import { pythonLiteral } from '../../export/python.js';
import type { BatchNormParams } from './index.js';

/** One value per unit (per channel after a convolution). */
export interface BatchNormNumbers {
  gamma: Float32Array;
  beta: Float32Array;
  /** Test-time μ and σ²: the bias-corrected averages v/(1 − βᵗ) (graph-format.md, "Batch norm"). */
  mean: Float32Array;
  variance: Float32Array;
  /** The raw averages and t, so training can go on where it stopped. */
  movingMean: Float32Array;
  movingVariance: Float32Array;
  steps: number;
}

const BATCH_NORM_CLASS = `class BatchNorm(nn.Module):
    """Spec section 12, per unit (per channel of images, the last axis): batch statistics (biased
    variance) while training; at test time the bias-corrected averages v / (1 - momentum^t)."""

    def __init__(self, units, epsilon, momentum):
        super().__init__()
        self.epsilon, self.momentum = epsilon, momentum
        self.gamma = nn.Parameter(torch.ones(units))
        self.beta = nn.Parameter(torch.zeros(units))
        self.register_buffer('moving_mean', torch.zeros(units))
        self.register_buffer('moving_variance', torch.zeros(units))
        self.register_buffer('steps', torch.zeros((), dtype=torch.int64))

    def forward(self, z):
        if self.training:
            dims = tuple(range(z.dim() - 1))
            mean = z.mean(dims)
            variance = z.var(dims, unbiased=False)
            with torch.no_grad():
                self.moving_mean.mul_(self.momentum).add_(mean, alpha=1 - self.momentum)
                self.moving_variance.mul_(self.momentum).add_(variance, alpha=1 - self.momentum)
                self.steps += 1
        else:
            t = int(self.steps)
            if t == 0:
                mean, variance = torch.zeros_like(self.moving_mean), torch.ones_like(self.moving_variance)
            else:
                correction = 1 - self.momentum ** t
                mean, variance = self.moving_mean / correction, self.moving_variance / correction
        return (z - mean) / torch.sqrt(variance + self.epsilon) * self.gamma + self.beta
`;

/**
 * ONNX BatchNormalization in inference mode with the test-time statistics. It normalizes axis 1, so
 * images go channels first ([m, c, h, w]; the emitter transposes once, and a Conv before it already
 * is); [m, n] is [N, C] as it stands. PyTorch keeps the raw averages and t so training goes on.
 */
export const batchNormExport: ExportLowering<BatchNormParams, BatchNormNumbers> = {
  async read(layer) {
    const [gamma, beta, mean, variance] = (await exportedWeights(layer)) as Float32Array[];
    const [movingMean, movingVariance, steps] = layer.state;
    return {
      gamma: gamma as Float32Array,
      beta: beta as Float32Array,
      mean: mean as Float32Array,
      variance: variance as Float32Array,
      movingMean: await floats(movingMean!),
      movingVariance: await floats(movingVariance!),
      steps: (await steps!.data())[0] as number,
    };
  },
  onnx({ numbers: n, params }, g) {
    const x = g.input(0, 'channelsFirst');
    const units = [n.gamma.length];
    const inputs = [
      x.name,
      g.constant('gamma', units, n.gamma),
      g.constant('beta', units, n.beta),
      g.constant('mean', units, n.mean),
      g.constant('variance', units, n.variance),
    ];
    const y = g.op('BatchNormalization', inputs, [{ name: 'epsilon', float: params.epsilon }]);
    return { name: y, layout: x.layout };
  },
  pytorch: {
    classes: [{ name: 'BatchNorm', code: BATCH_NORM_CLASS }],
    module: ({ numbers, params: p }) =>
      `BatchNorm(${numbers.gamma.length}, epsilon=${pythonLiteral(p.epsilon)}, momentum=${pythonLiteral(p.momentum)})`,
    state({ numbers: n }) {
      const units = [n.gamma.length];
      return [
        { name: 'gamma', dtype: 'F32', shape: units, data: n.gamma },
        { name: 'beta', dtype: 'F32', shape: units, data: n.beta },
        { name: 'moving_mean', dtype: 'F32', shape: units, data: n.movingMean },
        { name: 'moving_variance', dtype: 'F32', shape: units, data: n.movingVariance },
        { name: 'steps', dtype: 'I64', shape: [], data: BigInt64Array.of(BigInt(n.steps)) },
      ];
    },
    forward: (_node, [x], module) => `${module}(${x})`,
  },
};
