/**
 * Comments on single lines of a plan's 行事历: a reviewer selects a to-do in the plan page's body
 * and comments on it. Notion keeps such a discussion on the block, and `comments.list` with the
 * page's id does not return it: each to-do block is one request of its own. Time stamps do not help
 * either: Notion does not promise that adding a comment changes the block's (or the page's)
 * `last_edited_time`, so no time stamp can say which blocks have new comments.
 *
 * So the blocks are read by these rules, the cheapest that still brings every comment back:
 *   - a to-do block with an open discussion last time: every sync (one request each), so a reply
 *     in it and its resolving show at once, as for task pages;
 *   - every other to-do block of a plan, all at once (a sweep), when
 *       · `fullComments` asks for it, or
 *       · someone other than this integration edited the plan page since the last sweep (its
 *         `last_edited_time` moved and its `last_edited_by` is a person): a reviewer at work, who
 *         sets 需修改 and comments on lines in one visit; or
 *       · the last sweep is older than `blockCommentsHours` (default 24) of the sync's clock. These
 *         sweeps are spread: one sync makes at most as many of these block reads as it reads plan
 *         pages (the oldest sweeps first, at least one plan), so a vault of 50 plans does not pay
 *         1,000 reads in the first sync of a day;
 *   - never a block this run wrote (it cannot have comments yet).
 * An unchanged re-sync within the cadence therefore reads no block at all. Who "this integration"
 * is comes from the pages it creates (`created_by`), or once from `users.me`, kept in the state.
 */
import type { LocalPlan } from "./local-plans";
import { explainError } from "./errors";
import type { BlockLike, PageLike } from "./notion-ops";
import { mirroredTasks } from "./mapping";
import { normalizeId } from "./properties";
import type { Session } from "./session";
import type { PlanEntry } from "./sync-state";

export const BLOCK_SWEEP_HOURS = 24;

export type SweepReason = "full" | "edited" | "due";

/** One plan as the sweep choice sees it. */
export interface SweepCandidate {
  local: LocalPlan;
  entry: PlanEntry;
  /** The plan page as the remote index read it at the start of this run (null: made by this run). */
  page: PageLike | null;
  /** The page was made by this run: its blocks are all new. */
  fresh: boolean;
}

/** Whether the page moved since the last sweep by someone who is not `botId` (unknown editor: yes). */
export function editedByOthers(entry: PlanEntry, page: PageLike | null, botId: string | undefined): boolean {
  const edited = page?.last_edited_time;
  if (edited === undefined || edited === entry.blockSweep?.edited) return false;
  const by = page?.last_edited_by?.id;
  return by === undefined || botId === undefined || by.replace(/-/g, "") !== botId.replace(/-/g, "");
}

/** Why the plan's to-do blocks are due for a sweep, before the budget is applied (null: not due). */
export function sweepReason(c: SweepCandidate, now: number, everyMs: number, full: boolean, botId: string | undefined): SweepReason | null {
  if (c.fresh || Object.keys(c.entry.todos).length === 0) return null;
  if (full) return "full";
  if (editedByOthers(c.entry, c.page, botId)) return "edited";
  const at = c.entry.blockSweep?.at;
  return at === undefined || now - at >= everyMs ? "due" : null;
}

/**
 * The plans whose to-do blocks this sync reads whole. "full" and "edited" always; "due" ones oldest
 * first while their blocks fit in `budget` reads (a plan is read whole or not at all; the first due
 * plan always goes, whatever its size, so a large plan is not left behind for ever).
 */
export function chooseSweeps(due: ReadonlyArray<{ key: string; reason: SweepReason; at: number | undefined; blocks: number }>, budget: number): Set<string> {
  const chosen = new Set<string>();
  for (const d of due) if (d.reason !== "due") chosen.add(d.key);
  const waiting = due.filter((d) => d.reason === "due").sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity) || a.key.localeCompare(b.key));
  let spent = 0;
  for (const d of waiting) {
    if (spent > 0 && spent + d.blocks > budget) break;
    chosen.add(d.key);
    spent += d.blocks;
  }
  return chosen;
}

/** Where a discussion's comments are listed, and the task it is about (comments-phase's reading list). */
export interface BlockTarget {
  pageId: string;
  taskId?: string;
  taskText?: string;
}

/**
 * The plan body's to-do blocks, as the page holds them now (one read per 100 top-level blocks),
 * each with its task: by the task page its mention names, or by its words when to-dos carry
 * words. Read from the page rather than from the state: another member's sync may have written
 * the body again since, with new blocks.
 */
