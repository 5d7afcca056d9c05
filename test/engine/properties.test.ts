/** Properties over open-ended input: the engine never throws, and its own Markdown is a fixed point. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePlans, renderPlanMarkdown, type Plan } from "../../shared/index";

// Pieces plans are made of, so generated text hits the rules instead of only random noise.
/**
 * Every run of `npm test` reads the same 4,000 texts (test/property-seed.ts fixes the seed). Rare shapes the
 * generator sometimes reaches (a body line that reads back as a 行事历 heading) are still open: of
 * seeds 1–60 and 110–200, 39 and 197 find one, both the same shape (a one-line text whose "三月份：…"
 * after an inline 七、八月份 heading stays body text, going back in the year, and is written as a
 * plain paragraph before the 行事历, where the Markdown reads it as a month).
 * A search for more sets UNION_PLAN_PROPERTY_SEED (any integer) and runs this file again.
 */

const piece = fc.constantFrom(
  "一、", "二、", "七、", "（一）", "(二)、", "1、", "2.", "1 .", "（1）", "①", "、", "- ", "- [ ] ", "- [x] ", "## ", "### ", "# ",
  "三月份：", "七、八月份：", "12月至1月", "元月", "2020年9月", "3月8日", "中旬", "9/1（一） ", "3月20日（周六）下午 ", "行事历", "具体工作安排：", "指导思想：",
  "某某小学2026年工会工作计划", "篇4", "（负责人：张三）", "| 月份 | 工作内容 | 负责人 |", "| --- | --- | --- |", "| 3月 | 活动 | 李 |",
  "學(xué)習(xí)", "?。ㄈ┲匾", "“三八”", "，", "。", "；", ":", "---", "type: union-plan", "plan-id: p-1", "^t-ab12", "\ud83d\udcc5 2026-03-08",
  "\t", "\u3000", "\u200b", "\r\n", "\n", "\n\n", " ", "开展活动", "慶祝教師節", "x",
);
const planLike = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) }), { maxLength: 60 }).map((a) => a.join(""));

describe("engine properties", () => {
  it("parse never throws and always answers with plans and diagnostics, on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), planLike), (text) => {
        const r = parsePlans(text);
        expect(Array.isArray(r.plans)).toBe(true);
        expect(r.diagnostics.every((d) => d.line >= 1 && d.message.length > 0)).toBe(true);
        expect(r.diagnostics.some((d) => d.code === "internal")).toBe(false);
      }),
      { numRuns: 4000 },
    );
  });

  it("render → parse → render is stable", () => {
    fc.assert(
      fc.property(planLike, (text) => {
        for (const plan of parsePlans(text).plans) {
          const md = renderPlanMarkdown(plan);
          const back = parsePlans(md).plans;
          expect(back.length).toBe(1);
          expect(renderPlanMarkdown(back[0]!)).toBe(md);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it("an untitled plan's first line that reads like a title is written back as a paragraph, and read back so (found by the property above)", () => {
    const text = "行事历某某小学2026年工会工作计划\t七、八月份：## 三月份：";
    const [plan] = parsePlans(text).plans;
    expect(plan?.title).toBeNull();
    const md = renderPlanMarkdown(plan!);
    const [back] = parsePlans(md).plans;
    expect(back?.title).toBeNull();
    expect(renderPlanMarkdown(back!)).toBe(md);
  });

  it("a lost-number item whose rest is 行事历 stays an item in the outline, as the line alone reads (found by the property above)", () => {
    const text = "、具体工作安排：三月份：七、八月份：开展活动";
    const [plan] = parsePlans(text).plans;
    expect(plan?.outline[0]).toMatchObject({ ordinal: 1, text: "具体工作安排：" });
    const md = renderPlanMarkdown(plan!);
    const [back] = parsePlans(md).plans;
    expect(renderPlanMarkdown(back!)).toBe(md);
  });

  it("Markdown the engine writes parses back to the same plan", () => {
    const essence = (plan: Plan): unknown => ({
      id: plan.id,
      title: plan.title,
      school: plan.school,
      kind: plan.kind,
      period: plan.period,
      outline: JSON.stringify(plan.outline, (k, v: unknown) => (k === "line" ? undefined : v)),
      schedule: plan.schedule.map((m) => ({ months: m.months, notes: m.notes ?? [], tasks: m.tasks.map((t) => [t.id, t.text, t.date, t.dateEnd, t.owner, t.done, t.months]) })),
    });
    fc.assert(
      fc.property(planLike, (text) => {
        for (const plan of parsePlans(text).plans) {
          const back = parsePlans(renderPlanMarkdown(plan)).plans;
          expect(back.length).toBe(1);
          expect(essence(back[0]!)).toEqual(essence(plan));
        }
      }),
      { numRuns: 4000 },
    );
  });

  it("every task line the engine reports is a line of the input", () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const count = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
        for (const plan of parsePlans(text).plans) {
          for (const m of plan.schedule) {
            for (const t of m.tasks) {
              expect(t.line).toBeGreaterThanOrEqual(1);
              expect(t.line).toBeLessThanOrEqual(count);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
