/** report-runs.ts alone: a 行事历-shaped run under a caption naming a report is the plan's body. */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";

const tasks = (text: string): string[] =>
  parsePlans(text).plans.flatMap((p) => p.schedule.flatMap((m) => m.tasks.map((t) => `${m.label}:${t.text}`)));

describe("runs under a report caption", () => {
  const rows = ["序号 |", "月份 |", "活动内容 |"];
  for (const [n, month, what] of [[1, 3, "女职工插花沙龙"], [2, 5, "春季趣味运动会"], [3, 9, "教师节表彰会"], [4, 10, "金秋登高比赛"]]) rows.push(`${n} |`, `2030年${month}月 |`, `${what} |`);
  rows.push("二、其他要求", "各小组认真组织，确保活动安全。");
  const planned = ["2030年3月:女职工插花沙龙", "2030年5月:春季趣味运动会", "2030年9月:教师节表彰会", "2030年10月:金秋登高比赛"];

  it("a table under '…开展情况表' holds no tasks, however many rows it has", () => {
    expect(tasks(["后勤分工会工作总结", "表1 2030年工会活动开展情况表", ...rows].join("\n"))).toEqual([]);
  });

  it("the same table under a caption that names a plan is a 行事历", () => {
    expect(tasks(["后勤分工会2030年工作计划", "表1 2030年工会活动安排表", ...rows].join("\n"))).toEqual(planned);
  });

  it("a caption above a paragraph of the plan does not reach the table below it", () => {
    const text = ["表1 2029年工会活动开展情况表", "2030年，工会将围绕学校中心工作，继续开展丰富多彩的文体活动，具体安排见下表，请各小组认真落实：", ...rows].join("\n");
    expect(tasks(text)).toEqual(planned);
  });
});
