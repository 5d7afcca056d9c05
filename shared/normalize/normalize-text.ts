/**
 * Raw text → clean lines, once, with a map back to the original line numbers.
 * Display text keeps the writer's characters (Traditional stays Traditional, full-width
 * punctuation stays); `key` is the folded copy the recognition rules match against.
 */
import { foldKey } from "./fold";
import { stripPinyinAnnotations } from "./pinyin";
import { looksLikeMojibake } from "./mojibake";

export interface NormalizedLine {
  /** Cleaned text as written. */
  text: string;
  /** foldKey(text): same length, full-width forms folded for matching. */
  key: string;
  /** 1-based line number in the original input. */
  source: number;
  /** Leading indentation in columns (tabs count 4) before cleaning; Markdown nesting uses it. */
  indent: number;
  mojibake: boolean;
  /** Pinyin annotations removed from this line. */
  pinyinRemoved: number;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f";
// A space between two CJK characters is layout (Word justification, "第  四 工会小组"), not content.
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) +(?=[${CJK}])`, "g");

function indentOf(raw: string): number {
  let cols = 0;
  for (const ch of raw) {
    if (ch === "\t") cols += 4;
    else if (ch === " " || ch === "\u3000" || ch === "\u00a0") cols += 1;
    else break;
  }
  return cols;
}

export function cleanLine(raw: string): { text: string; pinyinRemoved: number } {
  let text = raw.replace(ZERO_WIDTH, "").replace(SPACES, " ");
  const pinyin = stripPinyinAnnotations(text);
  text = pinyin.text.replace(SPACE_BETWEEN_CJK, "$1").replace(/ {2,}/g, " ").trim();
  return { text, pinyinRemoved: pinyin.removed };
}

export function normalizeText(input: string): NormalizedLine[] {
  const rawLines = input.split(/\r\n|\r|\n|\u2028|\u2029/);
  const out: NormalizedLine[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i] ?? "";
    const { text, pinyinRemoved } = cleanLine(raw);
    out.push({
      text,
      key: foldKey(text),
      source: i + 1,
      indent: indentOf(raw.replace(ZERO_WIDTH, "")),
      mojibake: looksLikeMojibake(text),
      pinyinRemoved,
    });
  }
  return out;
}
