/**
 * The in-memory workspace: pages, databases, data sources, blocks and views, and who may see them.
 * It holds data in the shape Notion answers with (rich text complete, property values keyed by
 * property id) so rendering is a lookup, and it knows nothing about HTTP.
 *
 * Visibility: an integration sees what lives under a workspace page shared with it. Every object
 * walks up its parents to a workspace page; an unshared root hides the whole tree, and the routes
 * answer 404 exactly as for an id that does not exist.
 */
import type { Clock } from "../notion-sync/clock";
import { idGenerator, normalizeId, propertyIdGenerator } from "./random";
import { CommentBook } from "./comments";
import type { RichTextItem } from "./rich-text";

export type PropertyType = "title" | "rich_text" | "select" | "multi_select" | "checkbox" | "number" | "date" | "relation" | "people" | "url" | "email" | "phone_number";

export interface SelectOption {
  id: string;
  name: string;
  color: string;
  description: null;
}

export interface PropertySchema {
  id: string;
  name: string;
  type: PropertyType;
  description: string;
  /** select / multi_select */
  options?: SelectOption[];
  /** number */
  format?: string;
  /** relation: the target data source */
  relationDataSourceId?: string;
}

/** A property value in Notion's answered form for its type (rich text array, option, boolean …). */
export type StoredValue = unknown;

export type PageParent = { kind: "workspace"; shared: boolean } | { kind: "page"; pageId: string } | { kind: "data_source"; dataSourceId: string };

export interface StoredPage {
  id: string;
  seq: number;
  parent: PageParent;
  /** property id → value. A page outside a data source has only "title". */
  values: Map<string, StoredValue>;
  createdTime: number;
  lastEditedTime: number;
  lastEditedBy: string;
  inTrash: boolean;
  icon: unknown;
  cover: unknown;
}

export interface StoredDatabase {
  id: string;
  parentPageId: string;
  title: RichTextItem[];
  description: RichTextItem[];
  isInline: boolean;
  dataSourceIds: string[];
  createdTime: number;
  lastEditedTime: number;
  inTrash: boolean;
  icon: unknown;
  cover: unknown;
}

export interface StoredDataSource {
  id: string;
  databaseId: string;
  title: RichTextItem[];
  /** In creation order (Map keeps it). property id → schema. */
  properties: Map<string, PropertySchema>;
  createdTime: number;
  lastEditedTime: number;
  inTrash: boolean;
}

export interface StoredBlock {
  id: string;
  /** A page or a block. */
  parentId: string;
  type: string;
  /** The type's object (rich_text, checked, …) without children. */
  data: Record<string, unknown>;
  createdTime: number;
  lastEditedTime: number;
  inTrash: boolean;
}

export interface StoredView {
  id: string;
  databaseId: string;
  dataSourceId: string;
  name: string;
  type: string;
  configuration: Record<string, unknown> | null;
  filter: unknown;
  sorts: unknown;
  createdTime: number;
  lastEditedTime: number;
}

export type StoredObject =
  | { kind: "page"; page: StoredPage }
  | { kind: "database"; database: StoredDatabase }
  | { kind: "data_source"; dataSource: StoredDataSource }
  | { kind: "block"; block: StoredBlock }
  | { kind: "view"; view: StoredView };

export class Store {
  readonly pages = new Map<string, StoredPage>();
  readonly databases = new Map<string, StoredDatabase>();
  readonly dataSources = new Map<string, StoredDataSource>();
  readonly blocks = new Map<string, StoredBlock>();
  readonly views = new Map<string, StoredView>();
  /** Ordered child ids of a page or block: blocks, and pages / databases created inside a page. */
  readonly children = new Map<string, string[]>();
  /** Discussions and their comments on pages and blocks. */
  readonly comments = new CommentBook();

  readonly botUserId: string;
  readonly personUserId: string;
  /** Bumped by every change; the request pipeline compares it to tell a write. */
  version = 0;
  /** Most results one data source query returns before pagination stops (Notion: 10,000). */
  queryResultLimit = 10_000;

