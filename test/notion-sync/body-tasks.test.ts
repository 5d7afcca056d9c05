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

  it("an activity in both the 行事历 and a body sentence gets one page, marked as a 行事历 task", async () => {
    const w = makeWorld({ vault: new Map([["计划/两处.md", BODY_AND_SCHEDULE]]) });
    await w.sync();
    const pages = tasksOf(w);
    expect(pages.filter((p) => String(p["任务"]).includes("妇女节"))).toEqual([expect.objectContaining({ 来自正文: false })]);
    expect(pages.filter((p) => p["来自正文"] === true).map((p) => p["任务"])).toEqual(["组织一次秋季登山"]);
    expect(pages).toHaveLength(4);
  });
});
