/**
 * Activity plans (活动方案) and plans with an activity block date their activities in fields:
 *   活动名称：新年联欢会 / 时间：1月上旬
 *   1、迎“五一”劳动者风采宣传活动 / 时间：4月下旬-5月上旬
 *   三、活动内容：1、乒乓球团体赛；2、趣味体育比赛 / 四、活动时间：4月23日至4月29日
 *   一、植树时间： / 20xx年3月12日上午
 *   二、活动时间 / 2030年5月9日（周五）下午   (a numbered section that is only the field's key)
 * The task is the activity the field dates: the name field of its block, else the items of its
 * 活动内容 section, else the item it stands under, else the activity the notice's opening paragraph
 * names (activity-intro.ts), else its 主题 field, else the field's own first word (植树时间 → 植树).
 * A 主题 is often a slogan ("与文明同行，和绿色相伴"), so it comes after the names the plan gives.
 */
import { monthsOf, readDatePhrase, type DatePhrase } from "../schedule/date-phrase";
import { SPACES, trimEndOf } from "../normalize/trim-chars";
import type { Decision } from "./decode/decode-schedule";
import type { LineUnit } from "./decode/line-unit";
import type { BodySentence } from "./body-tasks";
import { introActivity } from "./activity-intro";
import { dayAndHourLength } from "./day-and-hour";
import { flagOf } from "../schedule/code-flags";

const TIME_FIELD = /^([^:：，,。]{0,6}?)(时间|時間|日期)([^:：，,。]{0,6})[:：]\s*/;
const NAME_FIELD = /^(?:活动|活動|比赛|比賽)?(名称|名稱|主题|主題|项目|項目)\s*[:：]\s*(.*)$/;
// "二、活动时间", "三、活动时间与地点", "一、活动主题": a numbered section that is only a field's key,
// its value on the lines below. A bare 时间 is left out: it heads table columns as often.
// "观影时间", "放映时间" name their activity's time as well; a registration or closing time does not.
const TIME_SECTION = /^(?!报名|報名|截止)[\u4e00-\u9fff]{1,4}?(?:时间|時間|日期)(?:(?:与|與|和|及)?(?:地点|地點|安排))?$/;
const NAME_SECTION = /^(?:活动|活動|比赛|比賽)(名称|名稱|主题|主題)$/;
const THEME = /^(主题|主題)$/;
// Any section that only names a field of the block: 活动目的, 参加对象, 注意事项 … never an activity.
// "报名及比赛时间": a section named for times holds fields too; so do 活动开展 and 注意事项.
const FIELD_SECTION = /^(?:活动|活動|比赛|比賽)?(?:时间|時間|日期|地点|地點|主题|主題|名称|名稱|目的|目标|目標|对象|對象|内容|內容|要求|形式|流程|安排|准备|準備|意义|意義|说明|說明|须知|須知|办法|辦法|细则|細則|事项|事項|开展|開展)(?:与|與|和|及)?.{0,4}$|^[\u4e00-\u9fff]{2,8}(?:时间|時間|日期)$|^注意事[项項]/;

// Built once: a concatenation inside a call makes (and flattens) a new string on every call.
const SPACES_AND_COLONS = SPACES + ":：";
// "一、活动时间。": some writers close every heading with a full stop; the key is the same.
const KEY_END = SPACES_AND_COLONS + "。．";
const SPACES_AND_CLOSING = SPACES + ":：。；;，,";

/**
 * "二、活动时间" alone: a numbered section, a Markdown heading, or a line of its own ("活动时间" over
 * "2022年4月15日…", as a programme pasted from a web page lays its fields out) that is only the key.
 */
function sectionKey(u: LineUnit, key: RegExp): RegExpExecArray | null {
  if (u.number === null && u.markdownDepth === null && u.token.kind !== "paragraph") return null;
  return key.exec(trimEndOf(u.body.text, KEY_END));
}
const CONTENT_SECTION = /^(?:活动|活動|比赛|比賽)?(?:内容|內容|项目|項目)\s*[:：]?\s*(.*)$/;
// "活动时间", "比赛时间": the field names the activity no better than "时间" does.
const GENERIC_KEYS = /^(活动|活動|比赛|比賽|集合|报名|報名|具体|具體|开展|開展|举办|舉辦|会议|會議)?$/;
const LOOK_BACK = 8;

function clean(text: string): string {
  return trimEndOf(text, SPACES_AND_CLOSING).trim();
}

