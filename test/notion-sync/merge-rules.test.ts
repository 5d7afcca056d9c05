/** The merge rules and the decision step as pure functions: tables, no emulator. */
import { describe, expect, it } from "vitest";
import { mergeDone, mergeReview, type DoneInput, type DoneOutcome, type ReviewInput, type ReviewOutcome } from "../../notion-sync/merge-rules";
import { decidePlan } from "../../notion-sync/decide";
import { resolvePropertyNames } from "../../notion-sync/properties";
import type { PageLike } from "../../notion-sync/notion-ops";
import { parsePlans } from "../../shared/index";

describe("完成: three-way merge", () => {
  const rows: Array<[string, DoneInput, DoneOutcome]> = [
    ["new task (no state): the note's value", { obsidian: true, notion: null, last: null, known: false }, { value: true, pull: false, conflict: false }],
    ["no page read: the note's value", { obsidian: false, notion: null, last: false, known: true }, { value: false, pull: false, conflict: false }],
    ["nothing changed", { obsidian: false, notion: false, last: false, known: true }, { value: false, pull: false, conflict: false }],
    ["ticked in Obsidian only", { obsidian: true, notion: false, last: false, known: true }, { value: true, pull: false, conflict: false }],
    ["ticked in Notion only: the note takes it", { obsidian: false, notion: true, last: false, known: true }, { value: true, pull: true, conflict: false }],
    ["unticked in Notion only", { obsidian: true, notion: false, last: true, known: true }, { value: false, pull: true, conflict: false }],
    ["ticked on both sides: agreement", { obsidian: true, notion: true, last: false, known: true }, { value: true, pull: false, conflict: false }],
    ["state lost, both agree", { obsidian: true, notion: true, last: null, known: true }, { value: true, pull: false, conflict: false }],
    ["state lost, they differ: Obsidian stands, reported", { obsidian: false, notion: true, last: null, known: true }, { value: false, pull: false, conflict: true }],
  ];
  it.each(rows)("%s", (_name, input, expected) => {
    expect(mergeDone(input)).toEqual(expected);
  });
});

describe("审核状态 / 审核意见: Notion wins when Notion changed it", () => {
  const base: ReviewInput = { note: "待审核", notion: "待审核", last: "待审核", adopted: false, known: true, ownsFrontmatter: true };
  const rows: Array<[string, Partial<ReviewInput>, ReviewOutcome]> = [
    ["unchanged", {}, { value: "待审核", pull: false }],
    ["changed in Notion: the note takes it", { notion: "已通过" }, { value: "已通过", pull: true }],
    ["cleared in Notion: the note's key goes", { notion: null }, { value: null, pull: true }],
    ["changed in the note only: the note's value goes to Notion", { note: "草稿" }, { value: "草稿", pull: false }],
    ["both changed to the same: nothing to pull", { note: "已通过", notion: "已通过" }, { value: "已通过", pull: false }],
    ["both changed differently: Notion's (the review is Notion's)", { note: "草稿", notion: "需修改" }, { value: "需修改", pull: true }],
    ["\"\" in the note counts as none", { note: "", notion: null, last: null }, { value: null, pull: false }],
    ["not in Notion yet: the note's value", { known: false, notion: null }, { value: "待审核", pull: false }],
    ["state lost: any value in Notion is Notion's doing", { adopted: true, last: null, notion: "需修改" }, { value: "需修改", pull: true }],
    ["state lost, Notion empty: the note's value", { adopted: true, last: null, notion: null }, { value: "待审核", pull: false }],
    ["several plans in one note: Notion keeps the review", { ownsFrontmatter: false, notion: "已通过" }, { value: "已通过", pull: false }],
    ["several plans, Notion empty: the note's value", { ownsFrontmatter: false, notion: null }, { value: "待审核", pull: false }],
  ];
  it.each(rows)("%s", (_name, change, expected) => {
    expect(mergeReview({ ...base, ...change })).toEqual(expected);
  });
});

describe("the decision step of one plan", () => {
  const names = resolvePropertyNames();
  const text = `---
plan-id: p-1
review-status: 待审核
---
# 示例小学工会工作计划

## 行事历
### 2026年9月
- [ ] 教师节慰问 ^t-a
- [x] 工会小组长会议 ^t-b
### 2026年10月
- 重阳节慰问退休教师 ^t-c
`;
  const plan = parsePlans(text).plans[0];
  if (!plan) throw new Error("fixture plan not read");
  const local = { key: "p-1", plan, note: { path: "计划.md", text, plans: [plan] }, ownsFrontmatter: true };
  const page = (props: Record<string, unknown>): PageLike => ({ id: "x", properties: props });
  const taskPage = (done: boolean): PageLike => page({ 完成: { type: "checkbox", checkbox: done } });

  it("takes Notion's review and ticks into one edit, and reports nothing when both sides agree", () => {
    const decision = decidePlan(local, {
      planEntry: { pageId: "p", path: "计划.md", bodyHash: null, todos: {}, reviewStatus: "待审核", reviewComment: null },
      planPage: page({ 审核状态: { type: "select", select: { name: "需修改" } }, 审核意见: { type: "rich_text", rich_text: [] } }),
      taskEntry: (id) => ({ pageId: id, planKey: "p-1", done: id === "t-b" }),
      taskPage: (id) => taskPage(id === "t-a" || id === "t-b"),
      names,
    });
    expect(decision.edit).toEqual({ path: "计划.md", frontmatter: { "review-status": "需修改" }, tasks: [{ taskId: "t-a", done: true }] });
    expect(decision.reviewStatus).toBe("需修改");
    expect(decision.pulledBack).toBe(2);
    expect(decision.conflicts).toEqual([]);
    expect(decision.doneOf.get("t-a")).toBe(true);
  });

  it("a tick for a line without a box stays in Notion and is said once; the note is not edited", () => {
    const decision = decidePlan(local, {
      planEntry: { pageId: "p", path: "计划.md", bodyHash: null, todos: {}, reviewStatus: "待审核", reviewComment: null },
      planPage: page({ 审核状态: { type: "select", select: { name: "待审核" } } }),
      taskEntry: (id) => ({ pageId: id, planKey: "p-1", done: id === "t-b" }),
      taskPage: (id) => taskPage(id === "t-b" || id === "t-c"),
      names,
    });
    expect(decision.edit).toBeNull();
    expect([...decision.unshown]).toEqual(["t-c"]);
    expect(decision.notes).toHaveLength(1);
    expect(decision.doneOf.get("t-c")).toBe(true);
  });

  it("after a lost state a difference is a conflict and the note's value stands", () => {
    const decision = decidePlan(local, {
      planEntry: { pageId: "p", path: "计划.md", bodyHash: null, todos: {}, reviewStatus: null, reviewComment: null, adopted: true },
      planPage: page({}),
      taskEntry: (id) => ({ pageId: id, planKey: "p-1", done: false, adopted: true }),
      taskPage: (id) => taskPage(id === "t-a"),
      names,
    });
    expect(decision.conflicts.map((c) => [c.taskId, c.obsidian, c.notion])).toEqual([
      ["t-a", false, true],
      ["t-b", true, false],
    ]);
    expect(decision.edit).toBeNull();
    expect(decision.doneOf.get("t-a")).toBe(false);
  });
});
