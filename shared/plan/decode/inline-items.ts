/**
 * Several items written on one line. Word and web pages lose line breaks and item numbers:
 *   "、慰问新教师。、更新会员名册。"   (numbers lost, only their 、 left)
 *   "3月：开展…；组织…"               (a heading's same-line tasks, split at ；)
 * Numbered items on one line ("1、…，2、…") are split earlier, into units of their own
 * (line-unit.ts), because each may carry its own month.
 */
import { matchItemNumber } from "../../outline/item-number";
import { foldKey } from "../../normalize/fold";

/** Where a lost-number item starts: a 、 at the start or right after 。；; (never inside a phrase). */
function lostNumberStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf("、"); i >= 0; i = text.indexOf("、", i + 1)) {
    const before = i === 0 ? "" : text.charAt(i - 1);
    if (i === 0 || before === "。" || before === "；" || before === ";") starts.push(i);
  }
  return starts;
}

/**
 * "、慈善一日捐、区乒乓球赛": a line that opens with a lost number lost all of them, and every 、 outside
 * brackets and quotes starts an item.
 */
function allTopLevelCommas(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if ("(（[【“《「".includes(c)) depth++;
    else if (")）]】”》」".includes(c)) depth = Math.max(0, depth - 1);
    else if (c === "、" && depth === 0) starts.push(i);
  }
  return starts;
}

// The longest item number ("（十二）", "第十二条") is well under this; longer text is never bare.
const LONGEST_NUMBER = 8;

function isBareNumber(text: string): boolean {
  if (text.length > LONGEST_NUMBER) return false;
  const n = matchItemNumber(foldKey(text));
  return n !== null && n.textStart >= text.length;
}

export function splitInlineItems(text: string, atSemicolons = false): string[] {
  const parts: string[] = [];
  const starts = text.startsWith("、") && lostNumberStarts(text).length <= 1 ? allTopLevelCommas(text) : lostNumberStarts(text);
  if (starts.length > 0) {
    let from = 0;
    for (const s of starts) {
      if (s > from) parts.push(text.slice(from, s));
      from = s + 1;
    }
    parts.push(text.slice(from));
  } else if (atSemicolons) {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      // By code: charAt would make a string of every CJK character of the line.
      const c = text.charCodeAt(i);
      if (c === 0xff1b /* ； */ || c === 0x3b /* ; */) {
        parts.push(text.slice(from, i));
        from = i + 1;
      }
    }
    parts.push(text.slice(from));
  } else {
    parts.push(text);
  }
  const out: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    // "一、" or "（2）" alone: a number whose item was lost, nothing to do.
    if (t.length >= 2 && !isBareNumber(t)) out.push(t);
  }
  if (out.length > 0) return out;
  // Only separators ("、一、"): nothing to do is named.
  const whole = text.trim();
  return whole.replace(/[、，,；;。:：.\s]/g, "").length >= 2 && !isBareNumber(whole) ? [whole] : [];
}
