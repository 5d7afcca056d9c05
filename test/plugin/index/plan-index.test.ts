/**
 * The vault index follows changes note by note: an edit, a rename, a delete, a note that stops
 * (or starts) being a plan. Each case compares the index after the change with one built cold over
 * the vault as it now is, and with what a user would see (which task, in which note, done or not).
 */
import { describe, expect, it } from "vitest";
import { tasksInMonth } from "../../../shared/tasks/extract-tasks";
import type { PlanIndexSnapshot } from "../../../plugin/host";
import type { PlanIndex } from "../../../plugin/index/plan-index";
import { applyChanges, builtIndex, fileAt } from "./index-harness";
import { noteText, type NoteShape } from "./plan-notes";

const canonical = (id: string, months: [number | null, number, string[]][]): NoteShape => ({
  kind: "canonical",
  id,
  months: months.map(([year, month, tasks]) => ({ year, month, tasks: tasks.map((text) => ({ text, done: false })) })),
});

const VAULT: Record<string, string> = {
  "计划/a.md": noteText(canonical("a", [[2026, 3, ["妇女节活动", "植树"]], [2026, 4, ["健步走"]]])),
  "计划/b.md": noteText(canonical("b", [[2026, 3, ["工会小组长会议"]], [null, 5, ["青年教师比赛"]]])),
  "随手.md": noteText({ kind: "plain", months: [{ year: null, month: 3, tasks: [{ text: "读书会", done: false }] }, { year: null, month: 4, tasks: [{ text: "春游", done: false }] }] }),
  "日记.md": noteText({ kind: "diary", words: "今天三月里天气很好。" }),
};

/** What a user sees of a snapshot: every task with its note, months and state, and each month's list. */
function seen(s: PlanIndexSnapshot, months: readonly string[]): unknown {
  return {
    plans: s.plans.map((p) => `${p.path}|${p.plan.id}|${p.plan.title ?? ""}`),
    tasks: s.tasks.map((t) => `${t.path ?? ""}|${t.planId}|${t.id}|${t.text}|${t.done}|${t.line}|${t.months.map((m) => `${m.year ?? "?"}-${m.month}`).join(",")}`),
    months: months.map((ym) => (s.tasksInMonth?.(ym) ?? tasksInMonth(s.tasks, ym)).map((t) => `${t.path ?? ""}|${t.id}`)),
  };
}

const MONTHS = ["2026-03", "2026-04", "2026-05", "2027-03", "2027-05"];

async function expectSameAsCold(index: PlanIndex, files: Record<string, string>): Promise<void> {
  const cold = await builtIndex(files);
  expect(seen(index.snapshot(), MONTHS)).toEqual(seen(cold.index.snapshot(), MONTHS));
  expect(index.planNotes()).toEqual(cold.index.planNotes());
  cold.index.destroy();
}

function vaultFiles(app: Awaited<ReturnType<typeof builtIndex>>["app"]): Record<string, string> {
  return Object.fromEntries(app.vault.getMarkdownFiles().map((f) => [f.path, app.vault.textAt(f.path) ?? ""]));
}

