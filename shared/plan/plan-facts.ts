/**
 * Plan facts read from a title: school or organisation, kind (年度 / 学期 / 工会小组 / 月主题) and
 * period. Also the two line tests that decide where plans begin: title lines and page noise.
 */
import type { Period, PlanKind } from "./types";
import { commonEraOfRepublicYear } from "../time/year-month";
import { foldKey } from "../normalize/fold";

const TITLE_END = /(计划|計劃|計畫|计划表|計劃表|安排表|安排|要点|要點|规划|規劃|方案|打算|行事历|行事曆|通知)(?:[(（][^)）]*[)）])?(?:篇\d+)?$/;
// Lines that read as a title but are an action item: "制定年度工会工作计划".
const ACTION_START = /^(制定|制订|制訂|討論|讨论|完成|做好|上报|上報|拟定|擬定|修订|修訂|审议|審議|通过|通過|学习|學習|落实|落實|执行|執行|组织|組織|召开|召開|开展|開展|协助|協助|配合|参与|參與|参加|參加|根据|根據|按照|围绕|圍繞|结合|結合|认真|認真|进一步|進一步|继续|繼續)/;
const UNION_WORD = /(工会|工會|教师会|教師會|教代会|教代會|职工|職工|教工|组室|組室)/;

/**
 * A plan title: short, ends in 计划 (or 安排, 要点 …, or 通知: an activity notice is a plan for one
 * activity), names the union, reads as a title, not an action.
 */
export function isTitleLike(text: string, key?: string): boolean {
  if (text.length > 80) return false;
  // Folded (`key`, when the caller has it): "篇４" and "篇4" number a collection alike.
  const folded = key ?? foldKey(text);
  const t = folded.replace(/\s+/g, "");
  if (t.length < 6 || t.length > 64) return false;
  if (/[。；;，,：:！!？?]$/.test(t) || /[，,。；;]/.test(t)) return false;
  if (isNoiseLine(text, folded)) return false;
  if (/行事[历曆]$/.test(t)) return false;
  // "附件1：…工会…的通知" names a paper that goes with the plan, not a plan that starts.
  if (t.startsWith("附件") || t.startsWith("附:") || t.startsWith("附：")) return false;
  return TITLE_END.test(t) && UNION_WORD.test(t) && !ACTION_START.test(t);
}

/**
 * The post's own fields a web page prints with a plan ("发布时间：2027年02月20日 10:30  浏览次数：",
 * "更新时间：…", "来源：校工会  点击数：128", "时间：2027-02-20 来源：… 作者：…"). Read as a plan's line,
 * "发布时间：<date>" is a time field, and its date dated a task "发布". A line that opens with such a
 * field, or holds a view counter or a 来源 / 作者 field after a space, is furniture; "经费来源：…" is not.
 */
const PAGE_FIELD = "(?:发布|發布|發佈|发表|發表|更新|添加|发稿|發稿|上传|上傳|录入|錄入)(?:时间|時間|日期)|(?:来源|來源|信息来源|信息來源):";
const PAGE_COUNTER = "(?:浏览|瀏覽|阅读|閱讀)(?:次数|次數)|(?:点击|點擊)(?:数|數)";
/**
 * A page's "阅读全文", "阅读：", "阅读(128)", "阅读 2.5万": not any line that opens with 阅读, as
 * "阅读分享会" under 四月份： is a plan's activity (a reading club is among the commonest).
 */
const READ_LINK = "(?:阅读|閱讀)(?:$|[:( \\d]|全文|更多|原文|数|數|量|次)";
/**
 * Navigation and page furniture that web pages put around plans. Every alternative is tried at
 * every position, so none may scan a run it could fail on: `【[^】【]*】` stops at the next 【 and
 * `\d篇` needs one digit where `\d+篇` rescanned a run of digits (both were quadratic).
 */
