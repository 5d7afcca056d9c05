import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";
import { createNotionClient } from "../../notion-sync/client";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { makeWorld, notionPicture, type World } from "./world";

const NOTE = "计划/2026年 工会工作计划.md";

function edit(w: World, path: string, fn: (text: string) => string): void {
  const text = w.vault.get(path);
  if (text === undefined) throw new Error(`no note ${path}`);
  const next = fn(text);
  if (next === text) throw new Error("edit changed nothing");
  w.vault.set(path, next);
}

function taskPage(w: World, taskId: string, plan = "p-qsl2026"): { id: string; properties: Record<string, unknown> } {
  const page = w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === `${plan}/${taskId}`);
  if (!page) throw new Error(`no task page ${taskId}`);
  return page;
}

function planPage(w: World, planId = "p-qsl2026"): { id: string; properties: Record<string, unknown> } {
  const page = w.emulator.pages(w.ids().plans).find((p) => p.properties["同步键"] === planId);
  if (!page) throw new Error(`no plan page ${planId}`);
  return page;
}

function noDuplicates(w: World): void {
  for (const ds of [w.ids().plans, w.ids().tasks]) {
    const keys = w.emulator.pages(ds).map((p) => JSON.stringify(p.properties["同步键"]));
    expect(new Set(keys).size).toBe(keys.length);
  }
}

async function synced(): Promise<World> {
  const w = makeWorld();
  await w.sync();
  return w;
}

describe("edits in Obsidian", () => {
  it("a task's owner or date edited: exactly one write, on the same page", async () => {
    const w = await synced();
    const before = taskPage(w, "t-qs1101");
    edit(w, NOTE, (t) => t.replace("（负责人：刘洋）", "（负责人：王芳）"));
    const r = await w.sync();
    expect(r.writes).toBe(1);
    expect(r.created).toBe(0);
    const after = taskPage(w, "t-qs1101");
    expect(after.id).toBe(before.id);
    expect(after.properties["负责人"]).toBe("王芳");
  });

  it("a reworded task is the same page; the plan body is not rewritten", async () => {
    const w = await synced();
    const before = taskPage(w, "t-qs1102");
    const bodyBefore = w.emulator.blocks(planPage(w).id).map((b) => b.id);
    edit(w, NOTE, (t) => t.replace("教工合唱排练", "教工合唱团排练与汇演"));
    const r = await w.sync();
    // One write for the task page; where the server takes no page mentions (the emulator), the
    // plan's to-do carries the words and is updated in place: one more.
    expect(r.writes).toBe(w.store.snapshot?.mentions === false ? 2 : 1);
    expect(r.created).toBe(0);
    expect(taskPage(w, "t-qs1102").id).toBe(before.id);
    expect(taskPage(w, "t-qs1102").properties["任务"]).toBe("教工合唱团排练与汇演");
    const body = w.emulator.blocks(planPage(w).id);
    expect(body.map((b) => b.id)).toEqual(bodyBefore);
    if (w.store.snapshot?.mentions === false) expect(body.some((b) => b.type === "to_do" && b.text === "教工合唱团排练与汇演")).toBe(true);
  });

  it("a task moved to another month: 月份 follows, same page, the body shows it under its new month", async () => {
    const w = await synced();
    const before = taskPage(w, "t-qs1201");
    edit(w, NOTE, (t) => t.replace("- [ ] 送温暖走访困难教职工 ^t-qs1201\n", "").replace("### 2026年11月\n", "### 2026年11月\n- [ ] 送温暖走访困难教职工 ^t-qs1201\n"));
    const r = await w.sync();
    expect(r.created).toBe(0);
    // The task page, and only the stretch of the body that changed: one block out, one block in.
    expect(r.writes).toBe(3);
    const after = taskPage(w, "t-qs1201");
    expect(after.id).toBe(before.id);
    expect(after.properties["月份"]).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    const body = w.emulator.blocks(planPage(w).id);
    const nov = body.findIndex((b) => b.text === "2026年11月");
    const dec = body.findIndex((b) => b.text === "2026年12月");
    const moved = body.findIndex((b) => b.text === "送温暖走访困难教职工");
    expect(nov).toBeLessThan(moved);
    expect(moved).toBeLessThan(dec);
    noDuplicates(w);
  });

  it("a task ticked in Obsidian: 完成 in Notion and the plan's to-do", async () => {
    const w = await synced();
    edit(w, NOTE, (t) => t.replace("- [ ] 教工合唱排练", "- [x] 教工合唱排练"));
    const r = await w.sync();
    expect(r.writes).toBe(2);
    expect(taskPage(w, "t-qs1102").properties["完成"]).toBe(true);
    expect(w.emulator.blocks(planPage(w).id).find((b) => b.text === "教工合唱排练" || b.type === "to_do")).toBeTruthy();
    const again = await w.sync();
    expect(again.writes).toBe(0);
  });

  it("a task deleted in Obsidian is marked in Notion (not trashed unless allowed)", async () => {
    const w = await synced();
    edit(w, NOTE, (t) => t.replace("- [ ] 年度工会工作考核 ^t-qs1202\n", ""));
    const r = await w.sync();
    expect(r.trashed).toBe(1);
    const page = taskPage(w, "t-qs1202");
    expect(String(page.properties["任务"])).toMatch(/^〔已在 Obsidian 删除〕/);
    expect(w.emulator.page(page.id)?.inTrash).toBe(false);
    expect((await w.sync()).writes).toBe(0);

    const w2 = await synced();
    edit(w2, NOTE, (t) => t.replace("- [ ] 年度工会工作考核 ^t-qs1202\n", ""));
    await w2.sync({ trashOnDelete: true });
    const trashed = w2.emulator.pages(w2.ids().tasks, { includeTrashed: true }).find((p) => p.properties["同步键"] === "p-qsl2026/t-qs1202");
    expect(trashed?.inTrash).toBe(true);
  });
});

