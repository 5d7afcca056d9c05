/**
 * The emulator's public interface: what the sync engine's tests, the bench and `npm start` hold.
 * Kept stable; new things are added, nothing is renamed.
 */
import type { Clock } from "../notion-sync/clock";
import type { Capabilities } from "./capabilities";
import type { PersonCommentOptions } from "./person-comments";
import type { WorkspaceSnapshot } from "./snapshot";
import type {
  EmulatorCounters,
  FaultController,
  ListeningServer,
  PlainBlock,
  PlainComment,
  PlainDataSource,
  PlainPage,
  PlainValue,
  PlainView,
  RateLimitOptions,
  RequestLogEntry,
} from "./types";

/** The WHATWG fetch signature; `new Client({ auth, fetch: emulator.fetch })` accepts it. */
export type EmulatorFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface NotionEmulator {
  /** In-process transport: same signature as global fetch; any host is accepted, the path must start with /v1/. */
  readonly fetch: EmulatorFetch;
  /** A base url to give the client with `fetch` (the host is ignored): "https://api.notion.com". */
  readonly baseUrl: string;
  /** The token the emulator accepts. */
  readonly token: string;
  /** The emulator's clock (the mirror's limiter should run on the same one). */
  readonly clock: Clock;

  /** Starts an HTTP server on 127.0.0.1 (random port unless given) sharing this emulator's store. */
  listen(port?: number): Promise<ListeningServer>;
  /** Answers every hanging request (as if the caller gave up) and closes servers started by listen(). */
  close(): Promise<void>;

  // --- set-up ---------------------------------------------------------------------------------
  /**
   * A workspace page to create databases under. `shared: false` makes a page the integration cannot
   * see: every request naming it (or anything inside it) gets 404 object_not_found.
   */
  seedPage(options?: { title?: string; shared?: boolean }): string;
  /** Shares or un-shares a page (and what it contains) with the integration, as a person would. */
  setShared(pageId: string, shared: boolean): void;

  // --- a person working in Notion (not counted, not rate limited) ------------------------------
  /**
   * Changes properties of a page by name with plain values, as a person in Notion would: select
   * options are created when new, last_edited_time moves on. Throws on an unknown page or property.
   */
  editPage(pageId: string, properties: Record<string, PlainValue>, options?: { inTrash?: boolean }): void;

  /**
   * Changes a block in a page body as a person would (ticks a to-do, rewrites its text, deletes it).
   * Throws on an unknown block.
   */
  editBlock(blockId: string, changes: { text?: string; checked?: boolean; inTrash?: boolean }): void;

  /**
   * A reviewer's comment, as a person writes it in Notion: on a page (a page-level discussion) or on
   * a block, or a reply when `discussionId` is given; by `as` (a member's name, added when new).
   * Answers the discussion id. Moves the page's last_edited_time only with `touchesPage`.
   */
  comment(targetId: string, text: string, options?: PersonCommentOptions): string;
  /** Resolves a discussion, as a person does in Notion: comments.list leaves it out from then on. */
  resolveDiscussion(discussionId: string): void;
  /** Adds a workspace member by name (comments show it as their author); answers the user id. */
  addUser(name: string): string;

  // --- inspection ------------------------------------------------------------------------------
  /** Every request so far, in order. */
  readonly requestLog: readonly RequestLogEntry[];
  /** Totals since creation or the last resetCounters(). */
  readonly counters: Readonly<EmulatorCounters>;
  /** Zeroes the counters and empties the request log (the store is kept). */
  resetCounters(): void;
  /** Pages of a data source with plain values, in creation order. Trashed pages only when asked. */
  pages(dataSourceId: string, options?: { includeTrashed?: boolean }): PlainPage[];
  /** One page (any parent) in plain form, or undefined. */
  page(pageId: string): PlainPage | undefined;
  /** A page's body, depth first, without trashed blocks. */
  blocks(pageId: string): PlainBlock[];
  /** Every data source (shared or not). */
  dataSources(): PlainDataSource[];
  /** The data sources of a database, e.g. after `databases.create`. */
  dataSourcesOf(databaseId: string): PlainDataSource[];
  /** Every comment on a page (page-level) or a block, resolved ones too, in order. */
  comments(targetId: string): PlainComment[];
  /** Views created through POST /v1/views. */
  views(): PlainView[];
  /**
   * The whole workspace without ids or timestamps (relations as the related page's title, pages in
   * content order): two runs that did the same work give equal snapshots, so `toEqual` compares a
   * fault run with a fault-free one and shows any duplicate or lost page.
   */
  snapshot(): WorkspaceSnapshot;

  // --- run-time switches -----------------------------------------------------------------------
  readonly faults: FaultController;
  /** Changes the integration's capabilities, as its owner would on the integration's page. */
  setCapabilities(capabilities: Partial<Capabilities>): void;
  /** Replaces the limiter's settings (`false` switches it off); the bucket starts full. */
  setRateLimit(options: RateLimitOptions | false): void;
}
