/**
 * Rich text as Notion takes it in and gives it back. A request item may be terse ({ text: { content } });
 * the stored and answered form is complete (annotations, plain_text, href), as Notion's is.
 * Limits: at most 100 items per array, at most 2000 characters of content per item.
 *
 * Page mentions ({ type: "mention", mention: { type: "page", page: { id } } }) are taken where the
 * caller passes `MentionTargets` (block rich text); the page must exist and be shared. The stored item
 * keeps the page id; its plain_text and href are filled in from the page's current title at every
 * read (see mentions.ts), as Notion shows a mention with the page's current title.
 */
import { limitError, validationError } from "./errors";
import { looksLikeId } from "./random";

export const MAX_TEXT_LENGTH = 2000;
/** Notion's limit for an equation's expression is lower than for text. */
export const MAX_EQUATION_LENGTH = 1000;
export const MAX_ARRAY_LENGTH = 100;

const COLORS = new Set([
  "default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red",
  "gray_background", "brown_background", "orange_background", "yellow_background", "green_background",
  "blue_background", "purple_background", "pink_background", "red_background",
]);

export interface Annotations {
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: boolean;
  code: boolean;
  color: string;
}

export type RichTextItem =
  | { type: "text"; text: { content: string; link: { url: string } | null }; annotations: Annotations; plain_text: string; href: string | null }
  | { type: "equation"; equation: { expression: string }; annotations: Annotations; plain_text: string; href: null }
  | { type: "mention"; mention: { type: "page"; page: { id: string } }; annotations: Annotations; plain_text: string; href: string | null };

/** What a page mention may name: a page that exists and is shared with the integration. */
export interface MentionTargets {
  /** The page's dashed id, current title and url; undefined when unknown or not shared. */
  page(id: string): { id: string; title: string; url: string } | undefined;
}

/** The mention types Notion has; the emulator takes only "page". */
const MENTION_TYPES = new Set(["page", "database", "user", "date", "link_preview", "link_mention", "template_mention", "custom_emoji"]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Notion quotes the offending value in its messages; keep it short. */
export function shown(value: unknown): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isColor(value: unknown): value is string {
  return typeof value === "string" && COLORS.has(value);
}

function annotationsOf(value: unknown, path: string): Annotations {
  const out: Annotations = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" };
  if (value === undefined) return out;
  if (!isRecord(value)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(value)}\`.`);
  for (const key of ["bold", "italic", "strikethrough", "underline", "code"] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== "boolean") throw validationError(`body failed validation: ${path}.${key} should be a boolean, instead was \`${shown(v)}\`.`);
    out[key] = v;
  }
  if (value.color !== undefined) {
    if (!isColor(value.color)) throw validationError(`body failed validation: ${path}.color should be a valid color, instead was \`${shown(value.color)}\`.`);
    out.color = value.color;
  }
  return out;
}

/**
 * Checks a rich-text array from a request and returns it in the complete stored form. Page mentions
 * are taken only when `mentions` is given (block rich text); a mention is one item of the 100.
 */
export function parseRichText(value: unknown, path: string, mentions?: MentionTargets): RichTextItem[] {
  if (!Array.isArray(value)) throw validationError(`body failed validation: ${path} should be an array, instead was \`${shown(value)}\`.`);
  if (value.length > MAX_ARRAY_LENGTH) throw limitError(`${path}.length`, MAX_ARRAY_LENGTH, value.length);
  return value.map((item: unknown, i) => parseItem(item, `${path}[${i}]`, mentions));
}

