/**
 * The plan page of one plan: created with its properties (the body follows), or updated where its
 * properties differ from what Notion holds; a page deleted for good gets a new one; two syncs that
 * created it at once keep one.
 */
import { pagesByKeys, settleDuplicates } from "./converge";
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

/**
 * The page of a plan the state does not know yet, made with its properties only (the body follows
 * once its tasks exist). Plans' pages are made before any plan's tasks, which point to them, so
 * that one look-up (settlePlanPages) covers them all.
 */
const propsOf = (local: LocalPlan, decision: PlanDecision, ctx: PlanPageContext): Record<string, PropValue> =>
  withoutSkipped(planProperties(ctx.names, { plan: local.plan, key: local.key, path: local.note.path, reviewStatus: decision.reviewStatus, reviewComment: decision.reviewComment }), ctx.skip);

export async function createPlanPage(session: Session, local: LocalPlan, decision: PlanDecision, ctx: PlanPageContext): Promise<string> {
  const { key, note } = local;
  const props = propsOf(local, decision, ctx);
  const page = await session.writer.create(ctx.plansDs, stamped(session, props, ctx.names.syncedBy, ctx.skip), ctx.names.key, key, ctx.label);
  session.state.plans[key] = { pageId: page.id, path: note.path, bodyHash: null, todos: {}, reviewStatus: decision.reviewStatus, reviewComment: decision.reviewComment };
  // The page's creator is this integration: later edits by anyone else are a person's (block-comments.ts).
  if (session.state.botId === undefined && page.created_by?.id !== undefined) session.state.botId = page.created_by.id;
  session.report.created++;
  await session.save();
  return page.id;
}

/**
 * Another sync may have made a page under the same key at the same moment as createPlanPage: the
 * new plans' keys are looked up together (one query per 100 plans, not one each) and one page per
 * key stays (converge.ts). Answers, per key made here, whether another sync's page was kept
 * instead ("joined": its body is that sync's to write; ours is written on the next run if it differs).
 */
export async function settlePlanPages(session: Session, mine: ReadonlyMap<string, string>, plansDs: string, keyProp: string): Promise<Map<string, { joined: boolean }>> {
  const out = new Map<string, { joined: boolean }>();
  for (const key of mine.keys()) out.set(key, { joined: false });
  if (session.dry || mine.size === 0) return out;
  const kept = await settleDuplicates(await pagesByKeys(session.ops, plansDs, keyProp, [...mine.keys()], "equals"), mine, (id, k) => trashDuplicate(session, id, k));
  for (const [key, id] of kept) {
    const entry = session.state.plans[key];
    if (!entry || id === mine.get(key)) continue;
    entry.pageId = id;
    out.set(key, { joined: true });
    await session.save();
  }
  return out;
}

/**
 * The plan page of a plan the state knows: updated where its properties differ (brought back from
 * the trash, or made again when deleted for good). `made` is set for a page createPlanPages made.
 */
export async function writePlanPage(session: Session, local: LocalPlan, decision: PlanDecision, ctx: PlanPageContext, made?: { joined: boolean }): Promise<PlanPageResult> {
  const { key, note } = local;
  const { writer, state } = session;
  const entry = state.plans[key];
  if (!entry) throw new Error(`plan ${key}: its page is made by createPlanPage`);
  if (made) return { entry, fresh: !made.joined, joined: made.joined, createdHere: true, changed: false };
  const props = propsOf(local, decision, ctx);
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
