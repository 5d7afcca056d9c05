// @vitest-environment happy-dom
/**
 * Reviewers' comments in the 行事历 view: the Notion mirror writes open discussions into the note's
 * 审核意见 section; the engine gives them to the note's plan, the task list carries each task's, and
 * the month view shows a count beside the task with the threads on hover.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Modal, setLanguage } from "../fakes/obsidian";
import { startPlugin, taskByText, type Running } from "./harness";
import { mountCalendar } from "../../plugin/view/mount-calendar";
import { parsePlans } from "../../shared/index";
import { reviewThreads, withReply } from "../../shared/markdown/review-section";
import { extractTasks } from "../../shared/tasks/extract-tasks";
import { readReplies, renderReviewSection } from "../../notion-sync/review-notes";

const PLAN = ["---", "type: union-plan", "plan-id: p-rv", "---", "# 青禾小学2026年工会工作计划", "## 行事历", "### 2026年11月", "- [ ] 教工羽毛球赛 ^t-r1", "- [ ] 教代会代表培训 ^t-r2", ""].join("\n");
const SECTION =
  renderReviewSection([
    { id: "0b9f2c1e-5a41-4c4e-9d1a-7f3e2a6b8c01", about: { kind: "plan" }, comments: [{ author: "李审核", time: "2026-11-02T01:00:00.000Z", text: "请补充经费预算" }] },
    { id: "0b9f2c1e-5a41-4c4e-9d1a-7f3e2a6b8c02", about: { kind: "task", taskId: "t-r1", text: "教工羽毛球赛" }, comments: [{ author: "王委员", time: "2026-11-02T02:00:00.000Z", text: "场地订好了吗？" }, { author: "union-plan", time: "2026-11-02T03:00:00.000Z", text: "已订体育馆" }] },
    { id: "0b9f2c1e-5a41-4c4e-9d1a-7f3e2a6b8c03", about: { kind: "task", taskId: "t-r1", text: "教工羽毛球赛" }, comments: [{ author: "李审核", time: "2026-11-03T01:00:00.000Z", text: "请写明分组" }] },
  ]) ?? "";
const NOTE = `${PLAN}\n${SECTION}`;

describe("review threads", () => {
  it("the section's discussions, each with the task it is about (null: the plan) and its lines", () => {
    const threads = reviewThreads(SECTION);
    expect(threads.map((t) => t.taskId)).toEqual([null, "t-r1", "t-r1"]);
    expect(threads[1]?.lines[1]).toBe("场地订好了吗？");
    expect(threads[1]?.lines.some((l) => l.includes("已订体育馆"))).toBe(true);
  });

  it("the note's plan carries them, and each task its own; the section is still no plan content", () => {
    const { plans } = parsePlans(NOTE);
    expect(plans).toHaveLength(1);
    const tasks = extractTasks(plans);
    expect(tasks.map((t) => t.text)).toEqual(["教工羽毛球赛", "教代会代表培训"]);
    expect(tasks[0]?.comments).toHaveLength(2);
    expect(tasks[1]?.comments).toBeUndefined();
  });
});

describe("a reply written from the view", () => {
  const D2 = "0b9f2c1e-5a41-4c4e-9d1a-7f3e2a6b8c02";

  it("goes under its discussion, after the comments and earlier replies, and the sync reads it as that discussion's", () => {
    const once = withReply(NOTE, D2, "已订好，周六上午") ?? "";
    const twice = withReply(once, D2, "第二条\n换行也在一行里") ?? "";
    expect(readReplies(twice.slice(twice.indexOf("## 审核意见")))).toEqual([
      { discussionId: D2, text: "已订好，周六上午" },
      { discussionId: D2, text: "第二条 换行也在一行里" },
    ]);
    // Every line of the note but the two new ones is as it was, in its place.
    const added = twice.split("\n").filter((l) => !NOTE.split("\n").includes(l));
    expect(added).toEqual(["  - 回复：已订好，周六上午", "  - 回复：第二条 换行也在一行里"]);
    expect(twice.replace(/\n {2}- 回复：[^\n]*/g, "")).toBe(NOTE);
  });

  it("keeps the note's CRLF line ends, and refuses a discussion the note no longer has or an empty reply", () => {
    const crlf = NOTE.replace(/\n/g, "\r\n");
    const next = withReply(crlf, D2, "好") ?? "";
    expect(next.replace(/\r\n/g, "")).not.toContain("\n");
    expect(next).toContain("\r\n  - 回复：好\r\n");
    expect(withReply(NOTE, "0b9f2c1e-5a41-4c4e-9d1a-7f3e2a6b8c99", "好")).toBeNull();
    expect(withReply(NOTE, D2, "  \n ")).toBeNull();
    expect(withReply(PLAN, D2, "好")).toBeNull();
  });
});

describe("the month view", () => {
  let running: Running | null = null;
  afterEach(() => {
    running?.plugin.unload();
    running = null;
    document.body.empty();
  });

  it("shows a count beside a task with open discussions, the threads on hover, and nothing beside the others", async () => {
    running = await startPlugin({ "计划/审核.md": NOTE });
    setLanguage("zh");
    const host = running.plugin.host;
    if (!host) throw new Error("no host");
    const handle = mountCalendar(document.body.createDiv(), host, { ym: "2026-11", mode: "month" });
    const row = (text: string) => document.querySelector<HTMLElement>(`.union-plan-task[data-task-id="${taskByText(running!.plugin, text).id}"]`);
    const badge = row("教工羽毛球赛")?.querySelector(".union-plan-task-comments");
    expect(badge?.textContent).toBe("💬 2");
    expect(badge?.getAttribute("title")).toContain("场地订好了吗？");
    expect(badge?.getAttribute("title")).toContain("请写明分组");
    expect(badge?.getAttribute("aria-label")).toBe("审核意见 2");
    expect(row("教代会代表培训")?.querySelector(".union-plan-task-comments")).toBeNull();
    handle.destroy();
  });

  it("a click on the count opens the task's discussions; an answer is written under its discussion for the next sync", async () => {
    running = await startPlugin({ "计划/审核.md": NOTE });
    setLanguage("zh");
    const host = running.plugin.host;
    if (!host) throw new Error("no host");
    const handle = mountCalendar(document.body.createDiv(), host, { ym: "2026-11", mode: "month" });
    const id = taskByText(running.plugin, "教工羽毛球赛").id;
    document.querySelector<HTMLButtonElement>(`.union-plan-task[data-task-id="${id}"] .union-plan-task-comments`)?.click();
    await new Promise((r) => setTimeout(r, 0));
    const modal = Modal.open[Modal.open.length - 1];
    if (!modal) throw new Error("no dialog opened");
    // The task's two discussions, not the plan's.
    const threads = modal.contentEl.querySelectorAll(".union-plan-reply-thread");
    expect(threads).toHaveLength(2);
    expect(threads[0]?.textContent).toContain("场地订好了吗？");
    const second = threads[1] as HTMLElement;
    (second.querySelector("textarea") as HTMLTextAreaElement).value = "按年级分四组";
    second.querySelector<HTMLButtonElement>("button")?.click();
    await new Promise((r) => setTimeout(r, 10));
    const text = await running.app.vault.read(running.app.vault.getFileByPath("计划/审核.md")!);
    expect(readReplies(text.slice(text.indexOf("## 审核意见")))).toEqual([{ discussionId: "0b9f2c1e-5a41-4c4e-9d1a-7f3e2a6b8c03", text: "按年级分四组" }]);
    expect(text.replace("\n  - 回复：按年级分四组", "")).toBe(NOTE);
    modal.close();
    handle.destroy();
  });
});
