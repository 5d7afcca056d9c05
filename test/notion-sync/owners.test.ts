/** Owners (负责人) who are workspace members become people in 负责成员, so Notion notifies them; the rest stay text. */
import { describe, expect, it } from "vitest";
import { matchOwners, ownerNames, ownersSummary } from "../../notion-sync/members";
import { makeWorld, type World } from "./world";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { reviewNewsLines } from "../../notion-sync/review-news";

const MEMBERS = [
  { id: "u-zl", name: "张丽" },
  { id: "u-wh", name: "王 海" },
  { id: "u-l1", name: "李明" },
  { id: "u-l2", name: "李明" },
];

describe("matching owner names to members", () => {
  it("splits an owner field into names", () => {
    expect(ownerNames("张丽、王海")).toEqual(["张丽", "王海"]);
    expect(ownerNames("张丽/王海，周洁")).toEqual(["张丽", "王海", "周洁"]);
    expect(ownerNames(null)).toEqual([]);
  });

  it("a name matches the member of that name, spaces and a title after it aside", () => {
    expect(matchOwners("张丽老师、王海", MEMBERS)).toEqual({ ids: ["u-zl", "u-wh"], unmatched: [], matched: [["张丽老师", "张丽"], ["王海", "王 海"]] });
  });

  it("a name no member has, or two members share, stays text", () => {
    expect(matchOwners("周洁、李明", MEMBERS)).toEqual({ ids: [], unmatched: ["周洁", "李明"], matched: [] });
  });
});

const NOTE = "计划/负责人.md";
const PLAN = [
  "---",
  "type: union-plan",
  "plan-id: p-owners",
  "---",
  "# 青禾小学2026年工会工作计划",
  "## 行事历",
  "### 2026年3月",
  "- [ ] 教工踏青活动（负责人：张丽） ^t-a1",
  "- [ ] 三八节座谈会（负责人：周洁） ^t-a2",
  "- [ ] 工会小组长会议 ^t-a3",
  "",
].join("\n");

function world(capabilities?: { readUsers: boolean }): World {
  return makeWorld({ vault: new Map([[NOTE, PLAN]]), ...(capabilities ? { emulator: { capabilities } } : {}) });
}

function taskPage(w: World, id: string): Record<string, unknown> {
  const page = w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === `p-owners/${id}`);
  if (!page) throw new Error(`no task page ${id}`);
  return page.properties;
}

describe("owners in the mirror", () => {
  it("a member's name sets 负责成员; 负责人 keeps the words; the report says which names matched", async () => {
    const w = world();
    const zhang = w.emulator.addUser("张丽");
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(taskPage(w, "t-a1")["负责成员"]).toEqual([zhang]);
    expect(taskPage(w, "t-a1")["负责人"]).toBe("张丽");
    expect(taskPage(w, "t-a2")["负责成员"]).toEqual([]);
    expect(taskPage(w, "t-a2")["负责人"]).toBe("周洁");
    expect(r.owners).toEqual({ matched: { 张丽: "张丽" }, unmatched: ["周洁"] });
    expect(ownersSummary(r.owners)).toBe("负责人 / owners — 成员 / members: 张丽；仅文字 / text only: 周洁");
    // Unchanged: nothing written again.
    expect((await w.sync()).writes).toBe(0);
  });

  it("a person assigned by hand in Notion to a task whose note names no owner is left alone", async () => {
    const w = world();
    w.emulator.addUser("张丽");
    const wang = w.emulator.addUser("王海");
    await w.sync();
    const page = w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === "p-owners/t-a3");
    w.emulator.editPage(page?.id ?? "", { 负责成员: [wang] });
    await w.sync();
    expect(taskPage(w, "t-a3")["负责成员"]).toEqual([wang]);
  });

  it("a member who joins later is set on the next sync", async () => {
    const w = world();
    await w.sync();
    expect(taskPage(w, "t-a2")["负责成员"]).toEqual([]);
    const zhou = w.emulator.addUser("周洁");
    const r = await w.sync();
    expect(taskPage(w, "t-a2")["负责成员"]).toEqual([zhou]);
    expect(r.owners).toEqual({ matched: { 周洁: "周洁" }, unmatched: ["张丽"] });
  });

  it("without the user-read capability: said once, owners synced as text, everything else synced", async () => {
    const w = world({ readUsers: false });
    w.emulator.addUser("张丽");
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.notes.filter((n) => n.startsWith("集成没有读取用户信息的权限"))).toHaveLength(1);
    expect(taskPage(w, "t-a1")["负责人"]).toBe("张丽");
    expect(taskPage(w, "t-a1")["负责成员"]).toEqual([]);
  });
});

describe("several members on one database", () => {
  it("each sync records who ran it (同步人) on the pages it wrote, and only those", async () => {
    const w = world();
    const a = await w.sync({ syncedBy: "张老师" });
    expect(a.errors).toEqual([]);
    expect(taskPage(w, "t-a1")["同步人"]).toBe("张老师");
    const plansDatabaseId = w.emulator.dataSources().find((d) => d.id === w.ids().plans)?.databaseId ?? "";
    const tasksDatabaseId = w.emulator.dataSources().find((d) => d.id === w.ids().tasks)?.databaseId ?? "";
    // Member B: their own vault (the same note, one task reworded) and state, the same databases.
    w.vault.set(NOTE, PLAN.replace("工会小组长会议", "工会小组长工作会议"));
    const b = new MemoryStateStore();
    const first = await w.sync({ syncedBy: "李老师", store: b, target: { plansDatabaseId, tasksDatabaseId } });
    expect(first.errors).toEqual([]);
    expect(first.created).toBe(0);
    expect(taskPage(w, "t-a3")["同步人"]).toBe("李老师");
    expect(taskPage(w, "t-a1")["同步人"]).toBe("张老师");
    // Nothing changed: nothing written, not even to record who looked.
    expect((await w.sync({ syncedBy: "李老师", store: b, target: { plansDatabaseId, tasksDatabaseId } })).writes).toBe(0);
  });
});

describe("what reviewers did, for the notice after a sync", () => {
  it("a review status that came back and new discussions, those on my tasks apart; nothing the next time", async () => {
    const w = world();
    w.emulator.addUser("张丽");
    await w.sync({ syncedBy: "张丽" });
    const plan = w.emulator.pages(w.ids().plans).find((p) => p.properties["同步键"] === "p-owners");
    const task = w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === "p-owners/t-a1");
    // Notion's last_edited_time counts minutes: the reviewer comes a minute later.
    await w.emulator.clock.sleep(61_000);
    w.emulator.editPage(plan?.id ?? "", { 审核状态: "需修改" });
    w.emulator.comment(plan?.id ?? "", "请补充经费预算", { as: "王主席" });
    // A task page is read when its last_edited_time moved (comments-phase): this comment moves it.
    w.emulator.comment(task?.id ?? "", "踏青地点请再确认", { as: "王主席", touchesPage: true });
    const r = await w.sync({ syncedBy: "张丽" });
    expect(r.reviews).toEqual([{ plan: "青禾小学2026年工会工作计划", status: "需修改", newDiscussions: 2, onMine: 1 }]);
    expect(reviewNewsLines(r.reviews)).toEqual(['《青禾小学2026年工会工作计划》需修改，新意见 2 条（其中我的任务 1 条） / "青禾小学2026年工会工作计划": review status 需修改, 2 new comment thread(s), 1 on my tasks']);
    expect((await w.sync({ syncedBy: "张丽" })).reviews).toEqual([]);
  });
});
