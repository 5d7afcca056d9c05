/** The flat task list carries the body's dated items beside the 行事历's, each saying where it is written, and never one twice. */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/plan/parse-plans";
import { extractTasks, planTasks, tasksInMonth } from "../../shared/tasks/extract-tasks";
import { BODY_AND_SCHEDULE } from "./body-plan-fixture";


describe("extractTasks with body tasks", () => {
  const plans = parsePlans(BODY_AND_SCHEDULE).plans;
  const tasks = extractTasks(plans, "计划.md");

  it("lists a body item after the 行事历's tasks, marked as from the body, its label the date phrase", () => {
    expect(tasks.map((t) => [t.text, t.source])).toEqual([
      ["“三八”妇女节庆祝活动", "schedule"],
      ["工会小组长会议", "schedule"],
      ["教工读书月活动", "schedule"],
      ["组织一次秋季登山", "body"],
    ]);
    const hike = tasks[3];
    expect(hike).toMatchObject({ monthLabel: "11月左右", line: 5, path: "计划.md", months: [{ year: 2026, month: 11 }] });
  });

  it("never lists an activity twice when the 行事历 and a body sentence both name it", () => {
    expect(tasks.filter((t) => t.text.includes("妇女节"))).toHaveLength(1);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(planTasks(plans[0]!).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
  });

  it("finds a body item in its month as it finds a 行事历 task", () => {
    expect(tasksInMonth(tasks, "2026-11").map((t) => t.text)).toEqual(["组织一次秋季登山"]);
    expect(tasksInMonth(tasks, "2026-03").map((t) => t.source)).toEqual(["schedule", "schedule"]);
  });
});
