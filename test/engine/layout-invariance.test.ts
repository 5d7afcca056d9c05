/**
 * What a plan says does not change with how the page was pasted: every form fixture, pasted from
 * Word (a blank line between all its lines), with Windows line ends, with the first-line indent
 * Chinese documents use (two full-width spaces), with spaces left at line ends, indented with
 * no-break spaces, with full-width digits, or with ASCII colons and brackets, reads the same tasks
 * with the same months.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";

const DIR = join(__dirname, "forms");

function reading(text: string): string[] {
  const out: string[] = [];
  for (const plan of parsePlans(text).plans) {
    for (const group of plan.schedule.concat(plan.bodyTasks)) {
      const months = group.months.map((m) => m.month).join("+");
      // Compared as the scorer compares: full-width forms folded, spaces out.
      for (const t of group.tasks) out.push(`${months} ${t.text.normalize("NFKC").replace(/\s+/g, "")}`);
    }
  }
  return out.sort();
}

const onContentLines = (text: string, f: (line: string) => string): string => text.split("\n").map((l) => (l.trim() === "" ? l : f(l))).join("\n");

const PASTES: [string, (text: string) => string][] = [
  ["a blank line between all lines (Word)", (t) => t.split("\n").filter((l) => l.trim() !== "").join("\n\n")],
  ["Windows line ends", (t) => t.replace(/\n/g, "\r\n")],
  ["first-line indent of two full-width spaces", (t) => onContentLines(t, (l) => `\u3000\u3000${l}`)],
  ["spaces left at line ends", (t) => onContentLines(t, (l) => `${l}  `)],
  ["indent of no-break spaces", (t) => onContentLines(t, (l) => `\u00a0\u00a0${l}`)],
  ["full-width digits (typed with a Chinese input method)", (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
  ["ASCII colons for full-width ones", (t) => t.replace(/：/g, ":")],
  ["ASCII brackets for full-width ones", (t) => t.replace(/（/g, "(").replace(/）/g, ")")],
];

const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();

describe("the same plan, pasted another way, reads the same", () => {
  for (const [name, paste] of PASTES) {
    it(name, () => {
      const changed: string[] = [];
      for (const f of fixtures) {
        const text = readFileSync(join(DIR, f), "utf8");
        if (JSON.stringify(reading(paste(text))) !== JSON.stringify(reading(text))) changed.push(f);
      }
      expect(changed).toEqual([]);
    });
  }
});
