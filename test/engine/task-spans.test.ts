/**
 * Task spans (shared/plan/task-spans.ts): each task's words are found on its own line of the note,
 * whatever the line breaks, and in whatever order the tasks come (a reader moves forward through
 * the lines; a task behind it is found all the same).
 */
import { describe, expect, it } from "vitest";
import { parsePlans, type Plan, type Task } from "../../shared/index";
import { placeTasks } from "../../shared/plan/task-spans";

function task(text: string, line: number): Task {
  return { id: `t-${line}`, text, months: [{ year: null, month: 3 }], date: null, dateEnd: null, partOfMonth: null, owner: null, done: false, line };
}

function plan(tasks: Task[]): Plan {
  return { id: "p", title: null, school: null, kind: null, period: null, reviewStatus: null, reviewComment: null, lines: { start: 1, end: 5 }, scheduleHeading: null, outline: [], schedule: [{ label: "3月", months: [{ year: null, month: 3 }], writtenYear: null, line: 1, tasks }], bodyTasks: [], diagnostics: [] };
}

describe("task spans", () => {
  it("places two tasks of one line one after the other, across \\r\\n and \\u2028 breaks", () => {
    const text = "计划\r\n三月份：\u2028甲活动；乙活动\r\n丙活动";
    const tasks = [task("甲活动", 3), task("乙活动", 3), task("丙活动", 4)];
    placeTasks([plan(tasks)], text);
    expect(tasks.map((t) => t.span)).toEqual([
      { line: 3, start: 0, end: 3 },
      { line: 3, start: 4, end: 7 },
      { line: 4, start: 0, end: 3 },
    ]);
  });

  it("finds a task whose line comes before the task placed last", () => {
    const tasks = [task("丙活动", 4), task("甲活动", 2), task("不在此行", 3)];
    placeTasks([plan(tasks)], "计划\n甲活动\n乙活动\n丙活动");
    expect(tasks.map((t) => t.span)).toEqual([{ line: 4, start: 0, end: 3 }, { line: 2, start: 0, end: 3 }, { line: 3 }]);
  });

  it("gives the parsed plan's tasks their columns", () => {
    const { plans } = parsePlans("2026年工会工作计划\n二、行事历\n三月份：\n1、三八节活动\n2、植树\n四月份：\n1、春游");
    const spans = plans[0]?.schedule.flatMap((m) => m.tasks.map((t) => t.span));
    expect(spans).toEqual([
      { line: 4, start: 2, end: 7 },
      { line: 5, start: 2, end: 4 },
      { line: 7, start: 2, end: 4 },
    ]);
  });
});
