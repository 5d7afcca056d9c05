import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonths, compareYm, monthsForward, nextMonthNumber, ymFromIndex, ymIndex } from "../../shared/time/year-month";

describe("year-month arithmetic", () => {
  it("numbers months so that consecutive months differ by one, across a new year", () => {
    expect(ymIndex({ year: 2026, month: 12 }) + 1).toBe(ymIndex({ year: 2027, month: 1 }));
    expect(ymFromIndex(ymIndex({ year: 2027, month: 1 }))).toEqual({ year: 2027, month: 1 });
  });

  it("round-trips every month and agrees with addMonths", () => {
    const ym = fc.record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(ym, fc.integer({ min: -240, max: 240 }), (a, n) => {
        expect(ymFromIndex(ymIndex(a))).toEqual(a);
        expect(ymFromIndex(ymIndex(a) + n)).toEqual(addMonths(a, n));
        expect(Math.sign(compareYm(a, addMonths(a, n))) + Math.sign(n)).toBe(0);
      }),
    );
  });

  it("steps and counts month numbers past December (九月 … 一月 in a school year)", () => {
    expect(nextMonthNumber(12)).toBe(1);
    expect(nextMonthNumber(3)).toBe(4);
    expect(monthsForward(9, 2)).toBe(5);
    expect(monthsForward(2, 9)).toBe(7);
    expect(monthsForward(5, 5)).toBe(0);
  });
});

/** Folder of shared/ a module path lies in ("." for shared/index.ts). */
function folderOf(path: string): string {
  const parts = relative("shared", path).split("/");
  return parts.length > 1 ? (parts[0] ?? ".") : ".";
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const f of tsFiles(p)) out.push(f);
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

describe("shared/ folder graph", () => {
  // Value imports only: `import type` vanishes at build time and cannot make a load-order loop.
  const edges = new Map<string, Set<string>>();
  for (const file of tsFiles("shared")) {
    const from = folderOf(file);
    for (const m of readFileSync(file, "utf8").matchAll(/^import (?!type )[^;]*? from "(\.[^"]+)"/gm)) {
      const to = folderOf(normalize(join(dirname(file), m[1] ?? "")));
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }

  it("keeps shared/time on the ground floor: it imports no other folder", () => {
    expect([...(edges.get("time") ?? [])]).toEqual([]);
  });

  it("has no loop between folders (month sums no longer pull plan code into calendar/ and back)", () => {
    const state = new Map<string, "open" | "done">();
    const loops: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        loops.push([...path, node].join(" → "));
        return;
      }
      state.set(node, "open");
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of edges.keys()) visit(node, []);
    expect(loops).toEqual([]);
  });
});
