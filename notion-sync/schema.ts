/**
 * Set-up: from a parent page, create the plans and tasks databases with their properties and a
 * calendar view of tasks by 月份 (when the API allows views). Against existing databases: check
 * them and add what is missing; never remove or rename a property someone added.
 */
import type { Client } from "@notionhq/client";
import type { BlockLike, NotionOps } from "./notion-ops";
import type { Plan } from "../shared/plan/types";
import { SyncError } from "./errors";
import { planSchema, taskSchema, type PropertyNames, type PropertySpec } from "./properties";
import { richText } from "./rich-text";
import { taskCount } from "./mapping";

export const PLANS_DATABASE_TITLE = "工会工作计划 / Union plans";
export const TASKS_DATABASE_TITLE = "行事历任务 / Plan tasks";

export interface DatabaseIds {
  plansDatabaseId: string;
  plansDataSourceId: string;
  tasksDatabaseId: string;
  tasksDataSourceId: string;
}

export interface SchemaReport {
  ids: DatabaseIds;
  created: string[];
  addedProperties: string[];
  calendarView: "created" | "exists" | "unsupported" | "restricted" | "skipped";
  /** The title property's real name when it differs from the mapped one (Notion has one title). */
  titleNames: { plans: string; tasks: string };
  notes: string[];
}

/** A Notion id from a URL or an id with or without dashes; null when none is in the text. */
export function parseNotionId(text: string): string | null {
  const trimmed = text.trim();
  const withoutQuery = trimmed.split(/[?#]/)[0] ?? "";
  const dashed = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(withoutQuery);
  if (dashed?.[1]) return dashed[1].toLowerCase();
  const plain = /([0-9a-f]{32})(?![0-9a-f])/i.exec(withoutQuery);
  if (!plain?.[1]) return null;
  const h = plain[1].toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function configs(schema: Record<string, PropertySpec>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(schema)) out[name] = spec.config;
  return out;
}

interface DatabaseLike {
  id: string;
  data_sources?: Array<{ id: string; name?: string }>;
}

export interface DataSourceLike {
  id: string;
  properties: Record<string, { id: string; type: string; name?: string }>;
}

type CreateDatabaseArgs = Parameters<Client["databases"]["create"]>[0];
type UpdateDataSourceArgs = Parameters<Client["dataSources"]["update"]>[0];

async function findChildDatabase(ops: NotionOps, parentPageId: string, title: string, listed?: readonly BlockLike[]): Promise<string | null> {
  const children = listed ?? (await ops.listChildren(parentPageId));
  for (const child of children) {
    const c = child as unknown as { type: string; id: string; child_database?: { title?: string } };
    if (c.type === "child_database" && c.child_database?.title === title) return c.id;
  }
  return null;
}

/**
 * The databases a set-up would create (their titles), found by reading only: a dry run lists them
 * instead of creating them.
 */
export async function databasesToCreate(ops: NotionOps, options: Pick<SetupOptions, "parentPageId" | "plansDatabaseId" | "tasksDatabaseId">): Promise<string[]> {
  const parent = options.parentPageId;
  const missing: string[] = [];
  if (!options.plansDatabaseId && !(parent && (await findChildDatabase(ops, parent, PLANS_DATABASE_TITLE)))) missing.push(PLANS_DATABASE_TITLE);
  if (!options.tasksDatabaseId && !(parent && (await findChildDatabase(ops, parent, TASKS_DATABASE_TITLE)))) missing.push(TASKS_DATABASE_TITLE);
  return missing;
}

/**
 * What a set-up would write, for a dry run: the databases it would create and the pages that would
 * go into them (their writes cannot be listed one by one before the databases exist). Empty when
 * both databases are there.
 */
export async function plannedSetup(ops: NotionOps, options: Pick<SetupOptions, "parentPageId" | "plansDatabaseId" | "tasksDatabaseId">, notes: readonly { plans: readonly Plan[] }[]): Promise<string[]> {
  const missing = await databasesToCreate(ops, options);
  if (missing.length === 0) return [];
  const lines = missing.map((title) => `创建数据库 / create database: ${title}${options.parentPageId ? ` (in page ${options.parentPageId})` : ""}`);
  let plans = 0;
  let tasks = 0;
  for (const note of notes) {
    plans += note.plans.length;
    for (const p of note.plans) tasks += taskCount(p);
  }
  lines.push(`创建 / create: ${plans} 个计划页面 / plan pages, ${tasks} 个任务页面 / task pages in the new databases`);
  return lines;
}

async function createDatabase(ops: NotionOps, parentPageId: string, title: string, properties: Record<string, PropertySpec>): Promise<DatabaseLike> {
  const args = {
    parent: { type: "page_id", page_id: parentPageId },
    title: richText(title),
    is_inline: false,
    initial_data_source: { properties: configs(properties) },
  } as unknown as CreateDatabaseArgs;
  return ops.run(
    { what: `创建数据库「${title}」/ creating database "${title}"`, id: parentPageId },
    async () => (await ops.client.databases.create(args)) as unknown as DatabaseLike,
    async () => {
      const id = await findChildDatabase(ops, parentPageId, title);
      return id ? await retrieveDatabase(ops, id) : undefined;
    },
  );
}

async function retrieveDatabase(ops: NotionOps, databaseId: string): Promise<DatabaseLike> {
  return ops.run({ what: "读取数据库 / reading the database", id: databaseId }, async () => (await ops.client.databases.retrieve({ database_id: databaseId })) as unknown as DatabaseLike);
}

async function retrieveDataSource(ops: NotionOps, dataSourceId: string): Promise<DataSourceLike> {
  return ops.run({ what: "读取数据源 / reading the data source", id: dataSourceId }, async () => (await ops.client.dataSources.retrieve({ data_source_id: dataSourceId })) as unknown as DataSourceLike);
}

function firstDataSource(db: DatabaseLike): string {
  const id = db.data_sources?.[0]?.id;
  if (!id) throw new SyncError("schema", `数据库 ${db.id} 没有数据源 / database ${db.id} has no data source`);
  return id;
}

/**
 * Checks a data source against the schema: adds missing properties (one request), reports a
 * property of the wrong type as an error, and keeps the existing title property whatever its name.
 * Returns the title property's name.
 */
async function ensureProperties(ops: NotionOps, dataSourceId: string, schema: Record<string, PropertySpec>, added: string[], label: string): Promise<{ title: string; source: DataSourceLike }> {
  const ds = await retrieveDataSource(ops, dataSourceId);
  const have = ds.properties;
  const missing: Record<string, Record<string, unknown>> = {};
  let titleName: string | null = null;
  for (const [name, p] of Object.entries(have)) if (p.type === "title") titleName = name;
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.type === "title") continue;
    const existing = have[name];
    if (!existing) {
      missing[name] = spec.config;
      added.push(`${label}.${name}`);
    } else if (existing.type !== spec.type) {
      throw new SyncError(
        "schema",
        `${label}的属性「${name}」是 ${existing.type} 类型，需要 ${spec.type}：请在设置里改用另一个属性名（不会改动已有属性）/ property "${name}" of ${label} is ${existing.type}, the mirror needs ${spec.type}: map another name in settings (existing properties are never changed)`,
      );
    }
  }
  let source = ds;
  if (Object.keys(missing).length > 0) {
    const args = { data_source_id: dataSourceId, properties: missing } as unknown as UpdateDataSourceArgs;
    // Notion answers with the data source as it is now: its property ids are read from that.
    source = await ops.run({ what: `给${label}添加属性 / adding properties to ${label}`, id: dataSourceId }, async () => (await ops.client.dataSources.update(args)) as unknown as DataSourceLike);
  }
  const wantedTitle = Object.entries(schema).find(([, s]) => s.type === "title")?.[0] ?? "";
  return { title: titleName ?? wantedTitle, source };
}

