import type { Padding } from './geometry.js';

/**
 * The output height of a window of f with stride s, as set, in LaTeX (the width follows the same
 * rule): same → n_H = ⌈n_H[l−1] / s⌉; valid → n_H = ⌊(n_H[l−1] − f) / s⌋ + 1; with s = 1 these are
 * n_H[l−1] and n_H[l−1] − f + 1.
 */
export function windowOutputFormula(padding: Padding, f: number, s: number): string {
  const before = 'n^{[l-1]}_H';
  const size =
    padding === 'same'
      ? s === 1
        ? before
        : `\\left\\lceil \\frac{${before}}{${s}} \\right\\rceil`
      : s === 1
        ? `${before} - ${f} + 1`
        : `\\left\\lfloor \\frac{${before} - ${f}}{${s}} \\right\\rfloor + 1`;
  return `n^{[l]}_H = ${size}`;
}
