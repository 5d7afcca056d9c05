/**
 * One request through the emulator, whatever the transport: version and token checks, the limiter,
 * fault injection, the route, the request log. Both the in-process fetch and the HTTP server call
 * `handle` and translate its outcome, so they behave identically.
 *
 * Order follows Notion's: a request without Notion-Version or with a wrong token is refused before it
 * counts against the limit; a request over the limit is refused before anything is applied.
 * Route handlers are synchronous, so concurrent requests apply one at a time, atomically.
 */
import type { Clock } from "../notion-sync/clock";
import { capabilityOf, conflict, restricted, type Capabilities } from "./capabilities";
import { errorBody, invalidJson, invalidUrl, missingVersion, NotionApiError, rateLimited, unauthorized, validationError } from "./errors";
import type { FaultInjector } from "./faults";
import type { TokenBucketLimiter } from "./rate-limiter";
import type { Renderer } from "./render";
import { isRecord } from "./rich-text";
import { matchRoute } from "./router";
import type { Store } from "./store";
import type { EmulatorCounters, FaultKind, RequestLogEntry } from "./types";
import { checkRequestForVersion, isSupportedVersion, NOTION_VERSIONS, shapeForVersion, type NotionVersion } from "./versions";

export interface IncomingRequest {
  method: string;
  /** Absolute or origin-relative; only the path and query are read. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | undefined;
  /** Fires when the caller gives up (fetch's AbortSignal, or the HTTP client hanging up). */
  signal?: AbortSignal;
}

export type Outcome =
  | { kind: "response"; status: number; headers: Record<string, string>; body: string }
  /** The connection dropped: fetch rejects with TypeError. */
  | { kind: "reset" }
  /** The caller aborted while the request hung. */
  | { kind: "aborted"; reason: unknown };

export interface PipelineState {
  store: Store;
  render: Renderer;
  clock: Clock;
  token: string;
  limiter: () => TokenBucketLimiter | null;
  /** What the integration may do; a request needing more is answered 403 restricted_resource. */
  capabilities: () => Capabilities;
  faults: FaultInjector;
  log: RequestLogEntry[];
  counters: EmulatorCounters;
  /** Resolves when the emulator closes: every hanging request ends then. */
  closing: Promise<void>;
}

const BAD_GATEWAY_HTML = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

function json(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): Outcome {
  return {
    kind: "response",
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-notion-request-id": requestId, ...extra },
    body: JSON.stringify(body),
  };
}

function errorOutcome(error: NotionApiError, requestId: string): Outcome {
  return json(error.status, errorBody(error, requestId), requestId, error.headers);
}

/** A 5xx the way each shows up in practice: Notion's JSON for 500/503/504, the proxy's HTML for 502. */
function serverError(kind: "500" | "502" | "503" | "504", requestId: string): Outcome {
  if (kind === "502") return { kind: "response", status: 502, headers: { "content-type": "text/html" }, body: BAD_GATEWAY_HTML };
  const error =
    kind === "500"
      ? new NotionApiError(500, "internal_server_error", "Unexpected error occurred.")
      : kind === "503"
        ? new NotionApiError(503, "service_unavailable", "Notion is unavailable, please try again later.")
        : new NotionApiError(504, "gateway_timeout", "Notion timed out while processing the request.");
  return errorOutcome(error, requestId);
}

/** Waits until the caller aborts, the emulator closes, or `ms` of emulated time pass (then 504). */
async function hang(state: PipelineState, ms: number, signal: AbortSignal | undefined, requestId: string): Promise<Outcome> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<"aborted">((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve("aborted");
    onAbort = () => resolve("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
  });
  const closed = state.closing.then(() => "closed" as const);
  // Sleeps in short steps, so a request that ends early leaves no long timer keeping Node alive.
  const until = state.clock.now() + ms;
  let result: "elapsed" | "aborted" | "closed" = "elapsed";
  while (state.clock.now() < until) {
    const step = state.clock.sleep(Math.min(HANG_STEP_MS, until - state.clock.now())).then(() => "elapsed" as const);
    result = await Promise.race([step, aborted, closed]);
    if (result !== "elapsed") break;
  }
  if (signal && onAbort) signal.removeEventListener("abort", onAbort);
  if (result === "aborted") return { kind: "aborted", reason: signal?.reason };
  return serverError("504", requestId);
}

const MAX_BODY_BYTES = 500 * 1024;

/** Longest single timer a hanging request sets (emulated ms). */
const HANG_STEP_MS = 250;

function requestIdFor(seq: number): string {
  return `00000000-0000-4000-8000-${seq.toString(16).padStart(12, "0")}`;
}

