/**
 * Reads and writes the YAML frontmatter of a plan note with a real YAML codec (yaml-codec.ts): the
 * values a review brings back from Notion (several lines, tabs, U+2028, a trailing `:`) must come
 * back exactly as written, or the next sync pushes a mangled copy to Notion. The block is read from
 * the raw text, not from normalized lines: normalization trims and folds spaces, which would change
 * a quoted value.
 */
import type { NormalizedLine } from "../normalize/normalize-text";
import { builtinYamlCodec, doubleQuoted, yamlCodec } from "./yaml-codec";
import { isDigitCode } from "../schedule/date-codes";

export interface Frontmatter {
  values: Record<string, string>;
  /** Number of normalized (non-blank) lines the block takes, fences included (0 when there is none). */
  lineCount: number;
}

// Where normalizeText breaks lines, so `source` numbers index the same lines here.
const BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/** The raw text between the opening fence (line 1) and line `closeLine` (1-based, the closing fence). */
function rawBlock(text: string, closeLine: number): string {
  BREAK.lastIndex = 0;
  let line = 1;
  let start = -1;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    line++;
    const at = m.index + m[0].length;
    if (line === 2) start = at;
    if (line === closeLine) return start < 0 ? "" : text.slice(start, m.index);
  }
  return "";
}

/** A parsed YAML value as the text a plan field holds; null for what is no scalar. */
function scalarText(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  // Obsidian's parser reads a bare 2027-03-08 as a date.
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return null;
}

function valuesOf(parsed: unknown): Record<string, string> | null {
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    const s = scalarText(v);
    if (s !== null) values[k] = s;
  }
  return values;
}

// Words YAML 1.1 reads as a bool or null (1.2 has fewer): a bare one, in any case, is no plain
// string for every reader. Looked up lower-cased (a word of at most LONGEST_RESERVED letters).
const RESERVED_WORDS = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);
const LONGEST_RESERVED = 5;
// YAML 1.1 reads 2027-3-8 (and what follows it) as a timestamp.
const DATE_START = /^\d{4}-\d\d?-\d\d?/;
/** Keys of more than this many characters go to the codec (YAML caps an implicit key's length). */
const MAX_KEY = 64;

/**
 * Whether a non-ASCII UTF-16 unit is an ordinary printable character to every YAML reader: not a
 * space or line break of any kind (U+0085, U+2028, U+3000, …), not a BOM, not half a pair.
 */
function plainNonAscii(c: number): boolean {
  if (c < 0xa1 || c === 0x1680 || c === 0x3000 || c === 0xfeff || c >= 0xfff0) return false;
  if ((c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f)) return false;
  return c < 0xd800 || c > 0xdfff;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * A key or value no YAML reader can read as anything but this very string: letters, digits,
 * `-` `_` `.` `/` and ordinary non-ASCII characters, opening with a letter or a digit (so never an
 * indicator, a quote, a sign or `.inf`), and no space, `:` or `#` anywhere (no comment, no nested
 * key). Of those, only the all-ASCII ones can still be something else, and are checked: a bool or
 * null word, a 1.1 exponent ("e5"), or, opening with a digit, a number or a date (a number has no
 * `-` right after a digit; a 1.1 sexagesimal needs a `:`).
 */
function isPlainWord(word: string, isKey: boolean): boolean {
  if (word === "") return false;
  const first = word.charCodeAt(0);
  if (!(isAsciiLetter(first) || plainNonAscii(first) || (!isKey && isDigitCode(first)))) return false;
  let ascii = true;
  let lettersOnly = true;
  let digitDash = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) {
      if (!plainNonAscii(c)) return false;
      ascii = false;
    } else if (!isAsciiLetter(c)) {
      lettersOnly = false;
      if (c === 0x2d) digitDash ||= i > 0 && isDigitCode(word.charCodeAt(i - 1));
      else if (!(isDigitCode(c) || c === 0x5f || (!isKey && (c === 0x2e || c === 0x2f)))) return false;
    }
  }
  // No YAML type but the string has a non-ASCII character in its pattern.
  if (!ascii) return true;
  if (lettersOnly) return word.length > LONGEST_RESERVED || !RESERVED_WORDS.has(word.toLowerCase());
  // YAML 1.1 reads "e5" as a float (its mantissa is optional): a letter then one more.
  if (isAsciiLetter(first)) return (first | 0x20) !== 0x65 || isAsciiLetter(word.charCodeAt(1));
  return digitDash && !DATE_START.test(word);
}