  private readonly nextId: () => string;
  readonly nextPropertyId: () => string;
  private pageSeq = 0;

  constructor(
    readonly clock: Clock,
    seed: number,
  ) {
    this.nextId = idGenerator(seed);
    this.nextPropertyId = propertyIdGenerator(seed);
    this.botUserId = this.nextId();
    this.personUserId = this.nextId();
    this.comments.userNames.set(this.botUserId, "union-plan");
    this.comments.userNames.set(this.personUserId, "审核人");
    this.members.push({ id: this.personUserId, name: "审核人" });
  }

  /** The workspace's people, in the order users.list answers them (the bot is listed after them). */
  readonly members: { id: string; name: string }[] = [];

  /** A person joins the workspace (a test's or the demo's set-up); returns their user id. */
  addMember(name: string): string {
    const id = this.nextId();
    this.members.push({ id, name });
    this.comments.userNames.set(id, name);
    return id;
  }

  isUser(id: string): boolean {
    const c = canonical(id);
    return c === this.botUserId || this.members.some((m) => m.id === c);
  }

  newId(): string {
    return this.nextId();
  }

  now(): number {
    return this.clock.now();
  }

  touch(): void {
    this.version++;
  }

  nextPageSeq(): number {
    return ++this.pageSeq;
  }

  /** Any object by id (dashes and case do not matter). Visibility is not checked here. */
  find(id: string): StoredObject | undefined {
    const key = canonical(id);
    const page = this.pages.get(key);
    if (page) return { kind: "page", page };
    const database = this.databases.get(key);
    if (database) return { kind: "database", database };
    const dataSource = this.dataSources.get(key);
    if (dataSource) return { kind: "data_source", dataSource };
    const block = this.blocks.get(key);
    if (block) return { kind: "block", block };
    const view = this.views.get(key);
    if (view) return { kind: "view", view };
    return undefined;
  }

  /** Whether the integration can see this object: its root workspace page is shared. */
  isVisible(id: string): boolean {
    let current = canonical(id);
    for (let hops = 0; hops < 10_000; hops++) {
      const object = this.find(current);
      if (!object) return false;
      switch (object.kind) {
        case "page": {
          const parent = object.page.parent;
          if (parent.kind === "workspace") return parent.shared;
          current = parent.kind === "page" ? parent.pageId : parent.dataSourceId;
          break;
        }
        case "database":
          current = object.database.parentPageId;
          break;
        case "data_source":
          current = object.dataSource.databaseId;
          break;
        case "block":
          current = object.block.parentId;
          break;
        case "view":
          current = object.view.databaseId;
          break;
      }
    }
    return false;
  }

  childIds(parentId: string): string[] {
    const key = canonical(parentId);
    let list = this.children.get(key);
    if (!list) {
      list = [];
      this.children.set(key, list);
    }
    return list;
  }

  /** The title property's id of a data source (there is exactly one). */
  titlePropertyId(dataSource: StoredDataSource): string {
    for (const schema of dataSource.properties.values()) if (schema.type === "title") return schema.id;
    return "title";
  }

  /** A property of a data source by name or by id, as Notion accepts both. */
  propertyByKey(dataSource: StoredDataSource, key: string): PropertySchema | undefined {
    const byId = dataSource.properties.get(key);
    if (byId) return byId;
    for (const schema of dataSource.properties.values()) if (schema.name === key) return schema;
    // Ids reach us url-encoded in filter_properties and decoded elsewhere: accept either.
    try {
      const decoded = decodeURIComponent(key);
      if (decoded !== key) return dataSource.properties.get(decoded);
    } catch {
      // not url-encoded
    }
    return undefined;
  }
}

/** The key the store files an id under: the dashed lower-case uuid. */
export function canonical(id: string): string {
  const n = normalizeId(id);
  if (!/^[0-9a-f]{32}$/.test(n)) return id;
  return `${n.slice(0, 8)}-${n.slice(8, 12)}-${n.slice(12, 16)}-${n.slice(16, 20)}-${n.slice(20)}`;
}