// TIME_FIELD and TIME_SECTION both find 时间, 時間 or 日期 among a line's first seven characters,
// and NAME_FIELD and NAME_SECTION start with one of NAME_FIRST: a look at those characters spares
// both patterns on most lines (every line of a plan is asked).
const NAME_FIRST = flagOf("活比名主项項");

/** 时, 時 or 日 among the first seven characters (compared by code: this looks at every line). */
function mayNameTime(text: string): boolean {
  const n = Math.min(text.length, 7);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65f6 || c === 0x6642 || c === 0x65e5) return true;
  }
  return false;
}

export function isTimeField(u: LineUnit): boolean {
  return (u.timeField ??= mayNameTime(u.body.text) && (TIME_FIELD.test(u.body.text) || sectionKey(u, TIME_SECTION) !== null));
}

/** "二、活动时间：" with nothing after it: the field's value is on the next line. */
export function isOpenTimeField(u: LineUnit): boolean {
  const m = TIME_FIELD.exec(u.body.text);
  if (m === null) return sectionKey(u, TIME_SECTION) !== null;
  return u.body.text.slice(m[0].length).trim() === "";
}

// "活动地点", "参与对象", "注意事项" on a line of their own: the key of a field whose value follows.
const FIELD_KEYS = ["时间", "時間", "日期", "地点", "地點", "主题", "主題", "名称", "名稱", "目的", "目标", "目標", "对象", "對象", "人员", "人員", "内容", "內容", "要求", "形式", "流程", "安排", "准备", "準備", "意义", "意義", "说明", "說明", "须知", "須知", "办法", "辦法", "细则", "細則", "事项", "事項", "方式"];
const FIELD_KEY_LINE = new RegExp(`^(?:活动|活動|比赛|比賽|参与|參與|参加|參加|参赛|參賽|集合|报名|報名|注意)?(?:${FIELD_KEYS.join("|")})$`);
// The line, its closing marks (KEY_END) left off, ends with a key's last character: one look spares the trim and the pattern.
const FIELD_KEY_LAST = flagOf(FIELD_KEYS.map((w) => w.charAt(w.length - 1)).join(""));
const KEY_END_CODES = flagOf(KEY_END);
/** An unnumbered line that is only a field's key: never a task of its own. */
export function isFieldKeyLine(u: LineUnit): boolean {
  const text = u.body.text;
  let end = text.length;
  if (u.number !== null || end > 7) return false;
  while (end > 0 && KEY_END_CODES.has(text.charCodeAt(end - 1))) end--;
  return end > 0 && FIELD_KEY_LAST.has(text.charCodeAt(end - 1)) && FIELD_KEY_LINE.test(text.slice(0, end));
}

export function isNameField(u: LineUnit): boolean {
  return (u.nameField ??= NAME_FIRST.has(u.body.text.charCodeAt(0)) && (NAME_FIELD.test(u.body.text) || sectionKey(u, NAME_SECTION) !== null));
}

