import { describe, expect, it } from "vitest";
import { parsePlans, type Task } from "../../shared/index";
import { describeLoss, normalizeSchedule } from "../../shared/edit/normalize-schedule";
import { moveTaskToMonth, setTaskDone, toggleTaskAtLine } from "../../shared/edit/task-line";

const HEAD = "# 晨光小学2026学年度第二学期工会工作计划\n\n## 行事历\n";

function tasksOf(text: string): Task[] {
  return parsePlans(text).plans.flatMap((p) => p.schedule.flatMap((m) => m.tasks));
}

function normalized(text: string): string {
  const r = normalizeSchedule(text);
  if (!r.ok) throw new Error(describeLoss(r.lost));
  return r.text;
}

function lineNo(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("Normalize 行事历 keeps every piece of information", () => {
  it("keeps a table's other columns (地点, 备注) on each task, and reads them back", () => {
    const note = `${HEAD}| 月份 | 活动内容 | 地点 | 备注 | 负责人 |\n| --- | --- | --- | --- | --- |\n| 3月 | 教工羽毛球赛 | 体育馆 | 自愿报名 | 李明 |\n| 4月 | 春季健步走 | 滨江绿道 |  |  |\n`;
    const out = normalized(note);
    expect(out).toContain("- [ ] 教工羽毛球赛（负责人：李明） [地点:: 体育馆] [备注:: 自愿报名] ^t-");
    expect(out).toContain("- [ ] 春季健步走 [地点:: 滨江绿道] ^t-");
    expect(out).not.toContain("| 月份 |");
    const back = tasksOf(out).find((t) => t.text === "教工羽毛球赛");
    expect(back?.details).toEqual([
      { label: "地点", value: "体育馆" },
      { label: "备注", value: "自愿报名" },
    ]);
    expect(normalized(out)).toBe(out);
  });

  it("keeps Tasks' ✅ done dates, on a ticked box and on a pasted line without one", () => {
    const note = `${HEAD}三月：\n- [x] 工会小组长会议 ✅ 2027-03-12\n1、教代会筹备 ✅ 2027-03-20\n`;
    const out = normalized(note);
    expect(out).toContain("- [x] 工会小组长会议 ✅ 2027-03-12 ^t-");
    expect(out).toContain("- [x] 教代会筹备 ✅ 2027-03-20 ^t-");
  });

  it("keeps the day of 3月8日 in a date column as Tasks' due date", () => {
    const note = `${HEAD}| 日期 | 活动内容 |\n| --- | --- |\n| 3月8日 | “三八”妇女节活动 |\n| 4月 | 春游 |\n`;
    expect(tasksOf(note).map((t) => t.date)).toEqual(["2027-03-08", null]);
    const out = normalized(note);
    expect(out).toContain("- [ ] “三八”妇女节活动 📅 2027-03-08 ^t-");
    expect(tasksOf(out).map((t) => t.date)).toEqual(["2027-03-08", null]);
  });

  it("refuses, naming the line and the text, when its rewrite would drop something", () => {
    // No year anywhere: the day of 3月8日 cannot become a date, so a rewrite would lose it.
    const note = "# 某小学工会工作计划\n\n## 行事历\n| 日期 | 活动内容 |\n| --- | --- |\n| 3月8日 | 妇女节活动 |\n| 4月 | 春游 |\n";
    expect(tasksOf(note).map((t) => t.text)).toEqual(["妇女节活动", "春游"]);
    const r = normalizeSchedule(note);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.lost).toEqual([{ line: 6, text: "8日" }]);
    expect(describeLoss(r.lost)).toContain("第 6 行「8日」");
  });

  it("never reads fenced or commented lines as tasks, and leaves them byte for byte", () => {
    const fenced = "```\n- [ ] 代码里的任务\n\n| 月份 | 内容 |\n```";
    const note = `${HEAD}三月：\n- [ ] 工会小组长会议\n<!-- - [ ] 注释里的任务 -->\n${fenced}\n四月：\n- [ ] 春游\n`;
    expect(tasksOf(note).map((t) => t.text)).toEqual(["工会小组长会议", "春游"]);
    const out = normalized(note);
    expect(out).toContain(`<!-- - [ ] 注释里的任务 -->\n${fenced}\n`);
    expect(tasksOf(out).map((t) => t.text)).toEqual(["工会小组长会议", "春游"]);
    const line = lineNo(note, "代码里的任务");
    expect(toggleTaskAtLine(note, line, note.split("\n")[line - 1] ?? "")).toEqual({ ok: false, reason: "not-a-checkbox" });
  });

  it("an unclosed fence runs to the end, as Obsidian shows it", () => {
    expect(tasksOf(`${HEAD}三月：\n- [ ] 会议\n~~~\n- [ ] 不是任务\n`).map((t) => t.text)).toEqual(["会议"]);
  });
});

