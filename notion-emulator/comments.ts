/**
 * Comments and discussions, as Notion keeps them: a discussion is a thread on a page (page-level)
 * or on one block of a page body; every comment belongs to one discussion. A person resolves a
 * discussion in Notion's UI (the API cannot), and from then on `comments.list` leaves it out.
 * Workspace members have names, so a comment answers with its author's `display_name`.
 */
import type { RichTextItem } from "./rich-text";

export interface StoredComment {
  id: string;
  discussionId: string;
  /** The page the discussion is on, or the block it is anchored to. */
  anchor: { kind: "page"; pageId: string } | { kind: "block"; blockId: string };
  richText: RichTextItem[];
  createdBy: string;
  createdTime: number;
}

export class CommentBook {
  /** In creation order. */
  readonly all: StoredComment[] = [];
  readonly resolved = new Set<string>();
  /** Workspace members by user id: the person's name (the integration's bot is among them). */
  readonly userNames = new Map<string, string>();

  discussionExists(id: string): boolean {
    return this.all.some((c) => c.discussionId === id);
  }

  /** The anchor of a discussion (that of its first comment). */
  anchorOf(discussionId: string): StoredComment["anchor"] | undefined {
    return this.all.find((c) => c.discussionId === discussionId)?.anchor;
  }

  /** Open comments on a page (page-level only, as Notion lists them by page id) or on a block. */
  openOn(targetId: string): StoredComment[] {
    return this.all.filter((c) => !this.resolved.has(c.discussionId) && (c.anchor.kind === "page" ? c.anchor.pageId : c.anchor.blockId) === targetId);
  }
}
