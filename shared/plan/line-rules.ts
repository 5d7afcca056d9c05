/**
 * The line rules: each looks at one normalized line and either claims it (returns a token) or
 * says no. The chain's order is the whole policy, visible in LINE_RULES below: month headings
 * are tried before outline numbers, so 七、八月份 is a pair of months, not section 七.
 */
import type { NormalizedLine } from "../normalize/normalize-text";
import { matchMonthHeading } from "../schedule/month-heading";
import { matchItemNumber, matchMissingNumber } from "../outline/item-number";
import { isNoiseLine, isTitleLike } from "./plan-facts";
import type { LineToken, TokenLine } from "./line-token";
import { matchCheckbox } from "../tasks/task-serializer";
import { SPACES } from "../normalize/trim-chars";

interface LineView {
  text: string;
  key: string;
  mojibake: boolean;
}

type LineRule = (line: LineView) => LineToken | null;

function sub(line: LineView, start: number): LineView {
  const text = line.text.slice(start).trim();
  // Most lines fold to themselves (normalization then gives the text as the key): one cut serves both.
  return { text, key: line.key === line.text ? text : line.key.slice(start).trim(), mojibake: line.mojibake };
}

/** matchMonthHeading after a look for 月: every form it reads holds one, and most lines it is asked about have none. */
function monthHeadingIn(key: string): ReturnType<typeof matchMonthHeading> {
  return key.indexOf("月") < 0 ? null : matchMonthHeading(key);
}

const blank: LineRule = (l) => (l.text === "" ? { kind: "blank" } : null);

// The rules below run on every line until one claims it; those that need a marker character at the
// start of the key (>, |, #) look at that character before any pattern.
const GT = 0x3e;
const BAR = 0x7c;
const HASH = 0x23;
const CHECKBOX_FIRST = new Set([..."-*+", ...SPACES].map((c) => c.charCodeAt(0)));

const quote: LineRule = (l) => (l.key.charCodeAt(0) === GT ? { kind: "quote", text: l.text.replace(/^[>＞]\s?/, "") } : null);

const tableRow: LineRule = (l) => {
  if (l.key.charCodeAt(0) !== BAR || !/^\|.*\|$/.test(l.key)) return null;
  const cells = l.text.slice(1, -1).split(/[|｜]/).map((c) => c.trim());
  // The |---|---| separator stays in the table (as a row with no cells) so the table is one block.
  if (cells.every((c) => /^:?-{2,}:?$/.test(c.replace(/[\s－]/g, "-")) || c === "")) return { kind: "table-row", cells: [], text: l.text };
  return { kind: "table-row", cells, text: l.text };
};

const noise: LineRule = (l) => (isNoiseLine(l.text, l.key) ? { kind: "noise", text: l.text } : null);

/** "### 2027年3月", "## 一、指导思想", "# 某某计划", "## 行事历". */
const markdownHeading: LineRule = (l) => {
  // One to six #, then a space: counted, not matched (a pattern per heading line, and only the
  // count is used; a normalized line holds no line break, so what follows always matches).
  let depth = 0;
  while (l.key.charCodeAt(depth) === HASH) depth++;
  if (depth === 0 || depth > 6 || l.key.charCodeAt(depth) !== 0x20) return null;
  const inner = sub(l, depth);
  const month = monthHeadingIn(inner.key);
  if (month) return monthToken(inner, month, depth, null);
  const num = matchItemNumber(inner.key);
  if (num) {
    const rest = textAfterNumber(inner, num.textStart);
    // "## 1、三月份：…" holds a month, as the same line without the # would.
    const inItem = monthHeadingIn(rest.key);
    if (inItem && (inItem.restStart !== null || rest.key.endsWith(":"))) return monthToken(rest, inItem, depth, { level: num.level, ordinal: num.ordinal, numberLost: false });
    return { kind: "item", level: num.level, ordinal: num.ordinal, text: rest.text, markdownDepth: depth, numberLost: false, source: inner.text };
  }
  if (depth === 1) return { kind: "title", text: inner.text, markdownDepth: depth };
  return { kind: "heading", text: inner.text, markdownDepth: depth };
};

/** "- [ ] 任务 ^t-ab12" */
const checkbox: LineRule = (l) => {
  // The box syntax is the serializer's, so what is read as a checkbox is what an edit can tick.
  // It opens with its list marker, maybe after spaces: other lines are passed without the pattern.
  if (!CHECKBOX_FIRST.has(l.key.charCodeAt(0))) return null;
  const m = matchCheckbox(l.key);
  if (!m) return null;
  return { kind: "checkbox", done: m.done, text: l.text.slice(m.end).trim() };
};

