import type { BatchNormKernels } from '../../fast/kernels.js';
import type { FastLowering, FastLoweringContext, FastParameterSlot, FastPass } from '../../fast/lowering.js';
import type { BatchNormParams } from './index.js';

const f32 = Math.fround;

/**
 * BatchNorm on the fast executor, per channel (the last axis) over the rows and every position:
 * training uses the batch's μ and σ² (divided by N, not N − 1) and moves the raw EWAs
 * v := β·v + (1 − β)·x and the update count t; evaluation uses the bias-corrected v/(1 − βᵗ) (μ = 0,
 * σ² = 1 before any update), each rounded to float32 as the tf.js layer computes them, so the state
 * the executor syncs back is the tf.js layer's. z̃ = γ·x̂ + β with x̂ = (x − μ)/√(σ² + ε); backward:
 * dβ = Σ dz̃, dγ = Σ dz̃·x̂, dx = γ/(N·√(σ² + ε)) · (N·dz̃ − dβ − x̂·dγ). [rows, …, c] → same shape.
 * With the SIMD kernels and c a multiple of 4, the passes over the cells run there (kernels.batchNorm):
 * the same values, except dx, computed in float32 from dβ and dγ.
 */
class BatchNormLowering implements FastLowering {
  readonly outputActivation = null;
  gamma: Float32Array;
  beta: Float32Array;
  dGamma: Float32Array;
  dBeta: Float32Array;
  movingMean: Float32Array;
  movingVariance: Float32Array;
  /** The update count t, one float32 as the tf.js layer's `steps` variable. */
  steps: Float32Array;
  /** This pass's x̂ [rows, …, c], and √(σ² + ε) per channel. */
  xHat: Float32Array;
  std: Float32Array;
  /** For the SIMD passes (kernels.batchNorm): μ and σ² per channel, and backward's γ/(N·σ). */
  meanVector: Float32Array;
  varianceVector: Float32Array;
  scale: Float32Array;
  private readonly mean: Float64Array;
  private readonly variance: Float64Array;
  private readonly c: number;
  private readonly positions: number;

  constructor(
    private readonly params: BatchNormParams,
    ctx: FastLoweringContext,
  ) {
    const shape = ctx.layer.inputShapes[0] ?? [ctx.layer.inputFeatures];
    const c = shape[shape.length - 1] as number;
    this.c = c;
    this.positions = ctx.layer.inputFeatures / c;
    this.gamma = ctx.parameter('gamma', c);
    this.beta = ctx.parameter('beta', c);
    this.dGamma = new Float32Array(c);
    this.dBeta = new Float32Array(c);
    this.movingMean = ctx.state(0, c);
    this.movingVariance = ctx.state(1, c);
    this.steps = ctx.state(2, 1);
    this.xHat = new Float32Array(ctx.batchSize * ctx.layer.inputFeatures);
    this.std = new Float32Array(c);
    this.meanVector = new Float32Array(c);
    this.varianceVector = new Float32Array(c);
    this.scale = new Float32Array(c);
    this.mean = new Float64Array(c);
    this.variance = new Float64Array(c);
  }

  forward([input]: readonly Float32Array[], out: Float32Array, pass: FastPass): void {
    const x = input as Float32Array;
    const { c, mean, variance, std, xHat, gamma, beta } = this;
    const cells = pass.rows * this.positions;
    const simd = c % 4 === 0 ? pass.kernels.batchNorm : null;
    if (pass.training) this.batchStatistics(x, cells, simd);
    else this.testStatistics();
    const epsilon = f32(this.params.epsilon);
    for (let j = 0; j < c; j++) std[j] = Math.sqrt(f32((variance[j] as number) + epsilon));
    if (simd) {
      // The same float32 operations as the loop below, 4 channels at a time: bit for bit its values.
      this.meanVector.set(mean);
      simd.forward(x, this.meanVector, std, gamma, beta, xHat, out, cells, c);
      return;
    }
    for (let p = 0; p < cells; p++) {
      const o = p * c;
      for (let j = 0; j < c; j++) {
        const h = f32(f32((x[o + j] as number) - (mean[j] as number)) / (std[j] as number));
        xHat[o + j] = h;
        out[o + j] = f32(h * (gamma[j] as number)) + (beta[j] as number);
      }
    }
  }

