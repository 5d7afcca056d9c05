/**
 * Property names (mappable in settings) and the schema of the two data sources, plus a small
 * canonical form of property values so what we want and what Notion holds compare exactly.
 */
import { plainText, richText } from "./rich-text";

export interface PlanPropertyNames {
  title: string;
  school: string;
  year: string;
  term: string;
  kind: string;
  reviewStatus: string;
  reviewComment: string;
  taskCount: string;
  source: string;
  /** Who ran the sync that last wrote the page (a member's name: --as NAME or the settings). */
  syncedBy: string;
  key: string;
}

export interface TaskPropertyNames {
  title: string;
  month: string;
  plan: string;
  done: string;
  owner: string;
  /**
   * The owners who are members of the workspace, as people: Notion notifies them and their "assigned
   * to me" views show the task. The 负责人 text stays as written beside it.
   */
  members: string;
  /**
   * A checkbox ticked for a dated item of the plan's body (not of its 行事历). A checkbox, not a
   * select, so every 行事历 task's value (unticked) is what a page already holds before the
   * property exists: adding it to a database rewrites no page.
   */
  fromBody: string;
  /** Who ran the sync that last wrote the page. */
  syncedBy: string;
  key: string;
}

export interface PropertyNames {
  plans: PlanPropertyNames;
  tasks: TaskPropertyNames;
}

export const DEFAULT_PROPERTY_NAMES: PropertyNames = {
  plans: {
    title: "名称",
    school: "学校",
    year: "年度/学年",
    term: "学期",
    kind: "类型",
    reviewStatus: "审核状态",
    reviewComment: "审核意见",
    taskCount: "任务数",
    source: "来源",
    syncedBy: "同步人",
    key: "同步键",
  },
  tasks: { title: "任务", month: "月份", plan: "计划", done: "完成", owner: "负责人", members: "负责成员", fromBody: "来自正文", syncedBy: "同步人", key: "同步键" },
};

/** Names given in settings over the defaults; blank entries keep the default. */
export function resolvePropertyNames(partial?: { plans?: Partial<PlanPropertyNames>; tasks?: Partial<TaskPropertyNames> }): PropertyNames {
  const pick = <T extends object>(defaults: T, given: Partial<T> | undefined): T => {
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as Array<keyof T>) {
      const v = given?.[key];
      if (typeof v === "string" && v.trim() !== "") out[key] = v.trim() as T[keyof T];
    }
    return out;
  };
  return { plans: pick(DEFAULT_PROPERTY_NAMES.plans, partial?.plans), tasks: pick(DEFAULT_PROPERTY_NAMES.tasks, partial?.tasks) };
}

export const REVIEW_STATUSES = ["草稿", "待审核", "已通过", "需修改"] as const;
export const PLAN_KINDS = ["年度", "学期", "工会小组", "月主题"] as const;

export type PropertyType = "title" | "rich_text" | "select" | "number" | "checkbox" | "date" | "relation" | "people";

export interface PropertySpec {
  type: PropertyType;
  /** The configuration sent when the property is created. */
  config: Record<string, unknown>;
}

const select = (names: readonly string[]): Record<string, unknown> => ({ select: { options: names.map((name) => ({ name })) } });

export function planSchema(n: PlanPropertyNames): Record<string, PropertySpec> {
  return {
    [n.title]: { type: "title", config: { title: {} } },
    [n.school]: { type: "rich_text", config: { rich_text: {} } },
    [n.year]: { type: "rich_text", config: { rich_text: {} } },
    [n.term]: { type: "rich_text", config: { rich_text: {} } },
    [n.kind]: { type: "select", config: select(PLAN_KINDS) },
    [n.reviewStatus]: { type: "select", config: select(REVIEW_STATUSES) },
    [n.reviewComment]: { type: "rich_text", config: { rich_text: {} } },
    [n.taskCount]: { type: "number", config: { number: { format: "number" } } },
    [n.source]: { type: "rich_text", config: { rich_text: {} } },
    [n.syncedBy]: { type: "rich_text", config: { rich_text: {} } },
    [n.key]: { type: "rich_text", config: { rich_text: {} } },
  };
}