function parseMention(item: Record<string, unknown>, path: string, annotations: Annotations, targets: MentionTargets): RichTextItem {
  const mention = item.mention;
  if (!isRecord(mention)) throw validationError(`body failed validation: ${path}.mention should be an object, instead was \`${shown(mention)}\`.`);
  const kind = mention.type ?? Object.keys(mention).find((k) => MENTION_TYPES.has(k));
  if (kind !== "page") {
    const why = typeof kind === "string" && MENTION_TYPES.has(kind) ? ` (the emulator takes only page mentions, not ${kind} mentions)` : "";
    throw validationError(`body failed validation: ${path}.mention.type should be "page"${why}, instead was \`${shown(kind)}\`.`);
  }
  const page = mention.page;
  if (!isRecord(page)) throw validationError(`body failed validation: ${path}.mention.page should be an object, instead was \`${shown(page)}\`.`);
  if (typeof page.id !== "string" || !looksLikeId(page.id)) {
    throw validationError(`body failed validation: ${path}.mention.page.id should be a valid uuid, instead was \`${shown(page.id)}\`.`);
  }
  const target = targets.page(page.id);
  if (!target) {
    throw validationError(`Could not find page with ID: ${page.id} (mentioned at ${path}). Make sure the relevant pages and databases are shared with your integration.`);
  }
  return { type: "mention", mention: { type: "page", page: { id: target.id } }, annotations, plain_text: target.title, href: target.url };
}

function parseItem(item: unknown, path: string, mentions: MentionTargets | undefined): RichTextItem {
  if (!isRecord(item)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(item)}\`.`);
  const type = item.type ?? ("equation" in item ? "equation" : "mention" in item ? "mention" : "text");
  const annotations = annotationsOf(item.annotations, `${path}.annotations`);
  if (type === "equation") {
    const eq = item.equation;
    if (!isRecord(eq) || typeof eq.expression !== "string") {
      throw validationError(`body failed validation: ${path}.equation.expression should be a string, instead was \`${shown(isRecord(eq) ? eq.expression : eq)}\`.`);
    }
    if (eq.expression.length > MAX_EQUATION_LENGTH) throw limitError(`${path}.equation.expression.length`, MAX_EQUATION_LENGTH, eq.expression.length);
    return { type: "equation", equation: { expression: eq.expression }, annotations, plain_text: eq.expression, href: null };
  }
  if (type === "mention" && mentions) return parseMention(item, path, annotations, mentions);
  if (type !== "text") {
    // Page mentions are emulated in block rich text only (titles and properties never hold them here).
    const why = type === "mention" ? " (the emulator takes page mentions only in block rich text)" : "";
    throw validationError(`body failed validation: ${path}.type should be "text" or "equation"${why}, instead was \`${shown(type)}\`.`);
  }
  const text = item.text;
  if (!isRecord(text)) throw validationError(`body failed validation: ${path}.text should be defined, instead was \`${shown(text)}\`.`);
  if (typeof text.content !== "string") throw validationError(`body failed validation: ${path}.text.content should be a string, instead was \`${shown(text.content)}\`.`);
  if (text.content.length > MAX_TEXT_LENGTH) throw limitError(`${path}.text.content.length`, MAX_TEXT_LENGTH, text.content.length);
  let link: { url: string } | null = null;
  if (text.link !== undefined && text.link !== null) {
    if (!isRecord(text.link) || typeof text.link.url !== "string") throw validationError(`body failed validation: ${path}.text.link.url should be a string, instead was \`${shown(text.link)}\`.`);
    if (text.link.url.length > MAX_TEXT_LENGTH) throw limitError(`${path}.text.link.url.length`, MAX_TEXT_LENGTH, text.link.url.length);
    link = { url: text.link.url };
  }
  return { type: "text", text: { content: text.content, link }, annotations, plain_text: text.content, href: link ? link.url : null };
}

/** Stored form of a plain string (for a person's edits): split at 2000 characters like Notion's editor does. */
export function richTextFromPlain(text: string): RichTextItem[] {
  const items: RichTextItem[] = [];
  for (let i = 0; i < text.length; i += MAX_TEXT_LENGTH) {
    const content = text.slice(i, i + MAX_TEXT_LENGTH);
    items.push({
      type: "text",
      text: { content, link: null },
      annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
      plain_text: content,
      href: null,
    });
  }
  return items;
}

export function plainText(items: readonly RichTextItem[]): string {
  return items.map((item) => item.plain_text).join("");
}
