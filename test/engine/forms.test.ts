/**
 * The catalogue of layout forms (test/engine/forms/README.md): every fixture, a short plan written for
 * union-plan in one form real plans use, is read exactly as its hand-read key says. A task counts
 * when its text (full-width folded, spaces out, trailing 。;,. off, as ../shared/tools/score-plans.py
 * compares) and its months match; no task may be found that the key does not list.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";

const DIR = join(__dirname, "forms");

interface Key {
  months: { label: string; months: number[]; tasks: string[] }[];
}

/** As the scorer compares: NFKC, no whitespace, trailing 。;,. off. */
function norm(text: string): string {
  let t = text.normalize("NFKC").replace(/\s+/g, "");
  while (t !== "" && "。;,.".includes(t.charAt(t.length - 1))) t = t.slice(0, -1);
  return t;
}

function reading(text: string): string[] {
  const out: string[] = [];
  for (const plan of parsePlans(text).plans) {
    for (const group of plan.schedule.concat(plan.bodyTasks)) {
      const months = group.months.map((m) => m.month).sort((a, b) => a - b).join("+");
      for (const t of group.tasks) out.push(`${months} ${norm(t.text)}`);
    }
  }
  return out.sort();
}

function expected(key: Key): string[] {
  const out: string[] = [];
  for (const m of key.months) {
    const months = [...new Set(m.months)].sort((a, b) => a - b).join("+");
    for (const t of m.tasks) out.push(`${months} ${norm(t)}`);
  }
  return out.sort();
}

const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();

describe("layout forms: every fixture reads as its key", () => {
  it("has a fixture for 40 forms or more", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });
  for (const f of fixtures) {
    it(f, () => {
      const key = JSON.parse(readFileSync(join(DIR, f.replace(/\.txt$/, ".expected.json")), "utf8")) as Key;
      expect(reading(readFileSync(join(DIR, f), "utf8"))).toEqual(expected(key));
    });
  }
});
