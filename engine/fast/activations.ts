import type { ActivationName } from '../model/activations.js';

/**
 * The element-wise non-linearities on flat Float32Arrays, for the lowerings that end in one (Dense,
 * Conv2D, Activation). The backward pass reads only the output a = g(z): for ReLU and leaky ReLU,
 * a > 0 exactly where z > 0 (α ≥ 0), so z need not be kept.
 */

export function sigmoid(v: number): number {
  return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
}

/** out := g(z) over the first n values (z and out may be one buffer). */
export function activate(
  g: ActivationName,
  alpha: number,
  z: Float32Array,
  out: Float32Array,
  n: number,
): void {
  switch (g) {
    case 'linear':
      if (out !== z) out.set(z.subarray(0, n));
      break;
    case 'relu':
      for (let e = 0; e < n; e++) out[e] = Math.max(z[e] as number, 0);
      break;
    case 'leakyRelu':
      for (let e = 0; e < n; e++) {
        const v = z[e] as number;
        out[e] = v > 0 ? v : alpha * v;
      }
      break;
    case 'tanh':
      for (let e = 0; e < n; e++) out[e] = Math.tanh(z[e] as number);
      break;
    case 'sigmoid':
      for (let e = 0; e < n; e++) out[e] = sigmoid(z[e] as number);
      break;
  }
}

/** d := d · g′(z), in place over the first n values, from the output a = g(z). */
export function activationBackward(
  g: ActivationName,
  alpha: number,
  a: Float32Array,
  d: Float32Array,
  n: number,
): void {
  switch (g) {
    case 'linear':
      break;
    case 'relu':
      for (let e = 0; e < n; e++) if (!((a[e] as number) > 0)) d[e] = 0;
      break;
    case 'leakyRelu':
      for (let e = 0; e < n; e++) if (!((a[e] as number) > 0)) d[e] = (d[e] as number) * alpha;
      break;
    case 'tanh':
      for (let e = 0; e < n; e++) {
        const v = a[e] as number;
        d[e] = (d[e] as number) * (1 - v * v);
      }
      break;
    case 'sigmoid':
      for (let e = 0; e < n; e++) {
        const v = a[e] as number;
        d[e] = (d[e] as number) * v * (1 - v);
      }
      break;
  }
}
