/**
 * What the index reads. It may skip a note only when the engine could not find a plan in it: every
 * plan the team's fixtures hold (each layout form, the example vault, the golden note) is indexed
 * from a note with no frontmatter, exactly when the engine finds a 行事历 in it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../../shared/plan/parse-plans";
import { saysPlanNote, worthReading } from "../../../plugin/index/plan-candidate";
import { builtIndex } from "./index-harness";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

function fixtures(): Record<string, string> {
  const out: Record<string, string> = {};
  const forms = join(ROOT, "test/engine/forms");
  for (const f of readdirSync(forms).filter((n) => n.endsWith(".txt"))) out[`forms/${f.replace(/\.txt$/, ".md")}`] = readFileSync(join(forms, f), "utf8");
  for (const dir of ["example-vault/导入", "example-vault/计划"]) {
    for (const f of readdirSync(join(ROOT, dir))) out[`${dir}/${f.replace(/\.txt$/, ".md")}`] = readFileSync(join(ROOT, dir, f), "utf8");
  }
  out["golden/sample-plan.md"] = readFileSync(join(ROOT, "test/engine/golden/sample-plan.md"), "utf8");
  return out;
}

const section = (type: string): NonNullable<CachedMetadata["sections"]>[number] => ({ type, position: { start: { line: 0, col: 0, offset: 0 }, end: { line: 0, col: 0, offset: 0 } } });

describe("which notes the index reads", () => {
  it("indexes every fixture plan the engine finds a 行事历 in, and nothing else", async () => {
    const files = fixtures();
    expect(Object.keys(files).length).toBeGreaterThan(40);
    const { index } = await builtIndex(files);
    const expected = Object.entries(files)
      .filter(([, text]) => {
        const plans = parsePlans(text).plans;
        return saysPlanNote(null, text) ? plans.length > 0 : plans.some((p) => p.schedule.length > 0);
      })
      .map(([path]) => path)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(40);
    expect([...new Set(index.snapshot().plans.map((p) => p.path))]).toEqual(expected);
  });

  it("skips, unread, an exported 行事历 and a note with no text outside its frontmatter", () => {
    expect(worthReading({ frontmatter: { type: "union-plan-export" } })).toBe(false);
    expect(worthReading({ sections: [section("yaml")] })).toBe(false);
    expect(worthReading({ sections: [section("yaml"), section("thematicBreak")] })).toBe(false);
  });

  it("reads every other note: plain paragraphs may be a pasted plan, and unknown metadata proves nothing", () => {
    expect(worthReading(null)).toBe(true);
    expect(worthReading({})).toBe(true);
    expect(worthReading({ sections: [section("yaml"), section("paragraph")] })).toBe(true);
    expect(worthReading({ sections: [section("code")] })).toBe(true);
    expect(worthReading({ frontmatter: { type: "meeting" }, sections: [section("paragraph")] })).toBe(true);
  });

  it("takes the frontmatter's word for a plan note, from the metadata or, before it is read, from the text", () => {
    expect(saysPlanNote({ frontmatter: { type: "union-plan" } }, "")).toBe(true);
    expect(saysPlanNote({ frontmatter: { type: "meeting" } }, "---\ntype: union-plan\n---\n")).toBe(false);
    expect(saysPlanNote(null, "---\ntitle: x\ntype: union-plan\n---\n")).toBe(true);
    expect(saysPlanNote(null, "type: union-plan\n")).toBe(false);
  });
});
