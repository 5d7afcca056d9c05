/**
 * The furniture reading (readings.ts): text around a plan rather than in it — a sign-off, a
 * "related articles" line, a page number, a closing note, an activity's particulars, an item's
 * detail line. Asked of every line of every plan, so each test first looks at the one character or
 * mark it needs, and the line's copy without spaces is made only for a line that gets past a look.
 */
import { foldKey } from "../../normalize/fold";
import { isSpaceCode } from "../../normalize/trim-chars";
import { readDatePhrase } from "../../schedule/date-phrase";
import { firstCharsOf } from "../../schedule/word-lookup";
import { flagOf } from "../../schedule/code-flags";
import { isDigitCode } from "../../schedule/date-codes";
import { isTitleLike } from "../plan-facts";
import type { OneReadingRule } from "./readings";

// "東光國中教師會 敬啟": a letter's closing formula may follow the name.
const ORG_END = /(工会|工會|委员会|委員會|党支部|黨支部|学校|學校|小学|小學|中学|中學|幼儿园|幼兒園|医院|醫院|公司|办公室|辦公室|分会|分會|联合会|聯合會|教师会|教師會)(?:敬启|敬啟|谨启|謹啟|谨上|謹上)?$/;
const RELATED_END = ["范文", "範文", "范本", "範本", "模板", "精选", "精選", "大全", "汇总", "彙總"];
const RELATED_START_WORDS = ["相关", "相關", "推荐", "推薦", "更多", "猜你喜欢", "猜你喜歡", "大家正在看", "换一换", "換一換", "热门", "熱門", "上一篇", "下一篇", "返回", "点击", "點擊"];
const RELATED_START = new RegExp(`^(${RELATED_START_WORDS.join("|")})`);

const RELATED_END_LAST = flagOf(RELATED_END.map((w) => w.charAt(w.length - 1)).join(""));
const RELATED_START_FIRST = flagOf(firstCharsOf(RELATED_START_WORDS));

// 篇, as in "…计划15篇": a count of articles.
const ARTICLE_COUNT = 0x7bc7;

/**
 * Whether isRelatedLine can hold for the copy of `text` (trimmed) without its spaces, asked of the
 * text itself so the copy is made only when it may be needed: the copy starts and ends with the
 * text's first and last characters, and its run of digits at the end is the text's last digits with
 * the spaces among them left out.
 */
function mayBeRelated(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (RELATED_START_FIRST.has(text.charCodeAt(0)) || last === ARTICLE_COUNT || RELATED_END_LAST.has(last)) return true;
  if (!isDigitCode(last)) return false;
  let i = text.length - 1;
  while (i > 0 && (isDigitCode(text.charCodeAt(i)) || isSpaceCode(text.charCodeAt(i)))) i--;
  return text.charCodeAt(i) === ARTICLE_COUNT;
}

/** "…工作计划范文", "…计划15篇", "…计划 篇4", "相关推荐": a line about other articles. */
function isRelatedLine(text: string): boolean {
  if (RELATED_START_FIRST.has(text.charCodeAt(0)) && RELATED_START.test(text)) return true;
  // The ends are looked at by char code: this runs for every short line of every plan.
  let end = text.length;
  while (end > 0 && isDigitCode(text.charCodeAt(end - 1))) end--;
  if (end < text.length && end > 0 && text.charCodeAt(end - 1) === ARTICLE_COUNT) return true;
  const last = text.length - 1;
  if (last >= 1 && text.charCodeAt(last) === ARTICLE_COUNT && isDigitCode(text.charCodeAt(last - 1))) return true;
  // Most lines end in none of the words' last characters: one look spares the list.
  if (!RELATED_END_LAST.has(text.charCodeAt(last))) return false;
  for (const w of RELATED_END) if (text.endsWith(w)) return true;
  return false;
}

// "具体分组：…", "赛制：…", "地点：…": the particulars of an activity, kept under its month, not tasks.
const DETAIL_FIELD_WORDS = ["具体分组", "具體分組", "分组", "分組", "赛制", "賽制", "规则", "規則", "比赛规则", "比賽規則", "比赛办法", "比賽辦法", "地点", "地點", "活动地点", "活動地點", "参加对象", "參加對象", "参加人员", "參加人員", "参赛对象", "參賽對象", "对象", "對象", "要求", "奖励", "獎勵", "奖励办法", "獎勵辦法", "奖项", "獎項", "报名", "報名", "报名办法", "報名辦法", "形式", "裁判", "费用", "費用"];
const DETAIL_FIELD = new RegExp(`^(${DETAIL_FIELD_WORDS.join("|")})[:：]`);
const DETAIL_FIELD_FIRST = flagOf(firstCharsOf(DETAIL_FIELD_WORDS));

const ORG_IN = /(工会|工會|委员会|委員會|党支部|黨支部|学校|學校|小学|小學|中学|中學|幼儿园|幼兒園|医院|醫院|公司)/;

/** "2027年2月", "二〇二六年九月一日", "2023-04-04", "20xx年年3月": a date and nothing else. */
function isDateOnly(text: string): boolean {
  const t = foldKey(text.replace(/\s+/g, "")).replace(/年年/, "年");
  if (/^\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?$/.test(t)) return true;
  if (!/^(?:\d{4}|\d{2}[xX×*]{2}|[〇零一二三四五六七八九]{4})年/.test(t)) return false;
  const p = readDatePhrase(t);
  return p !== null && p.months.length === 1 && p.end >= t.length - 1;
}