async function todoBlocks(session: Session, local: LocalPlan, planPageId: string): Promise<BlockTarget[]> {
  const byPage = new Map<string, { id: string; text: string }>();
  const byText = new Map<string, { id: string; text: string }>();
  for (const task of mirroredTasks(local.plan)) {
    const pageId = session.state.tasks[`${local.key}/${task.id}`]?.pageId;
    if (pageId !== undefined) byPage.set(normalizeId(pageId), task);
    if (!byText.has(task.text)) byText.set(task.text, task);
  }
  const out: BlockTarget[] = [];
  let blocks: BlockLike[];
  try {
    blocks = await session.ops.listChildren(planPageId);
  } catch (error) {
    // The plan page deleted in Notion meanwhile: it has no lines to read.
    if (explainError(error).status === 404) return [];
    throw error;
  }
  for (const block of blocks) {
    if (block.type !== "to_do") continue;
    const rich = (block as unknown as { to_do?: { rich_text?: Array<{ plain_text?: string; mention?: { page?: { id?: string } } }> } }).to_do?.rich_text ?? [];
    const mentioned = rich[0]?.mention?.page?.id;
    const task = mentioned !== undefined ? byPage.get(normalizeId(mentioned)) : byText.get(rich.map((r) => r.plain_text ?? "").join(""));
    if (task) out.push({ pageId: block.id, taskId: task.id, taskText: task.text });
  }
  return out;
}

/**
 * The to-do blocks whose comments this sync reads for one plan: those holding a discussion open
 * last time (every sync), and, in a sweep, every to-do block of the page; never a block this run
 * wrote, nor a place `already` lists.
 */
export async function blockTargets(session: Session, local: LocalPlan, entry: PlanEntry, ctx: { planPageId: string; sweep: boolean; newBlocks: ReadonlySet<string>; already: readonly BlockTarget[] }): Promise<BlockTarget[]> {
  const seen = new Set(ctx.already.map((t) => normalizeId(t.pageId)));
  const taskPages = new Set(Object.values(session.state.tasks).map((t) => normalizeId(t.pageId)));
  const textOf = new Map(mirroredTasks(local.plan).map((t) => [t.id, t.text]));
  const out: BlockTarget[] = [];
  const add = (t: BlockTarget): void => {
    const id = normalizeId(t.pageId);
    if (seen.has(id) || ctx.newBlocks.has(id)) return;
    seen.add(id);
    out.push(t);
  };
  // Open discussions on neither the plan page nor a task page are on to-do blocks.
  for (const d of entry.discussions ?? []) {
    if (d.taskId !== undefined && !taskPages.has(normalizeId(d.pageId)) && normalizeId(d.pageId) !== normalizeId(ctx.planPageId)) add({ pageId: d.pageId, taskId: d.taskId, taskText: textOf.get(d.taskId) ?? "" });
  }
  if (ctx.sweep) for (const t of await todoBlocks(session, local, ctx.planPageId)) add(t);
  return out;
}

/** This integration's user id: learnt from a page it created, or asked once (users.me). */
async function botIdOf(session: Session): Promise<string | undefined> {
  if (session.state.botId !== undefined) return session.state.botId;
  const me = await session.ops.run({ what: "读取集成身份 / reading the integration's identity" }, () => session.ops.client.users.me({}));
  session.state.botId = me.id;
  await session.save();
  return me.id;
}

/** The plans (by key) whose to-do blocks are read whole in this sync, by the rules above. */
export async function planBlockSweeps(session: Session, plans: readonly SweepCandidate[]): Promise<Set<string>> {
  if (session.dry || session.commentsRefused) return new Set();
  const now = session.conn.clock.now();
  const everyMs = (session.options.blockCommentsHours ?? BLOCK_SWEEP_HOURS) * 3_600_000;
  const full = session.options.fullComments === true;
  // The integration's id is needed only when a page moved: an unchanged re-sync asks nothing.
  const moved = plans.some((c) => !c.fresh && editedByOthers(c.entry, c.page, session.state.botId));
  const botId = moved ? await botIdOf(session) : session.state.botId;
  const due: Array<{ key: string; reason: SweepReason; at: number | undefined; blocks: number }> = [];
  for (const c of plans) {
    // A note holding several plans has no 审核意见 section (comments-phase): nothing to read for it.
    if (!c.local.ownsFrontmatter) continue;
    const reason = sweepReason(c, now, everyMs, full, botId);
    if (reason !== null) due.push({ key: c.local.key, reason, at: c.entry.blockSweep?.at, blocks: mirroredTasks(c.local.plan).length });
  }
  // As many block reads as plan pages read this sync (one each, those this run did not make).
  return chooseSweeps(due, plans.filter((c) => !c.fresh).length);
}
