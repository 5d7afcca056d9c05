import { describe, expect, it } from "vitest";
import { displayWidth, padEnd, wrapToWidth } from "../../shared/calendar/display-width";
import { renderMonthText, renderTextTable } from "../../shared/calendar/export-text";
import { task, ym } from "./fixture-tasks";

describe("display width", () => {
  it("counts Chinese and full-width characters as two columns", () => {
    expect(displayWidth("工会")).toBe(4);
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("１２，（")).toBe(8);
    expect(displayWidth("2026年10月")).toBe(10);
    expect(displayWidth("📅")).toBe(2);
    expect(displayWidth("a\u200bb")).toBe(2);
  });

  it("counts ambiguous characters (“ ” —) as one column unless asked", () => {
    expect(displayWidth("“三八”")).toBe(6);
    expect(displayWidth("“三八”", { ambiguousWide: true })).toBe(8);
    expect(displayWidth("7月—8月")).toBe(7);
    expect(displayWidth("7月—8月", { ambiguousWide: true })).toBe(8);
  });

  it("pads to a display width and wraps without breaking the rules of Chinese text", () => {
    expect(padEnd("工会", 6)).toBe("工会  ");
    // At 20 columns "，" would start the second line: "会" comes down with it.
    expect(wrapToWidth("举办秋季教职工运动会，以工会小组为单位", 20)).toEqual(["举办秋季教职工运动", "会，以工会小组为单位"]);
    expect(wrapToWidth("举办秋季教职工运动会，以工会小组为单位", 18)).toEqual(["举办秋季教职工运动", "会，以工会小组为单", "位"]);
    expect(wrapToWidth("组织 mixed ASCII text", 14)).toEqual(["组织 mixed", "ASCII text"]);
    expect(wrapToWidth("", 10)).toEqual([""]);
  });
});

describe("the month as a terminal table", () => {
  const tasks = [
    task("t-1", "工会小组长会议", [ym(2026, 10)], { partOfMonth: "中旬" }),
    task("t-2", "“三八”节 mixed ASCII text", [ym(2026, 10)], { owner: "Li" }),
    task("t-3", "举办秋季教职工运动会，以工会小组为单位报名参加拔河和跳绳比赛", [ym(2026, 10)], { date: "2026-10-16", owner: "王老师", done: true }),
    task("t-4", "十一月的事", [ym(2026, 11)]),
  ];

  it("matches the golden table (read and checked by hand)", () => {
    expect(renderMonthText(tasks, "2026-10", { maxWidth: 50 }).split("\n")).toEqual([
      "2026年10月 行事历",
      "节假日 / Holidays: 国庆节 10月1日—7日放假；10月10日（周六）调休上班",
      "",
      "+--------------+-----------------+--------+------+",
      "| 日期         | 工作内容        | 负责人 | 完成 |",
      "+--------------+-----------------+--------+------+",
      "| 16日（周五） | 举办秋季教职工  | 王老师 | [x]  |",
      "|              | 运动会，以工会  |        |      |",
      "|              | 小组为单位报名  |        |      |",
      "|              | 参加拔河和跳绳  |        |      |",
      "|              | 比赛            |        |      |",
      "| 中旬         | 工会小组长会议  |        | [ ]  |",
      "| 本月         | “三八”节 mixed  | Li     | [ ]  |",
      "|              | ASCII text      |        |      |",
      "+--------------+-----------------+--------+------+",
      "",
    ]);
  });

  it("aligns every row to the same display width, whatever the width and mix of scripts", () => {
    const other = task("t-5", "国庆主题活动", [ym(2026, 10)], { date: "2026-10-08", planId: "p-other", planTitle: "东风中学2026年工会工作计划" });
    for (const maxWidth of [40, 60, 80, 120]) {
      for (const ambiguousWide of [false, true]) {
        const out = renderMonthText([...tasks, other], "2026-10", { maxWidth, ambiguousWide });
        const rows = out.split("\n").filter((l) => l.startsWith("|") || l.startsWith("+"));
        const widths = new Set(rows.map((l) => displayWidth(l, { ambiguousWide })));
        expect(widths.size, `${maxWidth} ${ambiguousWide}`).toBe(1);
        expect([...widths][0]).toBeLessThanOrEqual(Math.max(maxWidth, 60));
        // Column separators sit at the same display columns on every row.
        const columns = (l: string): number[] => {
          const at: number[] = [];
          let col = 0;
          for (const ch of l) {
            if (ch === "|" || ch === "+") at.push(col);
            col += displayWidth(ch, { ambiguousWide });
          }
          return at;
        };
        const first = columns(rows[0] ?? "");
        for (const r of rows) expect(columns(r)).toEqual(first);
      }
    }
    // Tasks from two plans get a 计划 column.
    expect(renderMonthText([...tasks, other], "2026-10")).toContain("| 计划");
  });

  it("says so for an empty month and for a year without holiday data", () => {
    expect(renderMonthText([], "2027-03")).toBe("2027年3月 行事历\n节假日 / Holidays: 暂无 2027 年节假日数据 / no holiday data for 2027\n\n本月没有任务 / no tasks this month\n");
  });

  it("lays out any table", () => {
    expect(renderTextTable(["月份", "n"], [["三月", "12"]])).toBe("+------+----+\n| 月份 | n  |\n+------+----+\n| 三月 | 12 |\n+------+----+");
  });
});
