/**
 * Where Notion's documented answers decide what the sync must do: the nesting limit per append,
 * 403 restricted_resource and 409 conflict_error, the 10,000-row query cap, a to-do block deleted
 * in Notion. Each on the emulator, which answers as the documentation says.
 */
import { describe, expect, it } from "vitest";
import { makeWorld, type World } from "./world";

const DEEP = `---
plan-id: p-deep
---
# 深层小学工会工作计划

## 一、主要工作
### （一）队伍建设
1、加强学习
（1）政治学习
①每月一次集中学习
②每周自学
（2）业务学习
2、关心生活

## 行事历
### 2026年9月
- [ ] 教师节慰问 ^t-a
- [ ] 工会小组长会议 ^t-b
`;

function planPageId(w: World, key: string): string {
  const page = w.emulator.pages(w.ids().plans).find((p) => p.properties["同步键"] === key);
  if (!page) throw new Error(`no plan page ${key}`);
  return page.id;
}

describe("a body nested three deep (1、 → （1） → ①)", () => {
  it("is written whole, across appends, on the first sync and every later one", async () => {
    const w = makeWorld({ vault: new Map([["计划/深层.md", DEEP]]) });
    const first = await w.sync();
    expect(first.errors).toEqual([]);
    const body = w.emulator.blocks(planPageId(w, "p-deep"));
    const depth = (text: string): number | undefined => body.find((b) => b.text.includes(text))?.depth;
    expect(depth("1、加强学习")).toBe(0);
    expect(depth("（1）政治学习")).toBe(1);
    expect(depth("①每月一次集中学习")).toBe(2);
    expect(depth("②每周自学")).toBe(2);
    expect(body.filter((b) => b.type === "to_do")).toHaveLength(2);
    // No request carried more than Notion's two levels: none was refused.
    expect(w.emulator.requestLog.filter((r) => r.status === 400)).toEqual([]);
    const again = await w.sync();
    expect(again.errors).toEqual([]);
    expect(again.writes).toBe(0);
    expect(w.emulator.blocks(planPageId(w, "p-deep")).length).toBe(body.length);
  });
});

describe("a to-do block a person deleted in Notion", () => {
  it("then ticked in Obsidian: the body is written again, the tick lands, and the next sync writes nothing", async () => {
    const w = makeWorld({ vault: new Map([["计划/深层.md", DEEP]]) });
    await w.sync();
    const pageId = planPageId(w, "p-deep");
    const todo = w.emulator.blocks(pageId).find((b) => b.type === "to_do" && b.text.includes("教师节慰问"));
    w.emulator.editBlock(todo?.id ?? "", { inTrash: true });
    w.vault.set("计划/深层.md", DEEP.replace("- [ ] 教师节慰问 ^t-a", "- [x] 教师节慰问 ^t-a"));
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    const todos = w.emulator.blocks(pageId).filter((b) => b.type === "to_do");
    expect(todos.map((b) => [b.text, b.checked])).toEqual([
      ["教师节慰问", true],
      ["工会小组长会议", false],
    ]);
    const after = await w.sync();
    expect(after.errors).toEqual([]);
    expect(after.writes).toBe(0);
  });
});

describe("403 restricted_resource and 409 conflict_error", () => {
  it("set-up survives a 403 on the calendar view once the databases exist, and says so", async () => {
    const w = makeWorld({ vault: new Map([["计划/深层.md", DEEP]]) });
    w.emulator.faults.failNext("403", { methods: ["POST"], paths: ["/v1/views"] });
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.schema?.calendarView).toBe("restricted");
    expect(r.notes.some((n) => n.includes("403"))).toBe(true);
    expect(w.emulator.pages(w.ids().tasks)).toHaveLength(2);
    expect(w.emulator.views()).toEqual([]);
  });

  it("a missing capability is refused as Notion refuses it, in words, with nothing written", async () => {
    const w = makeWorld({ vault: new Map([["计划/深层.md", DEEP]]), emulator: { capabilities: { insertContent: false } } });
    await expect(w.sync()).rejects.toMatchObject({ kind: "restricted", status: 403, code: "restricted_resource" });
    expect(w.emulator.requestLog.filter((r) => r.wrote)).toEqual([]);
  });

  it("a 409 is retried and lands once", async () => {
    const w = makeWorld({ vault: new Map([["计划/深层.md", DEEP]]) });
    await w.sync();
    w.vault.set("计划/深层.md", DEEP.replace("- [ ] 工会小组长会议 ^t-b", "- [x] 工会小组长会议 ^t-b"));
    w.emulator.faults.failNext("409", { methods: ["PATCH"], paths: ["/v1/pages/"] });
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(w.emulator.requestLog.some((e) => e.status === 409)).toBe(true);
    expect(w.emulator.pages(w.ids().tasks).filter((p) => p.properties["完成"] === true)).toHaveLength(1);
  });
});

describe("a query past Notion's result limit (10,000; 20 here)", () => {
  const many = (plan: number): string =>
    `---\nplan-id: p-${plan}\n---\n# 第${plan}学校工会工作计划\n\n## 行事历\n### 2026年9月\n${Array.from({ length: 12 }, (_, i) => `- [ ] 活动${plan}-${i} ^t-${plan}x${i}`).join("\n")}\n`;
  it("a lost state is rebuilt plan by plan with a notice, and no page is created twice", async () => {
    const vault = new Map([1, 2, 3].map((p) => [`计划/${p}.md`, many(p)] as [string, string]));
    const w = makeWorld({ vault, emulator: { queryResultLimit: 20 } });
    await w.sync();
    expect(w.emulator.pages(w.ids().tasks)).toHaveLength(36);
    const ids = w.ids();
    // The state is lost (a new machine): the databases are found again by title, the pages by key.
    w.store.clear();
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.created).toBe(0);
    expect(r.notes.some((n) => n.includes("10,000"))).toBe(true);
    expect(w.ids()).toEqual(ids);
    const keys = w.emulator.pages(ids.tasks).map((p) => p.properties["同步键"]);
    expect(keys).toHaveLength(36);
    expect(new Set(keys).size).toBe(36);
  });
});

describe("Notion-Version 2026-03-11", () => {
  it("the emulator refuses what that version dropped (append's `after`, `archived`) and answers without `archived`", async () => {
    const w = makeWorld({ vault: new Map([["计划/深层.md", DEEP]]), notionVersion: "2026-03-11" });
    await w.sync();
    const pageId = planPageId(w, "p-deep");
    w.emulator.setRateLimit(false);
    const call = (method: string, path: string, body?: unknown): Promise<Response> =>
      w.emulator.fetch(`https://api.notion.com/v1/${path}`, { method, headers: { authorization: `Bearer ${w.emulator.token}`, "notion-version": "2026-03-11", "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const first = w.emulator.blocks(pageId)[0]?.id ?? "";
    const after = await call("PATCH", `blocks/${pageId}/children`, { children: [{ paragraph: { rich_text: [{ text: { content: "x" } }] } }], after: first });
    expect(after.status).toBe(400);
    const archived = await call("PATCH", `pages/${pageId}`, { archived: true });
    expect(archived.status).toBe(400);
    const got = await call("GET", `pages/${pageId}`);
    expect(got.status).toBe(200);
    const page = (await got.json()) as Record<string, unknown>;
    expect(page["in_trash"]).toBe(false);
    expect("archived" in page).toBe(false);
  });
});
