import { describe, expect, it } from "vitest";
import { extractTasks, parsePlans } from "../../shared/index";
import { renderMonthMarkdown, renderOverviewMarkdown } from "../../shared/calendar/export-markdown";
import { escapeHtml, renderMonthHtml, renderOverviewHtml } from "../../shared/calendar/export-html";
import { monthRows } from "../../shared/calendar/month-model";
import { overviewRows } from "../../shared/calendar/overview-model";
import { task, ym } from "./fixture-tasks";

/** A plan note of our own: a year plan with a 7月—8月 heading and no heading for November. */
const NOTE = `---
type: union-plan
title: 晨光小学2026年工会工作计划
school: 晨光小学
kind: 年度
period: 2026-09..2026-12
plan-id: p-over01
review-status: 已审核
---
# 晨光小学2026年工会工作计划

## 行事历

### 2026年7月—8月
- [ ] 暑期教工疗休养（负责人：陈静） ^t-s001
### 2026年9月
- [x] 庆祝教师节 📅 2026-09-10 ^t-s002
- [ ] 新教师入会 | 登记 ^t-s003
### 2026年10月
- [ ] 秋季运动会 <b>加油</b> & “友谊第一” ^t-s004
### 2026年12月
- [ ] 冬季送温暖 ^t-s005
`;

const plans = parsePlans(NOTE).plans;
const tasks = extractTasks(plans, "计划/晨光小学.md");

describe("the overview model", () => {
  it("has one row per 行事历 heading and an empty row for a period month without one, in calendar order", () => {
    const plan = plans[0];
    expect(plan).toBeDefined();
    if (!plan) return;
    const rows = overviewRows(plan, tasks);
    expect(rows.map((r) => [r.label, r.tasks.map((t) => t.id)])).toEqual([
      ["2026年7月—8月", ["t-s001"]],
      ["2026年9月", ["t-s002", "t-s003"]],
      ["2026年10月", ["t-s004"]],
      ["2026年11月", []],
      ["2026年12月", ["t-s005"]],
    ]);
    // Only the tasks handed in are shown (the caller's filters).
    expect(overviewRows(plan, tasks.filter((t) => !t.done))[1]?.tasks.map((t) => t.id)).toEqual(["t-s003"]);
  });

  it("orders a month's rows: dated, then parts of the month, then the rest", () => {
    const rows = monthRows(
      [
        task("a", "随时", [ym(2026, 10)]),
        task("b", "下旬的事", [ym(2026, 10)], { partOfMonth: "下旬" }),
        task("c", "16日的事", [ym(2026, 10)], { date: "2026-10-16" }),
        task("d", "上旬的事", [ym(2026, 10)], { partOfMonth: "上旬" }),
        task("e", "8日的事", [ym(2026, 10)], { date: "2026-10-08" }),
        task("f", "不知年份", [ym(null, 10)]),
      ],
      "2026-10",
    );
    expect(rows.map((r) => [r.task.id, r.when])).toEqual([
      ["e", "8日（周四）"],
      ["c", "16日（周五）"],
      ["d", "上旬"],
      ["b", "下旬"],
      ["a", ""],
      ["f", ""],
    ]);
  });
});

describe("Markdown export", () => {
  it("writes the month with its holiday line, a grid and a task table", () => {
    const md = renderMonthMarkdown(tasks, "2026-10");
    expect(md.startsWith('---\ntype: union-plan-export\nexport: month\nrange: "2026-10"\n---\n# 2026年10月 行事历\n')).toBe(true);
    expect(md).toContain("> 节假日 / Holidays: 国庆节 10月1日—7日放假；10月10日（周六）调休上班");
    expect(md).toContain("| 一 | 二 | 三 | 四 | 五 | 六 | 日 |");
    expect(md).toContain("|  |  |  | **1** 休 | **2** 休 | **3** 休 | **4** 休 |");
    expect(md).toContain("| **5** 休 | **6** 休 | **7** 休 | 8 | 9 | 10 班 | *11* |");
    expect(md).toContain("| 日期 | 工作内容 | 负责人 | 完成 |");
    // Raw HTML in a task shows as written, as in the HTML export (a Markdown viewer would run it).
    expect(md).toContain("| 本月 | 秋季运动会 &lt;b&gt;加油&lt;/b&gt; &amp; “友谊第一” |  |  |");
    const sunday = renderMonthMarkdown(tasks, "2026-10", { weekStart: 0, frontmatter: false });
    expect(sunday.startsWith("# 2026年10月")).toBe(true);
    expect(sunday).toContain("| 日 | 一 | 二 | 三 | 四 | 五 | 六 |");
  });

  it("escapes the table's pipes", () => {
    const md = renderMonthMarkdown(tasks, "2026-09", { grid: false });
    expect(md).toContain("| 10日（周四） | 庆祝教师节 |  | ✓ |");
    expect(md).toContain("| 本月 | 新教师入会 \\| 登记 |  |  |");
  });

  it("writes the overview as 月份 | 工作内容 | 负责人, every month of the period", () => {
    const md = renderOverviewMarkdown(plans, tasks);
    expect(md).toBe(
      [
        "---",
        "type: union-plan-export",
        "export: overview",
        'range: "2026-09..2026-12"',
        "---",
        "# 晨光小学2026年工会工作计划 行事历",
        "",
        "晨光小学 · 2026年9月—12月 · 审核状态：已审核",
        "",
        "| 月份 | 工作内容 | 负责人 |",
        "| --- | --- | --- |",
        "| 2026年7月—8月 | 1. 暑期教工疗休养 | 陈静 |",
        "| 2026年9月 | 1. ✓ 庆祝教师节<br>2. 新教师入会 \\| 登记 |  |",
        "| 2026年10月 | 1. 秋季运动会 &lt;b&gt;加油&lt;/b&gt; &amp; “友谊第一” |  |",
        "| 2026年11月 |  |  |",
        "| 2026年12月 | 1. 冬季送温暖 |  |",
        "",
      ].join("\n"),
    );
  });
});

