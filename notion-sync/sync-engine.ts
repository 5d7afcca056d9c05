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
 *   decide          per plan, pure, before anything is written
 *   plan-writer     new plans' pages, then one look-up for pages another sync made at once
 *   per plan:       note-edits → plan-writer (properties) → task-writer
 *   task-writer     one look-up for task pages another sync made at once
 *   per plan:       body-phase → comments-phase
 *   tombstones      pages of what was deleted in Obsidian
 * Each stage runs over all plans before the next, so a look-up after creating covers up to 100
 * plans in one query instead of one query per plan (the first sync's request budget).
 */
import { pushAll } from "../shared/collections/array-edit";
import { decidePlan, type PlanDecision } from "./decide";
import { explainError } from "./errors";
import { collectLocalPlans, findGone, type LocalPlan } from "./local-plans";
import { taskCount } from "./mapping";
import { applyToNote } from "./note-edits";
import type { PageLike } from "./notion-ops";
import { writeBody } from "./body-phase";
import { planBlockSweeps } from "./block-comments";
import { syncComments } from "./comments-phase";
import { createPlanPage, settlePlanPages, writePlanPage, type PlanPageContext, type PlanPageResult } from "./plan-writer";
import { plainNoteWarnings } from "./plain-notes";
import { normalizeId, resolvePropertyNames } from "./properties";
import { readRemote, type RemoteIndex } from "./remote-index";
import { effectiveNames, repairSchema } from "./schema-repair";
import { openSession, type Session } from "./session";
import { prepareDatabases, type Databases } from "./setup-phase";
import { emptyState } from "./sync-state";
import { settleTaskPages, writeTaskPages } from "./task-writer";
import { writeTombstones } from "./tombstones";
import { checkToken } from "./token";
import { readMembers } from "./members";
import { noteStatus } from "./review-news";
import { planLabel, type SyncNote, type SyncOptions, type SyncReport } from "./sync-types";

type Effective = ReturnType<typeof effectiveNames>;

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

    // A plan Notion refuses (400) does not stop the others; anything else stops the sync. A refused
    // write may come from a property a person renamed, deleted or retyped in Notion: then every plan
    // would be refused the same way. The schema is read once (two requests); when it needed repairs,
    // they are made and the sync runs again with the repaired names (the answer then is that run's).
    const failed = new Set<LocalPlan>();
    let again: SyncReport | null = null;
    const attempt = async (plan: LocalPlan, step: () => Promise<void>): Promise<void> => {
      if (again !== null || failed.has(plan)) return;
      try {
        await step();
      } catch (error) {
        const e = explainError(error, { token: session.conn.token });
        if (e.kind !== "invalid") throw e;
        if (!session.dry && !repaired) {
          const fix = await repairSchema(session.ops, ds, { plans: pn, tasks: tn }, session.state.nameOverrides, session.state.propertyIds);
          if (fix.changed) {
            session.state.nameOverrides = fix.overrides;
            session.state.propertyIds = fix.ids;
            await session.save();
            await session.flush();
            const rerun = await runLocked(notes, options, true);
            const first = session.finish();
            again = { ...rerun, notes: [...first.notes.filter((n) => !rerun.notes.includes(n)), ...fix.notes, ...rerun.notes], created: rerun.created + first.created, updated: rerun.updated + first.updated, pulledBack: rerun.pulledBack + first.pulledBack, edits: [...first.edits, ...rerun.edits] };
            return;
          }
          repaired = true;
        }
        failed.add(plan);
        report.errors.push(`${planLabel(plan.plan, plan.note.path)}: ${e.message}`);
      }
    };

    // The stages run over all plans, so that the look-ups after creating (converge.ts) cover many
    // plans in one query: new plan pages, then every plan's properties and tasks, then the bodies.
    const ctxs = new Map<LocalPlan, PlanContext>();
    for (const plan of local.locals) ctxs.set(plan, planContext(session, plan, remote, effective));
    const newPlans = new Map<string, string>();
    for (const plan of local.locals) {
      const ctx = ctxs.get(plan);
      if (!ctx || session.state.plans[plan.key]) continue;
      await attempt(plan, async () => void newPlans.set(plan.key, await createPlanPage(session, plan, ctx.decision, planPageContext(ctx, ds, effective))));
    }
    if (again !== null) return again;
    const made = await settlePlanPages(session, newPlans, ds.plans, pn.key);
    const newTasks = new Map<string, string>();
    const pages = new Map<LocalPlan, PlanPageResult>();
    for (const plan of local.locals) {
      const ctx = ctxs.get(plan);
      if (ctx) await attempt(plan, async () => void pages.set(plan, await writePlanAndTasks(session, ctx, ds, effective, made.get(plan.key), newTasks)));
    }
    if (again !== null) return again;
    await settleTaskPages(session, newTasks, ds.tasks, tn.key);
    const written = local.locals.flatMap((plan) => {
      const page = pages.get(plan);
      return page ? [{ local: plan, entry: page.entry, page: ctxs.get(plan)?.planPage ?? null, fresh: page.fresh }] : [];
    });
    // Which plans' to-do blocks are read for comments whole this time: decided over all plans, for the budget.
    const sweeps = await planBlockSweeps(session, written);
    for (const plan of local.locals) {
      const ctx = ctxs.get(plan);
      const page = pages.get(plan);
      if (ctx && page) await attempt(plan, () => writeBodyAndComments(session, ctx, page, ds, effective, sweeps.has(plan.key)));
    }
    if (again !== null) return again;

    await writeTombstones(session, gone, { planTitle: pn.title, taskTitle: tn.title, plans: remote.plans, tasks: remote.tasks, byId: remote.byId });
    return session.finish();
  } catch (error) {
    throw explainError(error, { token: session.conn.token });
  }
}

