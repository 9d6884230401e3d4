/**
 * The largest values the CLI takes for its counts. Past these a run would not end in a lifetime on any
 * machine (a million epochs of the smallest preset is hours), so a larger value is a typo, refused with
 * the limit in the message rather than accepted with an ETA of years.
 */
export const LIMITS = {
  epochs: 1_000_000,
  trials: 10_000,
  rounds: 100,
  keep: 10_000,
  examples: 100_000,
  'layer-stats-every': 1_000_000,
  // Seeds are 32-bit (the trainer's PRNG state).
  seed: 2 ** 32 - 1,
} as const;

/**
 * A flag's whole-number value in [min, max], undefined when absent, or the message for a wrong one.
 * `wholeNumber('epochs', '12', 1)` → 12; `wholeNumber('epochs', '-5', 1)` → '--epochs takes …, not "-5".'
 */
export function wholeNumber(
  name: keyof typeof LIMITS,
  value: unknown,
  min: number,
  max: number = LIMITS[name],
): number | undefined | string {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  return `--${name} takes a whole number from ${min} to ${max}, not "${String(value)}".`;
}
