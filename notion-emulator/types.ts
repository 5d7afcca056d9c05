/**
 * The public shapes of the Notion emulator: its options, its inspection records and the plain values
 * tests read and write. Kept apart from the implementation so the sync engine's tests can import
 * types without caring how the emulator is built.
 */
import type { Clock } from "../notion-sync/clock";
import type { Capabilities } from "./capabilities";

/** How a fault shows itself to the caller. */
export type FaultKind =
  /** An extra 429 rate_limited with Retry-After, on top of the real limiter. */
  | "429"
  /** 529 service_overload with Retry-After: Notion asks to slow down this way too. */
  | "529"
  /** 5xx answered before the request is applied (nothing changes). */
  | "500"
  | "502"
  | "503"
  | "504"
  /** The request hangs (nothing applied) until the caller's AbortSignal fires or `hangMs` passes (then 504). */
  | "timeout"
  /** The connection drops before the request is applied: fetch rejects with TypeError, as Node's fetch does. */
  | "reset"
  /** The request IS applied, then the answer is a 502: the caller cannot tell it took effect. */
  | "lost-502"
  /** The request IS applied, then the answer never comes (as "timeout"). */
  | "lost-hang"
  /** The request IS applied, then the connection drops (TypeError). */
  | "lost-reset"
  /** 403 restricted_resource before anything is applied (a capability taken away meanwhile). */
  | "403"
  /** 409 conflict_error before anything is applied (Notion's "data collision, try again"). */
  | "409";

/** The faults a retry can get past (the seeded fault runs draw from these). */
export const ALL_FAULT_KINDS: readonly FaultKind[] = ["429", "529", "500", "502", "503", "504", "timeout", "reset", "lost-502", "lost-hang", "lost-reset"];

/** Refusals Notion documents that a sync must handle without retrying blindly: 403, and 409 (retried). */
export const REFUSAL_FAULT_KINDS: readonly FaultKind[] = ["403", "409"];

/** Which requests a fault may hit. Absent fields match everything. */
export interface FaultScope {
  /** Upper-case HTTP methods, e.g. ["POST", "PATCH"]. */
  methods?: string[];
  /** Path prefixes ("/v1/pages") or patterns matched against the path (no query string). */
  paths?: (string | RegExp)[];
}

export interface FaultOptions extends FaultScope {
  /** Probability in [0, 1] that a request in scope fails. */
  rate: number;
  /** Kinds drawn from (uniformly). Default: every kind in ALL_FAULT_KINDS. */
  kinds?: FaultKind[];
  /** Seed of the fault sequence: the same seed and the same requests give the same faults. Default 1. */
  seed?: number;
  /** Emulated ms a hanging request waits when the caller never aborts (then answers 504). Default 300 000. */
  hangMs?: number;
  /** Start switched on (default true). */
  enabled?: boolean;
}

export interface RateLimitOptions {
  /** Average requests per second per token. Default 3 (Notion's documented limit). */
  ratePerSecond?: number;
  /** Requests that may arrive back to back before the average applies. Default 3. */
  burst?: number;
}

export interface NotionEmulatorOptions {
  /** The integration token the emulator accepts (Authorization: Bearer …). Default "secret_emulator". */
  token?: string;
  /** Emulated time: timestamps, the limiter, Retry-After and hangs. Default realClock. */
  clock?: Clock;
  /** The limiter; `false` switches it off. Default { ratePerSecond: 3, burst: 3 }. */
  rateLimit?: RateLimitOptions | false;
  /** Fault injection; off when absent. Can be changed later through `emulator.faults`. */
  faults?: FaultOptions;
  /** Seed for generated ids (uuid-shaped), so runs are reproducible. Default 1. */
  seed?: number;
  /**
   * Precision of created_time / last_edited_time. Notion rounds them down to the minute; keep that
   * (the default) so the mirror never relies on finer timestamps. "ms" is there for debugging.
   */
  timestampPrecision?: "minute" | "ms";
  /** Workspace name in users/me and page urls. */
  workspaceName?: string;
  /** The integration's capabilities (all by default); a request needing one it lacks gets 403. */
  capabilities?: Partial<Capabilities>;
  /**
   * Most results one data source query returns (Notion: 10,000 per query, per filter and sort).
   * Past it pagination stops with `request_status` incomplete. Tests lower it to stay small.
   */
  queryResultLimit?: number;
}

