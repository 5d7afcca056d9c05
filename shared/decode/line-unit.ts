/**
 * What the schedule decoder looks at for one content line of a plan: the line as written, the part
 * after its item number, and the number itself, taken from the token the line rules gave it.
 */
import { foldKey } from "../normalize/fold";
import type { LineToken, TokenLine } from "../plan/line-token";

export interface TextView {
  text: string;
  /** foldKey(text): same offsets, full-width forms folded. */
  key: string;
}

export interface ItemNumberFacts {
  level: number | null;
  ordinal: number | null;
  /** The number was lost in copying ("、开展…"). */
  lost: boolean;
}

export interface LineUnit {
  /** Index of the line's token in the plan segment. */
  index: number;
  /** 1-based line in the original input. */
  line: number;
  token: LineToken;
  /** The line after any Markdown marker, item number included. */
  whole: TextView;
  /** The line after its item number or bullet. */
  body: TextView;
  number: ItemNumberFacts | null;
  markdownDepth: number | null;
  /** How many content lines follow this one in the plan (0 for the last). */
  fromEnd: number;
  /** Offsets in body.text where a layout space between CJK characters was dropped (cell breaks). */
  gaps: readonly number[];
}

/** The gaps of a line that fall inside `piece` (a suffix or part of it), relative to the piece. */
function gapsOf(t: TokenLine, piece: string): number[] {
  if (!t.gaps || piece === "") return [];
  const at = t.text.lastIndexOf(piece);
  if (at < 0) return [];
  const out: number[] = [];
  for (const g of t.gaps) if (g > at && g < at + piece.length) out.push(g - at);
  return out;
}

function view(text: string): TextView {
  // A cell of a table pasted as text may keep the table's "|" at its end.
  const t = text.replace(/\s*[|｜]\s*$/, "").trim();
  return { text: t, key: foldKey(t) };
}

function unitViews(tok: LineToken): { whole: string; body: string; number: ItemNumberFacts | null; depth: number | null } | null {
  switch (tok.kind) {
    case "item":
      return { whole: tok.source, body: tok.text, number: { level: tok.level, ordinal: tok.ordinal, lost: tok.numberLost }, depth: tok.markdownDepth };
    case "month": {
      const body = tok.source;
      return { whole: body, body, number: tok.item ? { level: tok.item.level, ordinal: tok.item.ordinal, lost: tok.item.numberLost } : null, depth: tok.markdownDepth };
    }
    case "paragraph":
      return tok.mojibake ? null : { whole: tok.text, body: tok.text, number: null, depth: null };
    case "heading":
    case "title":
      return { whole: tok.text, body: tok.text, number: null, depth: tok.markdownDepth };
    case "checkbox":
      return { whole: tok.text, body: tok.text, number: null, depth: null };
    default:
      return null;
  }
}

/**
 * "1、一月份…，2、二月份…": where the next number in sequence follows a comma, a ；, a 。 or a space,
 * a new item starts. Returns the offsets in `key` where each later item's number starts.
 */
function inlineNumberStarts(key: string, ordinal: number): { at: number; ordinal: number; textAt: number }[] {
  const out: { at: number; ordinal: number; textAt: number }[] = [];
  let want = ordinal + 1;
  for (let i = 1; i < key.length - 2; i++) {
    const c = key.charAt(i - 1);
    if (c !== "," && c !== ";" && c !== "。" && c !== " ") continue;
    const digits = String(want);
    if (!key.startsWith(digits, i)) continue;
    const sep = key.charAt(i + digits.length);
    if (sep !== "、" && sep !== "." && sep !== ")") continue;
    if (/\d/.test(key.charAt(i + digits.length + 1))) continue;
    out.push({ at: i, ordinal: want, textAt: i + digits.length + 1 });
    want++;
  }
  return out;
}

/** The content lines of a segment as units; blank, noise, quote and table lines are left out. */
export function lineUnits(tokens: readonly TokenLine[]): LineUnit[] {
  const units: LineUnit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TokenLine;
    const v = unitViews(t.token);
    if (!v) continue;
    const body = view(v.body);
    const ordinal = v.number?.ordinal ?? null;
    const splits = ordinal !== null && t.token.kind === "item" ? inlineNumberStarts(body.key, ordinal) : [];
    if (splits.length === 0) {
      units.push({ index: i, line: t.line, token: t.token, whole: view(v.whole), body, number: v.number, markdownDepth: v.depth, fromEnd: 0, gaps: gapsOf(t, body.text) });
      continue;
    }
    // Each numbered piece becomes a unit of its own, on the same line.
    let from = 0;
    let number = v.number;
    let whole = view(v.whole);
    for (const s of splits) {
      const piece = view(body.text.slice(from, s.at));
      units.push({ index: i, line: t.line, token: t.token, whole, body: piece, number, markdownDepth: v.depth, fromEnd: 0, gaps: gapsOf(t, piece.text) });
      number = { level: v.number?.level ?? 3, ordinal: s.ordinal, lost: false };
      whole = view(body.text.slice(s.at));
      from = s.textAt;
    }
    const lastPiece = view(body.text.slice(from));
    units.push({ index: i, line: t.line, token: t.token, whole, body: lastPiece, number, markdownDepth: v.depth, fromEnd: 0, gaps: gapsOf(t, lastPiece.text) });
  }
  for (let i = 0; i < units.length; i++) (units[i] as LineUnit).fromEnd = units.length - 1 - i;
  return units;
}
