/**
 * Plan → the blocks of its Notion page: the outline as headings and numbered items, then the
 * 行事历: one heading per month and one to-do per task. A to-do holds a mention of the task's own
 * page, so rewording a task changes only that task page (Notion shows the mention's current
 * title) and the plan body stays as it was. Ticks are set on the to-do block in place.
 */
import type { OutlineNode, Plan } from "../shared/plan/types";
import { monthHeadingText } from "../shared/time/year-month";
import { formatItemNumber } from "../shared/outline/item-number";
import { toChineseNumber } from "../shared/outline/chinese-number";
import { PARAGRAPH_LEVEL } from "../shared/outline/outline-builder";
import { contentHash, stableJson } from "./hash";
import { richText, type RichTextItem } from "./rich-text";

export type BlockType = "heading_2" | "heading_3" | "paragraph" | "numbered_list_item" | "bulleted_list_item" | "to_do" | "quote";

export interface BlockSpec {
  type: BlockType;
  text: RichTextItem[];
  /** to_do only. */
  checked?: boolean;
  /** The task this to-do stands for (its task id within the plan). */
  taskId?: string;
  children?: BlockSpec[];
}

const text = (type: BlockType, content: string, children?: BlockSpec[]): BlockSpec => ({ type, text: richText(content), ...(children && children.length > 0 ? { children } : {}) });

function outlineBlocks(node: OutlineNode, out: BlockSpec[]): void {
  const number = node.ordinal === null ? "" : formatItemNumber(node.level, node.ordinal, toChineseNumber);
  if (node.level === PARAGRAPH_LEVEL) {
    out.push(text("paragraph", node.text));
    for (const child of node.children) outlineBlocks(child, out);
  } else if (node.level <= 2) {
    out.push(text(node.level === 1 ? "heading_2" : "heading_3", `${number}${node.text}`));
    for (const child of node.children) outlineBlocks(child, out);
  } else {
    // 1、 （1） ①: list items, nested as the outline nests them; the number stays as written.
    const children: BlockSpec[] = [];
    for (const child of node.children) outlineBlocks(child, children);
    out.push(text("numbered_list_item", `${number}${node.text}`, children));
  }
}

/**
 * How a to-do names its task: a mention of the task's page (Notion shows the page's current title,
 * so a reworded task touches only its own page), or the task's text (for a server that takes no
 * page mentions; then a reword also updates that one to-do in place).
 */
export type TodoMode = "mention" | "text";

/**
 * The page body. `taskPage(taskId)` gives the task's Notion page id (null while it has none: the
 * to-do then carries the task's text).
 */
export function planBodyBlocks(plan: Plan, taskPage: (taskId: string) => string | null, doneOf?: (taskId: string) => boolean, mode: TodoMode = "mention"): BlockSpec[] {
  const out: BlockSpec[] = [];
  for (const node of plan.outline) outlineBlocks(node, out);
  if (plan.schedule.length > 0) {
    out.push(text("heading_2", plan.scheduleHeading ?? "行事历"));
    for (const month of plan.schedule) {
      out.push(text("heading_3", monthHeadingText(month.months) || month.label));
      for (const note of month.notes ?? []) out.push(text("quote", note));
      for (const task of month.tasks) {
        const page = taskPage(task.id);
        const rich: RichTextItem[] = page && mode === "mention" ? [{ type: "mention", mention: { type: "page", page: { id: page } } }] : richText(task.text);
        out.push({ type: "to_do", text: rich, checked: doneOf ? doneOf(task.id) : task.done, taskId: task.id });
      }
    }
  }
  return out;
}

/**
 * Hash of the body's shape: everything but what the to-dos say and whether they are ticked
 * (those are set on each to-do in place, not by a rewrite).
 */
export function bodyHash(blocks: readonly BlockSpec[]): string {
  const strip = (b: BlockSpec): unknown => (b.type === "to_do" ? { type: b.type, task: b.taskId ?? null, text: b.taskId === undefined ? b.text : null } : { type: b.type, text: b.text, children: b.children?.map(strip) });
  return contentHash(stableJson(blocks.map(strip)));
}