type ItemNumberRef = { level: number | null; ordinal: number | null; numberLost: boolean };

function monthToken(l: LineView, month: NonNullable<ReturnType<typeof matchMonthHeading>>, depth: number | null, item: ItemNumberRef | null): LineToken {
  return {
    kind: "month",
    rest: month.restStart === null ? null : l.text.slice(month.restStart).trim() || null,
    markdownDepth: depth,
    item,
    source: l.text,
  };
}

const monthHeading: LineRule = (l) => {
  const month = monthHeadingIn(l.key);
  return month ? monthToken(l, month, null, null) : null;
};

/** Separators doubled in copying ("(二)、，…") belong to the number, not the text. */
function textAfterNumber(l: LineView, numberEnd: number): LineView {
  let start = numberEnd;
  while (start < l.key.length && /[、.,;:\s]/.test(l.key.charAt(start))) start++;
  return sub(l, start);
}

/** "- 文本", "* 文本", "1. 文本" (Markdown lists) and every outline number form. */
const outlineItem: LineRule = (l) => {
  // Markdown's - * + (with a space), and the bullets Word pastes: • ● ■ ◆ and its symbol-font ones.
  const bullet = /^(?:[-*+] +|[•●○■□◆◇▪\uf0a7\uf0b7\uf0d8\uf076\uf06c\uf06e] *)/.exec(l.key);
  const inner = bullet ? sub(l, bullet[0].length) : l;
  // A bullet with nothing after it ("■" alone) is a mark on the page, not an empty item.
  if (bullet && inner.text === "") return null;
  if (bullet) {
    // Same order as the chain: "- 七、八月份：" is a pair of months before it is section 七.
    const month = monthHeadingIn(inner.key);
    if (month) return monthToken(inner, month, null, { level: null, ordinal: null, numberLost: false });
  }
  const num = matchItemNumber(inner.key);
  if (num) {
    const rest = textAfterNumber(inner, num.textStart);
    // "1、三月份：慶祝…": a month inside a list item, with its task after the colon.
    const month = monthHeadingIn(rest.key);
    if (month && (month.restStart !== null || rest.key.endsWith(":"))) return monthToken(rest, month, null, { level: num.level, ordinal: num.ordinal, numberLost: false });
    return { kind: "item", level: num.level, ordinal: num.ordinal, text: rest.text, markdownDepth: null, numberLost: false, source: inner.text };
  }
  const lost = matchMissingNumber(inner.key);
  if (lost !== null) {
    const rest = textAfterNumber(inner, lost);
    const month = monthHeadingIn(rest.key);
    if (month && (month.restStart !== null || rest.key.endsWith(":"))) return monthToken(rest, month, null, { level: null, ordinal: null, numberLost: true });
    return { kind: "item", level: null, ordinal: null, text: rest.text, markdownDepth: null, numberLost: true, source: inner.text };
  }
  if (bullet) return { kind: "item", level: null, ordinal: null, text: inner.text, markdownDepth: null, numberLost: false, source: inner.text };
  return null;
};

const title: LineRule = (l) => (isTitleLike(l.text, l.key) ? { kind: "title", text: l.text, markdownDepth: null } : null);

const paragraph: LineRule = (l) => ({ kind: "paragraph", text: l.text, mojibake: l.mojibake });

export const LINE_RULES: readonly LineRule[] = [
  blank,
  quote,
  tableRow,
  markdownHeading,
  checkbox,
  monthHeading,
  outlineItem,
  noise,
  title,
  paragraph,
];

export function classifyLine(line: NormalizedLine): LineToken {
  // A NormalizedLine is already a LineView (text, key, mojibake): no copy per line.
  // A garbled line is kept as text; only a quote marker (a note we wrote) is still read.
  if (line.mojibake) return quote(line) ?? { kind: "paragraph", text: line.text, mojibake: true };
  for (const rule of LINE_RULES) {
    const token = rule(line);
    if (token) return token;
  }
  return { kind: "paragraph", text: line.text, mojibake: line.mojibake };
}

/** A normalized line with its token, as the plan builder reads it. */
export function tokenLineOf(line: NormalizedLine): TokenLine {
  return { token: classifyLine(line), line: line.source, text: line.text, key: line.key, gaps: line.gaps };
}

const VERBATIM: LineToken = { kind: "verbatim" };

/** A line inside a code fence or an HTML comment: kept, never read. */
export function verbatimLine(line: NormalizedLine): TokenLine {
  return { token: VERBATIM, line: line.source, text: line.text, key: line.key, gaps: line.gaps };
}
