// @vitest-environment happy-dom
/**
 * One calendar model: the same plans drawn by the 行事历 view (month and overview, mounted over a
 * host as in Obsidian) and printed by every export (text, Markdown, HTML, ICS, each overview) hold
 * the same tasks in the same months. A task of 七、八月份 is on the July and the August month
 * pages, marked 7月—8月, and in the overview once, in the row spanning both months.
 */
import { afterEach, describe, expect, it } from "vitest";
import { extractTasks, parsePlans, type Plan, type PlanTask } from "../../shared/index";
import { monthModel, monthTasks } from "../../shared/calendar/month-model";
import { overviewRows } from "../../shared/calendar/overview-model";
import { renderMonthText, renderOverviewText } from "../../shared/calendar/export-text";
import { renderMonthMarkdown, renderOverviewMarkdown } from "../../shared/calendar/export-markdown";
import { renderMonthHtml, renderOverviewHtml } from "../../shared/calendar/export-html";
import { renderIcs } from "../../shared/calendar/export-ics";
import { mountCalendar, type CalendarHandle } from "../../plugin/view/mount-calendar";
import { FakeHost } from "../browser/page/fake-host";
import { SUMMER_NOTE, SUMMER_PATH, YEARLESS_NOTE, YEARLESS_PATH } from "./one-model-fixture";

const notes = { [SUMMER_PATH]: SUMMER_NOTE, [YEARLESS_PATH]: YEARLESS_NOTE };
const plans: Plan[] = [];
const tasks: PlanTask[] = [];
for (const [path, text] of Object.entries(notes)) {
  const parsed = parsePlans(text, { fileName: path }).plans;
  plans.push(...parsed);
  tasks.push(...extractTasks(parsed, path));
}
const MONTHS = ["2026-03", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
const SPANNING = ["t-w0701", "t-w0702"];

/** The ids of the tasks whose text a page prints (every text in the fixture is unique and no text holds another). */
function idsIn(page: string, of: readonly PlanTask[] = tasks): string[] {
  return of.filter((t) => page.includes(t.text)).map((t) => t.id).sort();
}

const sorted = (ids: readonly string[]) => [...ids].sort();

let handle: CalendarHandle | null = null;
afterEach(() => {
  handle?.destroy();
  handle = null;
  document.body.replaceChildren();
});

async function mountView(mode: "month" | "overview", ym: string): Promise<HTMLElement> {
  const host = new FakeHost(notes, { weekStart: 1, language: "zh" }, false);
  handle = mountCalendar(document.body, host, { ym, mode, now: () => new Date("2026-07-15T10:00:00+08:00") });
  await handle.settled();
  return document.body;
}

function viewMonthIds(root: HTMLElement): string[] {
  return sorted([...root.querySelectorAll(".union-plan-month-list .union-plan-task")].map((r) => r.getAttribute("data-task-id") ?? ""));
}

/** Overview rows as label → task ids, read from the model. */
function modelOverview(plan: Plan): Record<string, string[]> {
  return Object.fromEntries(overviewRows(plan, tasks).map((r) => [r.label, sorted(r.tasks.map((t) => t.id))]));
}

/** The same from the view's overview table. */
function viewOverview(root: HTMLElement, planId: string): Record<string, string[]> {
  const rows = [...root.querySelectorAll(`.union-plan-overview-plan[data-plan-id="${planId}"] tr.union-plan-ov-row`)];
  return Object.fromEntries(rows.map((r) => [r.querySelector(".union-plan-ov-month")?.textContent ?? "", sorted([...r.querySelectorAll(".union-plan-task")].map((x) => x.getAttribute("data-task-id") ?? ""))]));
}

/** The same from a Markdown overview: `| 月份 | 1. 任务<br>2. 任务 | 负责人 |`. */
function markdownOverview(md: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of md.split("\n")) {
    const cells = line.split(" | ");
    const label = cells[0]?.replace(/^\| /, "") ?? "";
    if (!/^\d{4}年|^\d+月/.test(label) || cells.length < 3) continue;
    out[label] = idsIn(cells[1] ?? "");
  }
  return out;
}

/** The same from an HTML overview: `<tr><td class="month">…</td><td><ol><li>…`. */
function htmlOverview(html: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of html.matchAll(/<tr><td class="month">([^<]*)<\/td><td>(.*?)<\/td>/g)) out[m[1] ?? ""] = idsIn(m[2] ?? "");
  return out;
}

