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
  /**
   * The line after any Markdown marker, item number included. Where that is the whole line, this
   * is the line itself (its text and key), as is `body`: no view of its own kept a line.
   */
  whole: TextView;
  /** The line after its item number or bullet. */
  body: TextView;
  number: ItemNumberFacts | null;
  markdownDepth: number | null;
  /** How many content lines follow this one in the plan (0 for the last), counted up to NEAR_END + 1. */
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
function unitOf(i: number, t: TokenLine, whole: LocatedView | null, body: LocatedView, number: ItemNumberFacts | null, depth: number | null, phrase = readDatePhrase(body.key)): LineUnit {
  const gaps = gapsIn(t, body.at, body.text.length);
  const bodyView = isWholeLine(t, body) ? t : body;
  const wholeView = whole === null ? bodyView : isWholeLine(t, whole) ? t : whole;
  return { index: i, line: t.line, token: t.token, whole: wholeView, body: bodyView, number, markdownDepth: depth, fromEnd: 0, gaps, phrase, opensWithDate: phrase !== null, previousOrdinal: null, dayAfterEarlier: false, timeField: undefined, nameField: undefined, scheduleKeyword: undefined };
}

/**
 * Whether a view is the whole line (most lines: no item number, nothing trimmed). The line then
 * serves as the view, its text and key being the same: no object of its own kept a line.
 */
function isWholeLine(t: TokenLine, v: LocatedView): boolean {
  return v.at === 0 && v.text === t.text && v.key === t.key;
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

/**
 * The units of one content line, added to `out` (most lines give one; a line a 行事历 was run into
 * gives one a piece). Nothing for a blank, noise, quote or table line. `fromEnd`, `previousOrdinal`
 * and `dayAfterEarlier` are left for the UnitReader (below), which sees the lines around.
 */
export function cutLine(i: number, t: TokenLine, out: LineUnit[]): void {
  const v = unitViews(t.token);
  if (!v) return;
  const body = view(t, v.body, suffixAt(t, v.body));
  const ordinal = v.number?.ordinal ?? null;
  // The date phrase the body opens with is read once: the heading cuts and the unit both need it.
  const phrase = readDatePhrase(body.key);
  let cuts = ordinal !== null && t.token.kind === "item" ? numberCuts(body.key, ordinal) : NO_CUTS;
  if (cuts.length === 0 && body.key.indexOf("月") >= 0 && t.token.kind !== "checkbox") cuts = headingCuts(body.key, phrase, gapsIn(t, body.at, body.text.length));
  if (cuts.length === 0) {
    // Most lines have no item number: their whole is their body, viewed the same way.
    const whole = v.whole === v.body ? null : view(t, v.whole, suffixAt(t, v.whole));
    out.push(unitOf(i, t, whole, body, v.number, v.depth, phrase));
    return;
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
    out.push(unitOf(i, t, whole, view(t, body.text.slice(from, c.at), pieceAt(from)), number, v.depth));
    number = c.ordinal === null ? null : { level: v.number?.level ?? 3, ordinal: c.ordinal, lost: false };
    const nextCut = cuts[k + 1];
    whole = view(t, body.text.slice(c.at, nextCut ? nextCut.at : body.text.length), pieceAt(c.at));
    from = c.textAt;
  }
  out.push(unitOf(i, t, whole, view(t, body.text.slice(from), pieceAt(from)), number, v.depth));
}

/** `fromEnd` is only asked whether it is at most NEAR_END (furniture-reading.ts): it is counted up to NEAR_END + 1. */
export const NEAR_END = 3;

/**
 * A batch holds the units of at least this many lines (or the rest of the segment). The decoder
 * walks a batch as a list: handing units out one by one cost a call a unit, measurably so on
 * a vault of small plans.
 */
const BATCH = 64;

/**
 * The units of a segment, cut a batch at a time as the decoder reads them. A long plan's units are
 * not all made before the first is read: each holds its date phrase until the decoder has read it,
 * and made up front they all lived long enough to be copied by the garbage collector (8 MB of "3月"
 * lines: 1.7 M phrases). Made a batch ahead, a phrase dies young.
 */
export class UnitReader {
  /** The next batch, cut already: the last units of a batch need to know how many follow. */
  private ahead: LineUnit[];
  /** The next token to cut. */
  private at = 0;
  private previousOrdinal: number | null = null;
  /** month * 32 + day of the nearest earlier unit that opens with a day (0: none yet). */
  private previousDay = 0;

  constructor(private readonly tokens: readonly TokenLine[]) {
    this.ahead = this.cut();
  }

  /** The next batch of units, with what the lines before and after tell of them; empty after the last. */
  next(): LineUnit[] {
    const batch = this.ahead;
    if (batch.length === 0) return batch;
    this.ahead = this.cut();
    // `ahead` is empty only at the end, and short (under NEAR_END + 1 units) only there too.
    const after = this.ahead.length;
    for (let k = 0; k < batch.length; k++) {
      const u = batch[k] as LineUnit;
      u.fromEnd = Math.min(batch.length - 1 - k + after, NEAR_END + 1);
      this.place(u);
    }
    return batch;
  }

  /** Cuts the units of the next BATCH lines, and of more while they give fewer than NEAR_END + 1. */
  private cut(): LineUnit[] {
    const out: LineUnit[] = [];
    const tokens = this.tokens;
    const end = Math.min(tokens.length, this.at + BATCH);
    for (; this.at < end || (out.length <= NEAR_END && this.at < tokens.length); this.at++) cutLine(this.at, tokens[this.at] as TokenLine, out);
    return out;
  }

  /** Sets what the units before this one tell: the item number counting on, a day later than the last. */
  private place(u: LineUnit): void {
    u.previousOrdinal = this.previousOrdinal;
    const day = u.phrase?.day;
    if (day) {
      const at = day.month * 32 + day.day;
      u.dayAfterEarlier = this.previousDay > 0 && at > this.previousDay;
      this.previousDay = at;
    }
    if (u.number?.ordinal != null) this.previousOrdinal = u.number.ordinal;
    // "9.…" then "10滨海新区…": the next number of the list, its separator lost, still counts.
    else if (this.previousOrdinal !== null && leadingNumber(u.whole.key) === this.previousOrdinal + 1) this.previousOrdinal += 1;
  }
}

/** All the units of a segment at once (the tests). */
export function lineUnits(tokens: readonly TokenLine[]): LineUnit[] {
  const reader = new UnitReader(tokens);
  const units: LineUnit[] = [];
  for (let batch = reader.next(); batch.length > 0; batch = reader.next()) for (const u of batch) units.push(u);
  return units;
}
