/**
 * Arrays of notes kept in path order (the order the index has always shown notes in: plain string
 * comparison): found by bisection and merged. path-list.ts keeps them in chunks.
 */

export interface HasPath {
  readonly path: string;
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the first item whose path is ≥ `path` (where it is, or where it would go). */
export function lowerBound(items: readonly HasPath[], path: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as HasPath).path < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of two path-ordered arrays in path order, an item found in both given once. */
export function mergeByPath<T extends HasPath>(a: readonly T[], b: readonly T[]): T[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (x.path === y.path) {
      out.push(x);
      i++;
      j++;
    } else if (x.path < y.path) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}