  /**
   * μ and σ² of the batch, each rounded to float32 (the SIMD pass gives the same values), then the
   * EWAs and t move.
   */
  private batchStatistics(x: Float32Array, cells: number, simd: BatchNormKernels | null): void {
    const { c, mean, variance, movingMean, movingVariance } = this;
    if (simd) {
      simd.moments(x, cells, c, this.meanVector, this.varianceVector);
      mean.set(this.meanVector);
      variance.set(this.varianceVector);
    } else {
      mean.fill(0);
      variance.fill(0);
      for (let p = 0; p < cells; p++) for (let j = 0; j < c; j++) mean[j]! += x[p * c + j] as number;
      for (let j = 0; j < c; j++) mean[j] = f32((mean[j] as number) / cells);
      for (let p = 0; p < cells; p++) {
        for (let j = 0; j < c; j++) {
          const d = f32((x[p * c + j] as number) - (mean[j] as number));
          variance[j]! += d * d;
        }
      }
      for (let j = 0; j < c; j++) variance[j] = f32((variance[j] as number) / cells);
    }
    const keep = f32(this.params.momentum);
    const add = f32(1 - this.params.momentum);
    for (let j = 0; j < c; j++) {
      movingMean[j] = f32((movingMean[j] as number) * keep) + f32((mean[j] as number) * add);
      movingVariance[j] = f32((movingVariance[j] as number) * keep) + f32((variance[j] as number) * add);
    }
    this.steps[0] = (this.steps[0] as number) + 1;
  }

  /** The bias-corrected EWAs v/(1 − βᵗ); μ = 0, σ² = 1 before the first update. */
  private testStatistics(): void {
    const { c, mean, variance, movingMean, movingVariance } = this;
    const t = this.steps[0] as number;
    const correction = f32(1 - this.params.momentum ** t);
    for (let j = 0; j < c; j++) {
      mean[j] = t === 0 ? 0 : f32((movingMean[j] as number) / correction);
      variance[j] = t === 0 ? 1 : f32((movingVariance[j] as number) / correction);
    }
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    pass: FastPass,
  ): void {
    const { c, xHat, gamma, std, dGamma, dBeta, mean: sumD, variance: sumDxHat } = this;
    const cells = pass.rows * this.positions;
    const simd = c % 4 === 0 ? pass.kernels.batchNorm : null;
    if (simd) {
      // dβ and dγ as the loop below gives them; dx in float32 from them (the loop: float64 sums).
      simd.sums(d, xHat, cells, c, dBeta, dGamma);
      if (!dx) return;
      for (let j = 0; j < c; j++) this.scale[j] = (gamma[j] as number) / ((std[j] as number) * cells);
      simd.backward(d, xHat, this.scale, dBeta, dGamma, dx, cells, c);
      return;
    }
    // μ and σ² are not needed any more: their buffers hold Σ dz̃ and Σ dz̃·x̂ in float64.
    sumD.fill(0);
    sumDxHat.fill(0);
    for (let p = 0; p < cells; p++) {
      const o = p * c;
      for (let j = 0; j < c; j++) {
        const g = d[o + j] as number;
        sumD[j]! += g;
        sumDxHat[j]! += g * (xHat[o + j] as number);
      }
    }
    for (let j = 0; j < c; j++) {
      dBeta[j] = sumD[j] as number;
      dGamma[j] = sumDxHat[j] as number;
    }
    if (!dx) return;
    for (let p = 0; p < cells; p++) {
      const o = p * c;
      for (let j = 0; j < c; j++) {
        const scale = (gamma[j] as number) / ((std[j] as number) * cells);
        const centred = cells * (d[o + j] as number) - (sumD[j] as number);
        dx[o + j] = scale * (centred - (xHat[o + j] as number) * (sumDxHat[j] as number));
      }
    }
  }

  parameters(): FastParameterSlot[] {
    return [
      { name: 'gamma', values: this.gamma, gradient: this.dGamma, l2: 0, l1: 0 },
      { name: 'beta', values: this.beta, gradient: this.dBeta, l2: 0, l1: 0 },
    ];
  }

  state(): Float32Array[] {
    return [this.movingMean, this.movingVariance, this.steps];
  }
}

export const batchNormFast = (params: BatchNormParams, ctx: FastLoweringContext): FastLowering =>
  new BatchNormLowering(params, ctx);
