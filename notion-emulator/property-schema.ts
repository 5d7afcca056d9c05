/**
 * Data-source properties (the schema): reading definitions from databases.create and
 * dataSources.update, and answering them in Notion's shape. Updates add or change properties and
 * remove one only when it is explicitly set to null, as Notion does.
 */
import { notFound, validationError } from "./errors";
import { isColor, isRecord, shown } from "./rich-text";
import type { PropertySchema, PropertyType, SelectOption, Store, StoredDataSource } from "./store";
import { canonical } from "./store";

const TYPES: readonly PropertyType[] = ["title", "rich_text", "select", "multi_select", "checkbox", "number", "date", "relation", "people", "url", "email", "phone_number"];

const NUMBER_FORMATS = new Set(["number", "number_with_commas", "percent", "dollar", "euro", "pound", "yen", "yuan", "won", "rupee"]);

function isPropertyType(value: unknown): value is PropertyType {
  return typeof value === "string" && (TYPES as readonly string[]).includes(value);
}

/** The type a definition asks for: its `type`, or the one known type key it carries. */
function typeOf(definition: Record<string, unknown>, path: string): PropertyType | undefined {
  if (definition.type !== undefined) {
    if (!isPropertyType(definition.type)) {
      throw validationError(`body failed validation: ${path}.type should be one of ${TYPES.map((t) => `"${t}"`).join(", ")}, instead was \`${shown(definition.type)}\`.`);
    }
    return definition.type;
  }
  const keys = Object.keys(definition).filter((k) => k !== "name" && k !== "description" && k !== "id");
  const typed = keys.filter(isPropertyType);
  if (typed.length === 1) return typed[0];
  if (keys.length > 0 && typed.length === 0) {
    throw validationError(`body failed validation: ${path} has an unknown property type \`${shown(keys[0])}\`; expected one of ${TYPES.join(", ")}.`);
  }
  return undefined;
}

/** Checks a select option from a definition or a value; new ones get an id. */
export function parseOption(store: Store, value: unknown, path: string): SelectOption {
  if (!isRecord(value)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(value)}\`.`);
  const name = value.name;
  if (typeof name !== "string" || name.trim() === "") throw validationError(`body failed validation: ${path}.name should be a non-empty string, instead was \`${shown(name)}\`.`);
  checkOptionName(name);
  const color = value.color ?? "default";
  if (!isColor(color) || color.endsWith("_background")) throw validationError(`body failed validation: ${path}.color should be a valid select color, instead was \`${shown(color)}\`.`);
  return { id: store.nextPropertyId(), name, color, description: null };
}

export function checkOptionName(name: string): void {
  if (name.includes(",")) throw validationError(`Invalid select option, commas not allowed: ${name}`);
  if (name.length > 100) throw validationError(`body failed validation: select option name length should be ≤ \`100\`, instead was \`${name.length}\`.`);
}

function parseConfig(store: Store, type: PropertyType, config: unknown, path: string, previous: PropertySchema | undefined): Partial<PropertySchema> {
  if (config !== undefined && !isRecord(config)) throw validationError(`body failed validation: ${path}.${type} should be an object, instead was \`${shown(config)}\`.`);
  const c = config ?? {};
  switch (type) {
    case "select":
    case "multi_select": {
      const keep = previous && previous.type === type ? previous.options ?? [] : [];
      if (c.options === undefined) return { options: keep.slice() };
      if (!Array.isArray(c.options)) throw validationError(`body failed validation: ${path}.${type}.options should be an array, instead was \`${shown(c.options)}\`.`);
      // Options named again keep their ids (Notion matches by id or name); new names are added.
      const options: SelectOption[] = [];
      c.options.forEach((raw: unknown, i) => {
        const parsed = parseOption(store, raw, `${path}.${type}.options[${i}]`);
        const existing = keep.find((o) => o.name === parsed.name || (isRecord(raw) && raw.id === o.id));
        if (options.some((o) => o.name === parsed.name)) throw validationError(`Duplicate select option name: ${parsed.name}`);
        // Named by id with a new name: the option is renamed (values using it follow).
        options.push(existing ? { ...existing, name: parsed.name, color: isRecord(raw) && raw.color !== undefined ? parsed.color : existing.color } : parsed);
      });
      // Notion never drops options on an update that lists fewer: values still use them.
      for (const o of keep) if (!options.some((x) => x.id === o.id)) options.push(o);
      return { options };
    }
    case "number": {
      const format = c.format ?? previous?.format ?? "number";
      if (typeof format !== "string" || !NUMBER_FORMATS.has(format)) throw validationError(`body failed validation: ${path}.number.format should be a valid number format, instead was \`${shown(format)}\`.`);
      return { format };
    }
    case "relation": {
      let target = c.data_source_id;
      if (target === undefined && typeof c.database_id === "string") {
        const db = store.databases.get(canonical(c.database_id));
        target = db?.dataSourceIds[0];
        if (target === undefined || !store.isVisible(c.database_id)) throw notFound("database", c.database_id);
      }
      if (typeof target !== "string") throw validationError(`body failed validation: ${path}.relation.data_source_id should be a string, instead was \`${shown(target)}\`.`);
      const ds = store.dataSources.get(canonical(target));
      if (!ds || !store.isVisible(target)) throw notFound("data_source", target);
      const kind = c.type ?? ("dual_property" in c ? "dual_property" : "single_property");
      if (kind === "dual_property") {
        // Two-way relations need a synced property on the other side kept in step; the mirror uses one-way ones.
        throw validationError(`${path}.relation: dual_property relations are not emulated; use single_property.`);
      }
      if (kind !== "single_property") throw validationError(`body failed validation: ${path}.relation.type should be "single_property" or "dual_property", instead was \`${shown(kind)}\`.`);
      return { relationDataSourceId: ds.id };
    }
    default:
      return {};
  }
}

