/** A flag's whole-number value (≥ min), undefined when absent, or the message for a wrong one. */
export function wholeNumber(name: string, value: unknown, min: number): number | undefined | string {
  if (value === undefined) return undefined;
  const n = Number(value);
  return typeof value === 'string' && Number.isInteger(n) && n >= min
    ? n
    : `--${name} takes a whole number ≥ ${min}, not "${String(value)}".`;
}
