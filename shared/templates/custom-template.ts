/**
 * The user's own templates: Markdown files in the template folder with {{placeholders}} (see
 * README.md beside this file). Unknown placeholders are left as written, so a typo shows in the note.
 */
import dayjs from "dayjs";
import type { Period } from "../plan/types";
import type { HolidayOverrides } from "../holidays/types";
import { BlockIdSource, planIdFromSeed } from "./block-id";
import { checkYear, groupMonths, monthsOf, termName } from "./template-period";
import { renderScheduleMonths } from "./render-template";

export interface CustomTemplateVars {
  school: string;
  /** Calendar year, or the 学年 start year when `term` is given. */
  year: number;
  term?: 1 | 2;
  /** Default: 〈school〉〈year〉年工会工作计划, or 〈school〉〈year〉学年度第一学期工会工作计划 with a term. */
  title?: string;
  /** The months {{months}} lists; default: the term's months, else January–December of `year`. */
  period?: Period;
  /** Default: derived from school, year, term and the template text. */
  planId?: string;
  holidays?: HolidayOverrides;
  /** The day {{date}} stands for; default today. */
  now?: Date;
  /** Put July and August under one heading; default: yes for a calendar-year period, no for a term. */
  combineSummer?: boolean;
}

/** Every placeholder, with what it becomes (Chinese / English). */
export const TEMPLATE_PLACEHOLDERS: readonly { name: string; zh: string; en: string }[] = [
  { name: "{{school}}", zh: "学校（单位）名称", en: "the school or organisation" },
  { name: "{{year}}", zh: "年份（学期计划为学年起始年）", en: "the year (a term plan: the school year's first year)" },
  { name: "{{term}}", zh: "第一学期 / 第二学期；无学期时为空", en: "第一学期 / 第二学期, empty without a term" },
  { name: "{{title}}", zh: "计划标题", en: "the plan's title" },
  { name: "{{period}}", zh: "起止月份，如 2026-09..2027-01", en: "the period, e.g. 2026-09..2027-01" },
  { name: "{{plan-id}}", zh: "计划编号（写入 plan-id）", en: "the plan id (for plan-id)" },
  { name: "{{months}}", zh: "行事历各月标题（### 2026年9月）及节假日行", en: "the 行事历 month headings (### 2026年9月), each with its holiday line" },
  { name: "{{date}}", zh: "今天，YYYY-MM-DD", en: "today, YYYY-MM-DD" },
  { name: "{{date:FORMAT}}", zh: "今天，按 dayjs 格式，如 {{date:YYYY年M月D日}}", en: "today in a dayjs format, e.g. {{date:YYYY年M月D日}}" },
];

const PLACEHOLDER = /\{\{\s*([A-Za-z-]+)\s*(?::([^}]*))?\}\}/g;
const KNOWN = new Set(["school", "year", "term", "title", "period", "plan-id", "months", "date"]);

/** Placeholders in the text that renderCustomTemplate does not know ("{{schol}}"). */
export function unknownPlaceholders(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(PLACEHOLDER)) {
    const name = (m[1] ?? "").toLowerCase();
    if (!KNOWN.has(name) && !out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

export function renderCustomTemplate(markdown: string, vars: CustomTemplateVars): string {
  checkYear(vars.year);
  const school = vars.school.trim();
  const term = vars.term === undefined ? "" : termName(vars.term);
  const period: Period =
    vars.period ??
    (vars.term === 1
      ? { start: `${vars.year}-09`, end: `${vars.year + 1}-01` }
      : vars.term === 2
        ? { start: `${vars.year + 1}-02`, end: `${vars.year + 1}-07` }
        : { start: `${vars.year}-01`, end: `${vars.year}-12` });
  const title = vars.title ?? (term === "" ? `${school}${vars.year}年工会工作计划` : `${school}${vars.year}学年度${term}工会工作计划`);
  const planId = vars.planId ?? planIdFromSeed(`custom|${school}|${vars.year}|${term}|${markdown}`);
  const now = dayjs(vars.now ?? new Date());
  let monthsText: string | null = null;
  const months = (): string => {
    if (monthsText === null) {
      const combine = vars.combineSummer ?? vars.term === undefined;
      const lines = renderScheduleMonths(groupMonths(monthsOf(period), combine), {
        template: null,
        termPlan: vars.term !== undefined,
        holidays: vars.holidays,
        ids: new BlockIdSource(planId),
      });
      while (lines[lines.length - 1] === "") lines.pop();
      monthsText = lines.join("\n");
    }
    return monthsText;
  };
  return markdown.replace(PLACEHOLDER, (whole: string, rawName: string, format: string | undefined) => {
    switch (rawName.toLowerCase()) {
      case "school":
        return school;
      case "year":
        return String(vars.year);
      case "term":
        return term;
      case "title":
        return title;
      case "period":
        return `${period.start}..${period.end}`;
      case "plan-id":
        return planId;
      case "months":
        return months();
      case "date":
        return now.format(format !== undefined && format.trim() !== "" ? format.trim() : "YYYY-MM-DD");
      default:
        return whole;
    }
  });
}