async function addCalendarView(ops: NotionOps, ids: DatabaseIds, monthProperty: string, tasks: DataSourceLike): Promise<"created" | "unsupported" | "restricted"> {
  try {
    const dateId = tasks.properties[monthProperty]?.id;
    if (!dateId) return "unsupported";
    const args = {
      data_source_id: ids.tasksDataSourceId,
      database_id: ids.tasksDatabaseId,
      name: "行事历日历 / Calendar",
      type: "calendar",
      configuration: { type: "calendar", date_property_id: dateId, view_range: "month" },
    } as Parameters<Client["views"]["create"]>[0];
    await ops.run({ what: "创建日历视图 / creating the calendar view" }, () => ops.client.views.create(args));
    return "created";
  } catch (error) {
    // Views are newer than the rest of the API; a workspace (or emulator) without them still syncs.
    if (error instanceof SyncError && (error.status === 400 || error.status === 404)) return "unsupported";
    // The databases exist by now: a view the integration may not make (403) is added by hand.
    if (error instanceof SyncError && error.status === 403) return "restricted";
    throw error;
  }
}

/**
 * An existing tasks database gets the calendar view too, unless it has one already (a person's, or
 * one an earlier set-up made): its views are listed, and read one by one until a calendar shows.
 */
async function ensureCalendarView(ops: NotionOps, ids: DatabaseIds, monthProperty: string, tasks: DataSourceLike): Promise<"created" | "exists" | "unsupported" | "restricted"> {
  try {
    let cursor: string | undefined;
    do {
      const list = await ops.run({ what: "读取视图 / reading views", id: ids.tasksDatabaseId }, () => ops.client.views.list({ database_id: ids.tasksDatabaseId, ...(cursor ? { start_cursor: cursor } : {}) }));
      for (const v of list.results) {
        const view = (await ops.run({ what: "读取视图 / reading a view", id: v.id }, () => ops.client.views.retrieve({ view_id: v.id }))) as { type?: string };
        if (view.type === "calendar") return "exists";
      }
      cursor = list.has_more && list.next_cursor ? list.next_cursor : undefined;
    } while (cursor);
  } catch (error) {
    if (error instanceof SyncError && (error.status === 400 || error.status === 404)) return "unsupported";
    if (error instanceof SyncError && error.status === 403) return "restricted";
    throw error;
  }
  return addCalendarView(ops, ids, monthProperty, tasks);
}

