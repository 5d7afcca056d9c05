/**
 * The Notion-Version values the emulator speaks, and what differs between them. 2026-03-11 (Notion's
 * upgrade guide) replaces append's flat `after` with `position`, renames `archived` to `in_trash`
 * in every request and answer, and renames the `transcription` block type to `meeting_notes` (which
 * the emulator stores no blocks of either way). Anything older answers in other shapes (databases
 * with properties), so it is refused.
 */
import { validationError } from "./errors";
import { isRecord, shown } from "./rich-text";

export const NOTION_VERSIONS = ["2025-09-03", "2026-03-11"] as const;
export type NotionVersion = (typeof NOTION_VERSIONS)[number];

export function isSupportedVersion(version: string): version is NotionVersion {
  return (NOTION_VERSIONS as readonly string[]).includes(version);
}

/** Refuses a request body the version no longer takes. */
export function checkRequestForVersion(version: NotionVersion, pattern: string, body: Record<string, unknown>): void {
  if (version === "2025-09-03") return;
  if (pattern === "blocks/:id/children" && body.after !== undefined) {
    throw validationError(`body failed validation: body.after should be not present, instead was \`${shown(body.after)}\`. Use \`position\` with \`after_block\`.`);
  }
  if (body.archived !== undefined) throw validationError("body failed validation: body.archived should be not present. Use `in_trash`.");
}

/** An answer in the version's shape: under 2026-03-11 no object carries `archived`. */
export function shapeForVersion(version: NotionVersion, body: unknown): unknown {
  if (version === "2025-09-03") return body;
  return withoutArchived(body);
}

function withoutArchived(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutArchived);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "archived") out[k] = withoutArchived(v);
  return out;
}
