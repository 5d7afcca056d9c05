/** The exports' model shows body items: marked text, their date phrase as "when", a row in the overview. */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/plan/parse-plans";
import { extractTasks } from "../../shared/tasks/extract-tasks";
import { BODY_MARK, shownText } from "../../shared/calendar/export-model";
import { monthRows } from "../../shared/calendar/month-model";
import { overviewRows } from "../../shared/calendar/overview-model";
import { renderIcs } from "../../shared/calendar/export-ics";
import { BODY_ONLY, BODY_AND_SCHEDULE } from "../tasks/body-plan-fixture";
import { task, ym } from "./fixture-tasks";

describe("body tasks in the exports", () => {
  it("marks a body item's text and leaves a 行事历 task's as written", () => {
    expect(shownText(task("t-1", "组织登山", [ym(2026, 11)], { source: "body" }))).toBe(`组织登山${BODY_MARK}`);
    expect(shownText(task("t-2", "组织登山", [ym(2026, 11)]))).toBe("组织登山");
  });

  it("gives a body item without a day its date phrase as the month row's when", () => {
    const tasks = extractTasks(parsePlans(BODY_ONLY).plans);
    expect(monthRows(tasks, "2026-11").map((r) => [r.task.text, r.when])).toEqual([["组织一次秋季登山", "11月左右"]]);
  });

  it("puts a plan without a 行事历 in its overview, month by month", () => {
    const plan = parsePlans(BODY_ONLY).plans[0]!;
    const rows = overviewRows(plan, extractTasks([plan]));
    const filled = rows.filter((r) => r.tasks.length > 0).map((r) => [r.label, r.tasks.map((t) => t.text)]);
    expect(filled).toEqual([
      ["2026年6月", ["举办优秀会员表彰会"]],
      ["2026年11月", ["组织一次秋季登山"]],
    ]);
    // Still one row a month: the body's months are not added again as empty rows.
    expect(rows).toHaveLength(12);
  });

  it("adds a body item to the row of its month when the 行事历 has one, and the shared activity once", () => {
    const plan = parsePlans(BODY_AND_SCHEDULE).plans[0]!;
    const rows = overviewRows(plan, extractTasks([plan]));
    expect(rows.find((r) => r.label === "2026年3月")?.tasks.map((t) => t.text)).toEqual(["“三八”妇女节庆祝活动", "工会小组长会议"]);
  });

  it("files a body item in ICS under the 正文 category", () => {
    const { ics } = renderIcs(extractTasks(parsePlans(BODY_ONLY).plans));
    expect(ics.match(/CATEGORIES:工会,正文/g)).toHaveLength(2);
  });
});
