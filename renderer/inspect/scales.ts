/** A positive figure on a log axis from 10^lo to 10^hi, as 0…1 (clamped; 0 for 0 or none). */
export function logShare(x: number | null, lo: number, hi: number): number {
  if (x === null || !(x > 0)) return 0;
  if (!Number.isFinite(x)) return 1;
  return Math.min(1, Math.max(0, (Math.log10(x) - lo) / (hi - lo)));
}

/** 1.4e-9, 0.032, 12: three significant figures, exponent form outside 10⁻³…10⁴. */
export function compact(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a < 1e-3 || a >= 1e4 ? x.toExponential(1) : Number(x.toPrecision(3)).toString();
}

/** The update ratio's axis: 10⁻⁶ … 1, with the rule of thumb 10⁻³ in the middle. */
export const RATIO_AXIS = { lo: -6, hi: 0 } as const;
/** ‖dW‖'s axis: 10⁻⁸ … 10². */
export const GRAD_AXIS = { lo: -8, hi: 2 } as const;