const NOISE = new RegExp(`^\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?$|^(?:上一篇|下一篇|相关推荐|相關推薦|热门|熱門|返回|首页|首頁|分享到)|^(?:${PAGE_FIELD})|^(?:${READ_LINK})`);
const NOISE_MARK = new RegExp(`【[^】【]*】|\\d篇[】)）]|www\\.|https?:|\\.(?:com|cn|net)\\b|${PAGE_COUNTER}|\\s(?:来源|來源|作者):`, "i");
// A plan's own sentence may give a sign-up link ("请于…前通过【在线表单】…https://…填写"): past this
// length, a link or a 【】 inside the line is part of the sentence; at its start it is still furniture.
const NOISE_MARK_LINE = 50;

// "【本報訊】為慶祝…，工會特別於五月五日…舉辦慶祝大會。": a news tag opening a paragraph (a long line
// of sentences) is the paragraph's, not a page's link list.
const SENTENCE_MARK = /[。，,；;]/;

export function isNoiseLine(text: string, key?: string): boolean {
  // Folded: a post date in full-width digits is a post date.
  const t = (key ?? foldKey(text)).trim();
  if (NOISE.test(t)) return true;
  const m = NOISE_MARK.exec(t);
  if (m === null) return false;
  if (m.index === 0 && t.charAt(0) === "【" && t.length > NOISE_MARK_LINE && SENTENCE_MARK.test(t.slice(m[0].length))) return false;
  return m.index === 0 || t.length <= NOISE_MARK_LINE;
}

/** The title without a collection number ("… 篇4") or layout spaces. */
export function cleanTitle(text: string): string {
  // No leading \s*: a pattern that starts with a repetition rescans a run of spaces at each of its positions.
  return text.replace(/篇\s*[\d０-９]+\s*$/, "").replace(/\s+/g, " ").trim();
}

const ORG_SUFFIX = /(实验学校|實驗學校|小学|中学|学校|幼儿园|大学|学院|附中|附小|职校|小學|中學|學校|幼兒園|大學|學院|職校|医院|醫院|公司|集团|集團|中心|局|所|站|厂|廠)$/;
const GENERIC_ORG = /^(小学|中学|学校|小學|中學|學校|我校|本校|全校|各校|大学|医院|公司)$/;

/** "礼河实验学校2012年工会工作计划" → 礼河实验学校; "小学工会工作计划" → null (no name). */
export function schoolFromTitle(title: string): string | null {
  const t = title.replace(/\s+/g, "");
  const cut = /(\d{4}|[〇零一二三四五六七八九]{4}年|工会|工會|教师会|教師會|学年|學年|年度|第[一二三四五六七八九十]+(?:学期|學期|工会|工會)|上半年|下半年|春季|秋季)/.exec(t);
  const head = cut ? t.slice(0, cut.index) : t;
  if (!ORG_SUFFIX.test(head) || GENERIC_ORG.test(head) || head.length < 3) return null;
  return head;
}

const HAS_ORG_CHAR = /[学學院园園]/;
const BODY_ORG = /(实验学校|實驗學校|小学|中学|小學|中學|幼儿园|幼兒園|医院|醫院)/g;
// A name never starts with, or runs across, these: 我校 / 全镇小学 / 带领…
const NOT_IN_NAME = /[全各本我该該其的和与與及等、领領带帶]/;
const NOT_NAME_START = /^(兄弟|镇|鎮|县|縣|区|區|市|省|中|小)/;

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * With no title, a school named in the body at least twice: the longest name that repeats
 * ("組織培育小學…" and "二七區培育小學…" → 培育小學).
 */
/** A school is named early in its plan: reading this many of its first lines is enough and keeps long files fast. */
export const SCHOOL_LINES = 400;

