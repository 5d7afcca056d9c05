/** The CLI's rough edges a user hit: overwriting, "no plan found", argument errors, help, exports. */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "./cli-harness";

const tmp = (): string => mkdtempSync(join(tmpdir(), "union-plan-edges-"));
const SAMPLE = ["绿荫小学2026年工会工作计划", "一、行事历", "三月份：", "1、三八节活动", "2、<img src=x onerror=alert(1)> 小组长会议"].join("\n");

function planFile(): { dir: string; file: string } {
  const dir = tmp();
  const file = join(dir, "plan.txt");
  writeFileSync(file, SAMPLE);
  return { dir, file };
}

describe("calendar -o", () => {
  it("refuses to overwrite without --force, as import does", () => {
    const { dir, file } = planFile();
    const target = join(dir, "out.md");
    writeFileSync(target, "mine");
    const r = runCli(["calendar", file, "--month", "2026-03", "--format", "md", "-o", target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("already exists");
    expect(readFileSync(target, "utf8")).toBe("mine");
    expect(runCli(["calendar", file, "--month", "2026-03", "--format", "md", "-o", target, "--force"]).code).toBe(0);
    expect(readFileSync(target, "utf8")).toContain("三八节活动");
  });

  it("says in words when the folder is missing or the target is a folder", () => {
    const { dir, file } = planFile();
    const missing = runCli(["calendar", file, "-o", join(dir, "no", "such", "out.md")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/不存在 \/ folder .* does not exist/);
    expect(missing.stderr).not.toMatch(/ENOENT/);
    mkdirSync(join(dir, "folder"));
    const folder = runCli(["calendar", file, "-o", join(dir, "folder")]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("is a folder");
    expect(folder.stderr).not.toMatch(/EISDIR/);
  });
});

describe("no plan found: one rule", () => {
  const cases: Record<string, string> = { empty: "", sentence: "今天天气很好，我们去公园散步。", "title only": "绿荫小学2026年工会工作计划\n" };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: import exits 1; parse, tasks and calendar print an info line and exit 0`, () => {
      const dir = tmp();
      const file = join(dir, "x.txt");
      writeFileSync(file, text);
      const imp = runCli(["import", file]);
      expect(imp.code).toBe(1);
      expect(imp.stderr).toContain("no plan found");
      for (const cmd of ["parse", "tasks", "calendar"]) {
        const r = runCli([cmd, file]);
        expect(r.code, cmd).toBe(0);
        expect(r.stderr, cmd).toContain("no plan found");
        expect(r.stdout, cmd).not.toContain("page furniture");
        expect(r.stdout, cmd).not.toContain("untitled");
      }
    });
  }
});

describe("arguments", () => {
  it("errors read in Chinese and English", () => {
    const unknown = runCli(["parse", "--nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("没有 --nope 这个选项 / unknown option --nope");
    const noValue = runCli(["tasks", ".", "--month"]);
    expect(noValue.stderr).toContain("--month 需要一个值 / --month needs a value");
    const badMonth = runCli(["tasks", ".", "--month", "March"]);
    expect(badMonth.stderr).toMatch(/--month 要写成 YYYY-MM.*\/ --month must be YYYY-MM/);
    const badFormat = runCli(["calendar", ".", "--format", "pdf"]);
    expect(badFormat.stderr).toMatch(/--format 只能是 .* \/ --format must be one of/);
  });

  it("-- ends the options: a file named like an option is read", () => {
    const dir = tmp();
    writeFileSync(join(dir, "-h.txt"), SAMPLE);
    const r = runCli(["parse", "--json", "--", "-h.txt"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("三八节活动");
  });

  it("--version prints the package version", () => {
    const version = (JSON.parse(readFileSync(resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
    const r = runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`union-plan ${version}`);
  });

  it("--help and the README list every option and the emulator's base-URL variable", () => {
    const help = runCli(["--help"]).stdout;
    const readme = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
    for (const option of ["--force", "--overview", "-o FILE", "--database", "--dry-run", "--state", "--setup", "--month", "--format", "--json", "--today", "--version", "NOTION_BASE_URL", "NOTION_TOKEN"]) {
      expect(help, option).toContain(option);
      expect(readme, option).toContain(option);
    }
    expect(runCli(["sync", "--help"]).stdout).toContain("NOTION_BASE_URL");
    expect(runCli(["calendar", "--help"]).stdout).toContain("--force");
  });
});

describe("exports", () => {
  it("--format md escapes raw HTML in task text, as the HTML export does", () => {
    const { file } = planFile();
    const md = runCli(["calendar", file, "--month", "2026-03", "--format", "md"]);
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain("<img");
    expect(md.stdout).toContain("&lt;img src=x onerror=alert(1)&gt; 小组长会议");
    const html = runCli(["calendar", file, "--month", "2026-03", "--format", "html"]);
    expect(html.stdout).not.toContain("<img");
  });

  it("ICS drops control characters", () => {
    const dir = tmp();
    const file = join(dir, "plan.txt");
    writeFileSync(file, SAMPLE.replace("三八节活动", "三八节\u0007活\u001b动\u007f"));
    const ics = runCli(["calendar", file, "--format", "ics"]);
    expect(ics.code).toBe(0);
    expect(ics.stdout).toContain("三八节活动");
    // Only CR LF line ends and tabs may be controls in the file.
    const controls = [...ics.stdout.replace(/\r\n/g, "")].filter((c) => (c < " " && c !== "\t") || c === "\u007f");
    expect(controls).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});
