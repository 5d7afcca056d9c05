import { describe, expect, it } from "vitest";
import { parseNotionId } from "../../notion-sync/schema";
import { taskDateRange, termText, yearText, planProperties, taskProperties } from "../../notion-sync/mapping";
import { changedProperties, DEFAULT_PROPERTY_NAMES, resolvePropertyNames, toNotion } from "../../notion-sync/properties";
import { commonBlocks } from "../../notion-sync/sync-engine";
import type { Plan, Task } from "../../shared/plan/types";

const task = (over: Partial<Task> = {}): Task => ({ id: "t-1", text: "教工运动会", months: [{ year: 2026, month: 10 }], date: null, dateEnd: null, partOfMonth: null, owner: null, done: false, line: 1, ...over });
const plan = (over: Partial<Plan> = {}): Plan => ({ id: "p-1", title: "示例计划", school: "示例小学", kind: "学期", period: { start: "2026-09", end: "2027-01" }, reviewStatus: "待审核", reviewComment: null, lines: { start: 1, end: 1 }, scheduleHeading: null, outline: [], schedule: [{ label: "10月", months: [{ year: 2026, month: 10 }], writtenYear: 2026, line: 2, tasks: [task()] }], bodyTasks: [], diagnostics: [], ...over });

describe("ids", () => {
  it("reads page and database ids from URLs and bare ids", () => {
    expect(parseNotionId("https://www.notion.so/acme/工会-0123456789abcdef0123456789abcdef?v=fedcba9876543210fedcba9876543210")).toBe("01234567-89ab-cdef-0123-456789abcdef");
    expect(parseNotionId("0123456789ABCDEF0123456789ABCDEF")).toBe("01234567-89ab-cdef-0123-456789abcdef");
    expect(parseNotionId("01234567-89ab-cdef-0123-456789abcdef")).toBe("01234567-89ab-cdef-0123-456789abcdef");
    expect(parseNotionId("not an id")).toBeNull();
  });
});

describe("mapping", () => {
  it("月份: the task's own day or range, else its months, else nothing when the year is unknown", () => {
    expect(taskDateRange(task({ date: "2026-10-09" }))).toEqual({ start: "2026-10-09", end: null });
    expect(taskDateRange(task({ date: "2026-11-20", dateEnd: "2026-11-28" }))).toEqual({ start: "2026-11-20", end: "2026-11-28" });
    expect(taskDateRange(task({ months: [{ year: 2026, month: 12 }, { year: 2027, month: 1 }] }))).toEqual({ start: "2026-12-01", end: "2027-01-31" });
    expect(taskDateRange(task({ months: [{ year: 2028, month: 2 }] }))).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(taskDateRange(task({ months: [{ year: null, month: 3 }] }))).toEqual({ start: null, end: null });
  });

  it("plan properties: 年度/学年 and 学期 from the period; the review the caller chose", () => {
    expect(yearText(plan())).toBe("2026学年");
    expect(termText(plan())).toBe("第一学期");
    expect(termText(plan({ period: { start: "2027-02", end: "2027-07" } }))).toBe("第二学期");
    expect(yearText(plan({ kind: "年度", period: { start: "2027-01", end: "2027-12" } }))).toBe("2027年");
    const props = planProperties(DEFAULT_PROPERTY_NAMES.plans, { plan: plan(), key: "p-1", path: "计划/a.md", reviewStatus: "已通过", reviewComment: null });
    expect(props["审核状态"]).toEqual({ type: "select", name: "已通过" });
    expect(props["任务数"]).toEqual({ type: "number", value: 1 });
    expect(toNotion({ type: "rich_text", text: "x".repeat(2500) })).toMatchObject({ rich_text: [{ text: { content: "x".repeat(2000) } }, { text: { content: "x".repeat(500) } }] });
  });

  it("only properties that differ from the page are sent", () => {
    const props = taskProperties(DEFAULT_PROPERTY_NAMES.tasks, { task: task({ owner: "王芳" }), key: "p-1/t-1", planPageId: "aaaa-bbbb", done: false });
    const page = {
      任务: { type: "title", title: [{ plain_text: "教工运动会" }] },
      月份: { type: "date", date: { start: "2026-10-01", end: "2026-10-31" } },
      计划: { type: "relation", relation: [{ id: "aaaabbbb" }] },
      完成: { type: "checkbox", checkbox: false },
      负责人: { type: "rich_text", rich_text: [{ plain_text: "王" }, { plain_text: "芳" }] },
      来自正文: { type: "checkbox", checkbox: false },
      同步键: { type: "rich_text", rich_text: [{ plain_text: "p-1/t-1" }] },
    };
    expect(changedProperties(props, page)).toEqual({});
    expect(Object.keys(changedProperties({ ...props, 完成: { type: "checkbox", value: true } }, page))).toEqual(["完成"]);
  });

  it("property names map from settings, blanks keep the defaults", () => {
    const n = resolvePropertyNames({ plans: { school: "单位", title: " " } });
    expect(n.plans.school).toBe("单位");
    expect(n.plans.title).toBe("名称");
  });

  it("commonBlocks keeps the longest shared run in order", () => {
    expect(commonBlocks(["h11", "a", "b", "h12", "c", "d"], ["h11", "c", "a", "b", "h12", "d"])).toEqual([
      [0, 0],
      [1, 2],
      [2, 3],
      [3, 4],
      [5, 5],
    ]);
  });
});
