/**
 * What the CLI reads from disk: only regular files, never past the size cap, and one bad entry in
 * a folder (a FIFO or /dev/zero named *.md, a symlink loop, a dangling link, an unreadable, binary
 * or oversized file) is skipped with a one-line warning while the other plans are still read.
 */
import { describe, expect, it } from "vitest";
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cliPath, runCli } from "./cli-harness";
import { encodeBig5, encodeUtf16, encodeUtf32, PLAN_TRAD } from "../engine/encodings";
import { BIG_INPUT_TIMEOUT_MS } from "../big-input";

const tmp = (): string => mkdtempSync(join(tmpdir(), "union-plan-files-"));
const SAMPLE = ["绿荫小学2026年工会工作计划", "一、行事历", "三月份：", "1、三八节活动", "2、小组长会议"].join("\n");
const isRoot = process.getuid?.() === 0;

function folderWithGoodPlan(): string {
  const dir = tmp();
  writeFileSync(join(dir, "good.md"), SAMPLE);
  return dir;
}

function mkfifo(path: string): boolean {
  return spawnSync("mkfifo", [path]).status === 0;
}

describe("only regular files, only up to the cap", () => {
  it("a FIFO named *.md in a folder is skipped, not read forever", () => {
    const dir = folderWithGoodPlan();
    if (!mkfifo(join(dir, "pipe.md"))) return;
    const r = runCli(["tasks", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("三八节活动");
    expect(r.stderr).toMatch(/pipe\.md .*not a regular file/);
  });

  it("/dev/zero linked as *.md is skipped; given as a file it is refused", () => {
    const dir = folderWithGoodPlan();
    symlinkSync("/dev/zero", join(dir, "zero.md"));
    const r = runCli(["tasks", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/zero\.md .*not a regular file/);
    const alone = runCli(["parse", join(dir, "zero.md")]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain("not a regular file");
  });

  it("a FIFO given as a file is refused at once", () => {
    const dir = tmp();
    if (!mkfifo(join(dir, "pipe.txt"))) return;
    const r = runCli(["parse", join(dir, "pipe.txt")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not a regular file");
  });
});

describe("one bad file never stops the others", () => {
  it("a symlink loop, a dangling link, a link back to the folder, a binary and an oversized file", () => {
    const dir = folderWithGoodPlan();
    symlinkSync("loop-b.md", join(dir, "loop-a.md"));
    symlinkSync("loop-a.md", join(dir, "loop-b.md"));
    symlinkSync("/no/such/target.md", join(dir, "gone.md"));
    symlinkSync(".", join(dir, "again"));
    writeFileSync(join(dir, "image.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));
    const fd = openSync(join(dir, "huge.txt"), "w");
    ftruncateSync(fd, 21 * 1024 * 1024);
    closeSync(fd);
    const r = runCli(["tasks", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("三八节活动");
    const warnings = r.stderr.trim().split("\n");
    expect(warnings.find((l) => l.includes("loop-a.md"))).toMatch(/symbolic link loop/);
    expect(warnings.find((l) => l.includes("gone.md"))).toMatch(/dangling symbolic link/);
    expect(warnings.find((l) => l.includes("again"))).toMatch(/folder already read/);
    expect(warnings.find((l) => l.includes("image.md"))).toMatch(/binary/);
    expect(warnings.find((l) => l.includes("huge.txt"))).toMatch(/20 MB/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unreadable file", () => {
    const dir = folderWithGoodPlan();
    writeFileSync(join(dir, "secret.md"), SAMPLE);
    chmodSync(join(dir, "secret.md"), 0o000);
    // Root reads any file: run the CLI as "nobody" then (the folder and the built CLI are world-readable).
    chmodSync(dir, 0o755);
    const cli = cliPath();
    chmodSync(dirname(cli), 0o755);
    const r = isRoot ? spawnSync(process.execPath, [cli, "tasks", dir], { encoding: "utf8", uid: 65534, gid: 65534, cwd: "/" }) : spawnSync(process.execPath, [cli, "tasks", dir], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("三八节活动");
    expect(r.stderr).toMatch(/secret\.md .*permission denied/);
  });

  it("a folder whose only files are bad says so", () => {
    const dir = tmp();
    writeFileSync(join(dir, "image.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = runCli(["tasks", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no readable plan files");
  });
});

describe("encodings", () => {
  it("Big5, UTF-32 and BOM-less UTF-16 plans read as Chinese", () => {
    const dir = tmp();
    mkdirSync(join(dir, "plans"));
    writeFileSync(join(dir, "plans", "big5.txt"), encodeBig5(PLAN_TRAD));
    writeFileSync(join(dir, "plans", "utf32.txt"), encodeUtf32(PLAN_TRAD, true, true));
    writeFileSync(join(dir, "plans", "utf16.txt"), encodeUtf16(PLAN_TRAD, true, false));
    const r = runCli(["tasks", join(dir, "plans"), "--json"]);
    expect(r.code).toBe(0);
    const tasks = (JSON.parse(r.stdout) as { tasks: { text: string; path: string }[] }).tasks;
    for (const f of ["big5.txt", "utf32.txt", "utf16.txt"]) {
      expect(tasks.filter((t) => t.path.endsWith(f)).map((t) => t.text), f).toEqual(["三八節活動", "工會小組長會議", "春季運動會"]);
    }
  });
});

describe("big files", () => {
  it("`tasks` on a 4 MB plan with 200 k tasks (push(...tasks) overflowed the stack)", () => {
    const dir = tmp();
    const lines = ["绿荫小学2026年工会工作计划", "一、行事历", "三月份："];
    for (let i = 0; i < 200_000; i++) lines.push(`${(i % 9) + 1}、第${i}项工作`);
    lines.push("四月份：", "1、春季运动会");
    writeFileSync(join(dir, "big.txt"), lines.join("\n"));
    const r = runCli(["tasks", join(dir, "big.txt"), "--month", "2026-04"], undefined, {}, BIG_INPUT_TIMEOUT_MS);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("春季运动会");
  }, BIG_INPUT_TIMEOUT_MS);
});