/** What every stage of one plan reads: its note's plan, the pages the remote index found, the decision. */
interface PlanContext {
  local: LocalPlan;
  label: string;
  planPage: PageLike | null;
  taskPage: (taskKey: string) => PageLike | null;
  /** A task's page as the remote index read it by key (null: none, or made by this run). */
  indexedTask: (taskKey: string) => PageLike | null;
  decision: PlanDecision;
}

function planContext(session: Session, local: LocalPlan, remote: RemoteIndex, effective: Effective): PlanContext {
  const { key, plan, note } = local;
  const { plans: pn, tasks: tn } = effective.names;
  const state = session.state;
  const pageOf = (k: string, entry: { pageId: string } | undefined, map: ReadonlyMap<string, PageLike>): PageLike | null => map.get(k) ?? (entry ? (remote.byId.get(normalizeId(entry.pageId)) ?? null) : null);
  const planPage = pageOf(key, state.plans[key], remote.plans);
  const taskPage = (k: string): PageLike | null => pageOf(k, state.tasks[k], remote.tasks);
  // The decision is pure and made before anything of the plan is written.
  const decision = decidePlan(local, { planEntry: state.plans[key], planPage, taskEntry: (id) => state.tasks[`${key}/${id}`], taskPage: (id) => taskPage(`${key}/${id}`), names: { plans: pn, tasks: tn } });
  return { local, label: planLabel(plan, note.path), planPage, taskPage, indexedTask: (k) => remote.tasks.get(k) ?? null, decision };
}

function planPageContext(ctx: PlanContext, ds: Databases, effective: Effective): PlanPageContext {
  return { plansDs: ds.plans, names: effective.names.plans, skip: effective.skip.plans, label: ctx.label, remote: ctx.planPage };
}

/** One plan's note edits from Notion, its page's properties and its task pages. */
async function writePlanAndTasks(session: Session, ctx: PlanContext, ds: Databases, effective: Effective, made: { joined: boolean } | undefined, newTasks: Map<string, string>): Promise<PlanPageResult> {
  const { local, decision } = ctx;
  pushAll(session.report.conflicts, decision.conflicts);
  pushAll(session.report.notes, decision.notes);
  session.report.pulledBack += decision.pulledBack;
  // A review status that came back from Notion is news for the notice after the sync.
  if (decision.edit?.frontmatter?.["review-status"] !== undefined) noteStatus(session.report.reviews, local.plan.title ?? local.note.path, decision.reviewStatus);
  if (decision.edit) await applyToNote(session, local.key, decision.edit, decision);
  const page = await writePlanPage(session, local, decision, planPageContext(ctx, ds, effective), made);
  session.tick();
  await writeTaskPages(session, local, decision, { tasksDs: ds.tasks, names: effective.names.tasks, skip: effective.skip.tasks, label: ctx.label, planPageId: page.entry.pageId, remote: ctx.taskPage }, newTasks);
  return page;
}

/** One plan's body, then reviewers' comments (the pages exist now, and the note's other edits are written). */
async function writeBodyAndComments(session: Session, ctx: PlanContext, page: PlanPageResult, ds: Databases, effective: Effective, sweepBlocks: boolean): Promise<void> {
  const { local, decision, label } = ctx;
  const blocksBefore = new Set(Object.values(page.entry.todos).map((t) => normalizeId(t.blockId)));
  const bodyWritten = page.joined ? false : await writeBody(session, local, page.entry, { label, doneOf: decision.doneOf, createdHere: page.createdHere, fresh: page.fresh, plansDs: ds.plans, keyProp: effective.names.plans.key });
  // To-do blocks the body write made are new: nobody can have commented on them yet.
  const newBlocks = new Set(Object.values(page.entry.todos).map((t) => normalizeId(t.blockId)).filter((id) => page.fresh || !blocksBefore.has(id)));
  await syncComments(session, local, { planPageId: page.entry.pageId, planFresh: page.fresh, taskPage: (id) => ctx.indexedTask(`${local.key}/${id}`), planPage: ctx.planPage, sweepBlocks, newBlocks });
  if (!page.fresh) {
    if (page.changed || bodyWritten) session.report.updated++;
    else session.report.unchanged++;
  }
}
