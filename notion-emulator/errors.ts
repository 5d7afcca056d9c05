/**
 * Errors answered the way Notion answers them: a JSON body
 * { object: "error", status, code, message, request_id } with the matching HTTP status. Route code
 * throws these; the request pipeline turns them into responses.
 */

export class NotionApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After on 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400 validation_error. `path` is the body path in Notion's style, e.g. "body.children.length". */
export function validationError(message: string): NotionApiError {
  return new NotionApiError(400, "validation_error", message);
}

/** Notion's wording for a limit: "body failed validation: body.children.length should be ≤ `100`, instead was `101`." */
export function limitError(path: string, limit: number, actual: number): NotionApiError {
  return validationError(`body failed validation: ${path} should be ≤ \`${limit}\`, instead was \`${actual}\`.`);
}

export type ObjectKind = "page" | "database" | "data_source" | "block" | "view" | "discussion";

/** 404 for an unknown id and, indistinguishably, for one the integration may not see. */
export function notFound(kind: ObjectKind, id: string): NotionApiError {
  return new NotionApiError(
    404,
    "object_not_found",
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

export function unauthorized(): NotionApiError {
  return new NotionApiError(401, "unauthorized", "API token is invalid.");
}

export function missingVersion(): NotionApiError {
  return new NotionApiError(400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
}

export function rateLimited(retryAfterSeconds: number): NotionApiError {
  return new NotionApiError(429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", {
    "retry-after": String(retryAfterSeconds),
  });
}

export function invalidUrl(): NotionApiError {
  return new NotionApiError(400, "invalid_request_url", "Invalid request URL.");
}

export function invalidJson(): NotionApiError {
  return new NotionApiError(400, "invalid_json", "Error parsing JSON body.");
}

/** The body every error is answered with. */
export function errorBody(error: NotionApiError, requestId: string): Record<string, unknown> {
  return { object: "error", status: error.status, code: error.code, message: error.message, request_id: requestId };
}
