/** Short, stable ids from text: FNV-1a 32-bit, base 36. Deterministic, so re-reading a text gives the same ids. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shortHash(text: string, length = 6): string {
  return fnv1a(text).toString(36).padStart(7, "0").slice(-length);
}

/** Gives each wanted id once: a second "t-ab12" becomes "t-ab12-2". */
export class IdAllocator {
  private readonly used = new Set<string>();
  // The next suffix to try for each wanted id: counting up from 2 every time made n copies of one
  // line cost n² (128 KB of one repeated task line: 2.4 s).
  private readonly nextSuffix = new Map<string, number>();

  take(wanted: string): string {
    let id = wanted;
    if (this.used.has(id)) {
      let n = this.nextSuffix.get(wanted) ?? 2;
      while (this.used.has(`${wanted}-${n}`)) n++;
      id = `${wanted}-${n}`;
      this.nextSuffix.set(wanted, n + 1);
    }
    this.used.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }
}
