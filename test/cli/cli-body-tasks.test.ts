/** `tasks` and `calendar` show the body's dated items, marked, and an item the 行事历 also lists once. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli-harness";
import { BODY_AND_SCHEDULE } from "../tasks/body-plan-fixture";

function planFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "union-plan-body-")), "plan.md");
  writeFileSync(file, BODY_AND_SCHEDULE);
  return file;
}

const count = (s: string, word: string): number => s.split(word).length - 1;

describe("body tasks in the CLI", () => {
  const file = planFile();

  it("tasks: lists the body item marked, and the shared activity once", () => {
    const r = runCli(["tasks", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("组织一次秋季登山（正文 / from the body）");
    expect(count(r.stdout, "妇女节")).toBe(1);
    expect(r.stdout).toContain("4 项任务 / tasks");
    const json = JSON.parse(runCli(["tasks", file, "--json"]).stdout) as { tasks: { text: string; source: string; label: string }[] };
    expect(json.tasks.map((t) => t.source)).toEqual(["schedule", "schedule", "schedule", "body"]);
    expect(json.tasks[3]).toMatchObject({ text: "组织一次秋季登山", label: "11月左右" });
  });

  it("parse: the summary lists the body's dated items under their date phrases", () => {
    const r = runCli(["parse", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("正文中的日期事项 / dated items in the body: 1 项 / tasks");
    expect(r.stdout).toMatch(/11月左右 {2}\(2026-11\) {2}第 5 行 \/ line 5 {2}组织一次秋季登山/);
  });

  it("calendar: the month in text, Markdown and HTML shows the item with its date phrase and the mark", () => {
    for (const format of ["text", "md", "html"]) {
      const r = runCli(["calendar", file, "--month", "2026-11", "--format", format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("组织一次秋季登山（正文 / from the body）");
      expect(r.stdout).toContain("11月左右");
    }
    for (const format of ["text", "md", "html"]) {
      const march = runCli(["calendar", file, "--month", "2026-03", "--format", format]).stdout;
      expect(count(march, "妇女节")).toBe(1);
      expect(march).not.toContain("正文");
    }
  });

  it("calendar: the overview puts the item in its month's row, and the shared activity once", () => {
    for (const format of ["md", "html"]) {
      const r = runCli(["calendar", file, "--overview", "--format", format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/2026年11月.*组织一次秋季登山（正文 \/ from the body）/);
      expect(count(r.stdout, "妇女节")).toBe(1);
    }
  });

  it("calendar: in ICS the item is an event with the 正文 category and a line saying where it is written", () => {
    const r = runCli(["calendar", file, "--format", "ics"]);
    expect(r.code).toBe(0);
    const ics = r.stdout.replace(/\r\n /g, "");
    const events = ics.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(4);
    const hike = events.find((e) => e.includes("秋季登山")) ?? "";
    expect(hike).toContain("CATEGORIES:工会,正文");
    expect(hike).toContain("出处：计划正文");
    expect(events.filter((e) => e.includes("妇女节"))).toHaveLength(1);
    expect(events.filter((e) => e.includes("CATEGORIES:工会\r\n"))).toHaveLength(3);
  });
});
