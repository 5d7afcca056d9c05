import { describe, expect, it } from "vitest";
import { makeWorld, notionPicture } from "./world";

describe("Notion mirror end to end (real client, emulator)", () => {
  it("sets up from a parent page, syncs the example vault, and re-syncs with zero writes", async () => {
    const w = makeWorld();
    const first = await w.sync();
    expect(first.errors).toEqual([]);
    const { plans, tasks } = w.ids();
    const ds = w.emulator.dataSources();
    expect(ds.map((d) => d.title).sort()).toEqual(["工会工作计划 / Union plans", "行事历任务 / Plan tasks"].sort());
    const planDs = ds.find((d) => d.id === plans);
    expect(planDs?.properties).toMatchObject({ 名称: "title", 学校: "rich_text", 审核状态: "select", 审核意见: "rich_text", 任务数: "number", 来源: "rich_text", 同步键: "rich_text" });
    expect(ds.find((d) => d.id === tasks)?.properties).toMatchObject({ 任务: "title", 月份: "date", 计划: "relation", 完成: "checkbox", 负责人: "rich_text", 同步键: "rich_text" });
    const views = w.emulator.views();
    expect(views.some((v) => v.type === "calendar" && v.dateProperty === "月份")).toBe(true);
    const planPages = w.emulator.pages(plans);
    const taskPages = w.emulator.pages(tasks);
    expect(planPages.length).toBeGreaterThan(0);
    expect(first.created).toBe(planPages.length + taskPages.length);
    // The body is the plan: headings, numbered items, the 行事历 as to-dos.
    const body = w.emulator.blocks(planPages[0]?.id ?? "");
    expect(body.some((b) => b.type === "heading_2")).toBe(true);
    expect(body.filter((b) => b.type === "to_do").length).toBe(taskPages.filter((t) => (t.properties["计划"] as string[])[0] === planPages[0]?.id).length);

    const before = notionPicture(w);
    const again = await w.sync();
    expect(again.writes).toBe(0);
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBe(planPages.length + taskPages.length);
    expect(notionPicture(w)).toEqual(before);
  });
});
