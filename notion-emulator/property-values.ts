/**
 * Page property values: checking a request's value against the property's type, storing it in the
 * form Notion answers with, rendering it, and the plain form tests read and a "person" writes.
 *
 * Select options named in a value are created when new, as Notion does; they are collected in
 * `pendingOptions` and added only once the whole request has passed validation, so a rejected
 * request leaves the schema as it was.
 */
import { limitError, validationError } from "./errors";
import { checkOptionName } from "./property-schema";
import { isRecord, MAX_ARRAY_LENGTH, MAX_TEXT_LENGTH, parseRichText, plainText, richTextFromPlain, shown, type RichTextItem } from "./rich-text";
import type { PropertySchema, SelectOption, Store, StoredValue } from "./store";
import { canonical } from "./store";
import type { PlainDate, PlainValue } from "./types";

export interface ValueContext {
  store: Store;
  /** Options to add to schemas once the request is accepted. */
  pendingOptions: { schema: PropertySchema; option: SelectOption }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function checkDate(value: unknown, path: string): string {
  if (typeof value !== "string" || !DATE.test(value) || Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))) {
    throw validationError(`body failed validation: ${path} should be a valid ISO 8601 date string, instead was \`${shown(value)}\`.`);
  }
  return value;
}

function resolveOption(ctx: ValueContext, schema: PropertySchema, value: unknown, path: string): SelectOption {
  if (!isRecord(value)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(value)}\`.`);
  const options = schema.options ?? [];
  if (typeof value.id === "string") {
    const byId = options.find((o) => o.id === value.id);
    if (!byId) throw validationError(`Select option with id ${value.id} does not exist for property ${schema.name}.`);
    return byId;
  }
  if (typeof value.name !== "string" || value.name.trim() === "") throw validationError(`body failed validation: ${path}.name should be a non-empty string, instead was \`${shown(value.name)}\`.`);
  const name = value.name;
  const existing = options.find((o) => o.name === name) ?? ctx.pendingOptions.find((p) => p.schema === schema && p.option.name === name)?.option;
  if (existing) return existing;
  checkOptionName(name);
  const color = value.color ?? "default";
  if (typeof color !== "string") throw validationError(`body failed validation: ${path}.color should be a string, instead was \`${shown(color)}\`.`);
  const option: SelectOption = { id: ctx.store.nextPropertyId(), name, color, description: null };
  ctx.pendingOptions.push({ schema, option });
  return option;
}

/** An array value (multi_select, relation, people) within Notion's length limit. */
function arrayValue(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw validationError(`body failed validation: ${at} should be an array, instead was \`${shown(value)}\`.`);
  if (value.length > MAX_ARRAY_LENGTH) throw limitError(`${at}.length`, MAX_ARRAY_LENGTH, value.length);
  return value;
}

/** The id of one item of a relation or people value ({ id }). */
function idOf(item: unknown, at: string): string {
  if (!isRecord(item) || typeof item.id !== "string") throw validationError(`body failed validation: ${at}.id should be a string, instead was \`${shown(isRecord(item) ? item.id : item)}\`.`);
  return item.id;
}

/**
 * Checks one property value from pages.create / pages.update and returns its stored form.
 * `path` is Notion's body path, e.g. "body.properties.审核状态".
 */