describe("changes in Notion come back", () => {
  it("审核状态 and 审核意见 set in Notion land in the note's frontmatter", async () => {
    const w = await synced();
    w.emulator.editPage(planPage(w).id, { 审核状态: "需修改", 审核意见: "请补充十二月的安排" });
    const r = await w.sync();
    expect(r.pulledBack).toBe(2);
    expect(r.writes).toBe(0);
    const text = w.vault.get(NOTE) ?? "";
    expect(text).toContain("review-status: 需修改");
    expect(text).toContain("review-comment: 请补充十二月的安排");
    const plan = parsePlans(text).plans[0];
    expect(plan?.reviewStatus).toBe("需修改");
    expect((await w.sync()).writes).toBe(0);
  });

  it("完成 ticked in Notion ticks the task line", async () => {
    const w = await synced();
    w.emulator.editPage(taskPage(w, "t-qs1201").id, { 完成: true });
    const r = await w.sync();
    expect(r.pulledBack).toBe(1);
    expect(w.vault.get(NOTE)).toMatch(/- \[x\] 送温暖走访困难教职工 ✅ \d{4}-\d{2}-\d{2} \^t-qs1201/);
    // The plan's to-do follows; nothing else is written.
    expect(r.writes).toBe(1);
    expect(w.emulator.blocks(planPage(w).id).find((b) => b.type === "to_do" && b.text === "送温暖走访困难教职工")?.checked ?? true).toBe(true);
    expect((await w.sync()).writes).toBe(0);
  });

  it("完成 ticked the same way on both sides is agreement; after a lost state Obsidian's value stands, reported", async () => {
    const w = await synced();
    // Ticked in Notion and ticked in Obsidian: both say the same, nothing to report or pull.
    w.emulator.editPage(taskPage(w, "t-qs1202").id, { 完成: true });
    edit(w, NOTE, (t) => t.replace("- [ ] 年度工会工作考核", "- [x] 年度工会工作考核"));
    const r = await w.sync();
    expect(r.conflicts).toEqual([]);
    expect(r.pulledBack).toBe(0);
    expect(taskPage(w, "t-qs1202").properties["完成"]).toBe(true);
    expect((await w.sync()).writes).toBe(0);

    // After a lost state nobody can tell who changed it: Obsidian's value stands, reported.
    w.emulator.editPage(taskPage(w, "t-qs1201").id, { 完成: true });
    w.store.clear();
    const r2 = await w.sync();
    expect(r2.conflicts.map((c) => c.taskId)).toEqual(["t-qs1201"]);
    expect(taskPage(w, "t-qs1201").properties["完成"]).toBe(false);
    expect(w.vault.get(NOTE)).toContain("- [ ] 送温暖走访困难教职工");
  });
});

