/** Body tasks in the mirror: task pages like the 行事历's, marked 来自正文, never twice, and a re-sync writes nothing. */
import { describe, expect, it } from "vitest";
import { makeWorld } from "./world";
import { BODY_AND_SCHEDULE, BODY_ONLY } from "../tasks/body-plan-fixture";

const tasksOf = (w: ReturnType<typeof makeWorld>): Record<string, unknown>[] => w.emulator.pages(w.ids().tasks).map((p) => p.properties);

describe("body tasks in Notion", () => {
  it("a plan with only body dates syncs its tasks, each marked as from the body; a second sync writes nothing", async () => {
    const w = makeWorld({ vault: new Map([["计划/正文计划.md", BODY_ONLY]]) });
    const first = await w.sync();
    expect(first.errors).toEqual([]);
    const pages = tasksOf(w);
    expect(pages.map((p) => [p["任务"], p["来自正文"]]).sort()).toEqual([
      ["举办优秀会员表彰会", true],
      ["组织一次秋季登山", true],
    ]);
    const hike = pages.find((p) => p["任务"] === "组织一次秋季登山");
    expect(hike?.["月份"]).toMatchObject({ start: "2026-11-01", end: "2026-11-30" });
    expect(String(hike?.["同步键"])).toMatch(/^p-[^/]+\/t-/);
    const plan = w.emulator.pages(w.ids().plans)[0];
    expect(plan?.properties["任务数"]).toBe(2);
    const again = await w.sync();
    expect(again.writes).toBe(0);
    expect(again.created).toBe(0);
  });

  it("a tick in Notion for a body sentence stays in Notion, the note is left alone, and the user is told how to add a box", async () => {
    const w = makeWorld({ vault: new Map([["计划/正文计划.md", BODY_ONLY]]) });
    await w.sync();
    const page = w.emulator.pages(w.ids().tasks).find((p) => p.properties["任务"] === "组织一次秋季登山");
    w.emulator.editPage(page?.id ?? "", { 完成: true });
    const r = await w.sync();
    expect(r.pulledBack).toBe(0);
    expect(w.vault.get("计划/正文计划.md")).toBe(BODY_ONLY);
    expect(r.notes.join("\n")).toContain("tick it in the 行事历 view to add one");
    expect(w.emulator.page(page?.id ?? "")?.properties["完成"]).toBe(true);
  });

  it("a body sentence ticked into a checkbox takes Notion's tick like a 行事历 line", async () => {
    const hikeLine = "（2）11月左右组织一次秋季登山。";
    const w = makeWorld({ vault: new Map([["计划/正文计划.md", BODY_ONLY.replace(hikeLine, `- [ ] ${hikeLine}`)]]) });
    await w.sync();
    const page = w.emulator.pages(w.ids().tasks).find((p) => p.properties["任务"] === "组织一次秋季登山");
    expect(page?.properties["来自正文"]).toBe(true);
    w.emulator.editPage(page?.id ?? "", { 完成: true });
    const r = await w.sync();
    expect(r.pulledBack).toBe(1);
    expect(w.vault.get("计划/正文计划.md")).toMatch(/- \[x\] （2）11月左右组织一次秋季登山。 ✅ \d{4}-\d{2}-\d{2}/);
  });

  it("an activity in both the 行事历 and a body sentence gets one page, marked as a 行事历 task", async () => {
    const w = makeWorld({ vault: new Map([["计划/两处.md", BODY_AND_SCHEDULE]]) });
    await w.sync();
    const pages = tasksOf(w);
    expect(pages.filter((p) => String(p["任务"]).includes("妇女节"))).toEqual([expect.objectContaining({ 来自正文: false })]);
    expect(pages.filter((p) => p["来自正文"] === true).map((p) => p["任务"])).toEqual(["组织一次秋季登山"]);
    expect(pages).toHaveLength(4);
  });
});