/** One request as the emulator saw it. Never holds the token or the body. */
export interface RequestLogEntry {
  /** 1, 2, 3 … in arrival order. */
  seq: number;
  /** Emulated ms at arrival. */
  time: number;
  method: string;
  /** Path without the query string, e.g. /v1/pages/…. */
  path: string;
  /** Status answered; 0 when the caller got no answer (hang aborted, connection reset). */
  status: number;
  /** The store changed because of this request (true also for a lost response). */
  wrote: boolean;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
  /** Notion's error code when the answer was an error. */
  code?: string;
}

export interface EmulatorCounters {
  /** Every request that reached the emulator. */
  requests: number;
  /** Requests that changed the store. */
  writes: number;
  /** Requests answered 429 (limiter or injected). */
  http429: number;
  /** Requests that got an injected fault. */
  faults: number;
  /** Requests by status ("200", "429", "0" for no answer). */
  byStatus: Record<string, number>;
}

/** A date property's value in plain form. */
export interface PlainDate {
  start: string;
  end: string | null;
}

/**
 * A property value the way a person reads it: text for title / rich_text, the option name for a
 * select, names for multi_select, page ids for a relation, null when empty.
 */
export type PlainValue = string | number | boolean | null | PlainDate | string[];

export interface PlainPage {
  id: string;
  /** Data source the page is in, or null for a page under a page or the workspace. */
  dataSourceId: string | null;
  /** Parent page id for pages under a page. */
  parentPageId: string | null;
  inTrash: boolean;
  createdTime: string;
  lastEditedTime: string;
  /** By property name. */
  properties: Record<string, PlainValue>;
}

/** A block in a page body, flattened depth first. */
export interface PlainBlock {
  id: string;
  type: string;
  /** 0 for a child of the page, 1 for a child of that block … */
  depth: number;
  /** Concatenated plain text of the block's rich text ("" for a divider). */
  text: string;
  /** For to_do blocks. */
  checked?: boolean;
}

export interface PlainDataSource {
  id: string;
  databaseId: string;
  title: string;
  inTrash: boolean;
  /** Property name → type ("title", "select", …). */
  properties: Record<string, string>;
  /** Select / multi_select option names by property name. */
  options: Record<string, string[]>;
}

/** A comment in plain form (emulator.comments). */
export interface PlainComment {
  id: string;
  discussionId: string;
  /** The author's name. */
  author: string;
  text: string;
  /** Its discussion was resolved (comments.list leaves it out). */
  resolved: boolean;
  /** Posted through the API (by the mirror), not by a person. */
  byIntegration: boolean;
}

export interface PlainView {
  id: string;
  databaseId: string;
  dataSourceId: string;
  name: string;
  type: string;
  /** For a calendar view: the date property's name. */
  dateProperty: string | null;
}

export interface ListeningServer {
  /** http://127.0.0.1:PORT — pass as `baseUrl` to the client. */
  url: string;
  close(): Promise<void>;
}

/** Turns fault injection on and off at run time; all changes keep the seeded sequence deterministic. */
export interface FaultController {
  /** Replaces the fault options (restarts the seeded sequence). `null` switches faults off. */
  configure(options: FaultOptions | null): void;
  enable(): void;
  disable(): void;
  readonly enabled: boolean;
  /** The next request in `scope` fails with `kind`, whatever the rate (queued, first in first out). */
  failNext(kind: FaultKind, scope?: FaultScope): void;
}