export interface SetupOptions {
  names: PropertyNames;
  /** Create both databases under this page (or adopt ours already there). */
  parentPageId?: string;
  /** Or use these existing databases. */
  plansDatabaseId?: string;
  tasksDatabaseId?: string;
  /** Ids a previous set-up saved (state): skips the look-up. */
  known?: Partial<DatabaseIds>;
  onProgress?: (step: string) => void;
}

/** The set-up's report, and both data sources as the set-up last read them (their property ids). */
export async function ensureDatabases(ops: NotionOps, options: SetupOptions): Promise<SchemaReport & { sources: { plans: DataSourceLike; tasks: DataSourceLike } }> {
  const names = options.names;
  const created: string[] = [];
  const addedProperties: string[] = [];
  const notes: string[] = [];
  let plansDb = options.plansDatabaseId ?? options.known?.plansDatabaseId ?? null;
  let tasksDb = options.tasksDatabaseId ?? options.known?.tasksDatabaseId ?? null;
  let calendarView: SchemaReport["calendarView"];
  const parent = options.parentPageId;

  // The parent page is listed once for both databases (creating one does not make the other).
  const listed = parent && (!plansDb || !tasksDb) ? await ops.listChildren(parent) : undefined;
  if (!plansDb && parent) plansDb = await findChildDatabase(ops, parent, PLANS_DATABASE_TITLE, listed);
  let plansDs: string;
  if (plansDb) {
    plansDs = firstDataSource(await retrieveDatabase(ops, plansDb));
  } else {
    if (!parent) throw new SyncError("config", "没有设置 Notion 父页面或计划数据库 / no Notion parent page or plans database is set");
    options.onProgress?.("创建计划数据库 / creating the plans database");
    const db = await createDatabase(ops, parent, PLANS_DATABASE_TITLE, planSchema(names.plans));
    plansDb = db.id;
    plansDs = firstDataSource(db.data_sources ? db : await retrieveDatabase(ops, db.id));
    created.push(PLANS_DATABASE_TITLE);
  }
  const plans = await ensureProperties(ops, plansDs, planSchema(names.plans), addedProperties, "计划数据库 / plans database");
  const planTitle = plans.title;

  if (!tasksDb && parent) tasksDb = await findChildDatabase(ops, parent, TASKS_DATABASE_TITLE, listed);
  let tasksDs: string;
  let newTasks = false;
  if (tasksDb) {
    tasksDs = firstDataSource(await retrieveDatabase(ops, tasksDb));
  } else {
    if (!parent) throw new SyncError("config", "没有设置 Notion 父页面或任务数据库 / no Notion parent page or tasks database is set");
    options.onProgress?.("创建任务数据库 / creating the tasks database");
    const db = await createDatabase(ops, parent, TASKS_DATABASE_TITLE, taskSchema(names.tasks, plansDs));
    tasksDb = db.id;
    tasksDs = firstDataSource(db.data_sources ? db : await retrieveDatabase(ops, db.id));
    created.push(TASKS_DATABASE_TITLE);
    newTasks = true;
  }
  const tasks = await ensureProperties(ops, tasksDs, taskSchema(names.tasks, plansDs), addedProperties, "任务数据库 / tasks database");
  const taskTitle = tasks.title;
  const ids: DatabaseIds = { plansDatabaseId: plansDb, plansDataSourceId: plansDs, tasksDatabaseId: tasksDb, tasksDataSourceId: tasksDs };
  // A database the set-up made gets its view at once; an existing one only when it has no calendar yet.
  calendarView = newTasks ? await addCalendarView(ops, ids, names.tasks.month, tasks.source) : await ensureCalendarView(ops, ids, names.tasks.month, tasks.source);
  if (calendarView === "unsupported") notes.push("这个工作区不能用 API 建日历视图：请在任务数据库中手动添加「日历」视图，按「月份」显示 / calendar views cannot be created through the API here: add a Calendar view by 月份 by hand");
  if (calendarView === "restricted") notes.push("集成没有建视图的权限（403）：数据库已建好，请在任务数据库中手动添加「日历」视图，按「月份」显示 / the integration may not create views (403): the databases are made; add a Calendar view by 月份 by hand");
  if (planTitle !== names.plans.title) notes.push(`计划数据库的标题属性叫「${planTitle}」/ the plans title property is "${planTitle}"`);
  if (taskTitle !== names.tasks.title) notes.push(`任务数据库的标题属性叫「${taskTitle}」/ the tasks title property is "${taskTitle}"`);
  return { ids, created, addedProperties, calendarView, titleNames: { plans: planTitle, tasks: taskTitle }, notes, sources: { plans: plans.source, tasks: tasks.source } };
}
