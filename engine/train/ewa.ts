/**
 * Exponentially weighted average (spec §7): v₀ = 0, v_t = β v_{t−1} + (1 − β) θ_t, and with bias
 * correction v_t / (1 − βᵗ). It averages over about 1/(1 − β) values; without the correction the
 * early values are pulled toward 0.
 */
export interface Ewa {
  /** Adds θ_t and returns the (corrected, if asked) average. */
  push(value: number): number;
  readonly t: number;
}

export function createEwa(beta: number, biasCorrection = true): Ewa {
  let v = 0;
  let t = 0;
  return {
    push(value) {
      t += 1;
      v = beta * v + (1 - beta) * value;
      return biasCorrection ? v / (1 - beta ** t) : v;
    },
    get t() {
      return t;
    },
  };
}

/** The whole smoothed series of `values`, e.g. to redraw a chart with another β. */
export function smoothSeries(values: readonly number[], beta: number, biasCorrection = true): number[] {
  const ewa = createEwa(beta, biasCorrection);
  return values.map((v) => ewa.push(v));
}