describe("a line copied in the editor (duplicate ^t- ids)", () => {
  const note = `${HEAD}三月：\n- [ ] 工会小组长会议 ^t-aa11\n- [ ] 工会小组长会议（第二次） ^t-aa11\n- [ ] 春游 ^t-bb22\n`;

  it("is detected and warned about; the copy gets a fresh id in the plan", () => {
    const result = parsePlans(note);
    const tasks = tasksOf(note);
    expect(tasks.map((t) => t.id)).toEqual(["t-aa11", "t-aa11-2", "t-bb22"]);
    expect(result.diagnostics.filter((d) => d.code === "duplicate-id").map((d) => d.line)).toEqual([6]);
  });

  it("the next write (a tick of another task, a normalize, a move) puts the fresh id on the copy", () => {
    const tick = setTaskDone(note, "t-bb22", true, { today: "2027-03-30" });
    expect(tick.text).toContain("- [ ] 工会小组长会议（第二次） ^t-aa11-2\n");
    expect(parsePlans(tick.text).diagnostics.some((d) => d.code === "duplicate-id")).toBe(false);
    expect(normalized(note)).toContain("工会小组长会议（第二次） ^t-aa11-2");
    const plan = parsePlans(note).plans[0]!;
    const moved = moveTaskToMonth(note, plan, "t-bb22", "2027-04");
    expect(moved.ok && moved.text).toContain("工会小组长会议（第二次） ^t-aa11-2");
  });

  it("the copy's id then stays put when the lines are reordered", () => {
    const fixed = normalized(note);
    const lines = fixed.split("\n");
    const a = lineNo(fixed, "工会小组长会议 ^");
    const b = lineNo(fixed, "（第二次）");
    [lines[a - 1], lines[b - 1]] = [lines[b - 1] ?? "", lines[a - 1] ?? ""];
    const swapped = tasksOf(lines.join("\n"));
    expect(swapped.find((t) => t.text === "工会小组长会议（第二次）")?.id).toBe("t-aa11-2");
    expect(swapped.find((t) => t.text === "工会小组长会议")?.id).toBe("t-aa11");
  });
});

describe("identical task lines without ids", () => {
  it("a tick refuses: the line number alone cannot say which twin the view meant", () => {
    const note = `${HEAD}三月：\n- [ ] 工会小组长会议\n四月：\n- [ ] 工会小组长会议\n- [ ] 春游\n`;
    const line = lineNo(note, "工会小组长会议");
    expect(toggleTaskAtLine(note, line, "- [ ] 工会小组长会议")).toEqual({ ok: false, reason: "ambiguous" });
    const plan = parsePlans(note).plans[0]!;
    const twin = tasksOf(note).find((t) => t.text === "工会小组长会议" && t.line !== line);
    expect(moveTaskToMonth(note, plan, twin?.id ?? "", "2027-05")).toEqual({ ok: false, reason: "ambiguous" });
    // A task with no twin still ticks.
    const spring = lineNo(note, "春游");
    expect(toggleTaskAtLine(note, spring, "- [ ] 春游", { today: "2027-04-02" })).toMatchObject({ ok: true, done: true });
  });
});