/**
 * The frontmatter of most notes, read without a codec: a block whose every line is `key: value`
 * with a plain key and value (isPlainWord), each key once. Every YAML reader (the `yaml` package in
 * 1.1 or 1.2, Obsidian's parseYaml, the built-in codec) reads such a block as this map of strings,
 * and a codec's parser costs more than the rest of a small note's reading. Null for any other block.
 */
export function plainStringMap(block: string): Record<string, string> | null {
  if (block === "") return null;
  const values: Record<string, string> = {};
  for (let from = 0; ; ) {
    const next = block.indexOf("\n", from);
    const end = next < 0 ? block.length : next;
    // A plain key holds no colon: the first one ends it, and a space must follow.
    const colon = block.indexOf(":", from);
    if (colon < 0 || colon >= end || colon - from > MAX_KEY || block.charCodeAt(colon + 1) !== 0x20) return null;
    const key = block.slice(from, colon);
    const value = block.slice(colon + 2, end);
    if (!isPlainWord(key, true) || !isPlainWord(value, false) || Object.prototype.hasOwnProperty.call(values, key)) return null;
    values[key] = value;
    if (next < 0) return values;
    from = next + 1;
  }
}

/** Parses a frontmatter block: the codec first; a block it refuses (hand-written, not quite YAML) is read leniently. */
export function parseFrontmatterBlock(block: string): Record<string, string> {
  const plain = plainStringMap(block);
  if (plain) return plain;
  try {
    const values = valuesOf(yamlCodec().parse(block));
    if (values) return values;
  } catch {
    // Not valid YAML: read what the flat reader can.
  }
  return valuesOf(builtinYamlCodec.parse(block)) ?? {};
}

/**
 * The frontmatter of a note. `text` is the note as given to normalizeText (values are read from
 * it); without it, the normalized lines are read, as a flat map.
 */
export function readFrontmatter(lines: readonly NormalizedLine[], text?: string): Frontmatter {
  if (lines[0]?.text !== "---" || lines[0].source !== 1) return { values: {}, lineCount: 0 };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line && (line.text === "---" || line.text === "...")) {
      const block = text !== undefined ? rawBlock(text, line.source) : lines.slice(1, i).map((l) => l.text).join("\n");
      return { values: parseFrontmatterBlock(block), lineCount: i + 1 };
    }
  }
  // No closing fence: not frontmatter, just a rule line.
  return { values: {}, lineCount: 0 };
}

const INDICATOR_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$|^[+-]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^0[xXoObB]|^[+-]?\.(inf|nan)$|^\d{4}-\d{2}-\d{2}/i;

/** Whether `value` can stand bare after `key: ` on one line (a cheap, conservative test). */
function bareIsSafe(value: string): boolean {
  if (value === "" || INDICATOR_START.test(value) || RESERVED.test(value) || value !== value.trim()) return false;
  if (value.endsWith(":") || value.includes(": ") || value.includes(" #") || value.includes(":\t") || value.includes("\t#")) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

function readsBack(line: string, key: string, value: string): boolean {
  try {
    const parsed = yamlCodec().parse(line);
    return parsed !== null && typeof parsed === "object" && (parsed as Record<string, unknown>)[key] === value;
  } catch {
    return false;
  }
}

/**
 * One `key: value` line that the registered codec reads back as exactly `value`: bare when that is
 * safe, else as the codec writes it (when that is one line), else double-quoted with every escape.
 */
export function frontmatterLine(key: string, value: string): string {
  const bare = `${key}: ${value}`;
  if (bareIsSafe(value) && readsBack(bare, key, value)) return bare;
  try {
    const written = yamlCodec().stringify({ [key]: value }).replace(/\n$/, "");
    if (!/[\r\n\u0085\u2028\u2029]/.test(written) && readsBack(written, key, value)) return written;
  } catch {
    // A codec that cannot write it: quote it ourselves.
  }
  const quoted = `${key}: ${doubleQuoted(value)}`;
  if (readsBack(quoted, key, value)) return quoted;
  throw new Error(`frontmatter: ${key} cannot be written so that it reads back unchanged`);
}

/** The scalar `frontmatterLine` writes after `key: ` (for writers assembling new notes). */
export function yamlScalar(value: string): string {
  return frontmatterLine("k", value).slice(3);
}