export function taskSchema(n: TaskPropertyNames, plansDataSourceId: string): Record<string, PropertySpec> {
  return {
    [n.title]: { type: "title", config: { title: {} } },
    [n.month]: { type: "date", config: { date: {} } },
    [n.plan]: { type: "relation", config: { relation: { data_source_id: plansDataSourceId, type: "single_property", single_property: {} } } },
    [n.done]: { type: "checkbox", config: { checkbox: {} } },
    [n.owner]: { type: "rich_text", config: { rich_text: {} } },
    [n.members]: { type: "people", config: { people: {} } },
    [n.fromBody]: { type: "checkbox", config: { checkbox: {} } },
    [n.syncedBy]: { type: "rich_text", config: { rich_text: {} } },
    [n.key]: { type: "rich_text", config: { rich_text: {} } },
  };
}

/** A property value in a form that compares exactly (ids without dashes, text joined). */
export type PropValue =
  | { type: "title" | "rich_text"; text: string }
  | { type: "select"; name: string | null }
  | { type: "number"; value: number | null }
  | { type: "checkbox"; value: boolean }
  | { type: "date"; start: string | null; end: string | null }
  | { type: "relation"; ids: string[] }
  | { type: "people"; ids: string[] };

export const normalizeId = (id: string): string => id.replace(/-/g, "").toLowerCase();

/** The request JSON for one property value. */
export function toNotion(v: PropValue): Record<string, unknown> {
  switch (v.type) {
    case "title":
      return { title: richText(v.text) };
    case "rich_text":
      return { rich_text: richText(v.text) };
    case "select":
      return { select: v.name === null ? null : { name: v.name } };
    case "number":
      return { number: v.value };
    case "checkbox":
      return { checkbox: v.value };
    case "date":
      return { date: v.start === null ? null : { start: v.start, end: v.end } };
    case "relation":
      return { relation: v.ids.map((id) => ({ id })) };
    case "people":
      return { people: v.ids.map((id) => ({ object: "user", id })) };
  }
}

/** Reads a property object from a page Notion returned; null when it is missing or another type. */
export function fromNotion(prop: unknown, type: PropertyType): PropValue | null {
  if (prop === null || typeof prop !== "object") return null;
  const p = prop as Record<string, unknown>;
  if (p["type"] !== undefined && p["type"] !== type) return null;
  switch (type) {
    case "title":
    case "rich_text":
      return { type, text: plainText(p[type]) };
    case "select": {
      const s = p["select"] as { name?: unknown } | null | undefined;
      return { type, name: s && typeof s.name === "string" ? s.name : null };
    }
    case "number":
      return { type, value: typeof p["number"] === "number" ? p["number"] : null };
    case "checkbox":
      return { type, value: p["checkbox"] === true };
    case "date": {
      const d = p["date"] as { start?: unknown; end?: unknown } | null | undefined;
      const start = d && typeof d.start === "string" ? d.start : null;
      const end = d && typeof d.end === "string" ? d.end : null;
      return { type, start, end };
    }
    case "relation":
    case "people": {
      const r = p[type];
      const ids = Array.isArray(r) ? (r as Array<{ id?: unknown }>).map((x) => (typeof x.id === "string" ? x.id : "")).filter((x) => x !== "") : [];
      return { type, ids };
    }
  }
}

export function sameValue(a: PropValue | null | undefined, b: PropValue | null | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case "title":
    case "rich_text":
      return a.text === (b as typeof a).text;
    case "select":
      return a.name === (b as typeof a).name;
    case "number":
    case "checkbox":
      return a.value === (b as typeof a).value;
    case "date": {
      const o = b as typeof a;
      // Notion may give the end back as null for a one-day range.
      return (a.start ?? "").slice(0, 10) === (o.start ?? "").slice(0, 10) && (a.end ?? a.start ?? "").slice(0, 10) === (o.end ?? o.start ?? "").slice(0, 10);
    }
    case "relation":
    case "people": {
      const x = a.ids.map(normalizeId).sort();
      const y = (b as typeof a).ids.map(normalizeId).sort();
      return x.length === y.length && x.every((id, i) => id === y[i]);
    }
  }
}

/** Properties (name → value) whose wanted value differs from what the page holds. */
export function changedProperties(wanted: Record<string, PropValue>, page: Record<string, unknown> | null): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const [name, value] of Object.entries(wanted)) {
    const have = page ? fromNotion(page[name], value.type) : null;
    if (!sameValue(value, have)) out[name] = value;
  }
  return out;
}

export function propertiesRequest(values: Record<string, PropValue>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(values)) out[name] = toNotion(value);
  return out;
}
