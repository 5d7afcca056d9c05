/**
 * A built-in template → a new plan note in the canonical form the engine reads and writes
 * (HANDBOOK §7): frontmatter with the plan facts, numbered sections with prompts, and a `## 行事历`
 * with one heading per month of the period, its holiday line as a `> ` note, and unticked
 * suggestions carrying fresh block ids.
 */
import type { PlanKind } from "../plan/types";
import type { HolidayOverrides } from "../holidays/types";
import { formatHolidayLineForMonths } from "../holidays/holiday-line";
import { yamlScalar } from "../markdown/frontmatter";
import { toChineseNumber } from "../outline/chinese-number";
import { isoDate } from "../time/year-month";
import { writeTaskLine, type TaskFormat } from "../tasks/task-serializer";
import { templateInfo, type TemplateId } from "./catalog";
import { BlockIdSource, planIdFromSeed } from "./block-id";
import { groupHeading, templatePeriod, type MonthGroup, type TemplatePeriod } from "./template-period";
import { suggestionsFor, type Suggestion } from "./month-suggestions";
import { sectionsOf } from "./sections";

export interface RenderTemplateOptions {
  template: TemplateId;
  /** School or organisation; may be empty. */
  school: string;
  /** The calendar year, or the 学年 start year for a term (2026 → 第一学期 2026-09..2027-01, 第二学期 2027-02..2027-07). */
  year: number;
  term?: 1 | 2;
  /** For the group template: the group's name ("第四工会小组"); default "工会小组". */
  group?: string;
  /** Default: derived from template, school, year and term, so the same draft gets the same id. */
  planId?: string;
  /** Seed for the task block ids; default: the plan id. */
  seed?: string;
  /** The user's own holidays and 调休 days, merged over chinese-days. */
  holidays?: HolidayOverrides;
  /** Written as `review-status`; default "草稿". Empty string: no field. */
  reviewStatus?: string;
  /** Tasks' format for the suggested tasks' dates (the user's Tasks setting); default emoji. */
  format?: TaskFormat;
}

export interface RenderedTemplate {
  markdown: string;
  title: string;
  planId: string;
  kind: PlanKind;
  period: TemplatePeriod;
}

/** The title a new plan gets: 晨光小学2027年工会工作计划, 晨光小学2026学年度第一学期工会工作计划 … */
export function templateTitle(options: Pick<RenderTemplateOptions, "template" | "school" | "year" | "term" | "group">): string {
  const p = templatePeriod(options.template, options.year, options.term);
  const school = options.school.trim();
  const when = p.termName === null ? `${options.year}年` : `${options.year}学年度${p.termName}`;
  switch (options.template) {
    case "annual":
    case "term":
      return `${school}${when}工会工作计划`;
    case "group":
      return `${school}${when}${options.group?.trim() || "工会小组"}创建文明组室计划`;
    case "monthly-theme":
      return `${school}${when}工会月主题活动安排`;
  }
}

/** The task line of one suggestion: "- [ ] text 📅 2027-03-08 ^t-k2m9". */
function suggestionLine(s: Suggestion, group: MonthGroup, ids: BlockIdSource, format: TaskFormat | undefined): string {
  const m = group[0];
  const date = s.day !== undefined && m && group.length === 1 ? isoDate(m.year, m.month, s.day) : null;
  // Through the one serializer, so a template's lines are the lines the engine and edits expect.
  return writeTaskLine({ id: ids.next(), text: s.text, owner: null, done: false, date, dateEnd: null }, { format });
}

/** The `### 2027年3月` blocks of a 行事历: heading, holiday line, suggestions (none when `suggestions` is false). */
export function renderScheduleMonths(
  groups: readonly MonthGroup[],
  options: { template: TemplateId | null; termPlan: boolean; holidays?: HolidayOverrides; ids: BlockIdSource; suggestions?: boolean; holidayLines?: boolean; format?: TaskFormat },
): string[] {
  const out: string[] = [];
  groups.forEach((group, i) => {
    out.push(`### ${groupHeading(group)}`);
    if (options.holidayLines !== false) out.push(`> ${formatHolidayLineForMonths(group, options.holidays)}`);
    if (options.template !== null && options.suggestions !== false) {
      const list = suggestionsFor(group, { template: options.template, first: i === 0, last: i === groups.length - 1, termPlan: options.termPlan });
      for (const s of list) out.push(suggestionLine(s, group, options.ids, options.format));
    }
    out.push("");
  });
  return out;
}

export function renderTemplateNote(options: RenderTemplateOptions): RenderedTemplate {
  const info = templateInfo(options.template);
  const period = templatePeriod(options.template, options.year, options.term);
  const title = templateTitle(options);
  const seedBase = `${options.template}|${options.school.trim()}|${options.year}|${period.termName ?? ""}|${options.group ?? ""}`;
  const planId = options.planId?.trim() || planIdFromSeed(seedBase);
  const ids = new BlockIdSource(options.seed ?? planId);

  const out: string[] = ["---", "type: union-plan"];
  out.push(`title: ${yamlScalar(title)}`);
  if (options.school.trim() !== "") out.push(`school: ${yamlScalar(options.school.trim())}`);
  out.push(`kind: ${info.kind}`);
  out.push(`period: ${period.period.start}..${period.period.end}`);
  out.push(`plan-id: ${yamlScalar(planId)}`);
  const status = options.reviewStatus ?? "草稿";
  if (status !== "") out.push(`review-status: ${yamlScalar(status)}`);
  out.push("---", `# ${title}`, "");

  sectionsOf(options.template).forEach((section, i) => {
    out.push(`## ${toChineseNumber(i + 1)}、${section.title}`, "", section.prompt, "");
    section.subsections?.forEach((sub, j) => {
      out.push(`### （${toChineseNumber(j + 1)}）${sub.title}`, "", sub.prompt, "");
    });
  });

  out.push("## 行事历", "");
  for (const l of renderScheduleMonths(period.groups, { template: options.template, termPlan: period.termName !== null, holidays: options.holidays, ids, format: options.format })) out.push(l);
  while (out[out.length - 1] === "") out.pop();
  return { markdown: `${out.join("\n")}\n`, title, planId, kind: info.kind, period };
}

/** A built-in template → the Markdown of a new plan note. */
export function renderTemplate(options: RenderTemplateOptions): string {
  return renderTemplateNote(options).markdown;
}
