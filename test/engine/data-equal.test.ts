/** dataEqual says what comparing JSON says, on any JSON data and on real plans. */
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dataEqual } from "../../shared/collections/data-equal";
import { parsePlans } from "../../shared/plan/parse-plans";

const FORMS = join(dirname(fileURLToPath(import.meta.url)), "forms");

describe("dataEqual", () => {
  it("agrees with JSON.stringify on any pair of JSON values (keys in the same order)", () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, same) => {
        const y: unknown = same ? JSON.parse(JSON.stringify(a)) : b;
        expect(dataEqual(a, y)).toBe(JSON.stringify(a) === JSON.stringify(y));
      }),
      { numRuns: 2000 },
    );
  });

  it("takes a property set to undefined for one left out, as JSON does", () => {
    expect(dataEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(dataEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(dataEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(dataEqual([1, [2]], { 0: 1, 1: [2] })).toBe(false);
  });

  it("tells two readings of a plan apart exactly when their JSON differs", () => {
    const texts = readdirSync(FORMS)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(join(FORMS, f), "utf8"));
    for (const text of texts) {
      const a = parsePlans(text).plans;
      expect(dataEqual(a, parsePlans(text).plans)).toBe(true);
      const edited = parsePlans(text.replace(/活动/, "活動")).plans;
      expect(dataEqual(a, edited)).toBe(JSON.stringify(a) === JSON.stringify(edited));
    }
  });
});
