/** Small numeric helpers shared by the sections. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds for the report; the raw figures stay precise enough to compare runs. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `value / baseline`, or null when the baseline is zero (a ratio would be meaningless). */
export function ratio(value: number, baseline: number): number | null {
  return baseline === 0 ? null : round(value / baseline, 3);
}
