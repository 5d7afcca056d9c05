/**
 * A filing patched change after change (long enough to be copied flat several times) files every
 * note exactly as a filing made at once from the same notes; earlier filings never change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MonthFiling } from "../../../plugin/index/month-filing";
import type { NoteEntry } from "../../../plugin/index/note-entry";

const PATHS = ["a.md", "b.md", "c.md", "d/e.md", "中.md"];
const KEYS = ["2026-01", "2026-02", "2026-03", "?-03", "2027-12"];

/** Only what the filing reads of an entry: its path and its month keys. */
function entry(path: string, keys: readonly string[]): NoteEntry {
  return { path, monthKeys: keys } as unknown as NoteEntry;
}

function filed(f: MonthFiling): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of KEYS) {
    const list = f.get(key);
    if (list && list.size > 0) out[key] = list.toArray().map((e) => e.path);
  }
  return out;
}

describe("MonthFiling", () => {
  it("equals a filing made at once after any changes", () => {
    const change = fc.record({ path: fc.constantFrom(...PATHS), keys: fc.option(fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 })) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 60 }), (changes) => {
        const notes = new Map<string, NoteEntry>();
        let filing = MonthFiling.of([]);
        const history: [MonthFiling, Record<string, string[]>][] = [];
        for (const { path, keys } of changes) {
          const after = keys === null ? null : entry(path, keys);
          filing = filing.next([{ path, before: notes.get(path) ?? null, after }], new Set());
          if (after) notes.set(path, after);
          else notes.delete(path);
          const fresh = MonthFiling.of([...notes.values()].sort((a, b) => (a.path < b.path ? -1 : 1)));
          expect(filed(filing)).toEqual(filed(fresh));
          history.push([filing, filed(fresh)]);
        }
        for (const [f, want] of history) expect(filed(f)).toEqual(want);
      }),
    );
  });
});