describe("state lost, sync cut off", () => {
  it("a lost state is rebuilt from 同步键: no page created again", async () => {
    const w = await synced();
    const picture = notionPicture(w);
    const pages = w.emulator.pages(w.ids().tasks).length + w.emulator.pages(w.ids().plans).length;
    const kept = w.store.snapshot;
    w.store.clear();
    // The databases are found again under the parent page; pages by 同步键.
    const r = await w.sync();
    expect(r.created).toBe(0);
    expect(w.emulator.pages(w.ids().tasks).length + w.emulator.pages(w.ids().plans).length).toBe(pages);
    expect(w.ids()).toEqual({ plans: kept?.plansDataSourceId, tasks: kept?.tasksDataSourceId });
    expect(notionPicture(w)).toEqual(picture);
    noDuplicates(w);
    expect((await w.sync()).writes).toBe(0);
  });

  it("a first sync cut off at any request and run again ends like an uninterrupted one", async () => {
    const reference = makeWorld();
    await reference.sync();
    const want = notionPicture(reference);
    const total = reference.emulator.counters.requests;
    for (let cut = 1; cut <= total; cut++) {
      const w = makeWorld();
      let n = 0;
      // The request at `cut` reaches Notion (odd cuts) or not (even), then the app "closes".
      const conn = createNotionClient({
        token: w.emulator.token,
        baseUrl: w.emulator.baseUrl,
        clock: w.emulator.clock,
        limiter: new RateLimiter(w.emulator.clock),
        fetch: async (url, init) => {
          if (++n === cut) {
            if (cut % 2 === 1) await w.emulator.fetch(url, init);
            throw new Error("app closed");
          }
          return w.emulator.fetch(url, init);
        },
      });
      await expect(w.sync({ connection: conn })).rejects.toThrow(/app closed/);
      const r = await w.sync();
      expect(r.errors).toEqual([]);
      expect(notionPicture(w)).toEqual(want);
      noDuplicates(w);
    }
    // Dozens of whole syncs on emulated time: CPU-bound, so a loaded machine needs room (the figures do not change).
  }, 180_000);
});

