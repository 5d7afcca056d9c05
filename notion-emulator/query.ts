/**
 * dataSources.query: filters, sorts and cursors. Covers what the mirror asks (text / title / url
 * equals and contains, checkbox, select, number, date, relation contains, timestamps, and/or up to
 * two levels deep, as Notion allows); anything else is refused with a validation_error instead of
 * being silently ignored, so a test never passes on a filter the emulator did not apply.
 */
import { validationError } from "./errors";
import { plainValue, valueOn } from "./property-values";
import { isRecord, shown } from "./rich-text";
import type { PropertySchema, Store, StoredDataSource, StoredPage } from "./store";

type Predicate = (page: StoredPage) => boolean;

/**
 * Timestamps as the pages answer them (rounded to the minute by default). Filters and sorts use the
 * same values, as Notion's do: an edit in the same minute as a given instant is not "after" it.
 */
export type Timestamp = (ms: number) => string;

const TEXT_TYPES = new Set(["title", "rich_text", "url", "email", "phone_number"]);
const TEXT_FILTERS = new Set(["rich_text", "title", "url", "email", "phone_number"]);

export function compileFilter(store: Store, dataSource: StoredDataSource, filter: unknown, iso: Timestamp, path = "body.filter", depth = 0): Predicate {
  if (!isRecord(filter)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(filter)}\`.`);
  for (const op of ["and", "or"] as const) {
    const list = filter[op];
    if (list === undefined) continue;
    if (depth >= 2) throw validationError(`body failed validation: ${path}.${op}: filters can be nested at most two levels deep.`);
    if (!Array.isArray(list)) throw validationError(`body failed validation: ${path}.${op} should be an array, instead was \`${shown(list)}\`.`);
    if (list.length > 100) throw validationError(`body failed validation: ${path}.${op}.length should be ≤ \`100\`, instead was \`${list.length}\`.`);
    const parts = list.map((f: unknown, i) => compileFilter(store, dataSource, f, iso, `${path}.${op}[${i}]`, depth + 1));
    return op === "and" ? (p) => parts.every((f) => f(p)) : (p) => parts.some((f) => f(p));
  }
  if (filter.timestamp !== undefined) return timestampFilter(filter, path, iso);
  if (typeof filter.property !== "string") throw validationError(`body failed validation: ${path}.property should be defined, instead was \`${shown(filter.property)}\`.`);
  const schema = store.propertyByKey(dataSource, filter.property);
  if (!schema) throw validationError(`Could not find property with name or id: ${filter.property}`);
  const kind = Object.keys(filter).find((k) => k !== "property" && k !== "type");
  if (kind === undefined) throw validationError(`body failed validation: ${path} should have a condition for property ${filter.property}.`);
  const condition = filter[kind];
  if (!isRecord(condition)) throw validationError(`body failed validation: ${path}.${kind} should be an object, instead was \`${shown(condition)}\`.`);
  const matches = TEXT_FILTERS.has(kind) ? TEXT_TYPES.has(schema.type) : kind === schema.type;
  if (!matches) throw validationError(`body failed validation: ${path}: a ${kind} filter does not apply to property ${schema.name} of type ${schema.type}.`);
  const [op, operand] = Object.entries(condition)[0] ?? [];
  if (op === undefined) throw validationError(`body failed validation: ${path}.${kind} should have one condition.`);
  const value = (page: StoredPage) => plainValue(schema, valueOn(page.values, schema));
  return conditionFor(schema, kind, op, operand, `${path}.${kind}.${op}`, value);
}

function conditionFor(schema: PropertySchema, kind: string, op: string, operand: unknown, path: string, value: (p: StoredPage) => unknown): Predicate {
  const bad = (): never => {
    throw validationError(`body failed validation: ${path} is not a condition the emulator knows for ${kind} (value \`${shown(operand)}\`).`);
  };
  if (op === "is_empty" && operand === true) return (p) => isEmpty(value(p));
  if (op === "is_not_empty" && operand === true) return (p) => !isEmpty(value(p));
  if (TEXT_FILTERS.has(kind)) {
    if (typeof operand !== "string") return bad();
    const text = (p: StoredPage): string => {
      const v = value(p);
      return typeof v === "string" ? v : "";
    };
    switch (op) {
      case "equals": return (p) => text(p) === operand;
      case "does_not_equal": return (p) => text(p) !== operand;
      case "contains": return (p) => text(p).toLowerCase().includes(operand.toLowerCase());
      case "does_not_contain": return (p) => !text(p).toLowerCase().includes(operand.toLowerCase());
      case "starts_with": return (p) => text(p).startsWith(operand);
      case "ends_with": return (p) => text(p).endsWith(operand);
      default: return bad();
    }
  }
  switch (schema.type) {
    case "checkbox":
      if (typeof operand !== "boolean") return bad();
      if (op === "equals") return (p) => value(p) === operand;
      if (op === "does_not_equal") return (p) => value(p) !== operand;
      return bad();
    case "select":
      if (typeof operand !== "string") return bad();
      if (op === "equals") return (p) => value(p) === operand;
      if (op === "does_not_equal") return (p) => value(p) !== operand;
      return bad();
    case "multi_select":
    case "relation":
      if (typeof operand !== "string") return bad();
      if (op === "contains") return (p) => (value(p) as string[]).some((v) => sameId(v, operand, schema.type));
      if (op === "does_not_contain") return (p) => !(value(p) as string[]).some((v) => sameId(v, operand, schema.type));
      return bad();
    case "number": {
      if (typeof operand !== "number") return bad();
      const n = (p: StoredPage) => value(p) as number | null;
      switch (op) {
        case "equals": return (p) => n(p) === operand;
        case "does_not_equal": return (p) => n(p) !== operand;
        case "greater_than": return (p) => n(p) !== null && (n(p) ?? 0) > operand;
        case "less_than": return (p) => n(p) !== null && (n(p) ?? 0) < operand;
        case "greater_than_or_equal_to": return (p) => n(p) !== null && (n(p) ?? 0) >= operand;
        case "less_than_or_equal_to": return (p) => n(p) !== null && (n(p) ?? 0) <= operand;
        default: return bad();
      }
    }
    case "date":
      return dateCondition(op, operand, path, (p) => (value(p) as { start: string } | null)?.start ?? null);
    default:
      return bad();
  }
}

