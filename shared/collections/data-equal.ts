/**
 * Deep equality of plain data (what JSON can hold: objects, arrays, strings, numbers, booleans,
 * null), as JSON sees it: a property set to undefined is the same as one left out. Used to tell
 * whether a note's plans changed: walking both stops at the first difference and builds no
 * strings, where comparing JSON.stringify of each built two strings the size of the plans.
 */
export function dataEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!dataEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined++;
    if (!dataEqual(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}
