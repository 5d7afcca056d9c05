/**
 * The few statistics the bench prints: a median with its spread, never a best-of, so a figure
 * says how much it moved between rounds on a shared machine.
 */

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The q-quantile of `xs` (0 ≤ q ≤ 1), linear between ranks. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (at - lo);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** [min, max], rounded to two decimals: the spread printed next to a median. */
export function spread(xs: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [round2(lo), round2(hi)];
}

/** [first quartile, third quartile], rounded. */
export function iqr(xs: readonly number[]): [number, number] {
  return [round2(quantile(xs, 0.25)), round2(quantile(xs, 0.75))];
}

/**
 * Collects garbage now, when node runs with --expose-gc (the bench starts every section so), so a
 * round does not pay for the garbage of the one before. Returns false when it cannot.
 */
export function forceGc(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}

/** Least-squares slope of log2(y) against log2(x): 1 for linear growth, 2 for quadratic. */
export function logSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log2);
  const ly = ys.map(Math.log2);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  lx.forEach((x, i) => {
    num += (x - mx) * ((ly[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}
