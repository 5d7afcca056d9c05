/**
 * mayHoldSchedule says no only to texts the engine finds no 行事历 in: checked on every fixture
 * plan, and on texts made from their lines with digits and month characters taken out at random
 * (the edge where the test says no).
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/plan/parse-plans";
import { mayHoldSchedule } from "../../shared/plan/schedule-signal";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const FORMS = join(ROOT, "test/engine/forms");
const TEXTS = readdirSync(FORMS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(FORMS, f), "utf8"));
const LINES = TEXTS.flatMap((t) => t.split("\n")).filter((l) => l.trim() !== "");

const hasSchedule = (text: string): boolean => parsePlans(text).plans.some((p) => p.schedule.length > 0);

describe("mayHoldSchedule", () => {
  it("says yes to every fixture plan with a 行事历", () => {
    const withSchedule = TEXTS.filter(hasSchedule);
    expect(withSchedule.length).toBeGreaterThan(30);
    for (const text of withSchedule) expect(mayHoldSchedule(text)).toBe(true);
  });

  it("says yes to quarters, holidays and month numbers glued to item numbers, which have no 月", () => {
    expect(mayHoldSchedule("第一季度：\n1、召开职代会")).toBe(true);
    expect(mayHoldSchedule("寒 假\n慰问")).toBe(true);
    expect(mayHoldSchedule("11、慰问\n21、游园会")).toBe(true);
    expect(mayHoldSchedule("１１、慰问")).toBe(true);
    expect(mayHoldSchedule("今天天气很好，我们去公园散步。")).toBe(false);
  });

  it("never says no to a text the engine finds a 行事历 in", () => {
    // Lines of real plans with every digit and month character taken out, shuffled and mixed: the
    // texts the test says no to, which must hold no 行事历 for the engine either.
    const SIGNAL = /[月寒暑季0-9０-９]/g;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 3, maxLength: 30 }), fc.boolean(), (lines, title) => {
        const text = `${title ? "学校工会工作计划\n" : ""}${lines.map((l) => l.replace(SIGNAL, "")).join("\n")}`;
        expect(mayHoldSchedule(text)).toBe(false);
        expect(hasSchedule(text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
