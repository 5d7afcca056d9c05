/** The `union-plan` command as a user runs it: outputs, exit codes and one-line errors. */
import { describe, expect, it } from "vitest";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, mkdirSync, ftruncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli-harness";
import { HAVE_SEEDS, SEEDS_DIR, readExpected } from "../engine/seed-files";

const tmp = (): string => mkdtempSync(join(tmpdir(), "union-plan-test-"));

const SAMPLE = ["绿荫小学2026年工会工作计划", "一、指导思想", "服务教职工。", "二、行事历", "三月份：", "1、三八节活动", "2、小组长会议", "四月份：", "1、春季运动会"].join("\n");

describe("union-plan parse", () => {
  it("prints the documented JSON shape", () => {
    const dir = tmp();
    const file = join(dir, "plan.txt");
    writeFileSync(file, SAMPLE);
    const r = runCli(["parse", file, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { path: string; plans: { title: string; school: string; kind: string; period: unknown; schedule: { label: string; months: unknown[]; tasks: { id: string; text: string; date: null; owner: null; done: boolean; line: number }[] }[]; diagnostics: unknown[] }[] }[] };
    const plan = json.files[0]!.plans[0]!;
    expect(plan).toMatchObject({ title: "绿荫小学2026年工会工作计划", school: "绿荫小学", kind: "年度", period: { start: "2026-01", end: "2026-12" } });
    expect(plan.schedule[0]).toMatchObject({ label: "三月份", months: [{ year: 2026, month: 3 }] });
    expect(plan.schedule[0]!.tasks[0]).toMatchObject({ text: "三八节活动", date: null, owner: null, done: false, line: 6 });
    expect(plan.schedule[0]!.tasks[0]!.id).toMatch(/^t-/);
    expect(Array.isArray(plan.diagnostics)).toBe(true);
  });

  it.skipIf(!HAVE_SEEDS)("reproduces every schedule of EXPECTED.json (91 tasks)", () => {
    const expected = readExpected();
    const files = Object.keys(expected).map((f) => join(SEEDS_DIR, f));
    const r = runCli(["parse", ...files, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { plans: { schedule: { label: string; months: { year: number | null; month: number }[]; tasks: { text: string }[] }[] }[] }[] };
    let total = 0;
    Object.values(expected).forEach((exp, i) => {
      const plans = json.files[i]!.plans;
      expect(plans.length).toBe(exp.plans);
      for (const sched of exp.schedules) {
        const plan = plans[(sched.plan ?? 1) - 1]!;
        expect(plan.schedule.map((m) => m.label)).toEqual(sched.months.map((m) => m.label));
        sched.months.forEach((m, k) => {
          const got = plan.schedule[k]!;
          expect(got.months.map((x) => x.month)).toEqual(m.months);
          if (m.resolved) expect(got.months.map((x) => `${x.year}-${String(x.month).padStart(2, "0")}`)).toEqual(m.resolved);
          else expect(got.months.every((x) => x.year === null)).toBe(true);
          expect(got.tasks.map((t) => t.text)).toEqual(m.tasks);
          total += got.tasks.length;
        });
      }
    });
    expect(total).toBe(91);
  });
});

describe("union-plan import and tasks", () => {
  it("writes one canonical note per plan, and never overwrites without --force", () => {
    const dir = tmp();
    const file = join(dir, "two.txt");
    writeFileSync(file, `${SAMPLE}\n学校工会年度工作计划 篇2\n一、指导思想\n团结。\n二、安排\n5月\n1、演讲比赛\n6月\n1、教代会`);
    const out = join(dir, "notes") + "/";
    const r = runCli(["import", file, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("2 份计划");
    const note = readFileSync(join(dir, "notes", "绿荫小学2026年工会工作计划.md"), "utf8");
    expect(note).toContain("### 2026年3月");
    expect(note).toMatch(/- \[ \] 三八节活动 \^t-[a-z0-9]+/);
    const again = runCli(["import", file, "-o", out]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split("\n").length).toBe(1);
    expect(again.stderr).toContain("已存在");
  });

  it("writes a written day as Tasks' 📅 by default; --due-dates and --tasks-format dataview on request", () => {
    const dir = tmp();
    const file = join(dir, "days.txt");
    writeFileSync(file, SAMPLE.replace("1、三八节活动", "1、3月8日三八节活动"));
    const plain = runCli(["import", file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/- \[ \] 3月8日三八节活动 📅 2026-03-08 \^t-/);
    expect(plain.stdout).toMatch(/- \[ \] 小组长会议 \^t-/);
    const dv = runCli(["import", file, "--due-dates", "--tasks-format", "dataview"]);
    expect(dv.stdout).toMatch(/3月8日三八节活动 \[due:: 2026-03-08\] \^t-/);
    expect(dv.stdout).toMatch(/小组长会议 \[due:: 2026-03-31\] \^t-/);
    const bad = runCli(["import", file, "--tasks-format", "csv"]);
    expect(bad.code).not.toBe(0);
  });

  it("lists the tasks of one month across a folder", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.txt"), SAMPLE);
    const r = runCli(["tasks", dir, "--month", "2026-04", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { tasks: { text: string; months: string[] }[] };
    expect(json.tasks.map((t) => t.text)).toEqual(["春季运动会"]);
  });
});

describe("union-plan calendar", () => {
  it("prints the month as a table, Markdown, HTML or ICS", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.txt"), SAMPLE);
    const text = runCli(["calendar", dir, "--month", "2026-03"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("2026年3月");
    expect(text.stdout).toContain("三八节活动");
    const md = runCli(["calendar", dir, "--month", "2026-03", "--format", "md"]);
    expect(md.stdout).toMatch(/\| .*三八节活动/);
    const html = runCli(["calendar", dir, "--month", "2026-03", "--format", "html"]);
    expect(html.stdout).toContain("<html");
    const ics = runCli(["calendar", dir, "--format", "ics"]);
    expect(ics.stdout).toContain("BEGIN:VCALENDAR\r\n");
    expect(ics.stdout.match(/BEGIN:VEVENT/g)?.length).toBe(3);
  });

  it("refuses an unknown format in one line", () => {
    const r = runCli(["calendar", ".", "--format", "pdf"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--format");
  });
});

describe("errors: one line, exit 1, no stack trace", () => {
  const oneLine = (r: { code: number | null; stderr: string }): void => {
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it("a missing file", () => {
    const r = runCli(["parse", "/no/such/plan.txt"]);
    oneLine(r);
    expect(r.stderr).toContain("no such file");
  });

  it("a folder with no plans", () => {
    const dir = tmp();
    mkdirSync(join(dir, "empty"));
    const r = runCli(["tasks", join(dir, "empty")]);
    oneLine(r);
    expect(r.stderr).toContain("no plan files");
  });

  it("a binary file", () => {
    const dir = tmp();
    const file = join(dir, "plan.txt");
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0, 6]));
    const r = runCli(["parse", file]);
    oneLine(r);
    expect(r.stderr).toContain("binary");
  });

  it("a file over 20 MB", () => {
    const dir = tmp();
    const file = join(dir, "huge.txt");
    const fd = openSync(file, "w");
    ftruncateSync(fd, 21 * 1024 * 1024);
    closeSync(fd);
    const r = runCli(["parse", file]);
    oneLine(r);
    expect(r.stderr).toContain("20 MB");
  });

  it("bad arguments", () => {
    oneLine(runCli(["tasks", ".", "--month", "March"]));
    oneLine(runCli(["parse", "--nope"]));
    oneLine(runCli(["frobnicate"]));
  });

  it("--help on every command", () => {
    for (const cmd of ["parse", "import", "tasks", "calendar", "sync", "demo"]) {
      const r = runCli([cmd, "--help"]);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain(`union-plan ${cmd}`);
    }
  });

  it("reads a GB18030 file as Chinese, not mojibake", () => {
    const dir = tmp();
    const file = join(dir, "gbk.txt");
    // "三月份：\n1、三八节" in GB18030.
    writeFileSync(file, Buffer.from("c8fdd4c2b7dda3ba0a31a1a2c8fdb0cbbdda0acbc4d4c2b7dda3ba0a31a1a2b4bacebbd4cbb6afbbe1", "hex"));
    const r = runCli(["parse", file, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("三八节");
  });
});
