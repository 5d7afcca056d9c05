/**
 * Text → Notion rich text within Notion's limits: at most 2000 characters of content per rich-text
 * object, split on code-point boundaries (a surrogate pair is never cut in two), and at most 100
 * objects per array.
 */
export const MAX_TEXT = 2000;
export const MAX_ARRAY = 100;

/**
 * Splits `text` into pieces of at most `max` UTF-16 units (Notion counts `content.length`), never
 * between the two halves of a surrogate pair. The pieces joined give back `text`.
 */
export function splitText(text: string, max = MAX_TEXT): string[] {
  if (max < 2) throw new Error("splitText needs max >= 2");
  const out: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let end = start + max;
    const before = text.charCodeAt(end - 1);
    // A high surrogate as the last unit of the piece: leave it for the next piece.
    if (before >= 0xd800 && before <= 0xdbff) end -= 1;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length || out.length === 0) out.push(text.slice(start));
  return out;
}

export interface TextItem {
  type: "text";
  text: { content: string; link?: { url: string } | null };
  annotations?: { bold?: boolean; italic?: boolean; code?: boolean };
}

export interface PageMentionItem {
  type: "mention";
  mention: { type: "page"; page: { id: string } };
}

export type RichTextItem = TextItem | PageMentionItem;

/** Rich text for a plain string: [] for "", else ≤2000-character pieces, capped at 100 items. */
export function richText(text: string): TextItem[] {
  if (text === "") return [];
  const pieces = splitText(text);
  if (pieces.length > MAX_ARRAY) {
    // 200,000 characters in one field: keep what fits and say so rather than be refused.
    const kept = pieces.slice(0, MAX_ARRAY - 1);
    kept.push(`…（另有 ${pieces.length - kept.length} 段未同步 / ${pieces.length - kept.length} more parts not synced）`);
    return kept.map((content) => ({ type: "text", text: { content } }));
  }
  return pieces.map((content) => ({ type: "text", text: { content } }));
}

/** Plain text of a rich-text array as Notion returns it (plain_text, else text.content). */
export function plainText(items: unknown): string {
  if (!Array.isArray(items)) return "";
  let out = "";
  for (const item of items as Array<Record<string, unknown>>) {
    if (typeof item["plain_text"] === "string") out += item["plain_text"];
    else {
      const text = item["text"] as { content?: unknown } | undefined;
      if (text && typeof text.content === "string") out += text.content;
    }
  }
  return out;
}
