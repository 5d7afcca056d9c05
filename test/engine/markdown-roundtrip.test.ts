/** Plan → canonical Markdown → Plan: the same plan, ids kept, and a golden note a person has read. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlans, renderPlanMarkdown, type Plan } from "../../shared/index";
import { HAVE_SEEDS, readExpected, readSeed } from "./seed-files";

/** What a round trip must keep: everything but source line numbers and the 行事历 heading's wording. */
function essence(plan: Plan): unknown {
  const outline = (nodes: Plan["outline"]): unknown => nodes.map((n) => [n.level, n.ordinal, n.text, outline(n.children)]);
  return {
    id: plan.id,
    title: plan.title,
    school: plan.school,
    kind: plan.kind,
    period: plan.period,
    reviewStatus: plan.reviewStatus,
    outline: outline(plan.outline),
    schedule: plan.schedule.map((m) => ({
      months: m.months,
      notes: m.notes ?? [],
      tasks: m.tasks.map((t) => ({ id: t.id, text: t.text, date: t.date, dateEnd: t.dateEnd, owner: t.owner, done: t.done, months: t.months })),
    })),
  };
}

const SAMPLE = [
  "晨光小学2026学年度第二学期工会工作计划",
  "一、指导思想",
  "以服务教职工为中心，推进民主管理。",
  "二、主要工作",
  "（一）加强教职工队伍建设",
  "1、开展师德主题学习。",
  "2、组织青年教师基本功比赛。",
  "（二）关心教职工生活",
  "1、做好困难教职工帮扶。",
  "三、行事历",
  "三月份：",
  "1、3月8日“三八”妇女节庆祝活动（负责人：陈静）",
  "2、工会小组长会议",
  "四月份：",
  "1、春季教工健步走",
  "七、八月份：暑期教工疗休养",
].join("\n");

describe("canonical Markdown", () => {
  const plan = parsePlans(SAMPLE).plans[0]!;
  const md = renderPlanMarkdown(plan);

  it("matches the golden note (read by a person: frontmatter, sections, 行事历 with block ids)", () => {
    const golden = readFileSync(join(__dirname, "golden/sample-plan.md"), "utf8");
    expect(md).toBe(golden);
  });

  it("reads back to the same plan", () => {
    const back = parsePlans(md);
    expect(back.plans.length).toBe(1);
    expect(essence(back.plans[0]!)).toEqual(essence(plan));
  });

  it("keeps a task's id when its text is reworded or it moves to another month", () => {
    const task = plan.schedule[0]!.tasks[1]!;
    const reworded = md.replace("工会小组长会议", "召开工会小组长工作例会");
    const again = parsePlans(reworded).plans[0]!.schedule[0]!.tasks[1]!;
    expect(again.text).toBe("召开工会小组长工作例会");
    expect(again.id).toBe(task.id);

    const lines = md.split("\n");
    const from = lines.findIndex((l) => l.includes(`^${task.id}`));
    const [moved] = lines.splice(from, 1);
    const to = lines.findIndex((l) => l.startsWith("### 2027年4月"));
    lines.splice(to + 1, 0, moved!);
    const april = parsePlans(lines.join("\n")).plans[0]!.schedule[1]!;
    expect(april.tasks.map((t) => t.id)).toContain(task.id);
    expect(april.tasks.find((t) => t.id === task.id)!.months).toEqual([{ year: 2027, month: 4 }]);
  });

  it("keeps a table that is not a 行事历 as a table", () => {
    const p = parsePlans(["一、经费预算", "| 项目 | 金额 |", "| --- | --- |", "| 慰问 | 3000 |"].join("\n")).plans[0]!;
    expect(renderPlanMarkdown(p)).toContain("| 项目 | 金额 |\n| --- | --- |\n| 慰问 | 3000 |\n");
  });

  it("keeps the lines under a month that are not tasks", () => {
    const note = md.replace("### 2027年4月\n", "### 2027年4月\n> 节假日 / Holidays: 4月5日清明节\n");
    const p = parsePlans(note).plans[0]!;
    expect(p.schedule[1]!.notes).toEqual(["节假日 / Holidays: 4月5日清明节"]);
    expect(p.schedule[1]!.tasks.map((t) => t.text)).toEqual(["春季教工健步走"]);
    expect(renderPlanMarkdown(p)).toBe(note);
  });

  it("does not read an exported 行事历 as a plan", () => {
    const r = parsePlans(["---", "type: union-plan-export", "---", "| 月份 | 工作内容 | 负责人 |", "| --- | --- | --- |", "| 3月 | 三八节 | 李 |"].join("\n"));
    expect(r.plans).toEqual([]);
    expect(r.diagnostics[0]!.code).toBe("export-note");
  });

  it("reads frontmatter review status and keeps the plan id", () => {
    const withReview = md.replace("plan-id:", "review-status: 待审核\nplan-id:");
    const p = parsePlans(withReview).plans[0]!;
    expect(p.reviewStatus).toBe("待审核");
    expect(p.id).toBe(plan.id);
  });
});

describe.skipIf(!HAVE_SEEDS)("seed plans survive the round trip", () => {
  for (const file of HAVE_SEEDS ? Object.keys(readExpected()) : []) {
    it(file, () => {
      for (const plan of parsePlans(readSeed(file)).plans) {
        const md = renderPlanMarkdown(plan);
        const back = parsePlans(md).plans;
        expect(back.length).toBe(1);
        expect(essence(back[0]!)).toEqual(essence(plan));
        expect(renderPlanMarkdown(back[0]!)).toBe(md);
      }
    });
  }
});
