import { describe, expect, it } from "vitest";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { NotionOps } from "../../notion-sync/notion-ops";
import { makeWorld } from "./world";

describe("existing databases and refusals", () => {
  it("checks existing databases, adds what is missing, never removes or renames; mapped names are used", async () => {
    const w = makeWorld();
    const ops = new NotionOps(w.connection);
    // A committee's own databases: a differently named title, a property of their own, some of ours missing.
    const plansDb = (await ops.client.databases.create({
      parent: { type: "page_id", page_id: w.parent },
      title: [{ type: "text", text: { content: "我们的计划" } }],
      initial_data_source: { properties: { Name: { title: {} }, 单位: { rich_text: {} }, 备注: { rich_text: {} } } },
    })) as { id: string; data_sources: Array<{ id: string }> };
    const plansDs = plansDb.data_sources[0]?.id ?? "";
    const tasksDb = (await ops.client.databases.create({
      parent: { type: "page_id", page_id: w.parent },
      title: [{ type: "text", text: { content: "我们的任务" } }],
      initial_data_source: { properties: { 任务: { title: {} }, 完成: { checkbox: {} } } },
    })) as { id: string; data_sources: Array<{ id: string }> };
    const tasksDs = tasksDb.data_sources[0]?.id ?? "";

    const names = { plans: { title: "名称", school: "单位", year: "年度/学年", term: "学期", kind: "类型", reviewStatus: "审核状态", reviewComment: "审核意见", taskCount: "任务数", source: "来源", syncedBy: "同步人", key: "同步键" }, tasks: { title: "任务", month: "月份", plan: "计划", done: "完成", owner: "负责人", members: "负责成员", fromBody: "来自正文", syncedBy: "同步人", key: "同步键" } };
    const target = { plansDatabaseId: plansDb.id, tasksDatabaseId: tasksDb.id };
    const r = await w.sync({ target, names });
    expect(r.errors).toEqual([]);
    expect(r.schema?.addedProperties.length).toBeGreaterThan(0);
    expect(r.schema?.titleNames.plans).toBe("Name");
    const plans = w.emulator.dataSources().find((d) => d.id === plansDs);
    expect(plans?.properties).toMatchObject({ Name: "title", 单位: "rich_text", 备注: "rich_text", 审核状态: "select", 同步键: "rich_text" });
    expect(plans?.properties["学校"]).toBeUndefined();
    const page = w.emulator.pages(plansDs).find((p) => p.properties["同步键"] === "p-qsl2026");
    expect(page?.properties["Name"]).toBe("青石路小学2026年工会工作计划");
    expect(page?.properties["单位"]).toBe("青石路小学");
    expect(w.emulator.pages(tasksDs).length).toBeGreaterThan(20);
    expect((await w.sync({ target, names })).writes).toBe(0);
    // The existing tasks database gets the calendar view by 月份 too, once.
    expect(r.schema?.calendarView).toBe("created");
    expect(w.emulator.views().filter((v) => v.type === "calendar")).toHaveLength(1);
    // Another member's first sync on these databases finds the view and makes no second one.
    const other = await w.sync({ target, names, store: new MemoryStateStore() });
    expect(other.schema?.calendarView).toBe("exists");
    expect(w.emulator.views().filter((v) => v.type === "calendar")).toHaveLength(1);
  });

  it("a property of the wrong type is reported, not changed", async () => {
    const w = makeWorld();
    const ops = new NotionOps(w.connection);
    const db = (await ops.client.databases.create({
      parent: { type: "page_id", page_id: w.parent },
      title: [{ type: "text", text: { content: "计划" } }],
      initial_data_source: { properties: { 名称: { title: {} }, 任务数: { rich_text: {} } } },
    })) as { id: string };
    await expect(w.sync({ target: { plansDatabaseId: db.id, parentPageId: w.parent } })).rejects.toThrow(/任务数.*rich_text.*number/);
  });

  it("a 400 names the plan, the field and why, and the other plans still sync", async () => {
    const w = makeWorld();
    const path = "计划/2026年 工会工作计划.md";
    w.vault.set(path, (w.vault.get(path) ?? "").replace("review-status: 已通过", "review-status: 已通过,待复核"));
    const r = await w.sync();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/青石路小学2026年工会工作计划/);
    expect(r.errors[0]).toMatch(/审核状态/);
    expect(r.errors[0]).toMatch(/commas/);
    expect(w.emulator.pages(w.ids().plans).length).toBe(4);
  });
});
