/** The 审核意见 section as text: where it starts, replaced without touching other lines, replies read back. */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";
import { planTasks } from "../../shared/tasks/extract-tasks";
import { replaceReviewSection, reviewSectionOf, withoutReviewSection } from "../../shared/markdown/review-section";
import { readReplies, renderReviewSection, type ReviewDiscussion } from "../../notion-sync/review-notes";

const D1 = "4f0e0f0b-8117-4331-8bec-a7a61f1c1dca";
const discussions: ReviewDiscussion[] = [
  { id: D1, about: { kind: "plan" }, comments: [{ author: "李审核", time: "2026-03-01T10:05:00.000Z", text: "请补充\n- 经费预算" }] },
  { id: "0de694ae-618d-46ce-aa8f-556ae2fe2b60", about: { kind: "task", taskId: "t-k2m9", text: "工会小组长会议" }, comments: [{ author: "王委员", time: "2026-03-01T11:00:00.000Z", text: "时间？" }, { author: "union-plan", time: "2026-03-01T11:01:00.000Z", text: "周三" }] },
];

describe("the review section", () => {
  it("is written at the end, keeping the note's CRLF line ends, and replaced or removed alone", () => {
    const note = "\uFEFF---\r\ntype: union-plan\r\n---\r\n# 计划\r\n\r\n## 行事历\r\n### 2027年3月\r\n- [ ] 工会小组长会议 ^t-k2m9\r\n";
    const section = renderReviewSection(discussions) ?? "";
    const withSection = replaceReviewSection(note, section);
    expect(withSection.startsWith(note)).toBe(true);
    expect(withSection.replace(/\r\n/g, "")).not.toContain("\n");
    expect(reviewSectionOf(withSection)).toBe(section);
    expect(withoutReviewSection(withSection)).toBe(`${note}\r\n`);
    expect(replaceReviewSection(withSection, null)).toBe(note);
    const tasksOf = (text: string): string[] => parsePlans(text).plans.flatMap((p) => planTasks(p).map((t) => t.text));
    expect(tasksOf(withSection)).toEqual(tasksOf(note));
    expect(tasksOf(note)).toEqual(["工会小组长会议"]);
  });

  it("never writes a comment line that reads as a reply, and shows the task's id as code", () => {
    const section = renderReviewSection(discussions) ?? "";
    expect(section).toContain("  \\- 经费预算");
    expect(section).toContain("任务 / task「工会小组长会议」`^t-k2m9`");
    expect(section).toContain("  - union-plan · 2026-03-01 11:01：周三");
    expect(readReplies(section)).toEqual([]);
    expect(renderReviewSection([])).toBeNull();
  });

  it("reads the replies a user added, each under its own discussion", () => {
    const section = (renderReviewSection(discussions) ?? "").replace("  \\- 经费预算\n", "  \\- 经费预算\n  - 回复：已补充 \n").replace("周三\n", "周三\n  * 回复:好的\n");
    expect(readReplies(section)).toEqual([
      { discussionId: D1, text: "已补充" },
      { discussionId: "0de694ae-618d-46ce-aa8f-556ae2fe2b60", text: "好的" },
    ]);
  });
});
