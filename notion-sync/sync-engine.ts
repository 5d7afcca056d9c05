/**
 * The sync: notes in, Notion pages updated in place, review and ticks back out.
 *
 * Obsidian owns a plan's content; Notion owns its review (审核状态, 审核意见); 完成 flows both ways
 * and Obsidian wins when both sides changed it (merge-rules.ts). Pages are found by 同步键 (plan id,
 * plan id/task id), never by title, and never deleted and re-created. The state is saved after every
 * write, so a sync cut off anywhere and run again ends with no duplicate and no lost update.
 *
 * The phases, in order, each in its own module:
 *   setup-phase     the two databases (created or checked)
 *   remote-index    what Notion holds, read once (two queries)
 *   local-plans     the notes' plans and what left them
 *   per plan:  decide (pure) → note-edits → plan-writer → task-writer → body-phase → comments-phase
 *   tombstones      pages of what was deleted in Obsidian
 */
import { pushAll } from "../shared/collections/array-edit";
import { decidePlan } from "./decide";
import { explainError } from "./errors";
import { collectLocalPlans, findGone, type LocalPlan } from "./local-plans";
import { taskCount } from "./mapping";
import { applyToNote } from "./note-edits";
import type { PageLike } from "./notion-ops";
import { writeBody } from "./body-phase";
import { syncComments } from "./comments-phase";
import { writePlanPage } from "./plan-writer";
import { plainNoteWarnings } from "./plain-notes";
import { normalizeId, resolvePropertyNames } from "./properties";
import { readRemote, type RemoteIndex } from "./remote-index";
import { effectiveNames, repairSchema } from "./schema-repair";
import { openSession, type Session } from "./session";
import { prepareDatabases, type Databases } from "./setup-phase";
import { emptyState } from "./sync-state";
import { writeTaskPages } from "./task-writer";
import { writeTombstones } from "./tombstones";
import { checkToken } from "./token";
import { readMembers } from "./members";
import { noteStatus } from "./review-news";
import { planLabel, type SyncNote, type SyncOptions, type SyncReport } from "./sync-types";

export type { NoteEdit, SyncConflict, SyncNote, SyncOptions, SyncReport, SyncTarget } from "./sync-types";
export { commonBlocks } from "./block-diff";
export { inParallel } from "./task-writer";

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
  const state = (await options.store.load()) ?? emptyState();
  const session = openSession(options, state);
  const { report } = session;
  try {
    if (state.corrupt !== undefined) {
      // Bad entries were dropped; the pages they named are found again by 同步键 below.
      report.notes.push(`同步状态文件已损坏（${state.corrupt}），已按 Notion 中的同步键重建 / the sync state was corrupt (${state.corrupt}); rebuilt from the sync keys in Notion`);
      delete state.corrupt;
    }
    const ds = await prepareDatabases(session, notes, names);
    if (ds === null) return session.finish();
    const effective = effectiveNames(names, session.state.nameOverrides, session.state.titleNames);
    const { plans: pn, tasks: tn } = effective.names;

    const local = collectLocalPlans(notes);
    const remote = await readRemote(session.ops, session.writer, session.state, ds, { plan: pn.key, task: tn.key, source: pn.source }, [...new Set([...local.locals.map((l) => l.key), ...Object.keys(session.state.plans)])]);
    pushAll(report.notes, remote.notes);
    pushAll(report.notes, local.notes);
    pushAll(report.notes, plainNoteWarnings(notes));
    session.members = await readMembers(session, local.locals);
    const gone = findGone(session.state, local.locals, options.onlyPaths);
    session.setTotal(local.locals.reduce((n, l) => n + 1 + taskCount(l.plan), 0) + gone.plans.length + gone.tasks.length);

    for (const plan of local.locals) {
      try {
        await syncPlan(session, plan, remote, ds, effective);
      } catch (error) {
        const e = explainError(error, { token: session.conn.token });
        // A plan Notion refuses (400) does not stop the others; anything else stops the sync.
        if (e.kind !== "invalid") throw e;
        if (!session.dry && !repaired) {
          // A refused write may come from a property a person renamed, deleted or retyped in Notion:
          // then every plan would be refused the same way. The schema is read once (two requests);
          // when it needed repairs, they are made and the sync runs again with the repaired names.
          const fix = await repairSchema(session.ops, ds, { plans: pn, tasks: tn }, session.state.nameOverrides, session.state.propertyIds);
          if (fix.changed) {
            session.state.nameOverrides = fix.overrides;
            session.state.propertyIds = fix.ids;
            await session.save();
            await session.flush();
            const again = await runLocked(notes, options, true);
            const first = session.finish();
            return { ...again, notes: [...first.notes.filter((n) => !again.notes.includes(n)), ...fix.notes, ...again.notes], created: again.created + first.created, updated: again.updated + first.updated, pulledBack: again.pulledBack + first.pulledBack, edits: [...first.edits, ...again.edits] };
          }
          repaired = true;
        }
        report.errors.push(`${planLabel(plan.plan, plan.note.path)}: ${e.message}`);
      }
    }

    await writeTombstones(session, gone, { planTitle: pn.title, taskTitle: tn.title, plans: remote.plans, tasks: remote.tasks, byId: remote.byId });
    return session.finish();
  } catch (error) {
    throw explainError(error, { token: session.conn.token });
  }
}

