/**
 * An integration's capabilities, as set on its page in Notion (content: read, update, insert;
 * comments: read, insert; user information). A request needing one the integration lacks is
 * answered 403 `restricted_resource`, as Notion documents it, before anything is applied.
 */
import { NotionApiError } from "./errors";

export interface Capabilities {
  readContent: boolean;
  updateContent: boolean;
  insertContent: boolean;
  readComments: boolean;
  insertComments: boolean;
  /** users.list and people values with names (users/me needs nothing). */
  readUsers: boolean;
}

export const ALL_CAPABILITIES: Capabilities = { readContent: true, updateContent: true, insertContent: true, readComments: true, insertComments: true, readUsers: true };

/** The capability a route needs; null for what every integration may do (users/me). */
export function capabilityOf(method: string, pattern: string): keyof Capabilities | null {
  if (pattern === "users/me") return null;
  if (pattern.startsWith("users")) return "readUsers";
  if (pattern.startsWith("comments")) return method === "GET" ? "readComments" : "insertComments";
  if (method === "GET" || pattern.endsWith("/query")) return "readContent";
  // Creating pages, databases, views and appending children insert content; the rest update it.
  if (method === "POST" || (method === "PATCH" && pattern.endsWith("/children"))) return "insertContent";
  return "updateContent";
}

export function restricted(): NotionApiError {
  return new NotionApiError(403, "restricted_resource", "Insufficient permissions for this endpoint.");
}

export function conflict(): NotionApiError {
  return new NotionApiError(409, "conflict_error", "Conflict occurred while saving. Please try again.");
}