/** The same from a text overview: rows between +---+ rules, the month in the first column of a row's first line. */
function textOverview(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let label: string | null = null;
  let cells = "";
  const flush = () => {
    if (label !== null && label !== "月份") out[label] = idsIn(cells);
    label = null;
    cells = "";
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("+")) {
      flush();
      continue;
    }
    if (!line.startsWith("|")) continue;
    const parts = line.split(" | ");
    const first = (parts[0] ?? "").replace(/^\| /, "").trim();
    if (label === null) label = first;
    cells += `${parts[1] ?? ""}\n`;
  }
  flush();
  return out;
}

describe("one calendar model for the view, every export and the CLI", () => {
  it("month by month: the view's list, text, Markdown, HTML and ICS hold the same tasks", async () => {
    for (const ym of MONTHS) {
      const model = sorted(monthModel({ tasks, plans, ym, weekStart: 1 }).rows.map((r) => r.task.id));
      expect(sorted(monthTasks(tasks, ym).map((t) => t.id)), ym).toEqual(model);
      const root = await mountView("month", ym);
      expect(viewMonthIds(root), `view ${ym}`).toEqual(model);
      handle?.destroy();
      expect(idsIn(renderMonthText(tasks, ym)), `text ${ym}`).toEqual(model);
      expect(idsIn(renderMonthMarkdown(tasks, ym)), `md ${ym}`).toEqual(model);
      expect(idsIn(renderMonthHtml(tasks, ym)), `html ${ym}`).toEqual(model);
      // A calendar file cannot place a task whose year the plan does not say: those are left out and counted.
      const ics = renderIcs(monthTasks(tasks, ym), { generatedAt: new Date("2026-07-01T00:00:00Z") });
      const known = tasks.filter((t) => t.months.every((m) => m.year !== null));
      expect(idsIn(ics.ics, known), `ics ${ym}`).toEqual(model.filter((id) => known.some((t) => t.id === id)));
    }
  });

  it("a task of 七、八月份 is on both month pages, marked with its span", async () => {
    for (const ym of ["2026-07", "2026-08"]) {
      const rows = monthModel({ tasks, plans, ym, weekStart: 1 }).rows.filter((r) => SPANNING.includes(r.task.id));
      expect(rows.map((r) => [r.task.id, r.when])).toEqual([
        ["t-w0701", "7月—8月"],
        ["t-w0702", "7月—8月"],
      ]);
      expect(renderMonthText(tasks, ym)).toContain("7月—8月");
      const root = await mountView("month", ym);
      expect(root.querySelector('.union-plan-task[data-task-id="t-w0701"] .union-plan-task-meta')?.textContent).toContain("7月—8月");
    }
    expect(idsIn(renderMonthMarkdown(tasks, "2026-06"))).not.toContain("t-w0701");
    expect(idsIn(renderMonthMarkdown(tasks, "2026-09"))).not.toContain("t-w0701");
  });

  it("the overview: the view, text, Markdown and HTML show the same rows, a two-month task once", async () => {
    const outputs = {
      text: textOverview(renderOverviewText(plans, tasks)),
      md: markdownOverview(renderOverviewMarkdown(plans, tasks)),
      html: htmlOverview(renderOverviewHtml(plans, tasks)),
    };
    for (const plan of plans) {
      const model = modelOverview(plan);
      // The view shows one plan's overview when that plan is picked in the filter.
      const root = await mountView("overview", plan.id === "p-wutong" ? "2026-07" : "2026-03");
      const select = root.querySelector<HTMLSelectElement>(".union-plan-filter-plan");
      if (!select) throw new Error("no plan filter");
      select.value = plan.id;
      select.dispatchEvent(new Event("change"));
      await handle?.settled();
      expect(viewOverview(root, plan.id), `view ${plan.id}`).toEqual(model);
      handle?.destroy();
      for (const [format, rows] of Object.entries(outputs)) {
        const own = Object.fromEntries(Object.entries(rows).filter(([label]) => label in model));
        expect(own, `${format} ${plan.id}`).toEqual(model);
      }
    }
    const summer = modelOverview(plans[0] as Plan);
    expect(Object.keys(summer)).toEqual(["2026年6月", "2026年7月—8月", "2026年9月", "2026年10月"]);
    expect(summer["2026年7月—8月"]).toEqual(["t-nv542e", "t-w0701", "t-w0702"].sort());
    for (const id of SPANNING) {
      expect(Object.values(summer).flat().filter((x) => x === id)).toHaveLength(1);
      expect(renderOverviewMarkdown(plans, tasks).split(tasks.find((t) => t.id === id)?.text ?? "?").length - 1).toBe(1);
    }
    // An ICS file of every task has one event per task, the two-month task included once.
    const ics = renderIcs(tasks, { generatedAt: new Date("2026-07-01T00:00:00Z") });
    expect(ics.ics.match(/SUMMARY:【7月—8月】暑期教工疗休养/g)).toHaveLength(1);
  });
});
