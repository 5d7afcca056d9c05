/**
 * Seeded randomness. Ids and faults each draw from their own generator, so turning faults on does
 * not change the ids a run produces, and the same seed gives the same run.
 */

/** A small, fast 32-bit generator (mulberry32): good enough for test data, fully reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uuid-shaped ids (version 4 layout) from a seeded generator: Notion ids look like this. */
export function idGenerator(seed: number): () => string {
  const next = seededRandom(seed ^ 0x5eed1d5);
  const hex = (n: number): string => {
    let out = "";
    for (let i = 0; i < n; i++) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(next() * 4)] ?? "8"}${hex(3)}-${hex(12)}`;
}

/** Short property ids like Notion's ("a%3Bc1"): four url-safe characters. */
export function propertyIdGenerator(seed: number): () => string {
  const next = seededRandom(seed ^ 0x9e0f);
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return () => {
    let out = "";
    for (let i = 0; i < 4; i++) out += alphabet[Math.floor(next() * alphabet.length)] ?? "x";
    return out;
  };
}

/** Notion accepts ids with or without dashes, in any case: compare them in one form. */
export function normalizeId(id: string): string {
  return id.replace(/-/g, "").toLowerCase();
}

/** Whether a string can be a Notion id at all (32 hex digits, dashes optional). */
export function looksLikeId(id: string): boolean {
  return /^[0-9a-f]{32}$/.test(normalizeId(id));
}