export function schoolFromBody(lines: readonly string[]): string | null {
  const counts = new Map<string, number>();
  const n = Math.min(lines.length, SCHOOL_LINES);
  for (let li = 0; li < n; li++) {
    const line = lines[li] as string;
    if (!HAS_ORG_CHAR.test(line)) continue;
    for (const m of line.matchAll(BODY_ORG)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      // Names of 2 to 6 Han characters before the suffix; each length gives a different name.
      for (let len = 1; len <= 6 && at - len >= 0; len++) {
        const c = line.charCodeAt(at - len);
        if (!isHan(c) || NOT_IN_NAME.test(line.charAt(at - len))) break;
        if (len < 2) continue;
        const start = at - len;
        if (NOT_NAME_START.test(line.slice(start, at))) continue;
        const name = line.slice(start, end);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  let best: string | null = null;
  for (const [name, k] of counts) {
    if (k >= 2 && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

export interface TitleFacts {
  kind: PlanKind | null;
  period: Period | null;
  /** Year the title names, when it names one; guides months whose headings have no year. */
  year: number | null;
}

function ym(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

const FIRST_TERM = /(第一学期|第一學期|上学期|上學期|秋季)/;
const SECOND_TERM = /(第二学期|第二學期|下学期|下學期|春季)/;

export function kindFromTitle(title: string): PlanKind | null {
  if (/(工会小组|工會小組|组室|組室)/.test(title)) return "工会小组";
  if (/月主[题題]/.test(title)) return "月主题";
  if (/(学期|學期|春季|秋季)/.test(title)) return "学期";
  if (/(年度|\d{4} *年|学年|學年|年工作)/.test(title)) return "年度";
  return null;
}

/** Period from the title: 2012年 → 2012-01..12; 2011学年度第一学期 → 2011-09..2012-01; 2020-2021学年 → 2020-09..2021-07. */
const HAN_DIGIT: Record<string, string> = { 〇: "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** "二〇二六年" → "2026年": years written in Chinese numerals read like Arabic ones. */
function arabicYears(text: string): string {
  return text.replace(/[〇零一二三四五六七八九]{4}(?=(?:[-—–~至到][〇零一二三四五六七八九]{4})?(?:学年|學年|年))/g, (y) => [...y].map((c) => HAN_DIGIT[c] ?? c).join(""));
}

/** "114學年度", "115年度": a year of the Republic (Taiwan) counts from 1911. Only before 學年 or 年度, where no other reading fits. */
function commonEraYears(text: string): string {
  return text.replace(/(?<!\d)1\d\d(?=学年|學年|年度)/g, (y) => String(commonEraOfRepublicYear(Number(y))));
}

export function factsFromTitle(title: string): TitleFacts {
  const t = commonEraYears(arabicYears(title.replace(/\s+/g, "")));
  const kind = kindFromTitle(t);
  const schoolYear = /(\d{4})(?:[-—–~至到](\d{4}))?(?:学年|學年)/.exec(t);
  if (schoolYear) {
    const y = Number(schoolYear[1]);
    if (FIRST_TERM.test(t)) return { kind, period: { start: ym(y, 9), end: ym(y + 1, 1) }, year: y };
    if (SECOND_TERM.test(t)) return { kind, period: { start: ym(y + 1, 2), end: ym(y + 1, 7) }, year: y + 1 };
    return { kind, period: { start: ym(y, 9), end: ym(y + 1, 7) }, year: y };
  }
  const year = /(\d{4}) *年/.exec(t) ?? /(\d{4})(?=[^\d]*(计划|計劃|計畫))/.exec(t);
  if (year) {
    const y = Number(year[1]);
    if (/(上半年)/.test(t)) return { kind, period: { start: ym(y, 1), end: ym(y, 6) }, year: y };
    if (/(下半年)/.test(t)) return { kind, period: { start: ym(y, 7), end: ym(y, 12) }, year: y };
    if (/(春季|第二学期|第二學期|下学期|下學期)/.test(t)) return { kind, period: { start: ym(y, 2), end: ym(y, 7) }, year: y };
    if (/(秋季|第一学期|第一學期|上学期|上學期)/.test(t)) return { kind, period: { start: ym(y, 9), end: ym(y + 1, 1) }, year: y };
    return { kind, period: { start: ym(y, 1), end: ym(y, 12) }, year: y };
  }
  return { kind, period: null, year: null };
}