describe("HTML export", () => {
  it("is a complete printable zh-CN page with A4 print CSS", () => {
    const html = renderMonthHtml(tasks, "2026-10");
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain("<title>2026年10月 行事历</title>");
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain("@media print");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("escapes every text it shows", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const html = renderMonthHtml(tasks, "2026-10");
    expect(html).toContain("秋季运动会 &lt;b&gt;加油&lt;/b&gt; &amp; “友谊第一”");
    expect(html).not.toContain("<b>加油</b>");
    const hostile = renderMonthHtml([task("x", "</td><script>alert(1)</script>", [ym(2026, 10)], { owner: "<img src=x>" })], "2026-10", { title: "<标题>" });
    expect(hostile).not.toMatch(/<script>|<img/);
    expect(hostile).toContain("<title>&lt;标题&gt;</title>");
  });

  it("marks weekends, holidays and 调休 in the month grid, and puts dated tasks on their day", () => {
    const html = renderMonthHtml(tasks, "2026-10");
    expect(html.match(/<td class="holiday">/g)).toHaveLength(7);
    expect(html.match(/<td class="workday">/g)).toHaveLength(1);
    expect(html).toContain('<td class="workday"><span class="num">10</span><span class="tag" title="调休上班 / make-up workday">班</span></td>');
    expect(html).toContain('<td class="holiday"><span class="num">1</span><span class="tag" title="法定节假日 / public holiday">休 国庆节</span></td>');
    // 11 October 2026 is a Sunday; 10 October, though a Saturday, is a workday.
    expect(html).toContain('<td class="weekend"><span class="num">11</span></td>');
    const sep = renderMonthHtml(tasks, "2026-09");
    expect(sep).toContain('<span class="num">10</span><ul><li class="done">庆祝教师节</li></ul>');
    expect(html).toContain('<p class="holidays">节假日 / Holidays: 国庆节 10月1日—7日放假；10月10日（周六）调休上班</p>');
  });

  it("says when there is no holiday data for the year", () => {
    const html = renderMonthHtml([], "2027-05");
    expect(html).toContain("暂无 2027 年节假日数据 / no holiday data for 2027");
    expect(html).not.toContain('class="holiday"><span');
    expect(html).toContain("本月没有任务 / no tasks this month");
  });

  it("prints the overview as one table per plan", () => {
    const html = renderOverviewHtml(plans, tasks, { generatedAt: new Date(2026, 10, 22, 9, 30) });
    expect(html).toContain("<title>晨光小学2026年工会工作计划 行事历</title>");
    expect(html).toContain('<tr><td class="month">2026年11月</td><td></td><td class="owner"></td></tr>');
    expect(html).toContain('<td class="month">2026年7月—8月</td><td><ol><li>暑期教工疗休养</li></ol></td><td class="owner">陈静</td>');
    expect(html).toContain("<footer>生成于 / made 2026-11-22 09:30 · union-plan</footer>");
    expect(renderOverviewHtml([], [])).toContain("没有计划 / no plans");
  });
});

describe("a month whose year the plan does not tell", () => {
  it("is titled by its month and has no grid or holiday line", () => {
    const t = task("t-q", "三月份工会活动", [ym(null, 3)]);
    const md = renderMonthMarkdown([t], "?-03", { frontmatter: false });
    expect(md.startsWith("# 3月（年份未知 / year unknown） 行事历\n\n| 日期 |")).toBe(true);
    const html = renderMonthHtml([t], "?-03");
    expect(html).not.toContain('class="grid"');
    expect(html).toContain("三月份工会活动");
  });
});
