/**
 * The plan page of one plan: created with its properties (the body follows), or updated where its
 * properties differ from what Notion holds; a page deleted for good gets a new one; two syncs that
 * created it at once keep one.
 */
import { pagesByKey, settleDuplicates } from "./converge";
import type { PlanDecision } from "./decide";
import type { LocalPlan } from "./local-plans";
import { planProperties } from "./mapping";
import type { PageLike } from "./notion-ops";
import { stamped, updateOrRevive, trashDuplicate } from "./page-writes";
import { changedProperties, type PlanPropertyNames, type PropValue } from "./properties";
import { withoutSkipped } from "./schema-repair";
import type { Session } from "./session";
import type { PlanEntry } from "./sync-state";

export interface PlanPageResult {
  entry: PlanEntry;
  /** The page was made by this run (or made again): its body is empty. */
  fresh: boolean;
  /** This run made the page, then found another sync's page under the key and kept that one. */
  joined: boolean;
  createdHere: boolean;
  /** Its properties were written. */
  changed: boolean;
}

export interface PlanPageContext {
  plansDs: string;
  names: PlanPropertyNames;
  skip: ReadonlySet<string>;
  label: string;
  remote: PageLike | null;
}

export async function writePlanPage(session: Session, local: LocalPlan, decision: PlanDecision, ctx: PlanPageContext): Promise<PlanPageResult> {
  const { key, plan, note } = local;
  const { writer, state } = session;
  const props = withoutSkipped(planProperties(ctx.names, { plan, key, path: note.path, reviewStatus: decision.reviewStatus, reviewComment: decision.reviewComment }), ctx.skip);
  const existing = state.plans[key];
  if (!existing) {
    // Pages are created with properties only, so a new page (or one a lost answer made) has no body yet.
    const page = await writer.create(ctx.plansDs, stamped(session, props, ctx.names.syncedBy, ctx.skip), ctx.names.key, key, ctx.label);
    const entry: PlanEntry = { pageId: page.id, path: note.path, bodyHash: null, todos: {}, reviewStatus: decision.reviewStatus, reviewComment: decision.reviewComment };
    state.plans[key] = entry;
    session.report.created++;
    await session.save();
    // Another sync may have made this plan's page at the same moment: one of the two stays.
    const kept = session.dry ? page.id : ((await settleDuplicates(await pagesByKey(session.ops, ctx.plansDs, ctx.names.key, key, "equals"), new Map([[key, page.id]]), (id, k) => trashDuplicate(session, id, k))).get(key) ?? page.id);
    if (kept === page.id) return { entry, fresh: true, joined: false, createdHere: true, changed: false };
    // Its body is the other sync's to write now; ours is written on the next run if it differs.
    entry.pageId = kept;
    await session.save();
    return { entry, fresh: false, joined: true, createdHere: true, changed: false };
  }
  const entry = existing;
  let fresh = false;
  let changed = false;
  if (entry.gone === "trashed") await writer.trash(entry.pageId, false, ctx.label);
  const changes = changedProperties(props, ctx.remote ? ctx.remote.properties : null);
  if (Object.keys(changes).length > 0 || entry.gone) {
    const stamp = (p: Record<string, PropValue>): Record<string, PropValue> => stamped(session, p, ctx.names.syncedBy, ctx.skip);
    if ((await updateOrRevive(session, entry.pageId, stamp(entry.gone ? props : changes), stamp(props), ctx.label)) === "missing") {
      // The page is gone from Notion for good (deleted from the trash): it gets a new one.
      const page = await writer.create(ctx.plansDs, stamp(props), ctx.names.key, key, ctx.label);
      Object.assign(entry, { pageId: page.id, bodyHash: null, todos: {}, blocks: undefined });
      fresh = true;
      session.report.created++;
    }
    changed = true;
  }
  const dirty = entry.path !== note.path || entry.reviewStatus !== decision.reviewStatus || entry.reviewComment !== decision.reviewComment || entry.gone !== undefined || entry.adopted === true;
  entry.path = note.path;
  entry.reviewStatus = decision.reviewStatus;
  entry.reviewComment = decision.reviewComment;
  delete entry.gone;
  delete entry.adopted;
  if (changed || dirty) await session.save();
  return { entry, fresh, joined: false, createdHere: false, changed };
}
