/**
 * The in-process transport: a function with global fetch's signature that hands the request to the
 * pipeline and answers with a real `Response`. A dropped connection rejects with TypeError and an
 * aborted request with the signal's reason, as Node's fetch does, so the mirror's error handling
 * meets the same shapes as over the network.
 */
import type { EmulatorFetch } from "./api";
import { handle, type PipelineState } from "./pipeline";

function headersOf(init: HeadersInit | undefined, into: Record<string, string>): void {
  if (init === undefined) return;
  new Headers(init).forEach((value, key) => {
    into[key.toLowerCase()] = value;
  });
}

export function createFetch(state: PipelineState): EmulatorFetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const headers: Record<string, string> = {};
    if (request) headersOf(request.headers, headers);
    headersOf(init?.headers, headers);
    let body: string | undefined;
    const rawBody = init?.body ?? (request ? await request.text() : undefined);
    if (typeof rawBody === "string") body = rawBody;
    else if (rawBody !== undefined && rawBody !== null) body = await new Response(rawBody).text();
    const signal = init?.signal ?? request?.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal.reason);
    // Answer on a later turn of the event loop, as a network would, never synchronously.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const outcome = await handle(state, { method: init?.method ?? request?.method ?? "GET", url, headers, body, signal });
    if (outcome.kind === "reset") throw connectionReset();
    if (outcome.kind === "aborted") throw abortError(outcome.reason);
    return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
  };
}

/** What Node's fetch throws when the socket closes under it. */
function connectionReset(): TypeError {
  const error = new TypeError("fetch failed");
  Object.defineProperty(error, "cause", { value: new Error("other side closed (emulated connection reset)"), enumerable: false });
  return error;
}

/** The signal's reason when it is an error (AbortController's default is an AbortError DOMException). */
function abortError(reason: unknown): Error {
  return reason instanceof Error ? reason : new DOMException("This operation was aborted", "AbortError");
}
