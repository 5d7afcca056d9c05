/**
 * What the schedule decoder looks at for one content line of a plan: the line as written, the part
 * after its item number, and the number itself, taken from the token the line rules gave it.
 */
import { foldKey } from "../../normalize/fold";
import { isSpaceCode, SPACES, trimEndOf } from "../../normalize/trim-chars";
import type { LineToken, TokenLine } from "../line-token";
import { readDatePhrase, type DatePhrase } from "../../schedule/date-phrase";
import { charCodeSet } from "../../schedule/word-lookup";
import { headingTail } from "./heading-tail";
import { isDigitCode } from "../../schedule/date-codes";

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
  /**
   * The date phrase the body opens with, read once here for every rule that asks. The decoder lets
   * it go (null) once it has read the line, as the readings keep what they need of it: a long plan
   * held one a line. `opensWithDate` says whether there was one.
   */
  phrase: DatePhrase | null;
  opensWithDate: boolean;
  /** The item number of the nearest earlier line that has one ("10." before "11."), or null. */
  previousOrdinal: number | null;
  /** The line opens with a day later than the day the nearest earlier day-dated line opens with ("3月20日" after "3月8日"). */
  dayAfterEarlier: boolean;
  /**
   * Whether the line is a time or a name field (field-tasks.ts), found the first time a rule asks:
   * a reading, every step of a task reading and the field reader all ask, some of them many times.
   */
  timeField?: boolean;
  nameField?: boolean;
  /** Whether the line names a 行事历 (schedule-keyword.ts), found the first time the decoder asks. */
  scheduleKeyword?: boolean;
}

const NO_GAPS: readonly number[] = [];

