/**
 * Raw text → clean lines, once, with a map back to the original line numbers.
 * Display text keeps the writer's characters (Traditional stays Traditional, full-width
 * punctuation stays); `key` is the folded copy the recognition rules match against.
 */
import { foldKey } from "./fold";
import { stripPinyinAnnotations } from "./pinyin";
import { looksLikeMojibake } from "./mojibake";
import { RawLineReader } from "./raw-lines";
import { isSpaceCode } from "./trim-chars";

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
  /**
   * Offsets in `text` where a layout space between two CJK characters was dropped, or null when
   * none was. A table pasted as text keeps its cell breaks only there ("春节联欢会 元宵节游园").
   */
  gaps: number[] | null;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const ZERO_WIDTH_TEST = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
// \s covers tabs, no-break spaces, U+3000 and the other Unicode spaces.
const INNER_SPACE = /\s/;
const SPACE_RUN = /\s+/g;
// A space between two CJK characters is layout (Word justification, "第  四 工会小组"), not content:
// collapseLayoutSpaces drops it. Runs of spaces, and spaces of other kinds, become one plain space.
const ODD_SPACE = /[^\S ]| {2}/;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

// What one walk over a raw line finds, so the cleaning steps and the tests after them run only on
// lines that hold what they look for: most lines hold none of it, and a pattern call costs more
// than the walk. A character the walk is not sure of sets every bit (the steps then test as before).
const BRACKET = 1;
const ZERO_WIDTH_CHAR = 2;
/** A \s character. */
const SPACE = 4;
/** A \s character other than a plain space, or two plain spaces together (what ODD_SPACE finds). */
const ODD_SPACING = 8;
/** A character foldKey folds. */
const FOLDABLE_CHAR = 16;
/** A character looksLikeMojibake counts. */
const GARBLE_CHAR = 32;
/** A plain space between two CJK characters: a layout space collapseLayoutSpaces drops. */
const LAYOUT_GAP = 64;
const ALL_TRAITS = 127;

/**
 * The traits of the raw line input[start, end), in one walk by char code (the classes are those of
 * the patterns above and in fold.ts and mojibake.ts). It walks the whole text, not the line's
 * slice: reading a slice's characters goes through the slice each time.
 */
function traitsOf(raw: string, start: number, end: number): number {
  let traits = 0;
  let lastSpace = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    // Han characters, letters and digits: most of a line, and none of the classes.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c > 0x20 && c < 0x7f && c !== 0x28)) {
      lastSpace = false;
      continue;
    }
    if (c === 0x20) {
      traits |= lastSpace ? SPACE | ODD_SPACING : SPACE;
      if (i > start && i + 1 < end && isCjk(raw.charCodeAt(i - 1)) && isCjk(raw.charCodeAt(i + 1))) traits |= LAYOUT_GAP;
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if (c === 0x28 || c === 0xff08) traits |= BRACKET;
    if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) traits |= ZERO_WIDTH_CHAR;
    if (isSpaceCode(c)) traits |= SPACE | ODD_SPACING;
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0xfe51) traits |= FOLDABLE_CHAR;
    if (c === 0xfffd || (c >= 0x2500 && c <= 0x257f) || (c >= 0x3100 && c <= 0x312f) || (c >= 0xff61 && c <= 0xff9f)) traits |= GARBLE_CHAR;
  }
  return traits;
}

function indentOf(raw: string): number {
  let cols = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 9) cols += 4;
    else if (c === 32 || c === 0x3000 || c === 0xa0) cols += 1;
    else break;
  }
  return cols;
}

/**
 * One line cleaned: pinyin annotations out (only where a tone mark shows there may be one),
 * zero-width characters out, every kind of space a plain space, a space between two CJK characters
 * dropped, runs folded to one, ends trimmed. Each step runs only when a cheap test says it is needed:
 * most lines need none, and this runs on every line of every plan.
 */
export function cleanLine(raw: string): { text: string; pinyinRemoved: number } {
  const counter = { removed: 0 };
  return { text: cleanLineText(raw, counter), pinyinRemoved: counter.removed };
}