export async function handle(state: PipelineState, request: IncomingRequest): Promise<Outcome> {
  const method = request.method.toUpperCase();
  let path: string;
  let query: URLSearchParams;
  try {
    const url = new URL(request.url, "http://emulator.invalid");
    path = url.pathname;
    query = url.searchParams;
  } catch {
    path = request.url;
    query = new URLSearchParams();
  }
  const entry: RequestLogEntry = { seq: state.log.length + 1, time: state.clock.now(), method, path, status: 0, wrote: false };
  state.log.push(entry);
  state.counters.requests++;
  const requestId = requestIdFor(entry.seq);

  const outcome = await run(state, request, method, path, query, entry, requestId);
  entry.status = outcome.kind === "response" ? outcome.status : 0;
  if (outcome.kind === "response" && outcome.status >= 400 && outcome.headers["content-type"]?.startsWith("application/json")) {
    try {
      const parsed: unknown = JSON.parse(outcome.body);
      if (isRecord(parsed) && typeof parsed.code === "string") entry.code = parsed.code;
    } catch {
      // not JSON after all
    }
  }
  const key = String(entry.status);
  state.counters.byStatus[key] = (state.counters.byStatus[key] ?? 0) + 1;
  if (entry.status === 429) state.counters.http429++;
  if (entry.wrote) state.counters.writes++;
  if (entry.fault) state.counters.faults++;
  return outcome;
}

async function run(state: PipelineState, request: IncomingRequest, method: string, path: string, query: URLSearchParams, entry: RequestLogEntry, requestId: string): Promise<Outcome> {
  if (!path.startsWith("/v1/")) return errorOutcome(invalidUrl(), requestId);
  const version = request.headers["notion-version"];
  if (version === undefined || version === "") return errorOutcome(missingVersion(), requestId);
  if (!isSupportedVersion(version)) {
    // Older versions answer in other shapes (databases with properties); the emulator speaks these.
    return errorOutcome(validationError(`Notion-Version ${version} is not emulated; use one of ${NOTION_VERSIONS.join(", ")}.`), requestId);
  }
  const auth = request.headers.authorization ?? "";
  if (auth !== `Bearer ${state.token}`) return errorOutcome(unauthorized(), requestId);

  const limiter = state.limiter();
  if (limiter) {
    const admission = limiter.admit(state.token);
    if (!admission.ok) return errorOutcome(rateLimited(admission.retryAfterSeconds), requestId);
  }

  const fault: FaultKind | undefined = state.faults.pick(method, path);
  if (fault) entry.fault = fault;
  switch (fault) {
    case "429":
      return errorOutcome(rateLimited(1), requestId);
    case "403":
      return errorOutcome(restricted(), requestId);
    case "409":
      return errorOutcome(conflict(), requestId);
    case "529":
      return errorOutcome(new NotionApiError(529, "service_overload", "Notion is overloaded, please try again later.", { "retry-after": "1" }), requestId);
    case "500":
    case "502":
    case "503":
    case "504":
      return serverError(fault, requestId);
    case "timeout":
      return hang(state, state.faults.hangMs, request.signal, requestId);
    case "reset":
      return { kind: "reset" };
    default:
      break;
  }

  const before = state.store.version;
  const answer = apply(state, request, method, path, query, requestId, version);
  entry.wrote = state.store.version !== before;
  switch (fault) {
    case "lost-502":
      return serverError("502", requestId);
    case "lost-hang":
      return hang(state, state.faults.hangMs, request.signal, requestId);
    case "lost-reset":
      return { kind: "reset" };
    default:
      return answer;
  }
}

function apply(state: PipelineState, request: IncomingRequest, method: string, path: string, query: URLSearchParams, requestId: string, version: NotionVersion): Outcome {
  const match = matchRoute(method, path.slice("/v1/".length));
  if (!match) return errorOutcome(invalidUrl(), requestId);
  const needs = capabilityOf(method, match.route.pattern);
  if (needs !== null && !state.capabilities()[needs]) return errorOutcome(restricted(), requestId);
  let body: Record<string, unknown> = {};
  // Notion documents 500 KB as the most a request may carry, among its size limits (validation_error).
  if (request.body !== undefined && Buffer.byteLength(request.body, "utf8") > MAX_BODY_BYTES) {
    return errorOutcome(validationError(`Request body too large: ${Buffer.byteLength(request.body, "utf8")} bytes, the limit is ${MAX_BODY_BYTES} (500 KB).`), requestId);
  }
  if (request.body !== undefined && request.body !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      return errorOutcome(invalidJson(), requestId);
    }
    if (!isRecord(parsed)) return errorOutcome(validationError("body failed validation: body should be an object."), requestId);
    body = parsed;
  }
  try {
    checkRequestForVersion(version, match.route.pattern, body);
    const result = match.route.handler({ store: state.store, render: state.render }, { method, params: match.params, query, body });
    return json(result.status, shapeForVersion(version, result.body), requestId);
  } catch (error) {
    if (error instanceof NotionApiError) return errorOutcome(error, requestId);
    // A bug in the emulator: answer as Notion would to its own bug, and keep the cause visible.
    const message = error instanceof Error ? error.message : String(error);
    return errorOutcome(new NotionApiError(500, "internal_server_error", `Emulator error: ${message}`), requestId);
  }
}
