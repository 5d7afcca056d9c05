/**
 * A reviewer in Notion: comments written and discussions resolved without a request (not counted,
 * not rate limited), by a named workspace member. Notion does not document whether a comment
 * moves the page's last_edited_time; by default it does not here (the case a mirror must survive),
 * and `touchesPage` lets a test say it did.
 */
import { plainText, richTextFromPlain } from "./rich-text";
import { canonical, type Store } from "./store";
import type { StoredComment } from "./comments";
import type { PlainComment } from "./types";

/** A workspace member by name (listed by users.list, usable in people properties); added when new. */
export function addMember(store: Store, name: string): string {
  return store.members.find((m) => m.name === name)?.id ?? store.addMember(name);
}

export interface PersonCommentOptions {
  /** The author's name (a workspace member, added when new). Default: the emulator's person, 审核人. */
  as?: string;
  /** Reply in this discussion instead of starting one on `targetId`. */
  discussionId?: string;
  /** The page's last_edited_time moves too (Notion does not document either way). */
  touchesPage?: boolean;
}

/** Starts a discussion on a page or a block (or replies in one); answers the discussion id. */
export function commentAsPerson(store: Store, targetId: string, text: string, options: PersonCommentOptions): string {
  const author = options.as === undefined ? store.personUserId : addMember(store, options.as);
  let anchor: StoredComment["anchor"];
  let discussionId: string;
  if (options.discussionId !== undefined) {
    discussionId = canonical(options.discussionId);
    const found = store.comments.anchorOf(discussionId);
    if (!found) throw new Error(`no discussion ${options.discussionId} in the emulator`);
    anchor = found;
  } else {
    const id = canonical(targetId);
    if (store.pages.has(id)) anchor = { kind: "page", pageId: id };
    else if (store.blocks.has(id)) anchor = { kind: "block", blockId: id };
    else throw new Error(`no page or block ${targetId} in the emulator`);
    discussionId = store.newId();
  }
  store.comments.all.push({ id: store.newId(), discussionId, anchor, richText: richTextFromPlain(text), createdBy: author, createdTime: store.now() });
  if (options.touchesPage === true) {
    const pageId = anchor.kind === "page" ? anchor.pageId : pageOfBlock(store, anchor.blockId);
    const page = pageId === undefined ? undefined : store.pages.get(pageId);
    if (page) {
      page.lastEditedTime = store.now();
      page.lastEditedBy = author;
    }
  }
  store.touch();
  return discussionId;
}

function pageOfBlock(store: Store, blockId: string): string | undefined {
  let current = blockId;
  for (let hops = 0; hops < 1000; hops++) {
    const block = store.blocks.get(current);
    if (!block) return store.pages.has(current) ? current : undefined;
    current = block.parentId;
  }
  return undefined;
}

export function resolveAsPerson(store: Store, discussionId: string): void {
  const id = canonical(discussionId);
  if (!store.comments.discussionExists(id)) throw new Error(`no discussion ${discussionId} in the emulator`);
  store.comments.resolved.add(id);
  store.touch();
}

/** Every comment on a page or block (page-level for a page), resolved ones included, in order. */
export function plainComments(store: Store, targetId: string): PlainComment[] {
  const id = canonical(targetId);
  return store.comments.all
    .filter((c) => (c.anchor.kind === "page" ? c.anchor.pageId : c.anchor.blockId) === id)
    .map((c) => ({ id: c.id, discussionId: c.discussionId, author: store.comments.userNames.get(c.createdBy) ?? c.createdBy, text: plainText(c.richText), resolved: store.comments.resolved.has(c.discussionId), byIntegration: c.createdBy === store.botUserId }));
}