export function parseValue(ctx: ValueContext, schema: PropertySchema, raw: unknown, path: string): StoredValue {
  if (!isRecord(raw)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(raw)}\`.`);
  const declared = raw.type;
  if ((declared !== undefined && declared !== schema.type) || !(schema.type in raw)) {
    throw validationError(`${schema.name} is expected to be ${schema.type}.`);
  }
  const value = raw[schema.type];
  const at = `${path}.${schema.type}`;
  switch (schema.type) {
    case "title":
    case "rich_text":
      return parseRichText(value, at);
    case "select":
      return value === null ? null : resolveOption(ctx, schema, value, at);
    case "multi_select":
      return arrayValue(value, at).map((v: unknown, i) => resolveOption(ctx, schema, v, `${at}[${i}]`));
    case "checkbox":
      if (typeof value !== "boolean") throw validationError(`body failed validation: ${at} should be a boolean, instead was \`${shown(value)}\`.`);
      return value;
    case "number":
      if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) throw validationError(`body failed validation: ${at} should be a number or \`null\`, instead was \`${shown(value)}\`.`);
      return value;
    case "date": {
      if (value === null) return null;
      if (!isRecord(value)) throw validationError(`body failed validation: ${at} should be an object or \`null\`, instead was \`${shown(value)}\`.`);
      const start = checkDate(value.start, `${at}.start`);
      const end = value.end === undefined || value.end === null ? null : checkDate(value.end, `${at}.end`);
      const tz = value.time_zone === undefined || value.time_zone === null ? null : value.time_zone;
      if (tz !== null && typeof tz !== "string") throw validationError(`body failed validation: ${at}.time_zone should be a string, instead was \`${shown(tz)}\`.`);
      return { start, end, time_zone: tz };
    }
    case "relation": {
      const ids: { id: string }[] = [];
      arrayValue(value, at).forEach((item: unknown, i) => {
        const id = idOf(item, `${at}[${i}]`);
        const target = ctx.store.pages.get(canonical(id));
        if (!target || !ctx.store.isVisible(target.id)) {
          throw validationError(`${schema.name}: could not find page with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
        }
        if (target.parent.kind !== "data_source" || target.parent.dataSourceId !== schema.relationDataSourceId) {
          throw validationError(`${schema.name}: page ${id} is not in the related data source.`);
        }
        if (!ids.some((x) => x.id === target.id)) ids.push({ id: target.id });
      });
      return ids;
    }
    case "people": {
      // Notion: an array of user objects ({ object: "user", id }); an id no member has is refused.
      const people: { id: string }[] = [];
      arrayValue(value, at).forEach((item: unknown, i) => {
        const raw = idOf(item, `${at}[${i}]`);
        if (!ctx.store.isUser(raw)) throw validationError(`${schema.name}: could not find user with ID: ${raw}.`);
        const id = canonical(raw);
        if (!people.some((x) => x.id === id)) people.push({ id });
      });
      return people;
    }
    case "url":
    case "email":
    case "phone_number":
      if (value === null) return null;
      if (typeof value !== "string") throw validationError(`body failed validation: ${at} should be a string or \`null\`, instead was \`${shown(value)}\`.`);
      {
        // Notion's limits: 2000 characters for a url, 200 for an email or a phone number.
        const limit = schema.type === "url" ? MAX_TEXT_LENGTH : 200;
        if (value.length > limit) throw limitError(`${at}.length`, limit, value.length);
      }
      return value;
  }
}

/** The value a property has on a page that never set it. */
export function emptyValue(schema: PropertySchema): StoredValue {
  switch (schema.type) {
    case "title":
    case "rich_text":
    case "multi_select":
    case "relation":
    case "people":
      return [];
    case "checkbox":
      return false;
    default:
      return null;
  }
}

/** A page's value for a property, or the empty value when it never set one. */
export function valueOn(values: ReadonlyMap<string, StoredValue>, schema: PropertySchema): StoredValue {
  return values.has(schema.id) ? values.get(schema.id) : emptyValue(schema);
}

/** Values keep the option's id; its name and colour are read from the schema, so a renamed option shows renamed. */
function currentOption(schema: PropertySchema, option: SelectOption): SelectOption {
  return schema.options?.find((o) => o.id === option.id) ?? option;
}

function current(schema: PropertySchema, value: StoredValue): StoredValue {
  if (schema.type === "select" && value !== null) return currentOption(schema, value as SelectOption);
  if (schema.type === "multi_select") return (value as SelectOption[]).map((o) => currentOption(schema, o));
  return value;
}

/** `{ id, type, [type]: value }` as in a page object's `properties`. */
export function renderValue(schema: PropertySchema, value: StoredValue): Record<string, unknown> {
  // People are user objects: { object: "user", id } (names need the user-read capability; the mirror uses ids).
  const shownValue = schema.type === "people" ? (value as { id: string }[]).map((u) => ({ object: "user", id: u.id })) : cloneValue(current(schema, value));
  const out: Record<string, unknown> = { id: schema.id, type: schema.type, [schema.type]: shownValue };
  if (schema.type === "relation") out.has_more = false;
  return out;
}

/** Answers never share objects with the store (a caller mutating a response must not edit Notion). */
export function cloneValue(value: StoredValue): StoredValue {
  return value === null || typeof value !== "object" ? value : (JSON.parse(JSON.stringify(value)) as StoredValue);
}

export function plainValue(schema: PropertySchema, value: StoredValue): PlainValue {
  switch (schema.type) {
    case "title":
    case "rich_text":
      return plainText(value as RichTextItem[]);
    case "select":
      return value === null ? null : currentOption(schema, value as SelectOption).name;
    case "multi_select":
      return (value as SelectOption[]).map((o) => currentOption(schema, o).name);
    case "relation":
    case "people":
      return (value as { id: string }[]).map((r) => r.id);
    case "date": {
      if (value === null) return null;
      const d = value as { start: string; end: string | null };
      return { start: d.start, end: d.end };
    }
    default:
      return value as PlainValue;
  }
}

/** A person's edit in plain form, turned into a request-shaped value so it is checked the same way. */
export function requestFromPlain(schema: PropertySchema, value: PlainValue): unknown {
  switch (schema.type) {
    case "title":
    case "rich_text":
      return { [schema.type]: typeof value === "string" ? richTextFromPlain(value) : value };
    case "select":
      return { select: value === null ? null : { name: value } };
    case "multi_select":
      return { multi_select: Array.isArray(value) ? value.map((name) => ({ name })) : value };
    case "relation":
      return { relation: Array.isArray(value) ? value.map((id) => ({ id })) : value };
    case "people":
      return { people: Array.isArray(value) ? value.map((id) => ({ object: "user", id })) : value };
    case "date":
      return { date: typeof value === "string" ? { start: value } : (value as PlainDate | null) };
    default:
      return { [schema.type]: value };
  }
}
