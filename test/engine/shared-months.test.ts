/**
 * Body tasks that name one month share that month's array (shared/plan/shared-months.ts): one per
 * year and month, the same value a fresh array would hold.
 */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";
import { singleMonth } from "../../shared/plan/shared-months";

describe("singleMonth", () => {
  it("gives one array per year and month", () => {
    expect(singleMonth(2027, 3)).toBe(singleMonth(2027, 3));
    expect(singleMonth(null, 3)).toBe(singleMonth(null, 3));
    expect(singleMonth(2027, 3)).not.toBe(singleMonth(2028, 3));
    expect(singleMonth(null, 3)).not.toBe(singleMonth(2027, 3));
    expect(singleMonth(2027, 3)).toEqual([{ year: 2027, month: 3 }]);
    expect(singleMonth(null, 12)).toEqual([{ year: null, month: 12 }]);
  });

  it("keeps a month it has no key for as a fresh array", () => {
    expect(singleMonth(2027, 13)).not.toBe(singleMonth(2027, 13));
    expect(singleMonth(2027, 13)).toEqual([{ year: 2027, month: 13 }]);
  });

  it("shares the months of two plans' body tasks of the same month", () => {
    const text = "甲校工会2027年春季工作计划\n一、主要工作\n3月份组织教职工参加植树活动。\n\n乙校工会2027年春季工作计划\n一、主要工作\n3月份开展三八妇女节慰问活动。\n";
    const plans = parsePlans(text).plans;
    expect(plans).toHaveLength(2);
    const [a, b] = plans.map((p) => p.bodyTasks[0]?.months);
    expect(a).toEqual([{ year: 2027, month: 3 }]);
    expect(a).toBe(b);
  });
});
