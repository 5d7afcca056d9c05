/**
 * Rich text as Notion takes it in and gives it back. A request item may be terse ({ text: { content } });
 * the stored and answered form is complete (annotations, plain_text, href), as Notion's is.
 * Limits: at most 100 items per array, at most 2000 characters of content per item.
 */
import { limitError, validationError } from "./errors";

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
  | { type: "equation"; equation: { expression: string }; annotations: Annotations; plain_text: string; href: null };

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

/** Checks a rich-text array from a request and returns it in the complete stored form. */
export function parseRichText(value: unknown, path: string): RichTextItem[] {
  if (!Array.isArray(value)) throw validationError(`body failed validation: ${path} should be an array, instead was \`${shown(value)}\`.`);
  if (value.length > MAX_ARRAY_LENGTH) throw limitError(`${path}.length`, MAX_ARRAY_LENGTH, value.length);
  return value.map((item: unknown, i) => parseItem(item, `${path}[${i}]`));
}

function parseItem(item: unknown, path: string): RichTextItem {
  if (!isRecord(item)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(item)}\`.`);
  const type = item.type ?? ("equation" in item ? "equation" : "text");
  const annotations = annotationsOf(item.annotations, `${path}.annotations`);
  if (type === "equation") {
    const eq = item.equation;
    if (!isRecord(eq) || typeof eq.expression !== "string") {
      throw validationError(`body failed validation: ${path}.equation.expression should be a string, instead was \`${shown(isRecord(eq) ? eq.expression : eq)}\`.`);
    }
    if (eq.expression.length > MAX_EQUATION_LENGTH) throw limitError(`${path}.equation.expression.length`, MAX_EQUATION_LENGTH, eq.expression.length);
    return { type: "equation", equation: { expression: eq.expression }, annotations, plain_text: eq.expression, href: null };
  }
  if (type !== "text") {
    // Mentions need users, dates and page links the mirror never writes; say so rather than pretend.
    throw validationError(`body failed validation: ${path}.type should be "text" or "equation" (the emulator does not take ${shown(type)}), instead was \`${shown(type)}\`.`);
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