/** A new property from a definition (databases.create, or a name not yet in the data source). */
export function parseNewProperty(store: Store, name: string, definition: unknown, path: string): PropertySchema {
  if (!isRecord(definition)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(definition)}\`.`);
  const type = typeOf(definition, path);
  if (!type) throw validationError(`body failed validation: ${path} should define a property type (one of ${TYPES.join(", ")}).`);
  const finalName = typeof definition.name === "string" && definition.name !== "" ? definition.name : name;
  const description = typeof definition.description === "string" ? definition.description : "";
  return {
    id: type === "title" ? "title" : store.nextPropertyId(),
    name: finalName,
    type,
    description,
    ...parseConfig(store, type, definition[type], path, undefined),
  };
}

/** Applies one entry of dataSources.update's `properties` to a copy of the schema map. */
export function applyPropertyUpdate(store: Store, properties: Map<string, PropertySchema>, dataSource: StoredDataSource, key: string, definition: unknown, path: string): void {
  const existing = store.propertyByKey({ ...dataSource, properties }, key);
  if (definition === null) {
    if (!existing) throw validationError(`${key} is not a property that exists.`);
    if (existing.type === "title") throw validationError(`Cannot delete the title property ${existing.name}.`);
    properties.delete(existing.id);
    return;
  }
  if (!existing) {
    const added = parseNewProperty(store, key, definition, path);
    if (added.type === "title") throw validationError(`${path}: a data source has exactly one title property.`);
    if ([...properties.values()].some((p) => p.name === added.name)) throw validationError(`A property named ${added.name} already exists.`);
    properties.set(added.id, added);
    return;
  }
  if (!isRecord(definition)) throw validationError(`body failed validation: ${path} should be an object or null, instead was \`${shown(definition)}\`.`);
  const type = typeOf(definition, path) ?? existing.type;
  if (existing.type === "title" && type !== "title") throw validationError(`Cannot change the type of the title property ${existing.name}.`);
  if (type === "title" && existing.type !== "title") throw validationError(`${path}: a data source has exactly one title property.`);
  const name = typeof definition.name === "string" && definition.name !== "" ? definition.name : existing.name;
  if (name !== existing.name && [...properties.values()].some((p) => p.name === name)) throw validationError(`A property named ${name} already exists.`);
  const updated: PropertySchema = {
    id: existing.id,
    name,
    type,
    description: typeof definition.description === "string" ? definition.description : existing.description,
    ...(type === existing.type && definition[type] === undefined
      ? { options: existing.options, format: existing.format, relationDataSourceId: existing.relationDataSourceId }
      : parseConfig(store, type, definition[type], path, existing)),
  };
  properties.set(existing.id, updated);
}

/** A property's schema as Notion answers it. */
export function renderSchema(store: Store, schema: PropertySchema): Record<string, unknown> {
  let config: Record<string, unknown> = {};
  if (schema.type === "select" || schema.type === "multi_select") config = { options: (schema.options ?? []).map((o) => ({ ...o })) };
  if (schema.type === "number") config = { format: schema.format ?? "number" };
  if (schema.type === "relation") {
    const target = schema.relationDataSourceId ? store.dataSources.get(schema.relationDataSourceId) : undefined;
    config = { database_id: target?.databaseId ?? null, data_source_id: schema.relationDataSourceId ?? null, type: "single_property", single_property: {} };
  }
  return { id: schema.id, name: schema.name, description: schema.description, type: schema.type, [schema.type]: config };
}
