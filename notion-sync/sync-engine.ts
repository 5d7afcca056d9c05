/**
 * The sync: notes in, Notion pages updated in place, review and ticks back out.
 *
 * Obsidian owns a plan's content; Notion owns its review (审核状态, 审核意见); 完成 flows both ways
 * and Obsidian wins when both sides changed it. Pages are found by 同步键 (plan id, plan id/task
 * id), never by title, and never deleted and re-created. The state is saved after every write, so a
 * sync cut off anywhere and run again ends with no duplicate and no lost update.
 */
import type { Plan } from "../shared/plan/types";
import type { NotionConnection } from "./client";
import { SyncError, explainError } from "./errors";
import { contentHash, stableJson } from "./hash";
import { DELETED_MARK, isBodyTask, noCheckboxNote, mirroredMonths, mirroredTasks, planProperties, taskCount, taskProperties } from "./mapping";
import { NotionOps, type PageLike } from "./notion-ops";
import { dryWriter, realWriter } from "./writer";
import { bodyHash, planBodyBlocks, todoHash, type BlockSpec } from "./plan-body";
import { changedProperties, fromNotion, normalizeId, resolvePropertyNames, type PropertyNames, type PropValue } from "./properties";
import { ensureDatabases, plannedSetup, type SchemaReport } from "./schema";
import { emptyState, type PlanEntry, type SyncStateStore, type TaskEntry } from "./sync-state";
import type { RetryOptions } from "./retry";
import { pushAll } from "../shared/collections/array-edit";
import { plainNoteWarnings } from "./plain-notes";
import { checkToken } from "./token";
import { effectiveNames, isPropertyRefusal, readPropertyIds, repairSchema, withoutSkipped } from "./schema-repair";
import { readRemote } from "./remote-index";
import { bodyWriter } from "./body-writer";
import { isArchivedRefusal, pagesByKey, settleDuplicates, survivorOf } from "./converge";

/** A note handed to the sync: its vault path, its text and the engine's reading of it. */
export interface SyncNote {
  path: string;
  text: string;
  plans: Plan[];
}

/** What Notion changed that the note should take: frontmatter fields and task ticks. */
export interface NoteEdit {
  path: string;
  /** `review-status` / `review-comment`; null removes the key. */
  frontmatter?: Record<string, string | null>;
  tasks?: Array<{ taskId: string; done: boolean }>;
}

export interface SyncConflict {
  path: string;
  plan: string;
  taskId: string;
  task: string;
  /** The value Obsidian had (and Notion now has again). */
  obsidian: boolean;
  notion: boolean;
}

export interface SyncReport {
  /** Pages (plans and tasks) created, updated, left as they were. */
  created: number;
  updated: number;
  unchanged: number;
  /** Fields taken from Notion into notes (review fields, ticks). */
  pulledBack: number;
  conflicts: SyncConflict[];
  /** Pages of deleted plans or tasks marked (or moved to trash when allowed). */
  trashed: number;
  /** HTTP requests made (reads included) and those that changed something. */
  requests: number;
  writes: number;
  http429: number;
  edits: NoteEdit[];
  /** --dry-run: the writes it would make, one line each. */
  plannedWrites: string[];
  /** Plans that could not be synced (a 400 on one plan does not stop the others). */
  errors: string[];
  /** Notes the sync wants the user to read (set-up results, duplicate plan ids). */
  notes: string[];
  schema: SchemaReport | null;
}

export interface SyncTarget {
  /** Create the databases under this page when they are not there yet. */
  parentPageId?: string;
  plansDatabaseId?: string;
  tasksDatabaseId?: string;
}

