/** `union-plan sync --dry-run --setup` creates nothing and names the two databases; .txt plans are named as not synced. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput } from "./capture-output";
import { runSync } from "../../cli/commands/sync";
import { scaledClock } from "../../notion-sync/clock";
import { PLANS_DATABASE_TITLE, TASKS_DATABASE_TITLE } from "../../notion-sync/schema";
import { createNotionEmulator, type NotionEmulator } from "../../notion-emulator/index";

const { stdout } = captureOutput();

const NOTE = ["---", "type: union-plan", "title: 绿荫小学2026年工会工作计划", "plan-id: p-lvyin", "---", "# 绿荫小学2026年工会工作计划", "", "## 行事历", "", "### 2026年3月", "- [ ] 三八节活动 ^t-a1", "- [ ] 小组长会议 ^t-a2"].join("\n");

function vault(): string {
  const dir = mkdtempSync(join(tmpdir(), "union-plan-dry-"));
  mkdirSync(join(dir, "计划"));
  writeFileSync(join(dir, "计划", "绿荫小学.md"), NOTE);
  writeFileSync(join(dir, "计划", "粘贴的计划.txt"), "东方小学2026年工会工作计划\n一、行事历\n三月份：\n1、健步走");
  return dir;
}

function env(emulator: NotionEmulator): Parameters<typeof runSync>[1] {
  return { token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock: emulator.clock, isTTY: false };
}

describe("sync --dry-run --setup", () => {
  it("lists the two databases it would create and the pages, and writes nothing", async () => {
    const emulator = createNotionEmulator({ clock: scaledClock(200) });
    const parent = emulator.seedPage();
    const dir = vault();
    emulator.resetCounters();
    expect(await runSync([dir, "--dry-run", "--setup", parent], env(emulator))).toBe(0);
    const text = stdout.join("");
    expect(text).toContain(`创建数据库 / create database: ${PLANS_DATABASE_TITLE}`);
    expect(text).toContain(`创建数据库 / create database: ${TASKS_DATABASE_TITLE}`);
    expect(text).toMatch(/1 个计划页面 \/ plan pages, 2 个任务页面 \/ task pages/);
    expect(emulator.counters.writes).toBe(0);
  });

  it("names the .txt plans it does not sync", async () => {
    const emulator = createNotionEmulator({ clock: scaledClock(200) });
    const parent = emulator.seedPage();
    expect(await runSync([vault(), "--dry-run", "--setup", parent], env(emulator))).toBe(0);
    expect(stdout.join("")).toMatch(/\.txt plans not synced \(import them first\): .*粘贴的计划\.txt/);
  });
});
