/**
 * The chunked path list behaves as a plain sorted array under any sequence of puts and removals,
 * with chunks small enough here to split and empty many times; earlier lists never change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PathList } from "../../../plugin/index/path-list";

interface Item {
  path: string;
  n: number;
}

const PATHS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "中", "文/x"];

type Op = { put: string; n: number } | { drop: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ put: fc.constantFrom(...PATHS), n: fc.integer() }),
  fc.record({ drop: fc.constantFrom(...PATHS) }),
);

/** The same edit on a plain array, sorted by plain string comparison. */
function plain(items: readonly Item[], o: Op): Item[] {
  if ("drop" in o) return items.filter((i) => i.path !== o.drop);
  const out = items.filter((i) => i.path !== o.put);
  out.push({ path: o.put, n: o.n });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

describe("PathList", () => {
  it("equals a sorted array after any edits, and leaves earlier lists as they were", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(op, { maxLength: 60 }), (chunkSize, ops) => {
        let list = PathList.of<Item>([], chunkSize);
        let model: Item[] = [];
        const history: [PathList<Item>, Item[]][] = [];
        for (const o of ops) {
          list = "drop" in o ? list.without(o.drop) : list.with({ path: o.put, n: o.n });
          model = plain(model, o);
          history.push([list, model]);
          expect(list.toArray()).toEqual(model);
          expect(list.size).toBe(model.length);
          expect([...list]).toEqual(model);
          for (const p of PATHS) expect(list.get(p)).toEqual(model.find((i) => i.path === p));
        }
        for (const [l, m] of history) expect(l.toArray()).toEqual(m);
      }),
    );
  });

  it("starts from a sorted array cut into chunks", () => {
    const items = PATHS.map((path, n) => ({ path, n }));
    const list = PathList.of(items, 2);
    expect(list.toArray()).toEqual(items);
    expect(list.with({ path: "bb", n: 0 }).toArray().map((i) => i.path)).toEqual(["a", "b", "bb", ...PATHS.slice(2)]);
  });
});
