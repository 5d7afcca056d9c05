/**
 * GET /v1/comments?block_id=… (the un-resolved comments of a page or a block, oldest first, with
 * cursors) and POST /v1/comments (a new page-level discussion with `parent.page_id`, or a reply
 * with `discussion_id`). The capability check (read / insert comments) runs in the pipeline.
 */
import type { StoredComment } from "../comments";
import { notFound, validationError } from "../errors";
import type { Renderer } from "../render";
import { parseRichText, shown } from "../rich-text";
import type { Store } from "../store";
import { canonical } from "../store";
import { ok, pageSize, paginate, requireRecord, visibleBlock, visiblePage, type Route } from "./context";

export function renderComment(store: Store, render: Renderer, c: StoredComment): Record<string, unknown> {
  const name = store.comments.userNames.get(c.createdBy) ?? null;
  return {
    object: "comment",
    id: c.id,
    parent: c.anchor.kind === "page" ? { type: "page_id", page_id: c.anchor.pageId } : { type: "block_id", block_id: c.anchor.blockId },
    discussion_id: c.discussionId,
    created_time: render.iso(c.createdTime),
    last_edited_time: render.iso(c.createdTime),
    created_by: { object: "user", id: c.createdBy },
    rich_text: structuredClone(c.richText),
    display_name: { type: c.createdBy === store.botUserId ? "integration" : "user", resolved_name: name },
  };
}

/** The page or block a comment list or a new discussion names: 404 when it is not shared. */
function anchorOf(store: Store, id: string): StoredComment["anchor"] {
  if (store.pages.has(canonical(id))) return { kind: "page", pageId: visiblePage(store, id).id };
  return { kind: "block", blockId: visibleBlock(store, id).id };
}

export const commentRoutes: Route[] = [
  {
    method: "GET",
    pattern: "comments",
    handler: ({ store, render }, { query }) => {
      const blockId = query.get("block_id");
      if (blockId === null || blockId === "") throw validationError("body failed validation: query.block_id should be defined, instead was `undefined`.");
      const anchor = anchorOf(store, blockId);
      const target = anchor.kind === "page" ? anchor.pageId : anchor.blockId;
      const size = pageSize(query.get("page_size") ?? undefined, "query");
      const { page, next } = paginate(store.comments.openOn(target), (c) => c.id, query.get("start_cursor") ?? undefined, size);
      return ok({ object: "list", results: page.map((c) => renderComment(store, render, c)), next_cursor: next, has_more: next !== null, type: "comment", comment: {} });
    },
  },
  {
    method: "POST",
    pattern: "comments",
    handler: ({ store, render }, { body }) => {
      const hasParent = body.parent !== undefined;
      const hasDiscussion = body.discussion_id !== undefined;
      if (hasParent === hasDiscussion) throw validationError("body failed validation: exactly one of body.parent or body.discussion_id should be defined.");
      if (body.markdown !== undefined) throw validationError("body.markdown is not emulated: send the comment as `rich_text`.");
      const richText = parseRichText(body.rich_text, "body.rich_text");
      if (richText.length === 0) throw validationError("body failed validation: body.rich_text should not be empty.");
      let discussionId: string;
      let anchor: StoredComment["anchor"];
      if (hasParent) {
        const parent = requireRecord(body.parent, "body.parent");
        if (typeof parent.page_id !== "string") throw validationError(`body failed validation: body.parent.page_id should be a string, instead was \`${shown(parent.page_id)}\`.`);
        anchor = { kind: "page", pageId: visiblePage(store, parent.page_id).id };
        discussionId = store.newId();
      } else {
        if (typeof body.discussion_id !== "string") throw validationError(`body failed validation: body.discussion_id should be a string, instead was \`${shown(body.discussion_id)}\`.`);
        discussionId = canonical(body.discussion_id);
        const found = store.comments.anchorOf(discussionId);
        if (!found || !store.isVisible(found.kind === "page" ? found.pageId : found.blockId)) throw notFound("discussion", body.discussion_id);
        anchor = found;
      }
      const comment: StoredComment = { id: store.newId(), discussionId, anchor, richText, createdBy: store.botUserId, createdTime: store.now() };
      store.comments.all.push(comment);
      store.touch();
      return ok(renderComment(store, render, comment));
    },
  },
];
