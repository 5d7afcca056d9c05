/** `union-plan sync --watch`: rounds after each change and on a timer, until stopped; a failed round does not end it. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput } from "./capture-output";
import { runSync } from "../../cli/commands/sync";
import type { WakeReason, WatchWaiter } from "../../cli/watch";
import { virtualClock } from "../../notion-emulator/virtual-clock";
import { createNotionEmulator, type NotionEmulator } from "../../notion-emulator/index";
import { exampleVaultCopy } from "../fixtures/example-vault";
import { PLANS_DATABASE_TITLE, TASKS_DATABASE_TITLE } from "../../notion-sync/schema";

const { stdout } = captureOutput();

/** Wakes the loop with the reasons given, running `before` ahead of each; then stops. */
function scriptedWaiter(steps: { reason: WakeReason; before?: () => void }[]): WatchWaiter & { closed: boolean } {
  let i = 0;
  const w = {
    closed: false,
    next(): Promise<WakeReason> {
      const step = steps[i++];
      if (!step) return Promise.resolve("stop");
      step.before?.();
      return Promise.resolve(step.reason);
    },
    close() {
      w.closed = true;
    },
  };
  return w;
}

function env(emulator: NotionEmulator, waiter: WatchWaiter): NonNullable<Parameters<typeof runSync>[1]> {
  return { token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock: emulator.clock, isTTY: false, watchWaiter: waiter };
}

describe("union-plan sync --watch", () => {
  it("syncs, syncs again after a change and on the timer, and stops; review comes back in a timer round", async () => {
    const emulator = createNotionEmulator({ clock: virtualClock() });
    const parent = emulator.seedPage();
    const vault = exampleVaultCopy("union-plan-watch-");
    const note = join(vault, "计划", "2026年 工会工作计划.md");
    const waiter = scriptedWaiter([
      { reason: "change", before: () => writeFileSync(note, readFileSync(note, "utf8").replace("教工合唱排练", "教工合唱团排练")) },
      {
        reason: "timer",
        before: () => {
          const page = emulator.pages(emulator.dataSources().find((d) => d.title === PLANS_DATABASE_TITLE)?.id ?? "").find((p) => p.properties["同步键"] === "p-qsl2026");
          if (!page) throw new Error("no plan page");
          emulator.editPage(page.id, { 审核状态: "需修改" });
        },
      },
    ]);
    stdout.length = 0;
    expect(await runSync([vault, "--setup", parent, "--watch"], env(emulator, waiter))).toBe(0);
    const printed = stdout.join("");
    expect(printed).toMatch(/新建 created: 34/);
    expect(printed).toMatch(/笔记有改动，再次同步/);
    expect(printed).toMatch(/定时同步/);
    expect(emulator.pages(emulator.dataSources().find((d) => d.title === TASKS_DATABASE_TITLE)?.id ?? "").some((p) => p.properties["任务"] === "教工合唱团排练")).toBe(true);
    expect(readFileSync(note, "utf8")).toContain("review-status: 需修改");
    expect(waiter.closed).toBe(true);
  });

  it("a round that fails (Notion unreachable) is reported, and the next round tries again", async () => {
    const emulator = createNotionEmulator({ clock: virtualClock() });
    const parent = emulator.seedPage();
    const vault = exampleVaultCopy("union-plan-watch-");
    let down = false;
    const waiter = scriptedWaiter([{ reason: "timer", before: () => (down = true) }, { reason: "timer", before: () => (down = false) }]);
    const fetchThrough = emulator.fetch;
    const e = { ...env(emulator, waiter), fetch: ((url, init) => (down ? Promise.reject(new TypeError("fetch failed")) : fetchThrough(url, init))) as typeof emulator.fetch };
    stdout.length = 0;
    expect(await runSync([vault, "--setup", parent, "--watch"], e)).toBe(0);
    expect(stdout.join("")).toMatch(/同步失败，下一轮再试/);
  });
});

describe("the folder waiter", () => {
  it("wakes on a note written under the folder, and on its timer", async () => {
    const { mkdtempSync, mkdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { folderWaiter } = await import("../../cli/watch");
    const root = mkdtempSync(join(tmpdir(), "union-plan-waiter-"));
    mkdirSync(join(root, ".union-plan"));
    const changes = folderWaiter(root, 3_600_000, 20);
    try {
      const woken = changes.next();
      writeFileSync(join(root, ".union-plan", "notion-sync.json"), "{}");
      writeFileSync(join(root, "计划.md"), "# 计划\n");
      expect(await woken).toBe("change");
    } finally {
      changes.close();
    }
    const timed = folderWaiter(root, 30, 20);
    try {
      expect(await timed.next()).toBe("timer");
    } finally {
      timed.close();
    }
  });
});
