/** snapshot(): equal for the same work whatever the ids and order, different for a duplicate. */
import type { Client } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import { clientFor, createPlanAndTaskDatabases, quietEmulator, text } from "./test-helpers";

async function work(notion: Client, parent: string, order: number[]): Promise<void> {
  const { plansDs, tasksDs } = await createPlanAndTaskDatabases(notion, parent);
  const plan = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 标题: { title: text("第二学期计划") } } });
  for (const i of order) {
    await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: tasksDs },
      properties: { 任务: { title: text(`任务${i}`) }, 计划: { relation: [{ id: plan.id }] }, 同步键: { rich_text: text(`t-${i}`) } },
      children: [{ to_do: { rich_text: text(`任务${i}`), checked: i % 2 === 0 } }],
    });
  }
}

describe("snapshot", () => {
  it("is the same for the same work done with other ids and in another order, and shows a duplicate", async () => {
    const a = quietEmulator({ seed: 1 });
    const b = quietEmulator({ seed: 2 });
    await work(clientFor(a), a.seedPage({ title: "工会" }), [1, 2, 3]);
    await work(clientFor(b), b.seedPage({ title: "工会" }), [3, 1, 2]);
    expect(b.snapshot()).toEqual(a.snapshot());
    const tasks = a.snapshot().databases.find((d) => d.title === "行事历任务")?.dataSources[0];
    expect(tasks?.pages[0]).toEqual({
      inTrash: false,
      properties: { 任务: "任务1", 月份: null, 计划: ["第二学期计划"], 完成: false, 负责人: "", 同步键: "t-1", 来源: null },
      body: [{ type: "to_do", depth: 0, text: "任务1", checked: false }],
    });

    const tasksDs = b.dataSources().find((d) => d.title === "行事历任务")?.id ?? "";
    await clientFor(b).pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 任务: { title: text("任务1") }, 同步键: { rich_text: text("t-1") } } });
    expect(b.snapshot()).not.toEqual(a.snapshot());
  });
});
