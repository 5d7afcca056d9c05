/**
 * A fetch for @notionhq/client built on Obsidian's requestUrl (Notion sends no CORS headers, so the
 * browser's fetch cannot reach it from the app). `throw: false`, so 4xx/5xx and their Retry-After
 * reach the mirror's retry policy instead of becoming a bare exception.
 */
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import type { NotionFetch } from "../../notion-sync/client";

export type RequestUrlLike = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

export function requestUrlFetch(requestUrl: RequestUrlLike): NotionFetch {
  return async (url, init) => {
    const headers: Record<string, string> = { ...(init?.headers ?? {}) };
    const body = typeof init?.body === "string" ? init.body : undefined;
    const res = await requestUrl({ url, method: init?.method ?? "GET", headers, ...(body !== undefined ? { body } : {}), throw: false });
    const lower: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers ?? {})) lower[k.toLowerCase()] = String(v);
    let text: string;
    try {
      text = res.text;
    } catch {
      text = "";
    }
    return {
      ok: res.status >= 200 && res.status < 300,
      status: res.status,
      headers: lower,
      text: () => Promise.resolve(text),
    };
  };
}