describe("more", () => {
  it("a task page a person moved to Notion's trash comes back (same page) while the task exists", async () => {
    const w = await synced();
    const page = taskPage(w, "t-qs1102");
    w.emulator.editPage(page.id, {}, { inTrash: true });
    const r = await w.sync();
    expect(r.created).toBe(0);
    expect(w.emulator.page(page.id)?.inTrash).toBe(false);
    noDuplicates(w);
    expect((await w.sync()).writes).toBe(0);
  });

  it("'Sync this plan' touches only that note's plan and judges deletions only there", async () => {
    const w = await synced();
    edit(w, NOTE, (t) => t.replace("教工合唱排练", "教工合唱排练（改）"));
    const other = "已导入/青石路小学2026学年度第一学期工会工作计划.md";
    edit(w, other, (t) => t.replace("新教师入会仪式", "新教师入会仪式（改）"));
    const notes = (await import("./world")).notesOf(w.vault).filter((n) => n.path === NOTE);
    const { runNotionSync } = await import("../../notion-sync/sync-engine");
    const r = await runNotionSync(notes, { connection: w.connection, store: w.store, target: { parentPageId: w.parent }, onlyPaths: [NOTE] });
    expect(r.trashed).toBe(0);
    expect(taskPage(w, "t-qs1102").properties["任务"]).toBe("教工合唱排练（改）");
    const untouched = w.emulator.pages(w.ids().tasks).find((p) => p.properties["任务"] === "新教师入会仪式");
    expect(untouched).toBeTruthy();
  });

  it("the token appears in no report, error or log line", async () => {
    const lines: string[] = [];
    const w = makeWorld();
    const { createNotionClient } = await import("../../notion-sync/client");
    const conn = createNotionClient({ token: w.emulator.token, fetch: w.emulator.fetch, baseUrl: w.emulator.baseUrl, clock: w.emulator.clock, log: (l) => lines.push(l) });
    const r = await w.sync({ connection: conn });
    const bad = createNotionClient({ token: `${w.emulator.token}x`, fetch: w.emulator.fetch, baseUrl: w.emulator.baseUrl, clock: w.emulator.clock, log: (l) => lines.push(l) });
    const error = await w.sync({ connection: bad }).catch((e: unknown) => e);
    const all = JSON.stringify(r) + String(error) + JSON.stringify(error) + lines.join("\n") + JSON.stringify(w.store.snapshot);
    expect(lines.length).toBeGreaterThan(0);
    expect(all).not.toContain(w.emulator.token);
  });
});

describe("plain-text 行事历", () => {
  it("a tick in Notion for a line with no checkbox stays in Notion and the user is told", async () => {
    const vault = new Map([["计划/纯文本.md", "---\ntype: union-plan\ntitle: 纯文本计划\nplan-id: p-plain\n---\n# 纯文本计划\n\n## 行事历\n\n3月：教工春季登山；工会小组长会议\n"]]);
    const w = makeWorld({ vault });
    await w.sync();
    const page = w.emulator.pages(w.ids().tasks)[0];
    expect(page).toBeTruthy();
    w.emulator.editPage(page?.id ?? "", { 完成: true });
    const before = w.vault.get("计划/纯文本.md");
    const r = await w.sync();
    expect(r.pulledBack).toBe(0);
    // Only the plan's to-do follows Notion's tick; the task page keeps it.
    expect(r.writes).toBe(1);
    expect(r.notes.join("\n")).toMatch(/不是复选框|no checkbox/);
    expect((await w.sync()).writes).toBe(0);
    expect(w.vault.get("计划/纯文本.md")).toBe(before);
    expect(w.emulator.page(page?.id ?? "")?.properties["完成"]).toBe(true);
  });
});

describe("a note with two plans", () => {
  it("each plan gets its page; a review set in Notion stays in Notion (the note has no frontmatter of each plan's)", async () => {
    const text = readFileSync(join(__dirname, "..", "..", "example-vault", "导入", "两份计划一个文件.txt"), "utf8");
    const w = makeWorld({ vault: new Map([["导入/两份计划.md", text]]) });
    await w.sync();
    const pages = w.emulator.pages(w.ids().plans);
    expect(pages.length).toBe(2);
    w.emulator.editPage(pages[0]?.id ?? "", { 审核状态: "已通过" });
    const r = await w.sync();
    expect(r.writes).toBe(0);
    expect(w.vault.get("导入/两份计划.md")).toBe(text);
    expect((await w.sync()).writes).toBe(0);
    expect(w.emulator.page(pages[0]?.id ?? "")?.properties["审核状态"]).toBe("已通过");
  });
});

