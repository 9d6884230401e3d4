/**
 * The spec's optimizer steps (§8) on one parameter tensor, as the fast executor's kernels run them:
 * these JS loops (float64 arithmetic, each value rounded to float32 once, when stored), or the
 * WebAssembly SIMD ones of wasm/elementwise.wat (float32 throughout). w, dw, v and s have one
 * length: W [784×256] gives 200704 values each. v and s start at 0.
 */
export interface StepKernels {
  /** Gradient descent: W := W − α dW. */
  gd(w: Float32Array, dw: Float32Array, lr: number): void;
  /** Momentum: v := βv + (1 − β)dW; W := W − α v. */
  momentum(w: Float32Array, dw: Float32Array, v: Float32Array, beta: number, lr: number): void;
  /** RMSprop: s := β₂s + (1 − β₂)dW²; W := W − α dW/√(s + ε). */
  rmsprop(
    w: Float32Array,
    dw: Float32Array,
    s: Float32Array,
    beta2: number,
    epsilon: number,
    lr: number,
  ): void;
  /**
   * Adam: v := β₁v + (1 − β₁)dW; s := β₂s + (1 − β₂)dW²; W := W − α v̂/√(ŝ + ε) with the bias-corrected
   * v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ); t counts the updates, this one included.
   */
  adam(
    w: Float32Array,
    dw: Float32Array,
    v: Float32Array,
    s: Float32Array,
    moments: AdamMoments,
    lr: number,
    t: number,
  ): void;
}

export interface AdamMoments {
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const jsSteps: StepKernels = {
  gd(w, dw, lr) {
    for (let e = 0; e < w.length; e++) w[e]! -= lr * (dw[e] as number);
  },

  momentum(w, dw, v, beta, lr) {
    for (let e = 0; e < w.length; e++) {
      const ve = beta * (v[e] as number) + (1 - beta) * (dw[e] as number);
      v[e] = ve;
      w[e]! -= lr * ve;
    }
  },

  rmsprop(w, dw, s, beta2, epsilon, lr) {
    for (let e = 0; e < w.length; e++) {
      const g = dw[e] as number;
      const se = beta2 * (s[e] as number) + (1 - beta2) * g * g;
      s[e] = se;
      w[e]! -= (lr * g) / Math.sqrt(se + epsilon);
    }
  },

  adam(w, dw, v, s, { beta1, beta2, epsilon }, lr, t) {
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let e = 0; e < w.length; e++) {
      const g = dw[e] as number;
      const ve = beta1 * (v[e] as number) + (1 - beta1) * g;
      const se = beta2 * (s[e] as number) + (1 - beta2) * g * g;
      v[e] = ve;
      s[e] = se;
      w[e]! -= (lr * (ve / c1)) / Math.sqrt(se / c2 + epsilon);
    }
  },
};
