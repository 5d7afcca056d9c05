/** Reviewers' comments in Notion come into the note's 审核意见 section; replies written there go back once. */
import { describe, expect, it } from "vitest";
import { reviewSectionOf, withoutReviewSection } from "../../shared/markdown/review-section";
import { NO_READ_COMMENTS } from "../../notion-sync/comments-phase";
import { exampleVault, makeWorld, type World } from "./world";

const NOTE = "计划/2026年 工会工作计划.md";
const PLAN = "p-qsl2026";
const TASK = "t-qs1101";

function oneNote(): World {
  const text = exampleVault().get(NOTE);
  if (text === undefined) throw new Error("no example note");
  return makeWorld({ vault: new Map([[NOTE, text]]) });
}

function pageId(w: World, ds: "plans" | "tasks", key: string): string {
  const page = w.emulator.pages(w.ids()[ds]).find((p) => p.properties["同步键"] === key);
  if (!page) throw new Error(`no page ${key}`);
  return page.id;
}

const note = (w: World): string => w.vault.get(NOTE) ?? "";
const section = (w: World): string => reviewSectionOf(note(w)) ?? "";
/** A minute of emulated time: Notion's timestamps are whole minutes. */
const later = (w: World): Promise<void> => w.emulator.clock.sleep(61_000);

describe("reviewers' comments", () => {
  it("a plan comment and a task comment arrive in the note; a resolved one disappears; nothing else is touched", async () => {
    const w = oneNote();
    await w.sync();
    const before = note(w);
    await later(w);
    const onPlan = w.emulator.comment(pageId(w, "plans", PLAN), "请补充经费预算", { as: "李审核" });
    w.emulator.comment(pageId(w, "tasks", `${PLAN}/${TASK}`), "培训地点定了吗？\n请写明", { as: "王委员", touchesPage: true });
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(withoutReviewSection(note(w))).toBe(before.replace(/\n*$/, "\n\n"));
    expect(section(w)).toContain("## 审核意见 / Review comments");
    expect(section(w)).toMatch(/- 李审核 · \d{4}-\d\d-\d\d \d\d:\d\d · 计划 \/ plan <!-- d:[0-9a-f-]+ -->\n {2}请补充经费预算/);
    expect(section(w)).toContain(`- 王委员 · `);
    expect(section(w)).toContain(`任务 / task「11月25日教代会代表培训」\`^${TASK}\``);
    expect(section(w)).toContain("  培训地点定了吗？\n  请写明");
    // The engine reads the note as before: the section is not plan content.
    const again = await w.sync();
    expect([again.created, again.updated, again.edits.length]).toEqual([0, 0, 0]);

    w.emulator.resolveDiscussion(onPlan);
    await w.sync();
    expect(section(w)).not.toContain("请补充经费预算");
    expect(section(w)).toContain("培训地点定了吗？");
  });

  it("a task comment that did not move the page is read with fullComments; a reply to a known discussion is read without", async () => {
    const w = oneNote();
    await w.sync();
    await later(w);
    const task = pageId(w, "tasks", `${PLAN}/${TASK}`);
    const d = w.emulator.comment(task, "时间冲突", { as: "王委员" });
    await w.sync();
    expect(section(w)).toBe("");
    const full = await w.sync({ fullComments: true });
    // The plan page, every task page and every to-do block of the plan's body, once.
    const todos = w.emulator.blocks(pageId(w, "plans", PLAN)).filter((b) => b.type === "to_do").length;
    expect(full.commentReads).toBe(1 + w.emulator.pages(w.ids().tasks).length + todos);
    expect(section(w)).toContain("时间冲突");
    await later(w);
    w.emulator.comment(task, "已协调好", { as: "王委员", discussionId: d });
    const r = await w.sync();
    expect(r.commentReads).toBe(2);
    expect(section(w)).toContain("已协调好");
  });

  it("a reply written under an entry is posted to its discussion once, even when the answer to the post is lost", async () => {
    const w = oneNote();
    await w.sync();
    await later(w);
    const plan = pageId(w, "plans", PLAN);
    w.emulator.comment(plan, "请补充经费预算", { as: "李审核" });
    await w.sync();
    const withReply = (text: string): string => text.replace(/(请补充经费预算\n)/, "$1  - 回复：已在第三部分补充\n");
    w.vault.set(NOTE, withReply(note(w)));
    // The post is applied, its answer lost, and the sync gives up at once: the next one must look first.
    w.emulator.faults.failNext("lost-502", { methods: ["POST"], paths: ["/v1/comments"] });
    const lost = await w.sync({ retry: { random: () => 0.5, maxAttempts: 1 } });
    expect(lost.repliesPosted).toBe(0);
    expect(section(w)).toContain("  - 回复：已在第三部分补充");
    const r = await w.sync();
    expect(r.repliesPosted).toBe(0);
    const mine = w.emulator.comments(plan).filter((c) => c.byIntegration);
    expect(mine.map((c) => c.text)).toEqual(["已在第三部分补充"]);
    expect(section(w)).not.toMatch(/^ {2}- 回复：/m);
    expect(section(w)).toMatch(/ {2}- union-plan · [\d-]+ [\d:]+：已在第三部分补充/);
    // And a new reply is posted (once) in the same run it is found.
    w.vault.set(NOTE, note(w).replace(/(已在第三部分补充\n)/, "$1  - 回复：预算表见附件\n"));
    w.emulator.faults.failNext("lost-502", { methods: ["POST"], paths: ["/v1/comments"] });
    const second = await w.sync();
    expect(second.repliesPosted).toBe(1);
    expect(w.emulator.comments(plan).filter((c) => c.byIntegration).map((c) => c.text)).toEqual(["已在第三部分补充", "预算表见附件"]);
    await w.sync();
    expect(w.emulator.comments(plan).filter((c) => c.byIntegration)).toHaveLength(2);
  });

  it("without the comment capabilities: one message, everything else synced", async () => {
    const w = makeWorld({ emulator: { capabilities: { readComments: false, insertComments: false } } });
    await w.sync();
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    expect(r.notes.filter((n) => n === NO_READ_COMMENTS)).toHaveLength(1);
    expect(NO_READ_COMMENTS).toMatch(/^Notion 集成没有评论权限.*the integration cannot read comments/);
    expect(r.unchanged).toBeGreaterThan(0);
  });

  it("first sync reads no comments (every page is new); an unchanged re-sync reads one per plan page", async () => {
    const w = makeWorld();
    const first = await w.sync();
    expect(first.commentReads).toBe(0);
    const plans = w.emulator.pages(w.ids().plans).length;
    const again = await w.sync();
    expect(again.commentReads).toBeLessThanOrEqual(plans);
    expect(again.commentReads).toBe(plans);
  });
});
