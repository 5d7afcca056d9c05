/**
 * A plain note (no plan-id, no ^t- ids) keys its pages by its words. The README says what that
 * means, and the sync says it once per note with the fix that keeps the pages.
 */
import { describe, expect, it } from "vitest";
import { makeWorld } from "./world";

const PLAIN = ["示例小学2027年工会工作计划", "", "行事历", "三月份：", "1、“三八”妇女节庆祝活动", "2、工会小组长会议", ""].join("\n");

describe("plain notes", () => {
  it("the sync says the keys come from the words, and how to give the note ids", async () => {
    const w = makeWorld({ vault: new Map([["计划/plain.md", PLAIN]]) });
    const r = await w.sync();
    const said = r.notes.filter((n) => n.startsWith("计划/plain.md"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/plan-id: p-/);
    expect(said[0]).toMatch(/2 项任务编号 .*Normalize 行事历/);

    // As documented: a reworded task is a new page and the old one is marked deleted.
    w.vault.set("计划/plain.md", PLAIN.replace("工会小组长会议", "工会小组长例会"));
    const again = await w.sync();
    expect(again.created).toBe(1);
    expect(again.trashed).toBe(1);
  });

  it("a note with plan-id and ^t- ids is not mentioned", async () => {
    const note = ["---", "type: union-plan", "plan-id: p-abc", "---", "# 计划", "## 行事历", "### 2027年3月", "- [ ] 工会小组长会议 ^t-x81q", ""].join("\n");
    const w = makeWorld({ vault: new Map([["计划/ok.md", note]]) });
    const r = await w.sync();
    expect(r.notes.filter((n) => n.startsWith("计划/ok.md"))).toEqual([]);
  });
});
