/**
 * Builds the outline tree from numbered items and paragraphs, in reading order, and notes what a
 * reader would want to know: numbers that skip, restart or were lost in copying.
 */
import type { Diagnostic, OutlineNode } from "../plan/types";
import { toChineseNumber } from "./chinese-number";
import { formatItemNumber } from "./item-number";

/** Body text sits below every numbered level. */
export const PARAGRAPH_LEVEL = 6;

/**
 * The children of every paragraph: nothing sits below body text (insert pops a paragraph before
 * anything else is added), so all paragraphs share one empty list, frozen so that a push fails
 * loudly instead of giving every paragraph a child. A plan of many paragraphs keeps no list each;
 * a built plan's items without children get it too (fit-lists.ts).
 */
export const NO_CHILDREN = Object.freeze([]) as unknown as OutlineNode[];

export class OutlineBuilder {
  readonly roots: OutlineNode[] = [];
  private readonly stack: OutlineNode[] = [];
  /** Last ordinal seen per level (index = level) since that level's parent opened; 0 = none yet. */
  private readonly lastOrdinal: number[] = [0, 0, 0, 0, 0, 0, 0];
  private lastItemLevel: number | null = null;

  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** The level an item without a number most likely has: that of the item before it. */
  guessLevel(): number {
    return this.lastItemLevel ?? 3;
  }

  nextOrdinal(level: number): number {
    return (this.lastOrdinal[level] ?? 0) + 1;
  }

  addItem(level: number, ordinal: number | null, text: string, line: number): OutlineNode {
    if (ordinal !== null) this.checkNumbering(level, ordinal, line);
    const node: OutlineNode = { level, ordinal, text, line, children: [] };
    this.insert(node);
    this.lastItemLevel = level;
    // A new item closes the numbering of every deeper level.
    for (let l = level + 1; l < this.lastOrdinal.length; l++) this.lastOrdinal[l] = 0;
    if (ordinal !== null && level < this.lastOrdinal.length) this.lastOrdinal[level] = ordinal;
    return node;
  }

  addParagraph(text: string, line: number): void {
    this.insert({ level: PARAGRAPH_LEVEL, ordinal: null, text, line, children: NO_CHILDREN });
  }

  /** The node added last, if it is still the last thing in the outline. */
  lastNode(): OutlineNode | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Takes back the node added last (a 行事历 heading that turns out to head the schedule). */
  removeLast(node: OutlineNode): void {
    if (this.stack[this.stack.length - 1] !== node) return;
    this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    const list = parent ? parent.children : this.roots;
    if (list[list.length - 1] === node) list.pop();
  }

  private insert(node: OutlineNode): void {
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] as OutlineNode).level >= node.level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.children : this.roots).push(node);
    this.stack.push(node);
  }

  private checkNumbering(level: number, ordinal: number, line: number): void {
    const last = this.lastOrdinal[level] ?? 0;
    const shown = (n: number): string => formatItemNumber(level, n, toChineseNumber);
    if (last === 0) {
      if (ordinal !== 1) {
        this.diagnostics.push({ line, severity: "info", code: "numbering-start", message: `编号从 ${shown(ordinal)} 开始，前面没有 ${shown(1)} / numbering starts at ${ordinal}` });
      }
      return;
    }
    if (ordinal === last + 1) return;
    if (ordinal === 1) {
      this.diagnostics.push({ line, severity: "info", code: "numbering-restart", message: `编号在 ${shown(last)} 之后重新从 ${shown(1)} 开始 / numbering restarts at 1 after ${last}` });
    } else if (ordinal > last + 1) {
      this.diagnostics.push({ line, severity: "warning", code: "numbering-gap", message: `编号不连续：${shown(last)} 之后是 ${shown(ordinal)} / numbering skips from ${last} to ${ordinal}` });
    } else {
      this.diagnostics.push({ line, severity: "warning", code: "numbering-repeat", message: `编号重复或倒退：${shown(last)} 之后是 ${shown(ordinal)} / number ${ordinal} repeats or goes back after ${last}` });
    }
  }
}