/** cleanLine without an object per line: the pinyin count and the dropped spaces go into `counter`. */
function cleanLineText(raw: string, counter: { removed: number; gaps?: number[] | null }, traits = ALL_TRAITS): string {
  let text = raw;
  // An annotation needs a bracket; most lines have none, and indexOf is cheaper than a class scan.
  if (traits & BRACKET && (text.indexOf("(") >= 0 || text.indexOf("（") >= 0) && TONE_MARK.test(text)) {
    const stripped = stripPinyinAnnotations(text);
    text = stripped.text;
    counter.removed += stripped.removed;
  }
  if (traits & ZERO_WIDTH_CHAR && ZERO_WIDTH_TEST.test(text)) text = text.replace(ZERO_WIDTH, "");
  if (!(traits & SPACE)) return text;
  // Taking characters out (an annotation, a zero-width one) can bring two spaces together, or two
  // CJK characters about one: then the raw line's spacing says nothing of the cleaned one's.
  const spacing = text === raw ? traits : ALL_TRAITS;
  return collapseLayoutSpaces(text.trim(), counter, spacing);
}

/**
 * Drops the layout spaces between CJK characters, as normalization does; for text assembled after it.
 * With `record`, the offsets (in the result) where spaces were dropped go into record.gaps.
 */
export function collapseLayoutSpaces(text: string, record?: { gaps?: number[] | null }, traits = ALL_TRAITS): string {
  if (traits === ALL_TRAITS ? !INNER_SPACE.test(text) : !(traits & SPACE)) return text;
  const odd = traits === ALL_TRAITS ? ODD_SPACE.test(text) : traits & ODD_SPACING;
  // Single plain spaces, none between two CJK characters (trimming the ends moves no neighbour): nothing to do.
  if (!odd && !(traits & LAYOUT_GAP)) return text;
  const t = odd ? text.replace(SPACE_RUN, " ") : text;
  // Walk the spaces by hand: a regex with CJK classes on both sides is the slowest step on Markdown notes.
  let out = "";
  let last = 0;
  for (let i = t.indexOf(" "); i >= 0; i = t.indexOf(" ", i + 1)) {
    if (i > 0 && isCjk(t.charCodeAt(i - 1)) && isCjk(t.charCodeAt(i + 1))) {
      out += t.slice(last, i);
      last = i + 1;
      if (record) (record.gaps ??= []).push(out.length);
    }
  }
  return last === 0 ? t : out + t.slice(last);
}

/** CJK ideographs and punctuation, full-width forms and curly quotes: the SPACE_BETWEEN_CJK class. */
function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2018 && c <= 0x201f);
}

/**
 * The text's normalized lines one at a time, in order: a long text need not hold them all (the plan
 * reader classifies each as it comes).
 */
export class NormalizedLineReader {
  private readonly raw: RawLineReader;
  private readonly counter: { removed: number; gaps: number[] | null } = { removed: 0, gaps: null };

  constructor(private readonly input: string) {
    this.raw = new RawLineReader(input);
  }

  /**
   * The next line with text, or null at the end. Blank lines carry no meaning in a plan (Word
   * pastes put one between every line), so they are skipped; every line kept still knows its
   * original line number.
   */
  next(): NormalizedLine | null {
    const counter = this.counter;
    const raw = this.raw;
    while (raw.next()) {
      if (raw.start === raw.end) continue;
      const line = raw.text();
      counter.removed = 0;
      counter.gaps = null;
      const traits = traitsOf(this.input, raw.start, raw.end);
      const text = cleanLineText(line, counter, traits);
      if (text === "") continue;
      // Cleaning only takes characters out (or makes spaces plain): what the raw line lacks, the clean one lacks too.
      const key = traits & FOLDABLE_CHAR ? foldKey(text) : text;
      const mojibake = traits & GARBLE_CHAR ? looksLikeMojibake(text) : false;
      return { text, key, source: raw.line, indent: indentOf(line), mojibake, pinyinRemoved: counter.removed, gaps: counter.gaps };
    }
    return null;
  }
}

/** Every normalized line of the text (see NormalizedLineReader). */
export function normalizeText(input: string): NormalizedLine[] {
  const reader = new NormalizedLineReader(input);
  const out: NormalizedLine[] = [];
  for (let line = reader.next(); line !== null; line = reader.next()) out.push(line);
  return out;
}
