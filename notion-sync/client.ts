/**
 * The Notion client the mirror uses: the official @notionhq/client at Notion-Version 2025-09-03,
 * over a `fetch` it is handed (requestUrl in Obsidian, Node's fetch in the CLI, the emulator's in
 * tests). The client's own retries are off (our retry.ts governs), and every HTTP request passes
 * through our transport: the limiter, a timeout on the shared clock, and the request counters.
 */
// The client's own modules, not the package index: the index also brings its helpers and webhook
// signing, about 10 KB of main.js the mirror never calls.
import * as ClientModule from "@notionhq/client/build/src/Client";
import type NotionClient from "@notionhq/client/build/src/Client";
import { LogLevel, type Logger } from "@notionhq/client/build/src/logging";

type ClientClass = typeof NotionClient;
// Client.js is CommonJS with the class as `exports.default`. A bundle of this ES module package
// (package.json "type": "module") reads it the way Node does: the namespace's `default` is the whole
// `exports` object, so the class is one `default` further; elsewhere (vitest) it is the first.
const moduleDefault = (ClientModule as unknown as { default: ClientClass | { default: ClientClass } }).default;
const Client: ClientClass = "default" in moduleDefault ? moduleDefault.default : moduleDefault;
import type { Clock } from "./clock";
import { redact, TimeoutError } from "./errors";
import { RateLimiter } from "./rate-limiter";

export const NOTION_VERSION = "2025-09-03";
/** The newer version the mirror also speaks (it sends `position`, never `after`, and reads `in_trash`). */
export const NOTION_VERSION_NEXT = "2026-03-11";

/** The fetch shape @notionhq/client accepts (a subset of WHATWG fetch). */
export type NotionFetch = NonNullable<ConstructorParameters<typeof Client>[0]>["fetch"] & {};

export interface RequestCounters {
  /** Every HTTP request sent (retries and verifications included). */
  requests: number;
  /** Requests that change something in Notion (creates, updates, appends, deletes). */
  writes: number;
  /** Requests answered 429. */
  http429: number;
  /** Requests by "METHOD /v1/path-pattern". */
  byKind: Record<string, number>;
}

export function newCounters(): RequestCounters {
  return { requests: 0, writes: 0, http429: 0, byKind: {} };
}

export interface NotionClientOptions {
  token: string;
  fetch: NotionFetch;
  clock: Clock;
  /** Shared limiter; one is made at 3 req/s when absent. */
  limiter?: RateLimiter;
  /** Per-request timeout on the clock. Default 60 s. */
  timeoutMs?: number;
  /** For the emulator's HTTP server; default https://api.notion.com. */
  baseUrl?: string;
  counters?: RequestCounters;
  /** Where the client's own log lines go (already redacted). Default: nowhere. */
  log?: (line: string) => void;
  /** Notion-Version to send: NOTION_VERSION (default) or NOTION_VERSION_NEXT. */
  notionVersion?: string;
}

export interface NotionConnection {
  client: NotionClient;
  limiter: RateLimiter;
  counters: RequestCounters;
  clock: Clock;
  token: string;
}

/** "PATCH /v1/pages/{id}" → is it a write? Queries are POSTs that change nothing. */
export function isWrite(method: string, path: string): boolean {
  const m = method.toUpperCase();
  if (m === "GET") return false;
  if (m === "POST" && /\/query$/.test(path)) return false;
  if (m === "POST" && /\/search$/.test(path)) return false;
  return true;
}

function kindOf(method: string, url: string): { path: string; kind: string } {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // a relative url: keep it
  }
  const pattern = path.replace(/[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi, "{id}");
  return { path, kind: `${method.toUpperCase()} ${pattern}` };
}

/** Wraps a fetch with the limiter, the clock's timeout and the counters. */
export function instrumentFetch(inner: NotionFetch, clock: Clock, limiter: RateLimiter, counters: RequestCounters, timeoutMs: number): NotionFetch {
  return async (url, init) => {
    await limiter.acquire();
    const method = init?.method ?? "GET";
    const { path, kind } = kindOf(method, url);
    counters.requests++;
    counters.byKind[kind] = (counters.byKind[kind] ?? 0) + 1;
    if (isWrite(method, path)) counters.writes++;
    // The timeout runs on the shared clock; the abort tells a fetch that listens (Node's, the
    // emulator's) to give the request up. requestUrl ignores it; the race still ends our wait.
    const abort = typeof AbortController === "function" ? new AbortController() : null;
    let settled = false;
    // Waits in short steps so a finished request leaves no long timer behind (the CLI can exit).
    const timeout = (async (): Promise<null> => {
      const until = clock.now() + timeoutMs;
      while (!settled && clock.now() < until) await clock.sleep(Math.min(250, until - clock.now()));
      if (!settled) abort?.abort();
      return null;
    })();
    const sent = inner(url, abort ? ({ ...init, signal: abort.signal } as typeof init) : init);
    sent.catch(() => undefined);
    const response = await Promise.race([sent, timeout]).finally(() => {
      settled = true;
    });
    if (response === null) throw new TimeoutError(timeoutMs);
    if (response.status === 429) counters.http429++;
    return response;
  };
}

export function createNotionClient(options: NotionClientOptions): NotionConnection {
  const limiter = options.limiter ?? new RateLimiter(options.clock);
  const counters = options.counters ?? newCounters();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const token = options.token;
  const sink = options.log;
  const logger: Logger = (level, message, extra) => {
    if (sink) sink(redact(`[notion ${level}] ${message} ${JSON.stringify(extra)}`, token));
  };
  const client = new Client({
    auth: token,
    fetch: instrumentFetch(options.fetch, options.clock, limiter, counters, timeoutMs),
    baseUrl: options.baseUrl,
    notionVersion: options.notionVersion ?? NOTION_VERSION,
    retry: false,
    // The client's timer runs on real time; ours (on the clock) fires first. Keep its as a backstop.
    timeoutMs: 10 * 60_000,
    logLevel: sink ? LogLevel.WARN : LogLevel.ERROR,
    logger,
  });
  return { client, limiter, counters, clock: options.clock, token };
}