/** Hash of one top-level block's shape (a to-do: which task; anything else: all of it). */
export function blockShape(b: BlockSpec): string {
  const strip = (x: BlockSpec): unknown => (x.type === "to_do" && x.taskId !== undefined ? { type: x.type, task: x.taskId } : { type: x.type, text: x.text, checked: x.type === "to_do" ? x.checked === true : undefined, children: x.children?.map(strip) });
  return contentHash(stableJson(strip(b)));
}

/** Hash of one to-do's words (its tick aside). */
export function todoHash(b: BlockSpec): string {
  return contentHash(stableJson(b.text));
}

/** Block JSON for a request, children included down to `depth` more levels (0: none). */
export function blockJson(b: BlockSpec, depth: number): Record<string, unknown> {
  const content: Record<string, unknown> = { rich_text: b.text };
  if (b.type === "to_do") content["checked"] = b.checked === true;
  if (depth > 0 && b.children && b.children.length > 0) content["children"] = b.children.map((c) => blockJson(c, depth - 1));
  return { object: "block", type: b.type, [b.type]: content };
}

/** Blocks in a subtree, itself included. */
export function countBlocks(b: BlockSpec): number {
  return 1 + (b.children ?? []).reduce((n, c) => n + countBlocks(c), 0);
}

/**
 * Levels of blocks one append (or page create) may carry: the blocks themselves and one level of
 * their children. Notion documents "up to two levels of nesting in a single request", and the
 * official client's request types say which two: a block's `children` hold blocks without children.
 * Deeper outlines (1、 → （1） → ①) are written in follow-up appends to the blocks just made.
 */
export const LEVELS_PER_REQUEST = 2;

/** Whether a block's subtree fits in one request: at most `levels` levels of blocks, ≤100 children per array. */
export function fitsInOneRequest(b: BlockSpec, levels = LEVELS_PER_REQUEST): boolean {
  const kids = b.children ?? [];
  if (kids.length === 0) return true;
  if (levels <= 1 || kids.length > 100) return false;
  return kids.every((c) => fitsInOneRequest(c, levels - 1));
}

export interface AppendChunk {
  blocks: BlockSpec[];
  /** Whether each block is sent with its children (else they follow in their own appends). */
  withChildren: boolean[];
  /** Levels of children a block sent with its children carries (for blockJson). */
  childDepth: number;
}

/** Upper bound of a block's request size in bytes (UTF-8 takes at most three bytes per UTF-16 unit). */
export function blockBytes(b: BlockSpec, depth: number): number {
  return JSON.stringify(blockJson(b, depth)).length * 3;
}

export interface AppendLimits {
  /** Levels of blocks per request (default LEVELS_PER_REQUEST). */
  levels: number;
  /** Top-level blocks per request (Notion: 100). */
  maxTop: number;
  /** Blocks in all per request (Notion: 1000). */
  maxTotal: number;
  /** Bytes per request, with room to spare under Notion's 500 KB. */
  maxBytes: number;
}

/**
 * Packs blocks into append requests within `limits`. A block whose subtree does not fit goes alone
 * without children; its children are appended to it afterwards (and theirs after them), so a body
 * of any depth is written whatever the nesting limit, top level first: the page is never left empty.
 */
export function packAppends(blocks: readonly BlockSpec[], limits: Partial<AppendLimits> = {}): AppendChunk[] {
  const { levels = LEVELS_PER_REQUEST, maxTop = 100, maxTotal = 1000, maxBytes = 450_000 } = limits;
  const childDepth = Math.max(0, levels - 1);
  const chunks: AppendChunk[] = [];
  let cur: AppendChunk = { blocks: [], withChildren: [], childDepth };
  let total = 0;
  let bytes = 0;
  for (const b of blocks) {
    let fits = fitsInOneRequest(b, levels);
    if (fits && blockBytes(b, childDepth) > maxBytes) fits = false;
    const size = fits ? countBlocks(b) : 1;
    const weight = blockBytes(b, fits ? childDepth : 0);
    if (cur.blocks.length >= maxTop || (cur.blocks.length > 0 && (total + size > maxTotal || bytes + weight > maxBytes))) {
      chunks.push(cur);
      cur = { blocks: [], withChildren: [], childDepth };
      total = 0;
      bytes = 0;
    }
    cur.blocks.push(b);
    cur.withChildren.push(fits);
    total += size;
    bytes += weight;
  }
  if (cur.blocks.length > 0) chunks.push(cur);
  return chunks;
}