describe("a body someone edited in Notion", () => {
  it("a block a person deleted in Notion does not stop the next body change", async () => {
    const w = await synced();
    const body = w.emulator.blocks(planPage(w).id);
    const nov = body.find((b) => b.text === "2026年11月");
    await w.connection.client.blocks.delete({ block_id: nov?.id ?? "" });
    edit(w, NOTE, (t) => t.replace("- [ ] 送温暖走访困难教职工 ^t-qs1201\n", "").replace("### 2026年11月\n", "### 2026年11月\n- [ ] 送温暖走访困难教职工 ^t-qs1201\n"));
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    const fresh = makeWorld({ vault: new Map(w.vault) });
    await fresh.sync();
    const strip = (x: World): unknown => x.emulator.blocks(planPage(x).id).map((b) => [b.type, b.text, b.checked]);
    expect(strip(w)).toEqual(strip(fresh));
  });
});

describe("with page mentions (as Notion takes them)", () => {
  it("a reworded task is exactly one write: the plan's to-do mentions the task page", async () => {
    const w = makeWorld();
    // The emulator takes no mentions; this shim stands in for Notion, which renders a page mention
    // as the page's title: it passes a mention on as text naming the page.
    const mentionsAsText = (body: string): string =>
      body.replace(/\{"type":"mention","mention":\{"type":"page","page":\{"id":"([0-9a-f-]+)"\}\}\}/g, (_m, id: string) => JSON.stringify({ type: "text", text: { content: `@${id}` } }));
    const { createNotionClient } = await import("../../notion-sync/client");
    const conn = createNotionClient({
      token: w.emulator.token,
      baseUrl: w.emulator.baseUrl,
      clock: w.emulator.clock,
      fetch: (url, init) => w.emulator.fetch(url, { ...(init as RequestInit), body: typeof init?.body === "string" ? mentionsAsText(init.body) : undefined }),
    });
    await w.sync({ connection: conn });
    expect(w.store.snapshot?.mentions).toBeUndefined();
    const page = taskPage(w, "t-qs1102");
    expect(w.emulator.blocks(planPage(w).id).some((b) => b.type === "to_do" && b.text === `@${page.id}`)).toBe(true);
    edit(w, NOTE, (t) => t.replace("教工合唱排练", "教工合唱团排练与汇演"));
    const r = await w.sync({ connection: conn });
    expect(r.writes).toBe(1);
    expect(taskPage(w, "t-qs1102").properties["任务"]).toBe("教工合唱团排练与汇演");
  });
});

describe("an edit sync cut off", () => {
  it("cut off at any request and run again: the edits all land, nothing twice", async () => {
    const edits = (w: World): void => {
      edit(w, NOTE, (t) =>
        t
          .replace("教工合唱排练", "教工合唱团排练")
          .replace("- [ ] 送温暖走访困难教职工 ^t-qs1201\n", "")
          .replace("### 2026年11月\n", "### 2026年11月\n- [x] 送温暖走访困难教职工 ^t-qs1201\n- [ ] 新增：工会干部培训 ^t-qs1103\n")
          .replace("- [ ] 年度工会工作考核 ^t-qs1202\n", "")
          .replace("## 二、主要工作", "## 二、主要工作（修订）"),
      );
    };
    const reference = await synced();
    edits(reference);
    reference.emulator.resetCounters();
    await reference.sync();
    const want = notionPicture(reference);
    const total = reference.emulator.counters.requests;
    for (let cut = 1; cut <= total; cut++) {
      const w = await synced();
      edits(w);
      let n = 0;
      const conn = createNotionClient({
        token: w.emulator.token,
        baseUrl: w.emulator.baseUrl,
        clock: w.emulator.clock,
        limiter: new RateLimiter(w.emulator.clock),
        fetch: async (url, init) => {
          if (++n === cut) {
            if (cut % 2 === 0) await w.emulator.fetch(url, init);
            throw new Error("app closed");
          }
          return w.emulator.fetch(url, init);
        },
      });
      await expect(w.sync({ connection: conn })).rejects.toThrow(/app closed/);
      await w.sync();
      expect(notionPicture(w), `cut at ${cut}`).toEqual(want);
      noDuplicates(w);
    }
  }, 180_000);
});