export interface SyncOptions {
  connection: NotionConnection;
  store: SyncStateStore;
  target: SyncTarget;
  names?: PropertyNames;
  /** Only these vault paths are in the sync ("Sync this plan"); deletions are judged only among them. Default: all notes given. */
  onlyPaths?: string[];
  /** Move pages of deleted plans/tasks to Notion's trash (default false: they are marked). */
  trashOnDelete?: boolean;
  dryRun?: boolean;
  /** Writes a Notion-side change into a note; called before the state records it. */
  applyEdit?: (edit: NoteEdit) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  retry?: Partial<RetryOptions>;
  /** Task pages written at once (default 3); the limiter keeps the rate whatever this is. */
  concurrency?: number;
}

const planLabel = (plan: Plan, path: string): string => `计划「${plan.title ?? path}」/ plan "${plan.title ?? path}"`;

interface LocalPlan {
  key: string;
  plan: Plan;
  note: SyncNote;
  /** Whether review fields may come back into this note's frontmatter (one plan per note). */
  ownsFrontmatter: boolean;
}

export { commonBlocks } from "./block-diff";

/**
 * Runs `fn` over `items` with at most `n` at a time. After a failure no new item starts; the ones
 * under way finish (their writes are recorded) before the first error is thrown.
 */
export async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async (): Promise<void> => {
    while (next < items.length && errors.length === 0) {
      const item = items[next++] as T;
      try {
        await fn(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}

export async function runNotionSync(notes: readonly SyncNote[], options: SyncOptions): Promise<SyncReport> {
  checkToken(options.connection.token);
  // One sync at a time per state: a second one waits (or is refused) instead of creating pages twice.
  const release = options.dryRun === true || !options.store.lock ? null : await options.store.lock();
  try {
    return await runLocked(notes, options);
  } finally {
    await release?.();
  }
}

async function runLocked(notes: readonly SyncNote[], options: SyncOptions, repaired = false): Promise<SyncReport> {
  const names = options.names ?? resolvePropertyNames();
  const conn = options.connection;
  const ops = new NotionOps(conn, options.retry);
  const counters = conn.counters;
  const start = { requests: counters.requests, writes: counters.writes, http429: counters.http429 };
  const report: SyncReport = {
    created: 0,
    updated: 0,
    unchanged: 0,
    pulledBack: 0,
    conflicts: [],
    trashed: 0,
    requests: 0,
    writes: 0,
    http429: 0,
    edits: [],
    plannedWrites: [],
    errors: [],
    notes: [],
    schema: null,
  };
  const dry = options.dryRun === true;
  const writer = dry ? dryWriter(report.plannedWrites) : realWriter(ops);
  const finish = (): SyncReport => {
    report.requests = counters.requests - start.requests;
    report.writes = counters.writes - start.writes;
    report.http429 = counters.http429 - start.http429;
    return report;
  };

  try {
    let state = (await options.store.load()) ?? emptyState();
    if (state.corrupt !== undefined) {
      // Bad entries were dropped; the pages they named are found again by 同步键 below.
      report.notes.push(`同步状态文件已损坏（${state.corrupt}），已按 Notion 中的同步键重建 / the sync state was corrupt (${state.corrupt}); rebuilt from the sync keys in Notion`);
      delete state.corrupt;
    }
    // Saves run one after another (a task's write may finish while another's save is under way);
    // each writes the state as it is then, so the last one holds everything.
    let saving: Promise<void> = Promise.resolve();
    const save = (): Promise<void> => {
      if (dry) return Promise.resolve();
      const next = saving.then(() => options.store.save(state));
      saving = next.catch(() => undefined);
      return next;
    };

    const { rewriteBody } = bodyWriter({ ops, writer, dry, token: conn.token, save });

    // --- 1. the databases -------------------------------------------------------------------
    const t = options.target;
    const switched = (t.plansDatabaseId && state.plansDatabaseId && normalizeId(t.plansDatabaseId) !== normalizeId(state.plansDatabaseId)) || (t.tasksDatabaseId && state.tasksDatabaseId && normalizeId(t.tasksDatabaseId) !== normalizeId(state.tasksDatabaseId));
    if (switched) state = emptyState();
    // The schema is checked on the first sync and whenever the property names in settings change.
    const namesKey = contentHash(stableJson(names));
    if (!state.plansDataSourceId || !state.tasksDataSourceId || state.namesKey !== namesKey) {
      // A dry run creates no database: it lists the set-up instead, and stops there.
      const setupPlan = dry ? await plannedSetup(ops, { parentPageId: t.parentPageId, plansDatabaseId: t.plansDatabaseId ?? state.plansDatabaseId ?? undefined, tasksDatabaseId: t.tasksDatabaseId ?? state.tasksDatabaseId ?? undefined }, notes) : [];
      if (setupPlan.length > 0) {
        pushAll(report.plannedWrites, setupPlan);
        return finish();
      }
      const schema = await ensureDatabases(ops, {
        names,
        parentPageId: t.parentPageId,
        plansDatabaseId: t.plansDatabaseId ?? state.plansDatabaseId ?? undefined,
        tasksDatabaseId: t.tasksDatabaseId ?? state.tasksDatabaseId ?? undefined,
      });
      state.namesKey = namesKey;
      report.schema = schema;
      pushAll(report.notes, schema.notes);
      state.plansDatabaseId = schema.ids.plansDatabaseId;
      state.plansDataSourceId = schema.ids.plansDataSourceId;
      state.tasksDatabaseId = schema.ids.tasksDatabaseId;
      state.tasksDataSourceId = schema.ids.tasksDataSourceId;
      state.titleNames = schema.titleNames;
      // Names in settings changed or first sync: repairs made under the old names no longer apply.
      delete state.nameOverrides;
      if (!dry && state.plansDataSourceId && state.tasksDataSourceId) {
        const titled = effectiveNames(names, undefined, schema.titleNames).names;
        state.propertyIds = await readPropertyIds(ops, { plans: state.plansDataSourceId, tasks: state.tasksDataSourceId }, titled);
      }
      await save();
    }
    const plansDs = state.plansDataSourceId;
    const tasksDs = state.tasksDataSourceId;
    if (!plansDs || !tasksDs) throw new SyncError("config", "没有 Notion 数据库 / no Notion databases");
    const effective = effectiveNames(names, state.nameOverrides, state.titleNames);
    const pn = effective.names.plans;
    const tn = effective.names.tasks;

    // --- 2. what Notion holds (reads only) -----------------------------------------------------
    const remote = await readRemote(ops, writer, state, { plans: plansDs, tasks: tasksDs }, { plan: pn.key, task: tn.key, source: pn.source });
    const { plans: remotePlans, tasks: remoteTasks, byId } = remote;
    pushAll(report.notes, remote.notes);
    const pageOf = (key: string, entry: { pageId: string } | undefined, map: Map<string, PageLike>): PageLike | null =>
      map.get(key) ?? (entry ? (byId.get(normalizeId(entry.pageId)) ?? null) : null);

    // --- 3. the local plans ------------------------------------------------------------------
    const locals: LocalPlan[] = [];
    const seen = new Set<string>();
    for (const note of notes) {
      for (const plan of note.plans) {
        let key = plan.id;
        if (seen.has(key)) {
          key = `${plan.id}@${note.path}`;
          report.notes.push(`计划编号 ${plan.id} 重复（${note.path}）：请给笔记一个自己的 plan-id / plan id ${plan.id} is used twice (${note.path}): give the note its own plan-id`);
        }
        seen.add(key);
        locals.push({ key, plan, note, ownsFrontmatter: note.plans.length === 1 });
      }
    }
    pushAll(report.notes, plainNoteWarnings(notes));
    const scopePaths = options.onlyPaths ? new Set(options.onlyPaths) : null;
    const inScope = (path: string): boolean => scopePaths === null || scopePaths.has(path);
    const localPlanKeys = new Set(locals.map((l) => l.key));
    const localTaskKeys = new Set<string>();
    for (const l of locals) for (const task of mirroredTasks(l.plan)) localTaskKeys.add(`${l.key}/${task.id}`);
    const gonePlans = Object.entries(state.plans).filter(([key, e]) => !localPlanKeys.has(key) && !e.gone && inScope(e.path));
    const goneTasks = Object.entries(state.tasks).filter(([key, e]) => !localTaskKeys.has(key) && !e.gone && (localPlanKeys.has(e.planKey) || gonePlans.some(([k]) => k === e.planKey)));

    const total = locals.reduce((n, l) => n + 1 + taskCount(l.plan), 0) + gonePlans.length + goneTasks.length;
    let done = 0;
    const tick = (n = 1): void => {
      done += n;
      options.onProgress?.(done, total);
    };
    options.onProgress?.(0, total);

    for (const local of locals) {
      try {
        await syncPlan(local);
      } catch (error) {
        const e = explainError(error, { token: conn.token });
        // A plan Notion refuses (400) does not stop the others; anything else stops the sync.
        if (e.kind !== "invalid") throw e;
        if (!dry && !repaired && isPropertyRefusal(e.message)) {
          // A property was renamed, deleted or retyped in Notion: every plan would be refused the
          // same way. Repair the schema once and run again, instead of repeating the refused writes.
          const fix = await repairSchema(ops, { plans: plansDs, tasks: tasksDs }, { plans: pn, tasks: tn }, state.nameOverrides, state.propertyIds);
          if (fix.changed) {
            state.nameOverrides = fix.overrides;
            state.propertyIds = fix.ids;
            await save();
            await saving;
            const again = await runLocked(notes, options, true);
            return { ...again, notes: [...report.notes.filter((n) => !again.notes.includes(n)), ...fix.notes, ...again.notes], created: again.created + report.created, updated: again.updated + report.updated, pulledBack: again.pulledBack + report.pulledBack, edits: [...report.edits, ...again.edits] };
          }
        }
        report.errors.push(`${planLabel(local.plan, local.note.path)}: ${e.message}`);
      }
    }

    // --- 4. deleted in Obsidian ----------------------------------------------------------------
    const markGone = async (entry: PlanEntry | TaskEntry, titleProp: string, map: Map<string, PageLike>, key: string, what: string): Promise<void> => {
      if (options.trashOnDelete) {
        await writer.trash(entry.pageId, true, what);
        entry.gone = "trashed";
      } else {
        const page = pageOf(key, entry, map);
        const title = page ? fromNotion(page.properties[titleProp], "title") : null;
        const text = title && title.type === "title" ? title.text : "";
        if (!text.startsWith(DELETED_MARK)) await writer.update(entry.pageId, { [titleProp]: { type: "title", text: `${DELETED_MARK}${text}` } }, what);
        entry.gone = "marked";
      }
      report.trashed++;
      await save();
      tick();
    };
    for (const [key, entry] of goneTasks) await markGone(entry, tn.title, remoteTasks, key, `已删除的任务 / deleted task ${key}`);
    for (const [key, entry] of gonePlans) await markGone(entry, pn.title, remotePlans, key, `已删除的计划 / deleted plan ${key}`);
    return finish();

    // --- one plan --------------------------------------------------------------------------------
    async function syncPlan(local: LocalPlan): Promise<void> {
      const { plan, key, note } = local;
      const label = planLabel(plan, note.path);
      let entry = state.plans[key];
      const remote = pageOf(key, entry, remotePlans);
      const edit: NoteEdit = { path: note.path };

      // Review: Notion's value wins when Notion changed it since the last sync (or we cannot tell).
      const review = (prop: string, noteValue: string | null, last: string | null, fmKey: string, type: "select" | "rich_text"): string | null => {
        const nv = noteValue === "" ? null : noteValue;
        if (!entry || !remote) return nv;
        const v = fromNotion(remote.properties[prop], type);
        const notion = v === null ? null : v.type === "select" ? v.name : v.type === "rich_text" ? v.text || null : null;
        const notionChanged = entry.adopted ? notion !== null : notion !== last;
        // A note holding several plans has no frontmatter of each one's: Notion keeps the review.
        if (!local.ownsFrontmatter) return notion ?? nv;
        if (!notionChanged || notion === nv) return nv;
        (edit.frontmatter ??= {})[fmKey] = notion;
        report.pulledBack++;
        return notion;
      };
      const reviewStatus = review(pn.reviewStatus, plan.reviewStatus, entry?.reviewStatus ?? null, "review-status", "select");
      const reviewComment = review(pn.reviewComment, plan.reviewComment, entry?.reviewComment ?? null, "review-comment", "rich_text");

      // 完成 of each task: decide before writing anything.
      const notedPlain = new Set<string>();
      const doneOf = new Map<string, boolean>();
      for (const month of mirroredMonths(plan)) {
        for (const task of month.tasks) {
          const tkey = `${key}/${task.id}`;
          const tentry = state.tasks[tkey];
          const tremote = pageOf(tkey, tentry, remoteTasks);
          const v = tremote ? fromNotion(tremote.properties[tn.done], "checkbox") : null;
          const notion = v && v.type === "checkbox" ? v.value : null;
          let want = task.done;
          if (tentry && notion !== null) {
            const last = tentry.adopted ? null : tentry.done;
            const conflict = (): void => {
              report.conflicts.push({ path: note.path, plan: plan.title ?? key, taskId: task.id, task: task.text, obsidian: task.done, notion });
            };
            if (last === null) {
              // The state was lost: we cannot tell who changed it; Obsidian's value stands.
              if (notion !== task.done) conflict();
            } else if (notion !== last && task.done === last) {
              want = notion;
              if (task.form === "checkbox") {
                (edit.tasks ??= []).push({ taskId: task.id, done: notion });
                report.pulledBack++;
              } else if (!notedPlain.has(task.id)) {
                // A 行事历 in plain text has no box to tick: Notion keeps its value, nothing is lost.
                notedPlain.add(task.id);
                report.notes.push(noCheckboxNote(note.path, task, notion, isBodyTask(plan, task)));
              }
            }
            // Both sides changed it since the last sync: a tick has two values, so both now say the
            // same and that is agreement, not a conflict (`want` is already that value).
          }
          doneOf.set(task.id, want);
        }
      }

      // Bring Notion's changes into the note first; the state records them only once written.
      if (edit.frontmatter || edit.tasks) {
        report.edits.push(edit);
        if (!dry && options.applyEdit) await options.applyEdit(edit);
        if (entry && edit.frontmatter) {
          if ("review-status" in edit.frontmatter) entry.reviewStatus = reviewStatus;
          if ("review-comment" in edit.frontmatter) entry.reviewComment = reviewComment;
        }
        for (const te of edit.tasks ?? []) {
          const tentry = state.tasks[`${key}/${te.taskId}`];
          if (tentry) tentry.done = te.done;
        }
        await save();
      }

      // The plan page.
      const props = withoutSkipped(planProperties(pn, { plan, key, path: note.path, reviewStatus, reviewComment }), effective.skip.plans);
      let pageChanged = false;
      let fresh = false;
      let dirty = false;
      let joined = false;
      let createdHere = false;
      if (!entry) {
        // Pages are created with properties only, so a new page (or one a lost answer made) has no body yet.
        const page = await writer.create(plansDs, props, pn.key, key, label);
        entry = { pageId: page.id, path: note.path, bodyHash: null, todos: {}, reviewStatus, reviewComment };
        state.plans[key] = entry;
        fresh = true;
        report.created++;
        await save();
        createdHere = true;
        // Another sync may have made this plan's page at the same moment: one of the two stays.
        const kept = dry ? page.id : ((await settleDuplicates(await pagesByKey(ops, plansDs, pn.key, key, "equals"), new Map([[key, page.id]]), trashDuplicate)).get(key) ?? page.id);
        if (kept !== page.id) {
          // Its body is the other sync's to write now; ours is written on the next run if it differs.
          entry.pageId = kept;
          fresh = false;
          joined = true;
          await save();
        }
      } else {
        if (entry.gone === "trashed") await writer.trash(entry.pageId, false, label);
        const changes = changedProperties(props, remote ? remote.properties : null);
        if (Object.keys(changes).length > 0 || entry.gone) {
          if ((await updateOrRevive(entry, entry.gone ? props : changes, props, label)) === "missing") {
            // The page is gone from Notion for good (deleted from the trash): it gets a new one.
            const page = await writer.create(plansDs, props, pn.key, key, label);
            Object.assign(entry, { pageId: page.id, bodyHash: null, todos: {}, blocks: undefined });
            fresh = true;
            report.created++;
          }
          pageChanged = true;
        }
        dirty = entry.path !== note.path || entry.reviewStatus !== reviewStatus || entry.reviewComment !== reviewComment || entry.gone !== undefined || entry.adopted === true;
        entry.path = note.path;
        entry.reviewStatus = reviewStatus;
        entry.reviewComment = reviewComment;
        delete entry.gone;
        delete entry.adopted;
        if (pageChanged || dirty) await save();
        dirty = false;
      }
      const planEntry = entry;
      tick();

      // Its tasks: a few requests in flight at once (the limiter still paces them), so a slow
      // network does not leave the request budget unused.
      const tasks = mirroredTasks(plan);
      const createdTasks = new Map<string, string>();
      await inParallel(tasks, options.concurrency ?? 3, async (task) => {
        {
          const tkey = `${key}/${task.id}`;
          const what = `${label} 任务「${task.text}」/ task "${task.text}"`;
          const want = doneOf.get(task.id) ?? task.done;
          const tprops = withoutSkipped(taskProperties(tn, { task, key: tkey, planPageId: planEntry.pageId, done: want, fromBody: isBodyTask(plan, task) }), effective.skip.tasks);
          const tentry = state.tasks[tkey];
          if (!tentry) {
            const page = await writer.create(tasksDs, tprops, tn.key, tkey, what);
            createdTasks.set(tkey, page.id);
            state.tasks[tkey] = { pageId: page.id, planKey: key, done: want };
            report.created++;
            await save();
          } else {
            const tremote = pageOf(tkey, tentry, remoteTasks);
            if (tentry.gone === "trashed") await writer.trash(tentry.pageId, false, what);
            const changes = changedProperties(tprops, tremote ? tremote.properties : null);
            const write = Object.keys(changes).length > 0 || tentry.gone !== undefined;
            let made = false;
            if (write && (await updateOrRevive(tentry, tentry.gone ? tprops : changes, tprops, what)) === "missing") {
              tentry.pageId = (await writer.create(tasksDs, tprops, tn.key, tkey, what)).id;
              made = true;
            }
            if (made) report.created++;
            else if (write) report.updated++;
            else report.unchanged++;
            // A tick Notion has but the note cannot show is not agreed: the last agreed value stays.
            const agreed = notedPlain.has(task.id) ? tentry.done : want;
            if (write || tentry.done !== agreed || tentry.adopted || tentry.planKey !== key) {
              tentry.done = agreed;
              tentry.planKey = key;
              delete tentry.gone;
              delete tentry.adopted;
              if (write) await save();
              else dirty = true;
            }
          }
          tick();
        }
      });

      // Task pages another sync made at the same moment: one query for the plan's keys, one page kept per key.
      if (!dry && createdTasks.size > 0) {
        const kept = await settleDuplicates(await pagesByKey(ops, tasksDs, tn.key, `${key}/`, "starts_with"), createdTasks, trashDuplicate);
        let moved = false;
        for (const [tkey, id] of kept) {
          const te = state.tasks[tkey];
          if (te && te.pageId !== id) {
            te.pageId = id;
            moved = true;
          }
        }
        if (moved) await save();
      }

      // Its body: rewritten only where its shape changed; each to-do's words and tick set in place.
      const bodyOf = (): BlockSpec[] => planBodyBlocks(plan, (id) => state.tasks[`${key}/${id}`]?.pageId ?? null, (id) => doneOf.get(id) ?? false, state.mentions === false ? "text" : "mention");
      let blocks = bodyOf();
      if (!joined && bodyHash(blocks) !== planEntry.bodyHash) {
        try {
          await rewriteBody(planEntry, blocks, fresh, label);
        } catch (error) {
          const e = explainError(error, { token: conn.token });
          // The page we just made was trashed as a duplicate by another vault's sync: its survivor
          // is that sync's to write; ours follows on the next run.
          if (createdHere && isArchivedRefusal(e.status, e.message) && (await followSurvivor(planEntry))) return;
          // A server that takes no page mentions: say the task's words instead, from now on.
          if (e.kind !== "invalid" || state.mentions === false || !/mention/i.test(e.message)) throw error;
          state.mentions = false;
          await save();
          blocks = bodyOf();
          await rewriteBody(planEntry, blocks, false, label);
        }
        pageChanged = true;
      }
      for (const b of blocks) {
        if (b.type !== "to_do" || b.taskId === undefined) continue;
        const todo = planEntry.todos[b.taskId];
        if (!todo) continue;
        const words = todoHash(b);
        const checked = b.checked === true;
        if (todo.checked !== checked || todo.text !== words) {
          try {
            await writer.setTodo(todo.blockId, checked, todo.text !== words ? b.text : null, `${label} 行事历 / schedule`);
          } catch (error) {
            // The block is gone (someone, or another vault's sync, rewrote the body): write the body again.
            const e = explainError(error, { token: conn.token });
            if (e.status !== 400 && e.status !== 404) throw error;
            planEntry.blocks = undefined;
            await rewriteBody(planEntry, blocks, false, label);
            break;
          }
          todo.checked = checked;
          todo.text = words;
          pageChanged = true;
          await save();
        }
      }
      if (dirty) await save();
      if (!fresh) {
        if (pageChanged) report.updated++;
        else report.unchanged++;
      }
    }

    /** Points a plan entry at the live page holding its key when that is not ours; whether it did. */
    async function followSurvivor(entry: PlanEntry): Promise<boolean> {
      const key = Object.keys(state.plans).find((k) => state.plans[k] === entry);
      if (key === undefined) return false;
      const survivor = survivorOf((await pagesByKey(ops, plansDs, pn.key, key, "equals")).get(key) ?? []);
      if (!survivor || normalizeId(survivor.id) === normalizeId(entry.pageId)) return false;
      Object.assign(entry, { pageId: survivor.id, bodyHash: null, todos: {}, blocks: undefined });
      await save();
      return true;
    }

    async function trashDuplicate(pageId: string, key: string): Promise<void> {
      await writer.trash(pageId, true, `重复页面 / duplicate page ${key}`);
    }

    /**
     * Updates a page. One a person moved to Notion's trash comes back (Obsidian owns the content:
     * the task still exists), keeping its id and comments; "missing" when it no longer exists at all.
     */
    async function updateOrRevive(entry: { pageId: string }, changes: Record<string, PropValue>, all: Record<string, PropValue>, what: string): Promise<"ok" | "missing"> {
      try {
        await writer.update(entry.pageId, changes, what);
        return "ok";
      } catch (error) {
        const e = explainError(error, { token: conn.token });
        if (e.status === 400 && /archived|in_trash|trash/i.test(e.message)) {
          await writer.trash(entry.pageId, false, what);
          await writer.update(entry.pageId, all, what);
          return "ok";
        }
        if (e.status === 404) return "missing";
        throw error;
      }
    }
  } catch (error) {
    throw explainError(error, { token: conn.token });
  }
}
