/**
 * Errors a person can act on. Every message is one line, Chinese first, English after " / ", and
 * never carries the token (redact() runs over everything that leaves the mirror).
 */
import { APIResponseError, isHTTPResponseError, RequestTimeoutError } from "@notionhq/client/build/src/errors";

export type SyncErrorKind = "unauthorized" | "not-shared" | "restricted" | "invalid" | "conflict" | "rate-limited" | "unavailable" | "timeout" | "schema" | "config" | "other";

export class SyncError extends Error {
  override readonly name = "SyncError";
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status: number | null = null,
    /** Notion's error `code` (validation_error, restricted_resource …) when Notion answered with one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Our own timeout (on the shared clock): the request may still have reached Notion. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  constructor(readonly ms: number) {
    super(`Notion 在 ${Math.round(ms / 1000)} 秒内没有回应 / Notion did not answer within ${Math.round(ms / 1000)} s`);
  }
}

const TOKEN_SHAPES = [/\b(secret|ntn)_[A-Za-z0-9]{10,}/g, /Bearer\s+[A-Za-z0-9._~+/=-]+/gi];

/** Removes the token (and anything shaped like a Notion token) from a string. */
export function redact(text: string, token?: string | null): string {
  let out = text;
  if (token && token.length >= 4) out = out.split(token).join("[token]");
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, "[token]");
  return out;
}

/** HTTP status of an error from the client or our transport, or null. */
export function statusOf(error: unknown): number | null {
  if (isHTTPResponseError(error)) return error.status;
  if (error instanceof SyncError) return error.status;
  return null;
}

/** Notion's error `code` of an answer (APIResponseError), or the one a SyncError carries; null otherwise. */
export function codeOf(error: unknown): string | null {
  if (error instanceof SyncError) return error.code;
  if (APIResponseError.isAPIResponseError(error)) return error.code;
  return null;
}

export function isTimeout(error: unknown): boolean {
  return error instanceof TimeoutError || RequestTimeoutError.isRequestTimeoutError(error);
}

export interface ErrorContext {
  /** "计划「…」" — which plan or task the request was for. */
  what?: string;
  /** The id of the database or page the request named, for 404s. */
  id?: string;
  token?: string | null;
  /** Property name → the value sent, to name the field a 400 is about. */
  fields?: Record<string, string>;
}

/** The field a validation message is about: named in it, or its value quoted in it. */
function fieldOf(raw: string, fields: Record<string, string> | undefined): string | null {
  const named = /properties\.([^\s.`"]+)/.exec(raw);
  if (named?.[1]) return named[1];
  if (!fields) return null;
  for (const name of Object.keys(fields)) if (raw.includes(name)) return name;
  for (const [name, value] of Object.entries(fields)) if (value.length >= 2 && raw.includes(value)) return name;
  return null;
}

const NETWORK_TYPE_ERROR = /fetch|network|load failed|socket|connect|ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|closed/i;

/** Turns whatever a request threw into a SyncError with a message a committee member can act on. */
export function explainError(error: unknown, context: ErrorContext = {}): SyncError {
  if (error instanceof SyncError) return new SyncError(error.kind, redact(error.message, context.token), error.status, error.code);
  const status = statusOf(error);
  const code = codeOf(error);
  const raw = redact(error instanceof Error ? error.message : String(error), context.token);
  const what = context.what ? `${context.what}: ` : "";
  if (status === 401) {
    return new SyncError("unauthorized", "Notion 拒绝了令牌：令牌错误或已被撤销，请在集成页面重新复制 / Notion refused the token: it is wrong or was revoked; copy it again from the integration's page", 401);
  }
  if (status === 403) {
    return new SyncError("restricted", `${what}集成没有权限（请确认集成有读取、更新、插入内容的能力）/ the integration lacks a capability (read, update and insert content): ${raw}`, 403, code);
  }
  if (status === 404) {
    const id = context.id ? ` ${context.id}` : "";
    return new SyncError(
      "not-shared",
      `${what}找不到 Notion 页面或数据库${id}，或它没有与集成共享：在 Notion 中打开它，点右上角 ••• 菜单 → 连接（Connections）→ 添加你的集成 / Notion page or database${id} not found or not shared with the integration: open it in Notion, ••• menu → Connections → add the integration`,
      404,
      code,
    );
  }
  if (status === 400) {
    const field = fieldOf(raw, context.fields);
    const fieldText = field ? `字段「${field}」/ field "${field}": ` : "";
    return new SyncError("invalid", `${what}${fieldText}Notion 拒绝了请求 / Notion refused the request: ${raw}`, 400, code);
  }
  if (status === 409) return new SyncError("conflict", `${what}Notion 报告写入冲突，稍后再试 / Notion reported a conflicting write; try again later`, 409, code);
  if (status === 429 || status === 529) return new SyncError("rate-limited", `${what}Notion 一直限流，稍后再试 / Notion kept rate-limiting; try again later`, status, code);
  if (status !== null && status >= 500) return new SyncError("unavailable", `${what}Notion 暂时不可用（${status}），稍后再试 / Notion is unavailable (${status}); try again later`, status, code);
  if (isTimeout(error)) return new SyncError("timeout", `${what}Notion 没有回应，稍后再试 / Notion did not answer; try again later`);
  // fetch's own failures are TypeErrors ("fetch failed", "Failed to fetch", "Load failed"); a
  // TypeError from anything else is a fault of ours, and calling it the network would mislead.
  if (error instanceof TypeError && status === null && NETWORK_TYPE_ERROR.test(raw)) return new SyncError("unavailable", `${what}连不上 Notion（请检查网络）/ cannot reach Notion (check the network): ${raw}`);
  return new SyncError("other", `${what}${raw}`, status, code);
}
