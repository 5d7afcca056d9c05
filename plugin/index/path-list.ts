/**
 * An immutable list of items in path order, kept in chunks so a changed item costs a copy of its
 * chunk and of the chunk pointers, not of the whole list. The index keeps every plan note in one
 * and each month's notes in another; with a flat array every change copied them all, a cost that
 * grew with the vault.
 *
 * Chunks hold at most 2 × `chunkSize` items (a fuller one is split in two); an emptied chunk goes.
 */
import { lowerBound, type HasPath } from "./sorted-by-path";

/** Items a chunk is cut to: a change copies about this many pointers plus one per chunk. */
export const CHUNK_SIZE = 64;

export class PathList<T extends HasPath> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    /** Items in all. */
    readonly size: number,
    private readonly chunkSize: number,
  ) {}

  /** A list of `sorted` (already in path order, one item per path). */
  static of<T extends HasPath>(sorted: readonly T[], chunkSize = CHUNK_SIZE): PathList<T> {
    const chunks: T[][] = [];
    for (let at = 0; at < sorted.length; at += chunkSize) chunks.push(sorted.slice(at, at + chunkSize));
    return new PathList(chunks, sorted.length, chunkSize);
  }

  static empty<T extends HasPath>(chunkSize = CHUNK_SIZE): PathList<T> {
    return new PathList<T>([], 0, chunkSize);
  }

  /** The item with this path, if any. */
  get(path: string): T | undefined {
    const chunk = this.chunks[this.chunkFor(path)];
    if (!chunk) return undefined;
    const found = chunk[lowerBound(chunk, path)];
    return found?.path === path ? found : undefined;
  }

  /** This list with `item` in its place (replacing the item of the same path, if any). */
  with(item: T): PathList<T> {
    const at = this.chunkFor(item.path);
    const old = this.chunks[at];
    if (!old) return new PathList([[item]], 1, this.chunkSize);
    const chunk = old.slice();
    const i = lowerBound(chunk, item.path);
    const replaces = chunk[i]?.path === item.path;
    if (replaces) chunk[i] = item;
    else chunk.splice(i, 0, item);
    const chunks = this.chunks.slice();
    if (chunk.length > 2 * this.chunkSize) chunks.splice(at, 1, chunk.slice(0, this.chunkSize), chunk.slice(this.chunkSize));
    else chunks[at] = chunk;
    return new PathList(chunks, this.size + (replaces ? 0 : 1), this.chunkSize);
  }

  /** This list without the item of this path (itself when there is none). */
  without(path: string): PathList<T> {
    const at = this.chunkFor(path);
    const old = this.chunks[at];
    if (!old) return this;
    const i = lowerBound(old, path);
    if (old[i]?.path !== path) return this;
    const chunks = this.chunks.slice();
    if (old.length === 1) chunks.splice(at, 1);
    else chunks[at] = old.slice(0, i).concat(old.slice(i + 1));
    return new PathList(chunks, this.size - 1, this.chunkSize);
  }

  /** Every item, in path order, in a new array. */
  toArray(): T[] {
    const out: T[] = [];
    for (const chunk of this.chunks) for (const item of chunk) out.push(item);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }

  /** The chunk a path is in or goes into: the first whose last path is ≥ it, else the last. */
  private chunkFor(path: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid] as readonly T[];
      if ((chunk[chunk.length - 1] as T).path < path) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, this.chunks.length - 1);
  }
}