/** One plan, phase by phase. */
async function syncPlan(session: Session, local: LocalPlan, remote: RemoteIndex, ds: Databases, effective: ReturnType<typeof effectiveNames>): Promise<void> {
  const { key, plan, note } = local;
  const { plans: pn, tasks: tn } = effective.names;
  const state = session.state;
  const label = planLabel(plan, note.path);
  const pageOf = (k: string, entry: { pageId: string } | undefined, map: ReadonlyMap<string, PageLike>): PageLike | null => map.get(k) ?? (entry ? (remote.byId.get(normalizeId(entry.pageId)) ?? null) : null);
  const planPage = pageOf(key, state.plans[key], remote.plans);
  const taskPage = (taskId: string): PageLike | null => pageOf(`${key}/${taskId}`, state.tasks[`${key}/${taskId}`], remote.tasks);

  const decision = decidePlan(local, { planEntry: state.plans[key], planPage, taskEntry: (id) => state.tasks[`${key}/${id}`], taskPage, names: { plans: pn, tasks: tn } });
  pushAll(session.report.conflicts, decision.conflicts);
  pushAll(session.report.notes, decision.notes);
  session.report.pulledBack += decision.pulledBack;
  // A review status that came back from Notion is news for the notice after the sync.
  if (decision.edit?.frontmatter?.["review-status"] !== undefined) noteStatus(session.report.reviews, plan.title ?? note.path, decision.reviewStatus);
  if (decision.edit) await applyToNote(session, key, decision.edit, decision);

  const page = await writePlanPage(session, local, decision, { plansDs: ds.plans, names: pn, skip: effective.skip.plans, label, remote: planPage });
  session.tick();
  await writeTaskPages(session, local, decision, { tasksDs: ds.tasks, names: tn, skip: effective.skip.tasks, label, planPageId: page.entry.pageId, remote: (k) => pageOf(k, state.tasks[k], remote.tasks) });
  const bodyWritten = page.joined ? false : await writeBody(session, local, page.entry, { label, doneOf: decision.doneOf, createdHere: page.createdHere, fresh: page.fresh, plansDs: ds.plans, keyProp: pn.key });
  // Reviewers' comments last: the pages exist now, and the note's other edits are written.
  await syncComments(session, local, { planPageId: page.entry.pageId, planFresh: page.fresh, taskPage: (id) => (remote.tasks.get(`${key}/${id}`) ?? null) });
  if (!page.fresh) {
    if (page.changed || bodyWritten) session.report.updated++;
    else session.report.unchanged++;
  }
}