function sameId(a: string, b: string, type: string): boolean {
  return type === "relation" ? a.replace(/-/g, "").toLowerCase() === b.replace(/-/g, "").toLowerCase() : a === b;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0);
}

function dateCondition(op: string, operand: unknown, path: string, start: (p: StoredPage) => string | null): Predicate {
  if (typeof operand !== "string" || Number.isNaN(Date.parse(operand))) {
    throw validationError(`body failed validation: ${path} should be an ISO 8601 date, instead was \`${shown(operand)}\`.`);
  }
  const t = Date.parse(operand);
  const at = (p: StoredPage) => {
    const s = start(p);
    return s === null ? null : Date.parse(s);
  };
  const cmp = (test: (x: number) => boolean): Predicate => (p) => {
    const x = at(p);
    return x !== null && test(x);
  };
  switch (op) {
    case "equals": return cmp((x) => x === t);
    case "before": return cmp((x) => x < t);
    case "after": return cmp((x) => x > t);
    case "on_or_before": return cmp((x) => x <= t);
    case "on_or_after": return cmp((x) => x >= t);
    default: throw validationError(`body failed validation: ${path} is not a date condition the emulator knows.`);
  }
}

function timestampFilter(filter: Record<string, unknown>, path: string, iso: Timestamp): Predicate {
  const which = filter.timestamp;
  if (which !== "created_time" && which !== "last_edited_time") throw validationError(`body failed validation: ${path}.timestamp should be "created_time" or "last_edited_time", instead was \`${shown(which)}\`.`);
  const condition = filter[which];
  if (!isRecord(condition)) throw validationError(`body failed validation: ${path}.${which} should be an object, instead was \`${shown(condition)}\`.`);
  const [op, operand] = Object.entries(condition)[0] ?? [];
  if (op === undefined) throw validationError(`body failed validation: ${path}.${which} should have one condition.`);
  return dateCondition(op, operand, `${path}.${which}.${op}`, (p) => iso(which === "created_time" ? p.createdTime : p.lastEditedTime));
}

/** Orders pages by `sorts` (creation order when none, and as the tie-break, so cursors are stable). */
export function sortPages(store: Store, dataSource: StoredDataSource, pages: StoredPage[], sorts: unknown, iso: Timestamp): StoredPage[] {
  if (sorts === undefined) return pages.slice().sort((a, b) => a.seq - b.seq);
  if (!Array.isArray(sorts)) throw validationError(`body failed validation: body.sorts should be an array, instead was \`${shown(sorts)}\`.`);
  const keys = sorts.map((s: unknown, i) => {
    if (!isRecord(s)) throw validationError(`body failed validation: body.sorts[${i}] should be an object, instead was \`${shown(s)}\`.`);
    const direction = s.direction === "descending" ? -1 : 1;
    if (s.direction !== "ascending" && s.direction !== "descending") throw validationError(`body failed validation: body.sorts[${i}].direction should be "ascending" or "descending", instead was \`${shown(s.direction)}\`.`);
    if (s.timestamp === "created_time") return { direction, key: (p: StoredPage): string | number => iso(p.createdTime) };
    if (s.timestamp === "last_edited_time") return { direction, key: (p: StoredPage): string | number => iso(p.lastEditedTime) };
    if (typeof s.property !== "string") throw validationError(`body failed validation: body.sorts[${i}].property should be defined, instead was \`${shown(s.property)}\`.`);
    const schema = store.propertyByKey(dataSource, s.property);
    if (!schema) throw validationError(`Could not find sort property with name or id: ${s.property}`);
    return { direction, key: (p: StoredPage): string | number => sortKey(plainValue(schema, valueOn(p.values, schema))) };
  });
  return pages.slice().sort((a, b) => {
    for (const k of keys) {
      const x = k.key(a);
      const y = k.key(b);
      if (x < y) return -k.direction;
      if (x > y) return k.direction;
    }
    return a.seq - b.seq;
  });
}

function sortKey(v: unknown): string | number {
  if (v === null) return "\uffff";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return v;
  if (isRecord(v) && typeof v.start === "string") return v.start;
  return JSON.stringify(v);
}
