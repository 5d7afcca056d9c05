import { describe, expect, it } from "vitest";
import { renderPlanMarkdown, parsePlans, type Plan } from "../../shared/index";
import { makeWorld } from "./world";

describe("a long note", () => {
  it("a 9,000-character paragraph and 160 tasks: split at 2000 on character boundaries, appended in requests of ≤100 blocks", async () => {
    const paragraph = `以服务教职工为中心😀${"推进民主管理，关心教职工身心健康，".repeat(500)}😀结束`;
    const plan: Plan = {
      id: "p-long",
      title: "很长的计划",
      school: "长篇小学",
      kind: "年度",
      period: { start: "2027-01", end: "2027-12" },
      reviewStatus: null,
      reviewComment: null,
      lines: { start: 1, end: 1 },
      scheduleHeading: "行事历",
      outline: [{ level: 1, ordinal: 1, text: "指导思想", line: 0, children: [{ level: 6, ordinal: null, text: paragraph, line: 0, children: [] }] }],
      schedule: [3, 4].map((month) => ({
        label: `2027年${month}月`,
        months: [{ year: 2027, month }],
        writtenYear: 2027,
        line: 0,
        tasks: Array.from({ length: 80 }, (_, i) => ({ id: `t-l${month}x${i}`, text: `第${i + 1}项活动（${month}月）`, months: [{ year: 2027, month }], date: null, dateEnd: null, partOfMonth: null, owner: null, done: i % 3 === 0, line: 0 })),
      })),
      bodyTasks: [],
      diagnostics: [],
    };
    const text = renderPlanMarkdown(plan);
    expect(parsePlans(text).plans[0]?.schedule.reduce((n, m) => n + m.tasks.length, 0)).toBe(160);
    const w = makeWorld({ vault: new Map([["计划/long.md", text]]) });
    const r = await w.sync();
    expect(r.errors).toEqual([]);
    const page = w.emulator.pages(w.ids().plans)[0];
    const body = w.emulator.blocks(page?.id ?? "");
    expect(body.filter((b) => b.type === "to_do")).toHaveLength(160);
    expect(body.find((b) => b.type === "paragraph")?.text).toBe(paragraph);
    expect(body.filter((b) => b.type === "to_do" && b.checked).length).toBe(54);
    const appends = w.emulator.requestLog.filter((l) => l.method === "PATCH" && /children$/.test(l.path) && l.status === 200);
    expect(appends.length).toBeGreaterThanOrEqual(2);
    expect((await w.sync()).writes).toBe(0);
  });
});
