/**
 * A person renamed, deleted or retyped a property in Notion, and every write naming it is refused.
 * When a write is refused (400), the sync reads both data sources once and repairs what
 * it can: a renamed property is followed by its id (its new name is used from then on), a deleted
 * one is added again; a retyped one is left alone (a person chose that type) and no longer written,
 * and that is said once. Then the sync runs again with the repaired names.
 */
import type { Client } from "@notionhq/client";
import type { NotionOps } from "./notion-ops";
import { planSchema, taskSchema, type PlanPropertyNames, type PropertyNames, type PropertySpec, type TaskPropertyNames } from "./properties";

/** Per database: logical name (owner, done…) → the property's current name, or null: not written. */
export interface NameOverrides {
  plans: Record<string, string | null>;
  tasks: Record<string, string | null>;
}

/** Per database: logical name → Notion property id, as last seen in a schema that was right. */
export interface PropertyIds {
  plans: Record<string, string>;
  tasks: Record<string, string>;
}

interface DataSourceLike {
  properties: Record<string, { id: string; type: string }>;
}

/** The names to write with: the mapped names with the repairs applied; `skip` holds names never written, per database. */
export function effectiveNames(names: PropertyNames, overrides: NameOverrides | undefined, titles?: { plans: string; tasks: string }): { names: PropertyNames; skip: { plans: Set<string>; tasks: Set<string> } } {
  const apply = <T extends object>(base: T, over: Record<string, string | null> | undefined, skip: Set<string>): T => {
    const out = { ...base };
    for (const [logical, name] of Object.entries(over ?? {})) {
      if (!(logical in out)) continue;
      if (name === null) skip.add(String(out[logical as keyof T]));
      else out[logical as keyof T] = name as T[keyof T];
    }
    return out;
  };
  const skip = { plans: new Set<string>(), tasks: new Set<string>() };
  const plans = apply<PlanPropertyNames>({ ...names.plans, title: titles?.plans ?? names.plans.title }, overrides?.plans, skip.plans);
  const tasks = apply<TaskPropertyNames>({ ...names.tasks, title: titles?.tasks ?? names.tasks.title }, overrides?.tasks, skip.tasks);
  return { names: { plans, tasks }, skip };
}

/** Property values without the ones a person retyped (Notion would refuse them). */
export function withoutSkipped<T>(props: Record<string, T>, skip: ReadonlySet<string>): Record<string, T> {
  if (skip.size === 0) return props;
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(props)) if (!skip.has(k)) out[k] = v;
  return out;
}

/** Logical name → property id, read from a data source (for the record kept in the state). */
export function idsOf(names: Record<string, string>, ds: DataSourceLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [logical, name] of Object.entries(names)) {
    const p = ds.properties[name];
    if (p) out[logical] = p.id;
  }
  return out;
}

async function retrieve(ops: NotionOps, dataSourceId: string): Promise<DataSourceLike> {
  return ops.run({ what: "读取数据源 / reading the data source", id: dataSourceId }, async () => (await ops.client.dataSources.retrieve({ data_source_id: dataSourceId })) as unknown as DataSourceLike);
}

export interface RepairResult {
  overrides: NameOverrides;
  ids: PropertyIds;
  notes: string[];
  /** Whether anything changed (a rename followed, a property added, a property given up). */
  changed: boolean;
}

async function repairOne(ops: NotionOps, dataSourceId: string, names: Record<string, string>, schema: Record<string, PropertySpec>, knownIds: Record<string, string>, over: Record<string, string | null>, label: string, notes: string[]): Promise<{ ids: Record<string, string>; changed: boolean }> {
  const ds = await retrieve(ops, dataSourceId);
  const byId = new Map(Object.entries(ds.properties).map(([name, p]) => [p.id, { name, type: p.type }]));
  const missing: Record<string, Record<string, unknown>> = {};
  let changed = false;
  for (const [logical, name] of Object.entries(names)) {
    const spec = schema[name];
    if (!spec || spec.type === "title" || over[logical] === null) continue;
    const have = ds.properties[name];
    if (have && have.type === spec.type) continue;
    const known = knownIds[logical];
    const moved = known !== undefined ? byId.get(known) : undefined;
    if (moved && moved.type === spec.type && moved.name !== name) {
      over[logical] = moved.name;
      notes.push(`${label}的属性「${name}」在 Notion 中改名为「${moved.name}」，已跟随 / ${label}: property "${name}" was renamed to "${moved.name}" in Notion; followed`);
      changed = true;
    } else if (!have && !moved) {
      missing[name] = spec.config;
      notes.push(`${label}的属性「${name}」在 Notion 中被删除，已重新添加 / ${label}: property "${name}" was deleted in Notion; added again`);
      changed = true;
    } else {
      const now = have ?? moved;
      over[logical] = null;
      notes.push(`${label}的属性「${now ? (have ? name : (moved?.name ?? name)) : name}」在 Notion 中改成了 ${now?.type ?? "?"} 类型，同步需要 ${spec.type}：不再写入它，请在 Notion 中改回，或在设置里映射另一个属性名 / ${label}: property "${name}" was changed to ${now?.type ?? "?"} in Notion, the mirror needs ${spec.type}: it is no longer written; change it back in Notion or map another name in settings`);
      changed = true;
    }
  }
  if (Object.keys(missing).length > 0) {
    const args = { data_source_id: dataSourceId, properties: missing } as unknown as Parameters<Client["dataSources"]["update"]>[0];
    await ops.run({ what: `给${label}添加属性 / adding properties to ${label}`, id: dataSourceId }, () => ops.client.dataSources.update(args));
  }
  const after = changed ? await retrieve(ops, dataSourceId) : ds;
  const current: Record<string, string> = {};
  for (const [logical, name] of Object.entries(names)) current[logical] = over[logical] ?? name;
  return { ids: { ...knownIds, ...idsOf(current, after) }, changed };
}

/** Checks both data sources against the names in use and repairs them (see the file's comment). */
export async function repairSchema(ops: NotionOps, ids: { plans: string; tasks: string }, names: PropertyNames, overrides: NameOverrides | undefined, known: PropertyIds | undefined): Promise<RepairResult> {
  const over: NameOverrides = { plans: { ...overrides?.plans }, tasks: { ...overrides?.tasks } };
  const notes: string[] = [];
  const plans = await repairOne(ops, ids.plans, { ...names.plans }, planSchema(names.plans), known?.plans ?? {}, over.plans, "计划数据库 / plans database", notes);
  const tasks = await repairOne(ops, ids.tasks, { ...names.tasks }, taskSchema(names.tasks, ids.plans), known?.tasks ?? {}, over.tasks, "任务数据库 / tasks database", notes);
  return { overrides: over, ids: { plans: plans.ids, tasks: tasks.ids }, notes, changed: plans.changed || tasks.changed };
}
