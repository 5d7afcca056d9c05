/**
 * Which notes the index reads. The engine decides what a plan is; this only rules out, cheaply,
 * notes the engine could not find one in, so a large vault does not cost a read and a parse per
 * note.
 *
 * What the metadata cache can rule out before the text is read: notes whose frontmatter says they
 * are an exported 行事历 (the engine refuses those), and notes with no text outside frontmatter.
 * Headings and list items cannot decide more: a plan pasted as plain text ("三月份：" and numbered
 * lines) is all paragraphs to Markdown, and the metadata cache keeps no paragraph text, so a note
 * without a plan-like heading or list may still be a plan. Those notes are read, and the engine's
 * own test on the text (shared/plan/schedule-signal.ts) decides whether parsing can find a 行事历.
 */
import type { CachedMetadata } from "obsidian";

export const PLAN_TYPE = "union-plan";
const EXPORT_TYPE = "union-plan-export";

/** Section types that carry no text the engine reads (frontmatter, a horizontal rule). */
const TEXTLESS_SECTIONS = new Set(["yaml", "thematicBreak"]);

/** Whether the note is worth reading, judged on its metadata alone (null: not known yet, so yes). */
export function worthReading(cache: CachedMetadata | null): boolean {
  if (!cache) return true;
  if (frontmatterType(cache) === EXPORT_TYPE) return false;
  // Obsidian lists a note's blocks; a note whose blocks are all textless holds no plan.
  const sections = cache.sections;
  if (sections && sections.every((s) => TEXTLESS_SECTIONS.has(s.type))) return false;
  return true;
}

/** The note says it is a plan note (frontmatter `type: union-plan`): every plan in it counts. */
export function saysPlanNote(cache: CachedMetadata | null, text: string): boolean {
  const type = cache ? frontmatterType(cache) : undefined;
  if (type !== undefined) return type === PLAN_TYPE;
  // The metadata cache may not have read a note the plugin just wrote: look at its text.
  return frontmatterSaysPlan(text);
}

function frontmatterType(cache: CachedMetadata): unknown {
  return cache.frontmatter?.["type"];
}

/** The text of a note's frontmatter says union-plan (for notes the metadata cache has not read yet). */
function frontmatterSaysPlan(text: string): boolean {
  if (!text.startsWith("---")) return false;
  const end = text.indexOf("\n---", 3);
  const block = end < 0 ? "" : text.slice(0, end);
  return /\ntype:\s*["']?union-plan["']?\s*(\r?\n|$)/.test(block);
}
