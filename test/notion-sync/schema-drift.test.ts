/**
 * A person renames, deletes or retypes a property in Notion. The sync repairs what it can (follows
 * a rename by the property's id, adds a deleted property again), says once what needs a person
 * (a retyped property is no longer written), and the other writes go through.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../notion-emulator/test-helpers";
import { makeWorld, type World } from "./world";

const NOTE = "计划/2026年 工会工作计划.md";

async function synced(): Promise<World> {
  const w = makeWorld();
  await w.sync();
  return w;
}

function reassign(w: World, to: string): void {
  const text = w.vault.get(NOTE) ?? "";
  const next = text.replace(/（负责人：[^）]+）/, `（负责人：${to}）`);
  if (next === text) throw new Error("no owner to change");
  w.vault.set(NOTE, next);
}

function ownerOf(w: World, prop: string): unknown {
  return w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === "p-qsl2026/t-qs1101")?.properties[prop];
}

async function changeProperty(w: World, name: string, definition: Record<string, unknown> | null): Promise<void> {
  const notion = clientFor(w.emulator);
  await notion.dataSources.update({ data_source_id: w.ids().tasks, properties: { [name]: definition } } as Parameters<typeof notion.dataSources.update>[0]);
}

describe("a property changed by a person in Notion", () => {
  it("renamed: followed by its id, said once; later syncs write under the new name", async () => {
    const w = await synced();
    await changeProperty(w, "负责人", { name: "主办人" });
    reassign(w, "王芳");
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.notes.filter((n) => n.includes("改名为「主办人」"))).toHaveLength(1);
    expect(ownerOf(w, "主办人")).toBe("王芳");
    reassign(w, "李明");
    const again = await w.sync();
    expect(again.errors).toEqual([]);
    expect(again.notes.join("\n")).not.toMatch(/改名/);
    expect(again.writes).toBe(1);
    expect(ownerOf(w, "主办人")).toBe("李明");
  });

  it("deleted: added again and written", async () => {
    const w = await synced();
    await changeProperty(w, "负责人", null);
    reassign(w, "王芳");
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.notes.join("\n")).toMatch(/被删除，已重新添加/);
    expect(ownerOf(w, "负责人")).toBe("王芳");
  });

  it("retyped: no longer written, said once; everything else still syncs", async () => {
    const w = await synced();
    await changeProperty(w, "负责人", { number: { format: "number" } });
    reassign(w, "王芳");
    w.vault.set(NOTE, (w.vault.get(NOTE) ?? "").replace("- [ ] 年度工会工作考核", "- [x] 年度工会工作考核"));
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.notes.filter((n) => n.includes("needs rich_text"))).toHaveLength(1);
    expect(w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === "p-qsl2026/t-qs1202")?.properties["完成"]).toBe(true);
    reassign(w, "李明");
    const again = await w.sync();
    expect(again.errors).toEqual([]);
    expect(again.notes.join("\n")).not.toMatch(/needs rich_text/);
    expect(again.writes).toBe(0);
  });
});
