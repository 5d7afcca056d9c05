/**
 * The first phase of a sync: the two databases. Created or checked on the first sync and whenever
 * the property names in settings change; otherwise the ids the state holds are used as they are.
 * A dry run creates nothing: it lists the set-up instead, and the sync stops there.
 */
import { pushAll } from "../shared/collections/array-edit";
import { SyncError } from "./errors";
import { contentHash, stableJson } from "./hash";
import { normalizeId, type PropertyNames } from "./properties";
import { ensureDatabases, plannedSetup } from "./schema";
import { effectiveNames, idsOf } from "./schema-repair";
import type { Session } from "./session";
import { emptyState } from "./sync-state";
import type { SyncNote } from "./sync-types";

export interface Databases {
  plans: string;
  tasks: string;
}

/** The data source ids to sync into, or null when a dry run listed the set-up instead. */
export async function prepareDatabases(session: Session, notes: readonly SyncNote[], names: PropertyNames): Promise<Databases | null> {
  const t = session.options.target;
  let state = session.state;
  const switched = (t.plansDatabaseId && state.plansDatabaseId && normalizeId(t.plansDatabaseId) !== normalizeId(state.plansDatabaseId)) || (t.tasksDatabaseId && state.tasksDatabaseId && normalizeId(t.tasksDatabaseId) !== normalizeId(state.tasksDatabaseId));
  if (switched) {
    state = emptyState();
    session.state = state;
  }
  const namesKey = contentHash(stableJson(names));
  if (!state.plansDataSourceId || !state.tasksDataSourceId || state.namesKey !== namesKey) {
    const where = { parentPageId: t.parentPageId, plansDatabaseId: t.plansDatabaseId ?? state.plansDatabaseId ?? undefined, tasksDatabaseId: t.tasksDatabaseId ?? state.tasksDatabaseId ?? undefined };
    const planned = session.dry ? await plannedSetup(session.ops, where, notes) : [];
    if (planned.length > 0) {
      pushAll(session.report.plannedWrites, planned);
      return null;
    }
    const { sources, ...schema } = await ensureDatabases(session.ops, { names, ...where });
    state.namesKey = namesKey;
    session.report.schema = schema;
    pushAll(session.report.notes, schema.notes);
    state.plansDatabaseId = schema.ids.plansDatabaseId;
    state.plansDataSourceId = schema.ids.plansDataSourceId;
    state.tasksDatabaseId = schema.ids.tasksDatabaseId;
    state.tasksDataSourceId = schema.ids.tasksDataSourceId;
    state.titleNames = schema.titleNames;
    // Names in settings changed or first sync: repairs made under the old names no longer apply.
    delete state.nameOverrides;
    if (!session.dry) {
      const titled = effectiveNames(names, undefined, schema.titleNames).names;
      // The set-up read both data sources already: their property ids are taken from that read.
      state.propertyIds = { plans: idsOf({ ...titled.plans }, sources.plans), tasks: idsOf({ ...titled.tasks }, sources.tasks) };
    }
    await session.save();
  }
  if (!state.plansDataSourceId || !state.tasksDataSourceId) throw new SyncError("config", "没有 Notion 数据库 / no Notion databases");
  return { plans: state.plansDataSourceId, tasks: state.tasksDataSourceId };
}
