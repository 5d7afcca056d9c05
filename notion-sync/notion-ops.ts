/**
 * The requests the mirror makes, each through the retry policy. Writes that are not idempotent
 * carry a check: a page create looks its 同步键 up, a block append lists the parent's children,
 * before it is sent again.
 */
import type { Client } from "@notionhq/client";
import type { NotionConnection } from "./client";
import { explainError, statusOf, type ErrorContext } from "./errors";
import { withRetry, type RetryOptions } from "./retry";
import { richText } from "./rich-text";

/** A comment's text as written (its rich text joined), trimmed. */
export function commentText(c: CommentLike): string {
  return c.rich_text
    .map((r) => r.plain_text ?? "")
    .join("")
    .trim();
}

/** Ids compared without dashes or case, as Notion accepts them either way. */
export function sameDiscussion(a: string, b: string): boolean {
  return a.replace(/-/g, "").toLowerCase() === b.replace(/-/g, "").toLowerCase();
}

/** A comment as comments.list answers it (the fields we read). */
export interface CommentLike {
  id: string;
  discussion_id: string;
  created_time: string;
  rich_text: Array<{ plain_text?: string }>;
  display_name?: { type?: string; resolved_name?: string | null };
}

/** A page as a query or create returns it (the fields we read). */
export interface PageLike {
  id: string;
  last_edited_time?: string;
  last_edited_by?: { id: string };
  created_by?: { id: string };
  in_trash?: boolean;
  archived?: boolean;
  properties: Record<string, unknown>;
}

export interface BlockLike {
  id: string;
  type: string;
  has_children?: boolean;
}

type QueryArgs = Parameters<Client["dataSources"]["query"]>[0];
type CreatePageArgs = Parameters<Client["pages"]["create"]>[0];
type UpdatePageArgs = Parameters<Client["pages"]["update"]>[0];
type AppendArgs = Parameters<Client["blocks"]["children"]["append"]>[0];

/** Property name → a short text of the value sent (for naming the field of a 400). */
function fieldTexts(properties: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    const v = value as Record<string, unknown>;
    const sel = v["select"] as { name?: unknown } | null | undefined;
    if (sel && typeof sel.name === "string") out[name] = sel.name;
    else if (typeof v["number"] === "number") out[name] = String(v["number"]);
    else out[name] = "";
  }
  return out;
}

export class NotionOps {
  readonly client: Client;
  readonly retry: RetryOptions;

  constructor(
    readonly connection: NotionConnection,
    retry: Partial<RetryOptions> = {},
  ) {
    this.client = connection.client;
    this.retry = { clock: connection.clock, limiter: connection.limiter, ...retry };
  }

  /** Runs a request under the policy; failures become SyncErrors that name what they were for. */
  async run<T>(context: ErrorContext, op: () => Promise<T>, verify?: () => Promise<T | undefined>): Promise<T> {
    try {
      return await withRetry(op, this.retry, verify ? { verify } : {});
    } catch (error) {
      throw explainError(error, { ...context, token: this.connection.token });
    }
  }

  /** Every page of a data source (cursors followed), optionally filtered. */
  async queryAll(dataSourceId: string, filter?: QueryArgs["filter"]): Promise<PageLike[]> {
    return (await this.queryComplete(dataSourceId, filter)).pages;
  }