/** The line's gaps inside [at, at + length), relative to `at` (gaps are sorted: a binary search finds the first). */
function gapsIn(t: TokenLine, at: number, length: number): readonly number[] {
  const gaps = t.gaps;
  if (!gaps || length === 0 || at < 0) return NO_GAPS;
  let lo = 0;
  let hi = gaps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((gaps[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  let out: number[] | null = null;
  for (let k = lo; k < gaps.length && (gaps[k] as number) < at + length; k++) (out ??= []).push((gaps[k] as number) - at);
  return out ?? NO_GAPS;
}

interface LocatedView extends TextView {
  /** Offset of `text` in the line's text (-1 when it could not be placed). */
  at: number;
}

/**
 * A part of a line (the line after its number, a piece of it), trimmed, with its folded key sliced
 * from the line's key (normalization folded the line once). `at` is where `text` starts in the line
 * when the caller knows it (every caller's `at` was found in the line: suffixAt's, or an offset into
 * a view placed so), and is not checked again; only when it does not is the line searched, once.
 */
function view(line: TokenLine, text: string, at = -1): LocatedView {
  let t = text;
  let lead = 0;
  // Most parts have nothing to trim (the token's text was trimmed): a look at both ends spares the four trims.
  const last = text.charCodeAt(text.length - 1);
  if (text === "" || isSpaceCode(text.charCodeAt(0)) || isSpaceCode(last) || last === 0x7c || last === 0xff5c) {
    // A cell of a table pasted as text may keep the table's "|" at its end.
    const endTrimmed = trimEndOf(trimEndOf(text, SPACES), "|｜");
    t = endTrimmed.trim();
    lead = endTrimmed.length - endTrimmed.trimStart().length;
  }
  const start = at >= 0 ? at + lead : line.text.lastIndexOf(t);
  return { text: t, key: start >= 0 ? line.key.slice(start, start + t.length) : foldKey(t), at: start };
}

/** Where `text` starts in the line when it is the line's end (an item after its number). */
function suffixAt(line: TokenLine, text: string): number {
  return line.text.endsWith(text) ? line.text.length - text.length : -1;
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

/** Where a later piece of a line starts (`at`), where its text starts, and its item number if any. */
interface Cut {
  at: number;
  textAt: number;
  ordinal: number | null;
}

const BREAK_BEFORE = " ,;。；，";
const NO_CUTS: Cut[] = [];
export const STAR_MARKS = "★☆■◆●▲";
// The cut scans below look at every character of a line: by char code, as charAt would make a
// string of each CJK character.
const BREAK_BEFORE_CODES = charCodeSet(BREAK_BEFORE);
export const STAR_MARK_CODES = charCodeSet(STAR_MARKS);
const COLON = 0x3a;
const SPACE = 0x20;

/**
 * "1、一月份…，2、二月份…": where the next number in sequence follows a comma, a ；, a 。 or a space,
 * a new item starts.
 */
function numberCuts(key: string, ordinal: number): Cut[] {
  // Most items hold no second number: look for the next one before walking the line.
  if (key.indexOf(String(ordinal + 1), 1) < 0) return NO_CUTS;
  const out: Cut[] = [];
  let want = ordinal + 1;
  for (let i = 1; i < key.length - 2; i++) {
    if (!BREAK_BEFORE_CODES.has(key.charCodeAt(i - 1))) continue;
    const digits = String(want);
    if (!key.startsWith(digits, i)) continue;
    const sep = key.charAt(i + digits.length);
    if (sep !== "、" && sep !== "." && sep !== ")") continue;
    if (isDigitCode(key.charCodeAt(i + digits.length + 1))) continue;
    out.push({ at: i, ordinal: want, textAt: i + digits.length + 1 });
    want++;
  }
  return out;
}

function isColonHeadingAt(key: string, at: number): boolean {
  if (at === 0) return false;
  const p = readDatePhrase(key, at);
  return p !== null && key.charAt(headingTail(key, p.end)) === ":";
}

/**
 * "如下：四月份：保龄球赛 五月份：棋牌赛 六月份：划船赛 ★保龄球赛规程：…": a whole 行事历 run into one
 * line. A month heading with its colon after a space or a stop starts a piece; so does a ★ mark.
 */
function headingCuts(key: string, lead: DatePhrase | null, gapList: readonly number[]): Cut[] {
  const from = lead ? lead.end : 1;
  // Every piece is a heading with its colon: a line with no colon after its own heading has none,
  // and no heading starts at or after the last colon (its colon comes after it).
  const lastColon = key.lastIndexOf(":");
  if (lastColon < from) return NO_CUTS;
  const out: Cut[] = [];
  const gaps = gapList.length > 0 ? new Set(gapList) : null;
  const startsWithHeading = lead !== null && key.charAt(headingTail(key, lead.end)) === ":";
  // Never inside the heading that opens the line ("7,8月：" is one heading, not 7 and 8月).
  for (let i = from; i < key.length - 2; i++) {
    const before = key.charCodeAt(i - 1);
    if (STAR_MARK_CODES.has(key.charCodeAt(i)) && before === SPACE) out.push({ at: i, textAt: i + 1, ordinal: null });
    else if (i < lastColon && (BREAK_BEFORE_CODES.has(before) || before === COLON || (gaps !== null && gaps.has(i))) && isColonHeadingAt(key, i)) out.push({ at: i, textAt: i, ordinal: null });
  }
  const headings = out.filter((c) => c.textAt === c.at).length;
  // One month heading inside a sentence is no 行事历; two, or one after a heading that opens the line, are.
  return headings >= 2 || (headings >= 1 && startsWithHeading) ? out : NO_CUTS;
}

/** `whole` null: the whole line is the body (no item number before it), and one view serves both. */
function unitOf(i: number, t: TokenLine, whole: TextView | null, body: LocatedView, number: ItemNumberFacts | null, depth: number | null, phrase = readDatePhrase(body.key)): LineUnit {
  return { index: i, line: t.line, token: t.token, whole: whole ?? body, body, number, markdownDepth: depth, fromEnd: 0, gaps: gapsIn(t, body.at, body.text.length), phrase, opensWithDate: phrase !== null, previousOrdinal: null, dayAfterEarlier: false, timeField: undefined, nameField: undefined, scheduleKeyword: undefined };
}

/** The digits a key opens with, at most four ("" when none): an item number, maybe with a month glued to it. */
export function leadingDigits(key: string): string {
  let n = 0;
  while (n < key.length && n < 4 && key.charCodeAt(n) >= 48 && key.charCodeAt(n) <= 57) n++;
  return key.slice(0, n);
}

/** The number a key opens with, or null. */
function leadingNumber(key: string): number | null {
  const digits = leadingDigits(key);
  return digits === "" ? null : Number(digits);
}

/** The content lines of a segment as units; blank, noise, quote and table lines are left out. */
export function lineUnits(tokens: readonly TokenLine[]): LineUnit[] {
  const units: LineUnit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TokenLine;
    const v = unitViews(t.token);
    if (!v) continue;
    const body = view(t, v.body, suffixAt(t, v.body));
    const ordinal = v.number?.ordinal ?? null;
    // The date phrase the body opens with is read once: the heading cuts and the unit both need it.
    const phrase = readDatePhrase(body.key);
    let cuts = ordinal !== null && t.token.kind === "item" ? numberCuts(body.key, ordinal) : NO_CUTS;
    if (cuts.length === 0 && body.key.indexOf("月") >= 0 && t.token.kind !== "checkbox") cuts = headingCuts(body.key, phrase, gapsIn(t, body.at, body.text.length));
    if (cuts.length === 0) {
      // Most lines have no item number: their whole is their body, viewed the same way.
      const whole = v.whole === v.body ? null : view(t, v.whole, suffixAt(t, v.whole));
      units.push(unitOf(i, t, whole, body, v.number, v.depth, phrase));
      continue;
    }
    const wholeAt = suffixAt(t, v.whole);
    // Each piece becomes a unit of its own, on the same line; pieces are placed by their offsets
    // (a line of a thousand pieces is never searched a thousand times).
    const pieceAt = (from: number): number => (body.at >= 0 ? body.at + from : -1);
    let from = 0;
    let number = v.number;
    // The first piece, number and all, up to the first cut.
    const numberLength = v.whole.length - v.body.length;
    let whole = view(t, v.whole.slice(0, Math.max(0, numberLength) + (cuts[0]?.at ?? body.text.length)), wholeAt);
    for (let k = 0; k < cuts.length; k++) {
      const c = cuts[k] as Cut;
      units.push(unitOf(i, t, whole, view(t, body.text.slice(from, c.at), pieceAt(from)), number, v.depth));
      number = c.ordinal === null ? null : { level: v.number?.level ?? 3, ordinal: c.ordinal, lost: false };
      const nextCut = cuts[k + 1];
      whole = view(t, body.text.slice(c.at, nextCut ? nextCut.at : body.text.length), pieceAt(c.at));
      from = c.textAt;
    }
    units.push(unitOf(i, t, whole, view(t, body.text.slice(from), pieceAt(from)), number, v.depth));
  }
  let previousOrdinal: number | null = null;
  let previousDay = 0; // month * 32 + day of the nearest earlier line that opens with a day
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as LineUnit;
    u.fromEnd = units.length - 1 - i;
    u.previousOrdinal = previousOrdinal;
    const day = u.phrase?.day;
    if (day) {
      const at = day.month * 32 + day.day;
      u.dayAfterEarlier = previousDay > 0 && at > previousDay;
      previousDay = at;
    }
    if (u.number?.ordinal != null) previousOrdinal = u.number.ordinal;
    // "9.…" then "10滨海新区…": the next number of the list, its separator lost, still counts.
    else if (previousOrdinal !== null && leadingNumber(u.whole.key) === previousOrdinal + 1) previousOrdinal += 1;
  }
  return units;
}
