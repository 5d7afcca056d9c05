/** The built-in templates, with their Chinese names and English beside them. */
import type { PlanKind } from "../plan/types";

export type TemplateId = "annual" | "term" | "group" | "monthly-theme";

export interface TemplateInfo {
  id: TemplateId;
  /** 学校工会年度工作计划 */
  name: string;
  nameEn: string;
  kind: PlanKind;
  /** "term": needs a term (第一学期 / 第二学期); "optional": a term or, without one, the calendar year; "none": a calendar year. */
  term: "required" | "optional" | "none";
  description: string;
  descriptionEn: string;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: "annual",
    name: "学校工会年度工作计划",
    nameEn: "School union annual work plan",
    kind: "年度",
    term: "none",
    description: "一个自然年（1月—12月）的工会工作计划，暑假两个月合为一栏。",
    descriptionEn: "A calendar year, January to December; July and August share one summer heading.",
  },
  {
    id: "term",
    name: "学期工会工作计划",
    nameEn: "Term union work plan",
    kind: "学期",
    term: "required",
    description: "第一学期 9月—次年1月，第二学期 2月—7月。年份填学年起始年。",
    descriptionEn: "First term September to the next January, second term February to July. The year is the school year's first year.",
  },
  {
    id: "group",
    name: "工会小组 / 创建文明组室计划",
    nameEn: "Union group / model office plan",
    kind: "工会小组",
    term: "required",
    description: "一个工会小组（教研组、年级组、办公室）一学期的创建计划。",
    descriptionEn: "One union group's (a subject team, a grade team, an office) plan for one term.",
  },
  {
    id: "monthly-theme",
    name: "工会月主题活动安排",
    nameEn: "Monthly theme activities",
    kind: "月主题",
    term: "optional",
    description: "每月一个活动主题；选学期则按学期，不选则按自然年。",
    descriptionEn: "One theme a month, for a term, or for the calendar year when no term is chosen.",
  },
];

export function templateInfo(id: TemplateId): TemplateInfo {
  const info = TEMPLATES.find((t) => t.id === id);
  if (!info) throw new RangeError(`未知模板：${String(id)} / unknown template: ${String(id)}`);
  return info;
}

export function isTemplateId(value: string): value is TemplateId {
  return TEMPLATES.some((t) => t.id === value);
}
