/**
 * A reviewer comments on one line of a plan's 行事历 in Notion (a to-do block of the plan page):
 * the discussion comes into the note's 审核意见 section about that task, a reply goes back once,
 * and the blocks are read by the polling rules of block-comments.ts (no time stamp tells of a new
 * comment, so: open discussions every sync, the rest in sweeps).
 */
import { describe, expect, it } from "vitest";
import { reviewSectionOf, reviewThreads } from "../../shared/markdown/review-section";
import { chooseSweeps, sweepReason, type SweepCandidate } from "../../notion-sync/block-comments";
import { NO_READ_COMMENTS } from "../../notion-sync/comments-phase";
import type { LocalPlan } from "../../notion-sync/local-plans";
import type { PlanEntry } from "../../notion-sync/sync-state";
import { exampleVault, makeWorld, type World } from "./world";

const NOTE = "计划/2026年 工会工作计划.md";
const PLAN = "p-qsl2026";
const TASK = "t-qs1101";
const TASK_TEXT = "11月25日教代会代表培训";
const DAY = 24 * 3_600_000;

function oneNote(capabilities?: { readComments?: boolean; insertComments?: boolean }): World {
  const text = exampleVault().get(NOTE);
  if (text === undefined) throw new Error("no example note");
  return makeWorld({ vault: new Map([[NOTE, text]]), ...(capabilities ? { emulator: { capabilities: { readComments: true, insertComments: true, ...capabilities } } } : {}) });
}

function planPageId(w: World): string {
  const page = w.emulator.pages(w.ids().plans).find((p) => p.properties["同步键"] === PLAN);
  if (!page) throw new Error("no plan page");
  return page.id;
}

/** The to-do block of the task in the plan page's body. */
function todoBlock(w: World): string {
  const block = w.emulator.blocks(planPageId(w)).find((b) => b.type === "to_do" && b.text.includes(TASK_TEXT));
  if (!block) throw new Error("no to-do block");
  return block.id;
}

const note = (w: World): string => w.vault.get(NOTE) ?? "";
const section = (w: World): string => reviewSectionOf(note(w)) ?? "";
const later = (w: World, ms = 61_000): Promise<void> => w.emulator.clock.sleep(ms);

describe("comments on a to-do block of the 行事历", () => {
  it("a line comment comes with the reviewer's status change, about its task; a reply goes back once; resolved, it leaves", async () => {
    const w = oneNote();
    await w.sync();
    await later(w);
    const block = todoBlock(w);
    const d = w.emulator.comment(block, "培训安排在周三下午更好", { as: "李审核" });
    // The reviewer sets 需修改 in the same visit: a person's edit of the page calls for a sweep.
    w.emulator.editPage(planPageId(w), { 审核状态: "需修改" });
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(note(w)).toContain("review-status: 需修改");
    expect(section(w)).toMatch(/- 李审核 · [\d-]+ [\d:]+ · 任务 \/ task「11月25日教代会代表培训」`\^t-qs1101` <!-- d:[0-9a-f-]+ -->\n {2}培训安排在周三下午更好/);
    // The view counts it beside its task.
    expect(reviewThreads(section(w)).map((t) => t.taskId)).toEqual([TASK]);

    // Nothing changed: the plan page and the one block with an open discussion, no sweep.
    const again = await w.sync();
    expect([again.commentReads, again.edits.length, again.writes]).toEqual([2, 0, 0]);

    // A reply written in Obsidian; the answer to the post is lost; the next sync looks before sending.
    w.vault.set(NOTE, note(w).replace(/(培训安排在周三下午更好\n)/, "$1  - 回复：已改到周三\n"));
    w.emulator.faults.failNext("lost-502", { methods: ["POST"], paths: ["/v1/comments"] });
    const lost = await w.sync({ retry: { random: () => 0.5, maxAttempts: 1 } });
    expect(lost.repliesPosted).toBe(0);
    await w.sync();
    const mine = w.emulator.comments(block).filter((c) => c.byIntegration);
    expect(mine.map((c) => [c.text, c.discussionId])).toEqual([["已改到周三", d]]);
    expect(section(w)).toMatch(/ {2}- union-plan · [\d-]+ [\d:]+：已改到周三/);
    await w.sync();
    expect(w.emulator.comments(block).filter((c) => c.byIntegration)).toHaveLength(1);

    w.emulator.resolveDiscussion(d);
    await w.sync();
    expect(section(w)).toBe("");
  });

  it("a line comment with no edit to the page: not read by a re-sync soon after, read once the day's sweep is due", async () => {
    const w = oneNote();
    await w.sync();
    await later(w);
    w.emulator.comment(todoBlock(w), "地点待定", { as: "王委员" });
    const soon = await w.sync();
    expect(soon.commentReads).toBe(1);
    expect(section(w)).toBe("");
    await later(w, DAY);
    const swept = await w.sync();
    const todos = w.emulator.blocks(planPageId(w)).filter((b) => b.type === "to_do").length;
    const taskPages = w.emulator.pages(w.ids().tasks).length;
    // The plan page, every to-do block and every task page.
    expect(swept.commentReads).toBe(1 + todos + taskPages);
    expect(section(w)).toContain("地点待定");
    // The sweep starts the day again; the open discussion is read every time.
    expect((await w.sync()).commentReads).toBe(2);
  });

  it("a first comment on a task page whose time stamp does not move: read by the day's sweep", async () => {
    const w = oneNote();
    await w.sync();
    await later(w);
    const taskPage = w.emulator.pages(w.ids().tasks).find((p) => JSON.stringify(p.properties).includes(TASK_TEXT));
    if (!taskPage) throw new Error("no task page");
    w.emulator.comment(taskPage.id, "请写明主讲人", { as: "王委员" });
    await w.sync();
    expect(section(w)).toBe("");
    await later(w, DAY);
    await w.sync();
    expect(section(w)).toContain("请写明主讲人");
    expect(reviewThreads(section(w)).map((t) => t.taskId)).toEqual([TASK]);
  });

  it("without the comment capabilities: said once, the rest synced, no block read", async () => {
    const w = oneNote({ readComments: false, insertComments: false });
    await w.sync();
    await later(w);
    w.emulator.comment(todoBlock(w), "地点待定", { as: "王委员" });
    w.emulator.editPage(planPageId(w), { 审核状态: "需修改" });
    const r = await w.sync({ fullComments: true });
    expect(r.errors).toEqual([]);
    expect(r.notes.filter((n) => n === NO_READ_COMMENTS)).toHaveLength(1);
    expect(note(w)).toContain("review-status: 需修改");
    expect(w.emulator.requestLog.filter((e) => e.path === "/v1/comments" && e.status === 403)).toHaveLength(1);
  });
});

