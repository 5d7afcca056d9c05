/**
 * Item numbers of a plan's outline, one rule per form, tried in order. Each rule reads the folded
 * key (full-width brackets and digits already folded) and says how far the number reaches.
 *   level 1  一、 一. 十一、
 *   level 2  （一） (一) (一)、 ( 三)
 *   level 3  1、 1. 1． 1 . 1，
 *   level 4  （1） (1) (1)、
 *   level 5  ① ②
 */
import { parseChineseNumber } from "./chinese-number";

export interface ItemNumber {
  level: number;
  ordinal: number | null;
  /** Offset in the key where the item text starts. */
  textStart: number;
}

interface NumberRule {
  name: string;
  pattern: RegExp;
  level: number;
  ordinal: (m: RegExpExecArray) => number | null;
}

const HAN_NUM = "[一二三四五六七八九十]{1,3}";

export const ITEM_NUMBER_RULES: readonly NumberRule[] = [
  {
    name: "han-parenthesized",
    pattern: new RegExp(`^\\( *(${HAN_NUM}) *\\) *[、.,]? *`),
    level: 2,
    ordinal: (m) => parseChineseNumber(m[1] ?? ""),
  },
  {
    name: "arabic-parenthesized",
    pattern: /^\( *(\d{1,2}) *\) *[、.,]? */,
    level: 4,
    ordinal: (m) => Number(m[1]),
  },
  {
    name: "han-enumerated",
    // 一、 but not 一是 / 一月; the separator is required.
    pattern: new RegExp(`^(${HAN_NUM}) *[、.,] *`),
    level: 1,
    ordinal: (m) => parseChineseNumber(m[1] ?? ""),
  },
  {
    name: "arabic-enumerated",
    // 1、 1. 1 . — not 1.5 (a decimal) and not 2012.
    // "1.5" is a decimal, but "1.3月8日" is item 1 about 3月8日, and "1.2022-2023学年度…" or "1.20xx年元月…" item 1 about a year.
    pattern: /^(\d{1,2}) *(?:、|[.,](?!(?!\d{4}(?:年|[-—–~至]\d{4})|\d{2}[xX×*]{2}年)\d+(?:\.\d|[^月日号號\d]|$))(?!\.)) */,
    level: 3,
    ordinal: (m) => Number(m[1]),
  },
  {
    name: "circled",
    pattern: /^([\u2460-\u2473]) */,
    level: 5,
    ordinal: (m) => (m[1] ?? "\u2460").charCodeAt(0) - 0x2460 + 1,
  },
];

export function matchItemNumber(key: string): ItemNumber | null {
  for (const rule of ITEM_NUMBER_RULES) {
    const m = rule.pattern.exec(key);
    if (!m) continue;
    const ordinal = rule.ordinal(m);
    if (ordinal === null || ordinal < 1) continue;
    // A number with nothing after it is not an item ("三、" alone still is: a heading with no text yet).
    return { level: rule.level, ordinal, textStart: m[0].length };
  }
  return null;
}

/** "、开展教工读书活动": an item whose number was lost in copying. */
export function matchMissingNumber(key: string): number | null {
  const m = /^[、] *(?=\S)/.exec(key);
  return m ? m[0].length : null;
}

/** How a level's number is written in canonical output. */
export function formatItemNumber(level: number, ordinal: number, han: (n: number) => string): string {
  switch (level) {
    case 1:
      return `${han(ordinal)}、`;
    case 2:
      return `（${han(ordinal)}）`;
    case 3:
      return `${ordinal}、`;
    case 4:
      return `（${ordinal}）`;
    default:
      return ordinal >= 1 && ordinal <= 20 ? String.fromCharCode(0x2460 + ordinal - 1) : `${ordinal}.`;
  }
}
