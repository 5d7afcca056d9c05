/**
 * The task pages of one plan: each created, or updated where its properties differ, a few at once
 * (the limiter still paces them, so a slow network does not leave the request budget unused);
 * afterwards the keys of the pages made are looked up, for pages another sync made at the same moment.
 */
import { pagesByKeys, settleDuplicates } from "./converge";
import type { PlanDecision } from "./decide";
import type { LocalPlan } from "./local-plans";
import { isBodyTask, mirroredTasks, taskProperties } from "./mapping";
import type { PageLike } from "./notion-ops";
import { stamped, trashDuplicate, updateOrRevive } from "./page-writes";
import { changedProperties, type PropValue, type TaskPropertyNames } from "./properties";
import { withoutSkipped } from "./schema-repair";
import { matchOwners, recordMatches } from "./members";
import type { Session } from "./session";

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

/**
 * The 负责成员 to write: only when the members were read and the task names an owner, so a person
 * assigned by hand in Notion to a task without an owner in the note is left alone.
 */
function memberIdsOf(session: Session, owner: string | null): { memberIds?: string[] } {
  if (session.members === null || owner === null) return {};
  const result = matchOwners(owner, session.members);
  recordMatches(session.owners, result);
  return { memberIds: result.ids };
}

export interface TaskPagesContext {
  tasksDs: string;
  names: TaskPropertyNames;
  skip: ReadonlySet<string>;
  label: string;
  planPageId: string;
  remote: (taskKey: string) => PageLike | null;
}

/**
 * Writes one plan's task pages; the pages it makes go into `created` (task key → page id), for
 * settleTaskPages to look up once the tasks of every plan are written.
 */
export async function writeTaskPages(session: Session, local: LocalPlan, decision: PlanDecision, ctx: TaskPagesContext, created: Map<string, string>): Promise<void> {
  const { key, plan } = local;
  const { writer, state, report } = session;
  let dirty = false;
  await inParallel(mirroredTasks(plan), session.options.concurrency ?? 3, async (task) => {
    const tkey = `${key}/${task.id}`;
    const what = `${ctx.label} 任务「${task.text}」/ task "${task.text}"`;
    const want = decision.doneOf.get(task.id) ?? task.done;
    const props = withoutSkipped(taskProperties(ctx.names, { task, key: tkey, planPageId: ctx.planPageId, done: want, fromBody: isBodyTask(plan, task), ...memberIdsOf(session, task.owner) }), ctx.skip);
    const entry = state.tasks[tkey];
    if (!entry) {
      const page = await writer.create(ctx.tasksDs, stamped(session, props, ctx.names.syncedBy, ctx.skip), ctx.names.key, tkey, what);
      created.set(tkey, page.id);
      // A page just made has no comments: its time now is where the next sync starts looking (comments-phase).
      state.tasks[tkey] = { pageId: page.id, planKey: key, done: want, ...(page.last_edited_time !== undefined ? { seenEdited: page.last_edited_time } : {}) };
      report.created++;
      await session.save();
      session.tick();
      return;
    }
    if (entry.gone === "trashed") await writer.trash(entry.pageId, false, what);
    const changes = changedProperties(props, ctx.remote(tkey)?.properties ?? null);
    const write = Object.keys(changes).length > 0 || entry.gone !== undefined;
    let made = false;
    const stamp = (p: Record<string, PropValue>): Record<string, PropValue> => stamped(session, p, ctx.names.syncedBy, ctx.skip);
    if (write && (await updateOrRevive(session, entry.pageId, stamp(entry.gone ? props : changes), stamp(props), what)) === "missing") {
      entry.pageId = (await writer.create(ctx.tasksDs, stamp(props), ctx.names.key, tkey, what)).id;
      made = true;
    }
    if (made) report.created++;
    else if (write) report.updated++;
    else report.unchanged++;
    // A tick Notion has but the note cannot show is not agreed: the last agreed value stays.
    const agreed = decision.unshown.has(task.id) ? entry.done : want;
    if (write || entry.done !== agreed || entry.adopted || entry.planKey !== key) {
      entry.done = agreed;
      entry.planKey = key;
      delete entry.gone;
      delete entry.adopted;
      if (write) await session.save();
      else dirty = true;
    }
    session.tick();
  });
  if (dirty) await session.save();
}

/**
 * Task pages another sync made at the same moment under the keys of pages this sync made: the
 * plans' keys are looked up together (a request per 100 pages found, not one per plan) after every
 * plan's tasks are written, and before any body is, so the to-dos point to the pages that stay.
 */
export async function settleTaskPages(session: Session, created: ReadonlyMap<string, string>, tasksDs: string, keyProp: string): Promise<void> {
  if (session.dry || created.size === 0) return;
  const plans = new Set<string>();
  for (const tkey of created.keys()) {
    const planKey = session.state.tasks[tkey]?.planKey;
    if (planKey !== undefined) plans.add(`${planKey}/`);
  }
  const kept = await settleDuplicates(await pagesByKeys(session.ops, tasksDs, keyProp, [...plans], "starts_with"), created, (id, k) => trashDuplicate(session, id, k));
  let moved = false;
  for (const [tkey, id] of kept) {
    const entry = session.state.tasks[tkey];
    if (entry && entry.pageId !== id) {
      entry.pageId = id;
      moved = true;
    }
  }
  if (moved) await session.save();
}
