/**
 * Plans and tasks deleted in Obsidian: their pages are marked in the title (〔已在 Obsidian 删除〕),
 * or moved to Notion's trash when the settings allow it. Never deleted for good: a reviewer's
 * comments on the page stay readable.
 */
import type { Gone } from "./local-plans";
import { DELETED_MARK } from "./mapping";
import type { PageLike } from "./notion-ops";
import { fromNotion, normalizeId } from "./properties";
import type { Session } from "./session";
import type { PlanEntry, TaskEntry } from "./sync-state";

export interface TombstoneContext {
  planTitle: string;
  taskTitle: string;
  plans: ReadonlyMap<string, PageLike>;
  tasks: ReadonlyMap<string, PageLike>;
  byId: ReadonlyMap<string, PageLike>;
}

async function markGone(session: Session, entry: PlanEntry | TaskEntry, titleProp: string, page: PageLike | null, what: string): Promise<void> {
  if (session.options.trashOnDelete) {
    await session.writer.trash(entry.pageId, true, what);
    entry.gone = "trashed";
  } else {
    const title = page ? fromNotion(page.properties[titleProp], "title") : null;
    const text = title && title.type === "title" ? title.text : "";
    if (!text.startsWith(DELETED_MARK)) await session.writer.update(entry.pageId, { [titleProp]: { type: "title", text: `${DELETED_MARK}${text}` } }, what);
    entry.gone = "marked";
  }
  session.report.trashed++;
  await session.save();
  session.tick();
}

export async function writeTombstones(session: Session, gone: Gone, ctx: TombstoneContext): Promise<void> {
  const pageOf = (map: ReadonlyMap<string, PageLike>, key: string, entry: { pageId: string }): PageLike | null => map.get(key) ?? ctx.byId.get(normalizeId(entry.pageId)) ?? null;
  for (const [key, entry] of gone.tasks) await markGone(session, entry, ctx.taskTitle, pageOf(ctx.tasks, key, entry), `已删除的任务 / deleted task ${key}`);
  for (const [key, entry] of gone.plans) await markGone(session, entry, ctx.planTitle, pageOf(ctx.plans, key, entry), `已删除的计划 / deleted plan ${key}`);
}