const HAS_SPACE = /\s/;

// An item's detail line is short: a group, an age band, a note in brackets.
const DETAIL_LINE = 40;

// Furniture other than a closing note or an activity's particulars is a short line.
const SHORT_FURNITURE = 60;

const PAGE_NUMBER_FIRST = flagOf("0123456789第-");
const CLOSING_FIRST = flagOf("以注备備说說");
const SPACE_RUNS = /\s+/g;
/** The characters a sentence ends on ("。", "；", "！", "？" in either width), asked by code. */
export const TERMINAL_LAST = flagOf("。；;！!？?");
// No DETAIL_FIELD key is longer than 4 characters: the first colon of either kind is among the
// line's first seven characters (and not the first).
const hasFieldColon = (t: string): boolean => {
  const ascii = t.indexOf(":");
  const wide = t.indexOf("：");
  return (ascii > 0 && ascii < 7) || (wide > 0 && wide < 7);
};

function withoutSpaces(text: string): string {
  return HAS_SPACE.test(text) ? text.replace(SPACE_RUNS, "") : text;
}

/**
 * Furniture is judged on `t`: a short line without its spaces (a long one as it is). Each test
 * below runs on every line of every plan, so each first looks at what it needs of the line as it
 * is (a character by its code, a colon or a dot anywhere), and `t` is made only for a line that
 * gets past a look. The line is trimmed: its first and last characters are `t`'s.
 */
export const furnitureReading: OneReadingRule = (u) => {
  const whole = u.whole.text;
  const short = whole.length <= SHORT_FURNITURE;
  const first = whole.charCodeAt(0);
  let t: string | null = short ? null : whole;
  if (short) {
    // The extension's dot is among the last five characters (indexOf, a fast builtin, not lastIndexOf).
    if (whole.indexOf(".") >= 0) {
      t ??= withoutSpaces(whole);
      if (t.indexOf(".", t.length - 5) >= 0 && /\.(docx?|pdf|xlsx?|wps|pptx?)$/i.test(t)) return { kind: "furniture", why: "related" };
    }
    // "12", "第3页", "- 4 -": a page number of digits ends in a digit, one between dashes in a dash
    // (`t` keeps the line's last character unless it is a space): most lines opening with a digit are no page number.
    const last = whole.charCodeAt(whole.length - 1);
    if (PAGE_NUMBER_FIRST.has(first) && (first === 0x7b2c || isSpaceCode(last) || (first === 0x2d ? last === 0x2d : isDigitCode(last)))) {
      t ??= withoutSpaces(whole);
      if (/^\d{1,3}$/.test(t) || /^第\d+页/.test(t) || /^-\s*\d+\s*-$/.test(t)) return { kind: "furniture", why: "page-number" };
    }
    const bodyText = u.body.text;
    if (!TERMINAL_LAST.has(whole.charCodeAt(whole.length - 1)) && mayBeRelated(bodyText)) {
      t ??= withoutSpaces(whole);
      // The body is the whole line for most lines (no item number): its spaces are out of `t` already.
      if (t.length <= 40 && isRelatedLine(bodyText === whole ? t : withoutSpaces(bodyText))) return { kind: "furniture", why: "related" };
    }
    // "1.学校工会工作计划": a numbered list of other plans' titles is a "related articles" list.
    if (u.number !== null && isTitleLike(bodyText, u.body.key)) return { kind: "furniture", why: "related" };
  }
  if (CLOSING_FIRST.has(first)) {
    t ??= withoutSpaces(whole);
    if (/^(以上|注:|注：|备注|備註|说明|說明)/.test(t)) return { kind: "furniture", why: "closing-note" };
  }
  if (u.number === null && DETAIL_FIELD_FIRST.has(first)) {
    t ??= withoutSpaces(whole);
    if (hasFieldColon(t) && DETAIL_FIELD.test(t)) return { kind: "furniture", why: "detail" };
  }
  // A sign-off is plain text under the plan: never a Markdown heading, a list item or a checkbox.
  if (u.fromEnd <= 3 && u.number === null && u.token.kind === "paragraph" && (t ??= withoutSpaces(whole)).length <= 30) {
    // A name has no month in it: "请各小组3月6日前将名单报机关工会" is a sentence ending in one.
    if (ORG_END.test(t) && t.indexOf("月") < 0) return { kind: "furniture", why: "sign-off" };
    // "红星中学工会 2027年2月": the name and the date on one line.
    const org = ORG_IN.exec(t);
    if (org && isDateOnly(t.slice(org.index + org[0].length))) return { kind: "furniture", why: "sign-off" };
    if (isDateOnly(t)) return { kind: "furniture", why: "sign-off" };
  }
  // A bare line that may be a detail of the numbered item above it (an age group, a note in
  // brackets); step.ts allows it only under a month written inside such an item.
  if (u.number === null && u.token.kind === "paragraph" && u.whole.text.length <= DETAIL_LINE) return { kind: "furniture", why: "item-detail" };
  return null;
};