describe("when the to-do blocks are read whole (pure rules)", () => {
  const entry = (over: Partial<PlanEntry> = {}): PlanEntry => ({ pageId: "p", path: "a.md", bodyHash: "h", todos: { "t-1": { blockId: "b1", checked: false } }, reviewStatus: null, reviewComment: null, ...over });
  const candidate = (e: PlanEntry, page: SweepCandidate["page"], fresh = false): SweepCandidate => ({ local: {} as LocalPlan, entry: e, page, fresh });
  const page = (edited: string, by: string): SweepCandidate["page"] => ({ id: "p", last_edited_time: edited, last_edited_by: { id: by }, properties: {} });
  const now = 10 * DAY;

  it.each([
    ["a page this run made", candidate(entry(), null, true), false, null],
    ["no to-do blocks", candidate(entry({ todos: {}, blockSweep: { at: 0 } }), null), false, null],
    ["fullComments", candidate(entry({ blockSweep: { at: now } }), null), true, "full"],
    ["a person edited the page since the sweep", candidate(entry({ blockSweep: { at: now, edited: "T1" } }), page("T2", "person")), false, "edited"],
    ["only this integration edited it", candidate(entry({ blockSweep: { at: now, edited: "T1" } }), page("T2", "bot")), false, null],
    ["the edit was already swept", candidate(entry({ blockSweep: { at: now, edited: "T2" } }), page("T2", "person")), false, null],
    ["never swept", candidate(entry(), page("T1", "bot")), false, "due"],
    ["swept a day ago", candidate(entry({ blockSweep: { at: now - DAY, edited: "T1" } }), page("T1", "bot")), false, "due"],
    ["swept an hour ago", candidate(entry({ blockSweep: { at: now - DAY / 24, edited: "T1" } }), page("T1", "bot")), false, null],
  ] as const)("%s", (_name, c, full, want) => {
    expect(sweepReason(c, now, DAY, full, "bot")).toBe(want);
  });

  it("due sweeps are spread: oldest first within the budget, the first one whatever its size; the others always", () => {
    const due = [
      { key: "c", reason: "due" as const, at: 300, blocks: 20 },
      { key: "a", reason: "due" as const, at: 100, blocks: 20 },
      { key: "e", reason: "edited" as const, at: 400, blocks: 20 },
      { key: "b", reason: "due" as const, at: undefined, blocks: 20 },
    ];
    expect([...chooseSweeps(due, 50)].sort()).toEqual(["a", "b", "e"]);
    expect([...chooseSweeps(due, 5)].sort()).toEqual(["b", "e"]);
  });
});
