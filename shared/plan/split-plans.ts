/**
 * Where one plan ends and the next begins, for files that hold several pasted one after another:
 *   - a title line followed by the start of a plan ("学校工会年度工作计划 篇4", then 一、指导思想);
 *   - the top-level numbering restarting at 一、 after it reached 二、 or more;
 *   - a new 指导思想 after the current plan already had its sections.
 * Short heading lines just before a restart ("下半年的主要工作：") go with the plan they introduce.
 * Page noise before the first plan is set aside.
 */
import type { TokenLine } from "./line-token";
import { pushAll } from "../collections/array-edit";

export interface PlanSegment {
  tokens: TokenLine[];
}

const GUIDING_IDEAS = /^(指导思想|指導思想)/;

function tokenText(t: TokenLine): string {
  const tok = t.token;
  return "text" in tok ? tok.text : "";
}

function isLevelOne(t: TokenLine): boolean {
  return t.token.kind === "item" && t.token.level === 1;
}

function startsPlanBody(t: TokenLine | undefined): boolean {
  if (!t) return false;
  const tok = t.token;
  if (tok.kind === "item" && (tok.level === 1 || tok.level === 2)) return true;
  if (tok.kind === "heading" || tok.kind === "month") return true;
  if (tok.kind === "paragraph") return GUIDING_IDEAS.test(tok.text) || tok.text.length > 30;
  return false;
}

/** A short line ending in a colon, like "下半年的主要工作：", that introduces what follows. */
function isLeadIn(t: TokenLine): boolean {
  return t.token.kind === "paragraph" && /[:：]$/.test(t.token.text) && t.token.text.length <= 30;
}

/**
 * Takes a text's tokens in order and hands on each plan's segment as soon as the next plan starts
 * (or the text ends), so the plan can be built and its tokens let go while the rest is still read.
 * Tokens that belong to no plan are collected in `noise`.
 */
export class PlanSplitter {
  readonly noise: TokenLine[] = [];
  private current: TokenLine[] = [];
  private hasBody = false;
  private topOrdinal = 0;
  // Under a month heading, items numbered 一、 again belong to that month, not to a new plan.
  private monthSinceTop = false;
  /**
   * A title starts a plan only when the content line after it starts a plan body: it waits here
   * for that line, with the blank, noise and verbatim lines that come before it.
   */
  private title: TokenLine | null = null;
  private held: TokenLine[] = [];

  constructor(private readonly onSegment: (segment: PlanSegment) => void) {}

  push(t: TokenLine): void {
    if (this.title !== null) {
      if (!isContent(t)) {
        this.held.push(t);
        return;
      }
      this.release(t);
    }
    if (t.token.kind === "title") this.title = t;
    else this.take(t, undefined);
  }

  /** The text has ended: the last plan's segment is handed on. */
  finish(): void {
    if (this.title !== null) this.release(undefined);
    this.startNew([]);
  }

  /** The waiting title, now that the content line after it (`next`) is known, and the lines it held back. */
  private release(next: TokenLine | undefined): void {
    this.take(this.title as TokenLine, next);
    this.title = null;
    for (const h of this.held) this.take(h, undefined);
    this.held = [];
  }

  private startNew(carry: TokenLine[]): void {
    if (this.hasBody) this.onSegment({ tokens: this.current });
    else pushAll(this.noise, this.current.filter((t) => t.token.kind !== "blank"));
    this.current = carry;
    this.hasBody = false;
    this.topOrdinal = 0;
    this.monthSinceTop = false;
  }

  /** One token, in order; `next` is the content line after it (asked of a title only). */
  private take(t: TokenLine, next: TokenLine | undefined): void {
    const tok = t.token;
    if (tok.kind === "noise") {
      this.noise.push(t);
      return;
    }
    if (tok.kind === "blank" || tok.kind === "verbatim") {
      this.current.push(t);
      return;
    }
    if (tok.kind === "title" && startsPlanBody(next)) {
      this.startNew([]);
      this.current.push(t);
      return;
    }
    const restart = isLevelOne(t) && tok.kind === "item" && tok.ordinal === 1 && this.topOrdinal >= 2 && !this.monthSinceTop;
    const newGuidingIdeas = GUIDING_IDEAS.test(tokenText(t)) && (tok.kind === "item" || tok.kind === "paragraph") && this.topOrdinal >= 2;
    if (restart || newGuidingIdeas) {
      // Carry the lead-in lines (and the blanks around them) that sit right before this line.
      const current = this.current;
      let cut = current.length;
      while (cut > 0) {
        const prev = current[cut - 1] as TokenLine;
        if (prev.token.kind === "blank" || isLeadIn(prev)) cut--;
        else break;
      }
      const carry = current.slice(cut);
      this.current = current.slice(0, cut);
      this.startNew(carry);
    }
    this.current.push(t);
    if (tok.kind !== "title") this.hasBody = true;
    if (tok.kind === "month") this.monthSinceTop = true;
    if (tok.kind === "item" && tok.level === 1 && tok.ordinal !== null) {
      this.topOrdinal = Math.max(this.topOrdinal, tok.ordinal);
      this.monthSinceTop = false;
    }
  }
}

/** A line that may start a plan body: not blank, noise or verbatim. */
function isContent(t: TokenLine): boolean {
  const k = t.token.kind;
  return k !== "blank" && k !== "noise" && k !== "verbatim";
}
