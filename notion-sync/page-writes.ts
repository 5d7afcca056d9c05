/**
 * Writes to one page that every writer shares: an update that brings back a page a person moved to
 * Notion's trash, the trashing of a duplicate, and following a key to the page another sync kept.
 * They branch on HTTP status and on what a read of the page says, never on the words of a message.
 */
import { pagesByKey, survivorOf } from "./converge";
import { explainError } from "./errors";
import { normalizeId, type PropValue } from "./properties";
import type { Session } from "./session";
import type { PlanEntry } from "./sync-state";

/** Whether the page is in Notion's trash now (a 404 counts as not: it is gone, not trashed). */
export async function isInTrash(session: Session, pageId: string, what: string): Promise<boolean> {
  try {
    const page = await session.ops.retrievePage(pageId, what);
    return page.in_trash === true || page.archived === true;
  } catch (error) {
    if (explainError(error).status === 404) return false;
    throw error;
  }
}

/**
 * Updates a page. One a person moved to Notion's trash comes back (Obsidian owns the content: the
 * task still exists), keeping its id and comments; "missing" when it no longer exists at all.
 * Notion answers an edit of a trashed page with a 400; the page itself says whether that is why.
 */
export async function updateOrRevive(session: Session, pageId: string, changes: Record<string, PropValue>, all: Record<string, PropValue>, what: string): Promise<"ok" | "missing"> {
  try {
    await session.writer.update(pageId, changes, what);
    return "ok";
  } catch (error) {
    const e = explainError(error, { token: session.conn.token });
    if (e.status === 404) return "missing";
    if (e.status === 400 && !session.dry && (await isInTrash(session, pageId, what))) {
      await session.writer.trash(pageId, false, what);
      await session.writer.update(pageId, all, what);
      return "ok";
    }
    throw error;
  }
}

export async function trashDuplicate(session: Session, pageId: string, key: string): Promise<void> {
  await session.writer.trash(pageId, true, `重复页面 / duplicate page ${key}`);
}

/** Points a plan entry at the live page holding its key when that is not ours; whether it did. */
export async function followSurvivor(session: Session, plansDs: string, keyProp: string, key: string, entry: PlanEntry): Promise<boolean> {
  const survivor = survivorOf((await pagesByKey(session.ops, plansDs, keyProp, key, "equals")).get(key) ?? []);
  if (!survivor || normalizeId(survivor.id) === normalizeId(entry.pageId)) return false;
  Object.assign(entry, { pageId: survivor.id, bodyHash: null, todos: {}, blocks: undefined });
  await session.save();
  return true;
}

/**
 * A page's values with 同步人 (who ran this sync: --as NAME, or the name in the settings) added, for
 * the writes this sync makes anyway; an unchanged page is never written only to record it.
 */
export function stamped(session: Session, props: Record<string, PropValue>, name: string, skip: ReadonlySet<string>): Record<string, PropValue> {
  const by = session.options.syncedBy?.trim();
  if (!by || skip.has(name)) return props;
  return { ...props, [name]: { type: "rich_text", text: by } };
}