describe("the vault index, change by change", () => {
  it("builds cold from the notes that hold plans, in path order", async () => {
    const { index } = await builtIndex(VAULT);
    expect(index.snapshot().plans.map((p) => p.path)).toEqual(["计划/a.md", "计划/b.md", "随手.md"]);
    // A month without a year shows in that month of every year.
    expect(index.snapshot().tasksInMonth?.("2026-03").map((t) => t.text)).toEqual(["妇女节活动", "植树", "工会小组长会议", "读书会"]);
    expect(index.snapshot().tasksInMonth?.("2031-04").map((t) => t.text)).toEqual(["春游"]);
  });

  it("an edited task shows in the next snapshot, and only that note is parsed again", async () => {
    const { app, index } = await builtIndex(VAULT);
    const before = index.snapshot();
    const parses = index.parseCount;
    await app.vault.process(fileAt(app, "计划/a.md"), (d) => d.replace("- [ ] 植树", "- [x] 植树（改期）"));
    await applyChanges(app, index);
    expect(index.parseCount).toBe(parses + 1);
    const after = index.snapshot();
    expect(after.tasksInMonth?.("2026-03").find((t) => t.id === "t-am0k1")).toMatchObject({ text: "植树（改期）", done: true });
    // The snapshot a view already drew from still says what it said.
    expect(before.tasks.find((t) => t.id === "t-am0k1")).toMatchObject({ text: "植树", done: false });
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("a task moved to another month leaves the old month's list and joins the new one", async () => {
    const { app, index } = await builtIndex(VAULT);
    expect(index.snapshot().tasksInMonth?.("2026-04").map((t) => t.text)).toEqual(["健步走", "春游"]);
    await app.vault.process(fileAt(app, "计划/a.md"), (d) => d.replace("### 2026年4月", "### 2026年5月"));
    await applyChanges(app, index);
    expect(index.snapshot().tasksInMonth?.("2026-04").map((t) => t.text)).toEqual(["春游"]);
    expect(index.snapshot().tasksInMonth?.("2026-05").map((t) => t.text)).toEqual(["健步走", "青年教师比赛"]);
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("follows a rename without parsing, and every task carries the new path", async () => {
    const { app, index } = await builtIndex(VAULT);
    index.snapshot().tasksInMonth?.("2026-03");
    const parses = index.parseCount;
    let told = 0;
    index.onChange(() => told++);
    await app.vault.rename(fileAt(app, "计划/a.md"), "归档/z.md");
    expect(index.parseCount).toBe(parses);
    expect(told).toBe(1);
    expect(index.snapshot().plans.map((p) => p.path)).toEqual(["归档/z.md", "计划/b.md", "随手.md"]);
    expect(index.snapshot().tasksInMonth?.("2026-03").map((t) => t.path)).toEqual(["归档/z.md", "归档/z.md", "计划/b.md", "随手.md"]);
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("drops a deleted note and a note renamed away from Markdown", async () => {
    const { app, index } = await builtIndex(VAULT);
    await app.vault.delete(fileAt(app, "计划/b.md"));
    await applyChanges(app, index);
    expect(index.snapshot().tasks.some((t) => t.path === "计划/b.md")).toBe(false);
    expect(index.snapshot().tasksInMonth?.("2027-05")).toEqual([]);
    await app.vault.rename(fileAt(app, "随手.md"), "随手.txt");
    expect(index.snapshot().plans.map((p) => p.path)).toEqual(["计划/a.md"]);
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("keeps a note renamed onto the path of a note deleted just before (found by the property test)", async () => {
    const { app, index } = await builtIndex(VAULT);
    await app.vault.delete(fileAt(app, "计划/b.md"));
    await app.vault.rename(fileAt(app, "随手.md"), "计划/b.md");
    await applyChanges(app, index);
    expect(index.snapshot().plans.map((p) => p.path)).toEqual(["计划/a.md", "计划/b.md"]);
    expect(index.snapshot().tasksInMonth?.("2031-04").map((t) => `${t.path ?? ""}|${t.text}`)).toEqual(["计划/b.md|春游"]);
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("drops a note that stops being a plan, and takes it back when it is one again", async () => {
    const { app, index } = await builtIndex(VAULT);
    const file = fileAt(app, "随手.md");
    const plan = app.vault.textAt("随手.md") ?? "";
    await app.vault.modify(file, "只是一篇日记，写于三月。\n");
    await applyChanges(app, index);
    expect(index.snapshot().plans.map((p) => p.path)).toEqual(["计划/a.md", "计划/b.md"]);
    expect(index.snapshot().tasksInMonth?.("2026-04").map((t) => t.text)).toEqual(["健步走"]);
    await expectSameAsCold(index, vaultFiles(app));
    await app.vault.modify(file, plan);
    await applyChanges(app, index);
    expect(index.snapshot().tasksInMonth?.("2026-04").map((t) => t.text)).toEqual(["健步走", "春游"]);
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("takes a new plan note, and ignores an exported 行事历", async () => {
    const { app, index } = await builtIndex(VAULT);
    await app.vault.create("计划/0.md", noteText(canonical("n", [[2026, 3, ["新任务"]]])));
    await app.vault.create("行事历 2026-03.md", "---\ntype: union-plan-export\n---\n## 2026年3月\n- [ ] 妇女节活动\n");
    await applyChanges(app, index);
    expect(index.snapshot().tasksInMonth?.("2026-03").map((t) => t.text)).toEqual(["新任务", "妇女节活动", "植树", "工会小组长会议", "读书会"]);
    await expectSameAsCold(index, vaultFiles(app));
  });

  it("an edit that leaves the plans as they were tells nobody, but edits check the newest text", async () => {
    const { app, index } = await builtIndex(VAULT);
    const before = index.snapshot();
    let told = 0;
    index.onChange(() => told++);
    await app.vault.process(fileAt(app, "计划/a.md"), (d) => `${d}\n\n`);
    await applyChanges(app, index);
    expect(told).toBe(0);
    expect(index.snapshot()).toBe(before);
    expect(index.indexedText("计划/a.md")).toMatch(/\n\n\n$/);
  });

  it("a change that arrives during the cold build wins over what the build read", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`计划/${String(i).padStart(2, "0")}.md`] = noteText(canonical(`c${i}`, [[2026, 3, [`任务${i}`]]]));
    const { App } = await import("../../fakes/obsidian");
    const app = new App(files);
    for (const f of app.vault.getMarkdownFiles()) app.metadataCache.getFileCache(f);
    let clock = 0;
    const { indexOver } = await import("./index-harness");
    // Each look at the clock is 10 ms of work: the build must give the UI turns, and a change can land in one.
    const index = indexOver(app, { now: () => (clock += 10) });
    index.eventRefs();
    const building = index.build();
    await app.vault.process(fileAt(app, "计划/29.md"), (d) => d.replace("任务29", "任务29（新）"));
    await building;
    await applyChanges(app, index);
    expect(index.buildYields).toBeGreaterThan(3);
    expect(index.snapshot().tasks.map((t) => t.text).at(-1)).toBe("任务29（新）");
    await expectSameAsCold(index, vaultFiles(app));
  });
});
