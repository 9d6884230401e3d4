/**
 * A running sum that keeps the low-order bits each addition rounds away (Neumaier's compensated
 * summation). A two-sided difference with ε = 1e-7 is limited by J's rounding error — the error of
 * (J₊ − J₋)/(2ε) is about (error of J)/ε — and a plain running sum of m_b losses or of every w²
 * loses several ulps; compensated, J is good to about one ulp.
 */
export interface Accumulator {
  add(value: number): void;
  readonly value: number;
}

export function accumulator(): Accumulator {
  let sum = 0;
  let lost = 0;
  return {
    add(v) {
      const t = sum + v;
      lost += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    },
    get value() {
      return sum + lost;
    },
  };
}