// "“五月阳春踏歌行，携手同游聚士气”。九真景区一日游。": a quoted slogan, then the activity's name.
const SLOGAN_FIRST = /^[“「"][^”」"]*[”」"][。．.！!]\s*(?=\S)/;

function withoutSlogan(value: string): string {
  const m = SLOGAN_FIRST.exec(value);
  return m ? value.slice(m[0].length) : value;
}

/** A name field's key (名称, 主题 …) and its value, on its line or, left open, on the next. */
function nameField(units: readonly LineUnit[], k: number): { key: string; value: string } | null {
  const v = units[k] as LineUnit;
  const m = NAME_FIELD.exec(v.body.text) ?? sectionKey(v, NAME_SECTION);
  if (!m) return null;
  const key = m[1] as string;
  const own = withoutSlogan((m[2] ?? "").trim());
  if (own !== "") return { key, value: clean(own) };
  const below = units[k + 1];
  return below && below.number === null && !isTimeField(below) ? { key, value: clean(below.body.text) } : { key, value: "" };
}

interface FieldDate {
  months: DatePhrase["months"];
  /** The first date, for the clause of the opening paragraph that names it. */
  phrase: DatePhrase;
  label: string;
  line: number;
}

/**
 * The dates a time field's value gives (`text`, `key` from `at`): one, or one per batch
 * ("3月6日；3月10日；3月12日": the activity runs on each day), or one covering alternatives
 * ("3月7日（星期日）或3月5日（星期五）": it runs once, on one of them).
 */
function valueDates(text: string, key: string, at: number, line: number): FieldDate[] {
  const out: FieldDate[] = [];
  let from = at;
  let current: FieldDate | null = null;
  for (let guard = 0; guard < MAX_DATES_IN_FIELD; guard++) {
    const phrase = readDatePhrase(key, from);
    if (!phrase) break;
    const end = phrase.end + dayAndHourLength(key, phrase.end);
    if (current !== null) {
      current.label = text.slice(at, end).trim();
      for (const m of phrase.months) if (!current.months.some((c) => c.month === m.month)) current.months.push(m);
    } else {
      current = { months: phrase.months.slice(), phrase, label: text.slice(from, phrase.end).trim(), line };
      out.push(current);
    }
    const join = DATE_JOIN.exec(key.slice(end, end + 4));
    if (!join) break;
    from = end + join[0].length;
    // Another batch starts its own date; an alternative joins the one before.
    if (join[1] !== "或") {
      at = from;
      current = null;
    }
  }
  return out;
}

// "；" and "、" part batches, "或" alternatives.
const DATE_JOIN = /^\s*([;；、,，或])\s*/;
const MAX_DATES_IN_FIELD = 12;

/** The dates a time field gives: on its own line, or on the next when the field is left open. */
function fieldDates(units: readonly LineUnit[], i: number): FieldDate[] {
  const u = units[i] as LineUnit;
  if (!isTimeField(u)) return [];
  const at = TIME_FIELD.exec(u.body.text)?.[0].length ?? u.body.text.length;
  if (u.body.key.slice(at).trim() !== "") return valueDates(u.body.text, u.body.key, at + intentLength(u.body.key, at), u.line);
  const next = units[i + 1];
  return next ? valueDates(next.body.text, next.body.key, intentLength(next.body.key, 0), next.line) : [];
}

// "初步定于四月底（具体时间另行通知）": a value may say how firm the date is before giving it.
// "即日起至2023年3月底": from now until the date; the date is the one to keep.
// "一般安排在7月上、中旬": or when it usually falls.
const VALUE_INTENT = /(?:(?:初步|暂|暫|一般|通常)?(?:拟定于|擬定於|定于|定於|拟于|擬於|计划于|計劃於|预计于|預計於|预计|預計|拟定|擬定|暂定|暫定|定在|拟在|擬在|安排在|安排于|安排於)|(?:自|从|從)?即日起(?:至|到))\s*/y;

function intentLength(key: string, at: number): number {
  VALUE_INTENT.lastIndex = at;
  return VALUE_INTENT.exec(key)?.[0].length ?? 0;
}

/** Another time field with a date: the block above is another activity's. */
function datesAnActivity(units: readonly LineUnit[], k: number): boolean {
  const u = units[k] as LineUnit;
  // "报名时间：…" above "比赛时间：…" dates the same activity's registration, not another activity.
  if (!isTimeField(u) || REGISTRATION.test(TIME_FIELD.exec(u.body.text)?.[1] ?? "")) return false;
  return fieldDates(units, k).length > 0;
}

/** The items of a "活动内容" section: its own value, or the numbered items under it. */
function contentItems(units: readonly LineUnit[], at: number, until: number): string[] {
  const head = units[at] as LineUnit;
  const own = CONTENT_SECTION.exec(head.body.text)?.[1]?.trim() ?? "";
  if (own !== "") return [clean(own)];
  const level = head.number?.level ?? 0;
  const items: string[] = [];
  for (let k = at + 1; k < until; k++) {
    const v = units[k] as LineUnit;
    const l = v.number?.level ?? 0;
    if (l !== 0 && l <= level) break;
    if (v.number !== null) items.push(clean(v.body.text));
  }
  return items;
}

/** The numbered item the field's block stands under: above the block's own level, not a field key. */
function itemAbove(units: readonly LineUnit[], i: number): string | null {
  let level = (units[i] as LineUnit).number?.level ?? 0;
  for (let k = i - 1; k >= Math.max(0, i - LOOK_BACK); k--) {
    const v = units[k] as LineUnit;
    const l = v.number?.level ?? 0;
    if (l === 0) continue;
    if (isTimeField(v) && k !== i - 1) return null;
    if (level !== 0 && l >= level) continue;
    // "三、活动时间与地点" / "- 时间：…": the field is part of that section; look above the section.
    if (FIELD_SECTION.test(trimEndOf(v.body.text, KEY_END))) {
      level = l;
      continue;
    }
    if (level === 0 && isTimeField(v)) return null;
    return clean(v.body.text);
  }
  return null;
}

/** The 活动内容 section at the field's own level, above it: its items are the activities. */
function contentAbove(units: readonly LineUnit[], i: number): string[] {
  const level = (units[i] as LineUnit).number?.level ?? 0;
  if (level === 0 || level > 2) return [];
  // Back over the block's other fields at this level (二、活动内容 / 三、活动地点 / 四、活动时间), at most
  // a block's worth of them, to the nearest other item: a long plan of many fields costs linear time.
  let fields = 0;
  for (let k = i - 1; k >= 0; k--) {
    const v = units[k] as LineUnit;
    const l = v.number?.level ?? 0;
    if (l === 0 || l > level) continue;
    if (l === level && CONTENT_SECTION.test(v.body.text)) return contentItems(units, k, i);
    if (l < level || !FIELD_LIKE.test(v.body.text) || ++fields > BLOCK_FIELDS) return [];
  }
  return [];
}

// "三、活动地点：操场", "五、注意事项": a field of an activity block, not an item of its own.
const FIELD_LIKE = /^[^:：，,。]{1,8}[:：]|^(?:活动|活動|比赛|比賽)?(?:地点|地點|对象|對象|要求|形式|流程|安排|准备|準備|目的|意义|意義|主题|主題|名称|名稱|注意事项|注意事項)$/;
// The most fields one activity block has between its 活动内容 and its time field.
const BLOCK_FIELDS = 12;

// How far back a notice's opening paragraph may stand from its time field.
const INTRO_LOOK_BACK = 30;

/** "三、活动时间：3月7日 / 四、活动内容： / 1、…": the block's 活动内容 section may also follow its time field. */
function contentBelow(units: readonly LineUnit[], i: number): string[] {
  const level = (units[i] as LineUnit).number?.level ?? 0;
  if (level === 0 || level > 2) return [];
  // Over the block's other fields at this level, at most a block's worth, as contentAbove goes back.
  let fields = 0;
  for (let k = i + 1; k < units.length; k++) {
    const v = units[k] as LineUnit;
    const l = v.number?.level ?? 0;
    if (l === 0 || l > level) continue;
    if (l === level && CONTENT_HEADING.test(v.body.text)) {
      // Below the date, only a list of names names the activities; sentences and fields are details.
      // Items with times of their own ("（一）签名活动 / 时间：9月7日") are dated by those, not by this field.
      const items = contentItems(units, k, units.length);
      return items.length <= NAMES_BELOW && items.every(isActivityName) && !timedUnder(units, k) ? items : [];
    }
    if (l < level || !FIELD_LIKE.test(v.body.text) || ++fields > BLOCK_FIELDS) return [];
  }
  return [];
}

const NAMES_BELOW = 8;
// A 活动内容 heading with its items under it ("四、活动内容："; not "四、活动内容以及分工").
// Not 活动项目: the events of one competition, named after its date, are its programme.
const CONTENT_HEADING = /^(?:活动|活動|比赛|比賽)?(?:内容|內容)\s*[:：]?\s*$/;

/** Whether a time field stands under the item at `at`, before the next item at its level. */
function timedUnder(units: readonly LineUnit[], at: number): boolean {
  const level = (units[at] as LineUnit).number?.level ?? 0;
  for (let k = at + 1; k < units.length; k++) {
    const v = units[k] as LineUnit;
    const l = v.number?.level ?? 0;
    if (l !== 0 && l <= level) return false;
    if (isTimeField(v)) return true;
  }
  return false;
}
const isActivityName = (item: string): boolean => item.length >= 2 && item.length <= 16 && !/[:：，,；;]/.test(item);

/** The activity an unnumbered paragraph above the field names (its opening paragraph). */
function introAbove(units: readonly LineUnit[], i: number, date: DatePhrase): string | null {
  const day = date.day !== null ? `${date.day.month}月${date.day.day}日` : null;
  const hint = keyWord(units[i] as LineUnit);
  for (let k = i - 1; k >= Math.max(0, i - INTRO_LOOK_BACK); k--) {
    const v = units[k] as LineUnit;
    if (datesAnActivity(units, k)) return null;
    if (v.number !== null && (v.number.level ?? 0) <= 1 && v.body.text.length > 40) continue;
    const name = introActivity(v.body.text, day, hint);
    if (name !== null) return name;
  }
  return null;
}

/** The word a time field's key gives its activity ("观影" of "二、观影时间"), or null for a generic key. */
function keyWord(u: LineUnit): string | null {
  const key = TIME_FIELD.exec(u.body.text)?.[1] ?? /^([\u4e00-\u9fff]{1,4}?)(?:时间|時間|日期)/.exec(u.body.text)?.[1] ?? "";
  return key.length >= 2 && !GENERIC_KEYS.test(key) ? key : null;
}

// "报名时间：4月9—16日", "一、报名时间及要求 / 时间：4月9—16日": the window is the registration's.
const REGISTRATION = /^(报名|報名)/;

function activityNames(units: readonly LineUnit[], i: number, date: DatePhrase): string[] {
  const u = units[i] as LineUnit;
  // "3、报名及比赛时间 / (3)比赛时间：…": a key of its own (比赛) says which of the section's times it is.
  const key = TIME_FIELD.exec(u.body.text)?.[1] ?? "";
  const registration = REGISTRATION.exec(key) ?? (GENERIC_KEYS.test(key) ? REGISTRATION.exec(itemAbove(units, i) ?? "") : null);
  if (registration) return [registration[1] as string];
  let theme: string | null = null;
  for (let k = i - 1; k >= Math.max(0, i - LOOK_BACK); k--) {
    if (datesAnActivity(units, k)) break;
    const field = nameField(units, k);
    if (field === null) {
      // "2. 文艺晚会 / - 时间：6月": the numbered item the field's block opens with; a name field
      // above it is another block's.
      const v = units[k] as LineUnit;
      if (v.number?.ordinal != null && !FIELD_LIKE.test(v.body.text) && !FIELD_SECTION.test(trimEndOf(v.body.text, KEY_END))) break;
      continue;
    }
    if (THEME.test(field.key)) {
      theme = field.value;
      continue;
    }
    return field.value === "" ? [] : [field.value];
  }
  const content = contentAbove(units, i);
  if (content.length > 0) return content;
  const below = contentBelow(units, i);
  if (below.length > 0) return below;
  const above = itemAbove(units, i) ?? introAbove(units, i, date) ?? theme;
  if (above !== null) return above === "" ? [] : [above];
  return GENERIC_KEYS.test(key) ? [] : [key];
}

const NAME_THEN_DATE = /^([^:：，,。；;]{2,10})[:：]\s*/;
// How far above its line the 活动时间 section heading may stand.
const SECTION_LOOK_BACK = 6;

/**
 * "二、活動時間 / 春遊踏青：2025年3月-5月，…": under a time section, a line that names an activity and
 * gives its dates after a colon is a field whose key is the activity.
 */
function namedTimeLine(units: readonly LineUnit[], i: number): BodySentence | null {
  const u = units[i] as LineUnit;
  const m = NAME_THEN_DATE.exec(u.body.text);
  if (!m || u.number?.level === 1) return null;
  const phrase = readDatePhrase(u.body.key, m[0].length);
  if (!phrase) return null;
  for (let k = i - 1; k >= Math.max(0, i - SECTION_LOOK_BACK); k--) {
    const v = units[k] as LineUnit;
    if (sectionKey(v, TIME_SECTION) !== null) {
      const label = u.body.text.slice(m[0].length, phrase.end).trim();
      return { label, months: monthsOf(phrase), text: clean(m[1] as string), line: u.line };
    }
    if (v.number !== null || v.markdownDepth !== null) return null;
  }
  return null;
}

/** Dated activities from the time fields among the lines the schedule decoder left in the body. */
export function fieldSentences(decisions: readonly Decision[]): BodySentence[] {
  const units = decisions.map((d) => d.unit);
  const out: BodySentence[] = [];
  for (let i = 0; i < units.length; i++) {
    const reading = (decisions[i] as Decision).reading.kind;
    if (reading !== "other" && reading !== "field") continue;
    const dates = fieldDates(units, i);
    if (dates.length === 0) {
      const named = namedTimeLine(units, i);
      if (named) out.push(named);
      continue;
    }
    // "一、活动时间及安排 / （一）2024年1月17日…": a value line the decoder read as a 行事历 heading
    // opens sessions with their own items; the field dates nothing of its own.
    const valueReading = (dates[0] as FieldDate).line !== (units[i] as LineUnit).line ? decisions[i + 1]?.reading.kind : undefined;
    if (valueReading !== undefined && valueReading !== "other") continue;
    const names = activityNames(units, i, (dates[0] as FieldDate).phrase);
    for (const date of dates) {
      for (const name of names) {
        if (name.length < 2) continue;
        out.push({ label: date.label, months: date.months.map((m) => ({ year: m.year, month: m.month })), text: name, line: date.line });
      }
    }
  }
  return out;
}
