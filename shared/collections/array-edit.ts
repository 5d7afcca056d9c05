/**
 * Adding many items to an array without a spread. `arr.push(...items)` and
 * `arr.splice(i, n, ...items)` pass every item as a call argument, and past about 125 k items that
 * overflows the stack (200 k month headings gave no plan; a 130 k-task index threw on every edit).
 * The lint rule in eslint.config.mjs keeps the spread form out.
 */

/** Appends `items` to `target` in order; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** `target.splice(start, deleteCount, ...items)` for any number of items, in place. */
export function spliceAll<T>(target: T[], start: number, deleteCount: number, items: readonly T[]): void {
  const tail = target.slice(start + deleteCount);
  target.length = Math.min(start, target.length);
  pushAll(target, items);
  pushAll(target, tail);
}

/** Math.max(floor, ...values) without the spread, which overflows on big arrays. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let best = floor;
  for (const v of values) if (v > best) best = v;
  return best;
}

/** Math.min(ceiling, ...values) without the spread. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let best = ceiling;
  for (const v of values) if (v < best) best = v;
  return best;
}