  /**
   * The pages of a query and whether Notion returned all of them: one query stops at 10,000
   * results (per filter and sort) with `request_status` incomplete, and following the cursor
   * cannot reach the rest. A caller that must see every page narrows its filter instead.
   */
  async queryComplete(dataSourceId: string, filter?: QueryArgs["filter"]): Promise<{ pages: PageLike[]; complete: boolean }> {
    const out: PageLike[] = [];
    let complete = true;
    let cursor: string | undefined;
    do {
      const args: QueryArgs = { data_source_id: dataSourceId, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}), ...(filter ? { filter } : {}) };
      const res = await this.run({ id: dataSourceId, what: "查询数据库 / querying the database" }, () => this.client.dataSources.query(args));
      for (const r of res.results) if (r.object === "page" && "properties" in r) out.push(r);
      if (res.request_status?.type === "incomplete") complete = false;
      cursor = res.has_more && res.next_cursor ? res.next_cursor : undefined;
    } while (cursor);
    return { pages: out, complete };
  }

  async findByKey(dataSourceId: string, keyProperty: string, key: string): Promise<PageLike | null> {
    const pages = await this.queryAll(dataSourceId, { property: keyProperty, rich_text: { equals: key } });
    return pages.find((p) => !p.in_trash && !p.archived) ?? null;
  }

  /** Creates a page; after a failure, sends it again only when 同步键 shows it was not made. */
  async createPage(dataSourceId: string, properties: Record<string, unknown>, keyProperty: string, key: string, what: string): Promise<PageLike> {
    const args = { parent: { type: "data_source_id", data_source_id: dataSourceId }, properties } as unknown as CreatePageArgs;
    return this.run(
      { what, id: dataSourceId, fields: fieldTexts(properties) },
      async () => (await this.client.pages.create(args)) as unknown as PageLike,
      async () => {
        // Notion's query index can lag a just-made page by a moment: look twice before sending again.
        const found = await this.findByKey(dataSourceId, keyProperty, key);
        if (found) return found;
        await this.connection.clock.sleep(2000);
        return (await this.findByKey(dataSourceId, keyProperty, key)) ?? undefined;
      },
    );
  }

  async updatePage(pageId: string, properties: Record<string, unknown>, what: string): Promise<PageLike> {
    const args = { page_id: pageId, properties } as unknown as UpdatePageArgs;
    return this.run({ what, id: pageId, fields: fieldTexts(properties) }, async () => (await this.client.pages.update(args)) as unknown as PageLike);
  }

  /** A page as Notion holds it now (in the trash or not). */
  async retrievePage(pageId: string, what: string): Promise<PageLike> {
    return this.run({ what, id: pageId }, async () => (await this.client.pages.retrieve({ page_id: pageId })) as unknown as PageLike);
  }

  async trashPage(pageId: string, what: string): Promise<void> {
    await this.run({ what, id: pageId }, () => this.client.pages.update({ page_id: pageId, in_trash: true }));
  }

  /** The un-resolved comments of a page (page-level) or a block, cursors followed; `reads` counts the requests. */
  async listComments(blockId: string, onRead: () => void): Promise<CommentLike[]> {
    const out: CommentLike[] = [];
    let cursor: string | undefined;
    do {
      onRead();
      const res = await this.run({ id: blockId, what: "读取评论 / reading comments" }, () => this.client.comments.list({ block_id: blockId, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }));
      for (const r of res.results) out.push(r);
      cursor = res.has_more && res.next_cursor ? res.next_cursor : undefined;
    } while (cursor);
    return out;
  }

  /**
   * Posts a reply in a discussion. A comment is not idempotent: after a lost answer the discussion
   * (on `pageId`) is read for the same text before the reply is sent again.
   */
  async postReply(discussionId: string, text: string, pageId: string, onRead: () => void): Promise<CommentLike> {
    const what = "发送回复 / posting a reply";
    return this.run(
      { what, id: discussionId },
      async () => (await this.client.comments.create({ discussion_id: discussionId, rich_text: richText(text) })) as unknown as CommentLike,
      async () => (await this.listComments(pageId, onRead)).find((c) => sameDiscussion(c.discussion_id, discussionId) && commentText(c) === text.trim()),
    );
  }

  async listChildren(blockId: string): Promise<BlockLike[]> {
    const out: BlockLike[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.run({ id: blockId, what: "读取页面内容 / reading page content" }, () =>
        this.client.blocks.children.list({ block_id: blockId, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }),
      );
      for (const r of res.results) out.push(r as unknown as BlockLike);
      cursor = res.has_more && res.next_cursor ? res.next_cursor : undefined;
    } while (cursor);
    return out;
  }

  /** Deletes a block; one already gone (a retry after a lost answer) counts as deleted. */
  async deleteBlock(blockId: string, what: string): Promise<void> {
    let attempted = false;
    await this.run({ what, id: blockId }, async () => {
      try {
        await this.client.blocks.delete({ block_id: blockId });
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || (attempted && status === 400)) return;
        attempted = true;
        throw error;
      }
    });
  }

  /**
   * Appends children to a block: at the end, or after the child `after` (null: at the start).
   * `at` is the index the first new child will have and `before` how many children the parent has
   * now. After a failure it lists the parent: when the blocks are there, their ids are taken
   * instead of appending them twice.
   */
  async append(parentId: string, children: Array<Record<string, unknown>>, place: { at: number; before: number; after?: string | null }, what: string): Promise<string[]> {
    const position = place.after === undefined ? {} : place.after === null ? { position: { type: "start" } } : { position: { type: "after_block", after_block: { id: place.after } } };
    const args = { block_id: parentId, children, ...position } as unknown as AppendArgs;
    return this.run(
      { what, id: parentId },
      async () => {
        const res = await this.client.blocks.children.append(args);
        const ids = res.results.map((r) => r.id);
        // Notion answers with the new children; a server answering with all of them is read by position.
        return ids.length === children.length ? ids : ids.slice(place.at, place.at + children.length);
      },
      async () => {
        const now = await this.listChildren(parentId);
        if (now.length >= place.before + children.length) return now.slice(place.at, place.at + children.length).map((b) => b.id);
        return undefined;
      },
    );
  }

  /** Sets a to-do's tick, and its words when given. */
  async setTodo(blockId: string, checked: boolean, richText: unknown[] | null, what: string): Promise<void> {
    const to_do = richText ? { checked, rich_text: richText } : { checked };
    await this.run({ what, id: blockId }, () => this.client.blocks.update({ block_id: blockId, to_do } as Parameters<Client["blocks"]["update"]>[0]));
  }
}
