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

export function splitPlans(lines: readonly TokenLine[]): { segments: PlanSegment[]; noise: TokenLine[] } {
  const segments: PlanSegment[] = [];
  const noise: TokenLine[] = [];
  let current: TokenLine[] = [];
  let hasBody = false;
  let topOrdinal = 0;
  // Under a month heading, items numbered 一、 again belong to that month, not to a new plan.
  let monthSinceTop = false;

  const nextContent = (i: number): TokenLine | undefined => {
    for (let j = i + 1; j < lines.length; j++) {
      const k = lines[j]?.token.kind;
      if (k !== "blank" && k !== "noise" && k !== "verbatim") return lines[j];
    }
    return undefined;
  };

  const startNew = (carry: TokenLine[]): void => {
    if (hasBody) segments.push({ tokens: current });
    else pushAll(noise, current.filter((t) => t.token.kind !== "blank"));
    current = carry;
    hasBody = false;
    topOrdinal = 0;
    monthSinceTop = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const t = lines[i] as TokenLine;
    const tok = t.token;
    if (tok.kind === "noise") {
      noise.push(t);
      continue;
    }
    if (tok.kind === "blank" || tok.kind === "verbatim") {
      current.push(t);
      continue;
    }
    if (tok.kind === "title" && startsPlanBody(nextContent(i))) {
      startNew([]);
      current.push(t);
      continue;
    }
    const restart = isLevelOne(t) && tok.kind === "item" && tok.ordinal === 1 && topOrdinal >= 2 && !monthSinceTop;
    const newGuidingIdeas = GUIDING_IDEAS.test(tokenText(t)) && (tok.kind === "item" || tok.kind === "paragraph") && topOrdinal >= 2;
    if (restart || newGuidingIdeas) {
      // Carry the lead-in lines (and the blanks around them) that sit right before this line.
      let cut = current.length;
      while (cut > 0) {
        const prev = current[cut - 1] as TokenLine;
        if (prev.token.kind === "blank" || isLeadIn(prev)) cut--;
        else break;
      }
      const carry = current.slice(cut);
      current = current.slice(0, cut);
      startNew(carry);
    }
    current.push(t);
    if (tok.kind !== "title") hasBody = true;
    if (tok.kind === "month") monthSinceTop = true;
    if (tok.kind === "item" && tok.level === 1 && tok.ordinal !== null) {
      topOrdinal = Math.max(topOrdinal, tok.ordinal);
      monthSinceTop = false;
    }
  }
  startNew([]);
  return { segments, noise };
}
