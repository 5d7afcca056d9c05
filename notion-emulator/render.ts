/**
 * Turns stored objects into the JSON Notion answers with (pages, databases, data sources, views).
 * Timestamps are rounded down to the minute by default, because Notion's are.
 */
import { renderSchema } from "./property-schema";
import { cloneValue, renderValue, valueOn } from "./property-values";
import type { Store, StoredDatabase, StoredDataSource, StoredPage, StoredView } from "./store";

/** An object's url as Notion gives it: the title as a slug, then the id without dashes. */
export function pageUrl(id: string, title = ""): string {
  const slug = title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  return `https://www.notion.so/${slug ? `${slug}-` : ""}${id.replace(/-/g, "")}`;
}

export class Renderer {
  constructor(
    private readonly store: Store,
    private readonly precision: "minute" | "ms",
  ) {}

  iso = (ms: number): string => {
    const t = this.precision === "minute" ? Math.floor(ms / 60_000) * 60_000 : ms;
    return new Date(t).toISOString();
  };

  url(id: string, title = ""): string {
    return pageUrl(id, title);
  }

  private user(id: string): Record<string, unknown> {
    return { object: "user", id };
  }

  page(page: StoredPage): Record<string, unknown> {
    const store = this.store;
    const properties: Record<string, unknown> = {};
    let parent: Record<string, unknown>;
    let title = "";
    if (page.parent.kind === "data_source") {
      const ds = store.dataSources.get(page.parent.dataSourceId);
      parent = { type: "data_source_id", data_source_id: page.parent.dataSourceId, database_id: ds?.databaseId ?? null };
      for (const schema of ds?.properties.values() ?? []) {
        const value = valueOn(page.values, schema);
        properties[schema.name] = renderValue(schema, value);
        if (schema.type === "title") title = textOf(value);
      }
    } else {
      parent = page.parent.kind === "page" ? { type: "page_id", page_id: page.parent.pageId } : { type: "workspace", workspace: true };
      const value = page.values.get("title") ?? [];
      properties.title = { id: "title", type: "title", title: cloneValue(value) };
      title = textOf(value);
    }
    return {
      object: "page",
      id: page.id,
      created_time: this.iso(page.createdTime),
      last_edited_time: this.iso(page.lastEditedTime),
      created_by: this.user(store.botUserId),
      last_edited_by: this.user(page.lastEditedBy),
      cover: cloneValue(page.cover ?? null),
      icon: cloneValue(page.icon ?? null),
      parent,
      archived: page.inTrash,
      in_trash: page.inTrash,
      is_locked: false,
      properties,
      url: this.url(page.id, title),
      public_url: null,
    };
  }

  database(db: StoredDatabase): Record<string, unknown> {
    return {
      object: "database",
      id: db.id,
      title: cloneValue(db.title),
      description: cloneValue(db.description),
      parent: { type: "page_id", page_id: db.parentPageId },
      is_inline: db.isInline,
      in_trash: db.inTrash,
      archived: db.inTrash,
      is_locked: false,
      created_time: this.iso(db.createdTime),
      last_edited_time: this.iso(db.lastEditedTime),
      data_sources: db.dataSourceIds.map((id) => ({ id, name: textOf(this.store.dataSources.get(id)?.title ?? []) })),
      icon: cloneValue(db.icon ?? null),
      cover: cloneValue(db.cover ?? null),
      url: this.url(db.id, textOf(db.title)),
      public_url: null,
    };
  }

  dataSource(ds: StoredDataSource): Record<string, unknown> {
    const db = this.store.databases.get(ds.databaseId);
    const properties: Record<string, unknown> = {};
    for (const schema of ds.properties.values()) properties[schema.name] = renderSchema(this.store, schema);
    return {
      object: "data_source",
      id: ds.id,
      created_time: this.iso(ds.createdTime),
      last_edited_time: this.iso(ds.lastEditedTime),
      created_by: this.user(this.store.botUserId),
      last_edited_by: this.user(this.store.botUserId),
      title: cloneValue(ds.title),
      description: [],
      properties,
      parent: { type: "database_id", database_id: ds.databaseId },
      database_parent: { type: "page_id", page_id: db?.parentPageId ?? null },
      is_inline: db?.isInline ?? false,
      archived: ds.inTrash,
      in_trash: ds.inTrash,
      icon: null,
      cover: null,
      url: this.url(ds.databaseId, textOf(ds.title)),
      public_url: null,
    };
  }

  view(view: StoredView): Record<string, unknown> {
    return {
      object: "view",
      id: view.id,
      parent: { type: "database_id", database_id: view.databaseId },
      name: view.name,
      type: view.type,
      created_time: this.iso(view.createdTime),
      last_edited_time: this.iso(view.lastEditedTime),
      url: `${this.url(view.databaseId)}?v=${view.id.replace(/-/g, "")}`,
      data_source_id: view.dataSourceId,
      created_by: this.user(this.store.botUserId),
      last_edited_by: this.user(this.store.botUserId),
      filter: cloneValue(view.filter ?? null),
      sorts: cloneValue(view.sorts ?? null),
      configuration: cloneValue(view.configuration),
    };
  }

  /** Notion's list envelope. */
  list(results: unknown[], nextCursor: string | null, type: string): Record<string, unknown> {
    return { object: "list", results, next_cursor: nextCursor, has_more: nextCursor !== null, type, [type]: {} };
  }
}

function textOf(value: unknown): string {
  return Array.isArray(value) ? value.map((item) => (item as { plain_text?: string }).plain_text ?? "").join("") : "";
}
