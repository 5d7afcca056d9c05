/**
 * Activity plans (活动方案) and plans with an activity block date their activities in fields:
 *   活动名称：新年联欢会 / 时间：1月上旬
 *   1、迎“五一”劳动者风采宣传活动 / 时间：4月下旬-5月上旬
 *   三、活动内容：1、乒乓球团体赛；2、趣味体育比赛 / 四、活动时间：4月23日至4月29日
 *   一、植树时间： / 20xx年3月12日上午
 * The task is the activity the field dates: the name field of its block, else the items of its
 * 活动内容 section, else the item it stands under, else the field's own first word (植树时间 → 植树).
 */
import { readDatePhrase, type DatePhrase } from "../schedule/date-phrase";
import { SPACES, trimEndOf } from "../normalize/trim-chars";
import type { Decision } from "./decode/decode-schedule";
import type { LineUnit } from "./decode/line-unit";
import type { BodySentence } from "./body-tasks";

const TIME_FIELD = /^([^:：，,。]{0,6}?)(时间|時間|日期)([^:：，,。]{0,6})[:：]\s*/;
const NAME_FIELD = /^(?:活动|活動|比赛|比賽)?(?:名称|名稱|主题|主題|项目|項目)\s*[:：]\s*(.*)$/;
const CONTENT_SECTION = /^(?:活动|活動|比赛|比賽)?(?:内容|內容|项目|項目)\s*[:：]?\s*(.*)$/;
// "活动时间", "比赛时间": the field names the activity no better than "时间" does.
const GENERIC_KEYS = /^(活动|活動|比赛|比賽|集合|报名|報名|具体|具體|开展|開展|举办|舉辦|会议|會議)?$/;
const LOOK_BACK = 8;

function clean(text: string): string {
  return trimEndOf(text, SPACES + ":：。；;，,").trim();
}

export function isTimeField(u: LineUnit): boolean {
  return TIME_FIELD.test(u.body.text);
}

/** "二、活动时间：" with nothing after it: the field's value is on the next line. */
export function isOpenTimeField(u: LineUnit): boolean {
  const m = TIME_FIELD.exec(u.body.text);
  return m !== null && u.body.text.slice(m[0].length).trim() === "";
}

export function isNameField(u: LineUnit): boolean {
  return NAME_FIELD.test(u.body.text);
}

/** The date a time field gives: on its own line, or on the next when the field is left open. */
function fieldDate(units: readonly LineUnit[], i: number): { phrase: DatePhrase; label: string; line: number } | null {
  const u = units[i] as LineUnit;
  const m = TIME_FIELD.exec(u.body.text);
  if (!m) return null;
  const at = m[0].length;
  const value = u.body.key.slice(at);
  if (value.trim() !== "") {
    const phrase = readDatePhrase(value);
    return phrase ? { phrase, label: u.body.text.slice(at, at + phrase.end), line: u.line } : null;
  }
  const next = units[i + 1];
  if (!next) return null;
  const phrase = readDatePhrase(next.body.key);
  return phrase ? { phrase, label: next.body.text.slice(0, phrase.end), line: next.line } : null;
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

function activityNames(units: readonly LineUnit[], i: number): string[] {
  const u = units[i] as LineUnit;
  const from = Math.max(0, i - LOOK_BACK);
  for (let k = i - 1; k >= from; k--) {
    const v = units[k] as LineUnit;
    if (isTimeField(v)) break;
    const name = NAME_FIELD.exec(v.body.text)?.[1];
    if (name === undefined) continue;
    if (name.trim() !== "") return [clean(name)];
    // "一、活动主题：" with its value on the next line.
    const below = units[k + 1];
    return below && below !== u && below.number === null ? [clean(below.body.text)] : [];
  }
  const level = u.number?.level ?? 0;
  if (level > 0 && level <= 2) {
    for (let k = i - 1; k >= 0; k--) {
      const v = units[k] as LineUnit;
      if ((v.number?.level ?? 0) === level && CONTENT_SECTION.test(v.body.text)) return contentItems(units, k, i);
    }
  }
  for (let k = i - 1; k >= from; k--) {
    const v = units[k] as LineUnit;
    const l = v.number?.level ?? 0;
    // The item this field stands under: numbered, and above the field's own level.
    if (l > 0 && (level === 0 || l < level) && !isTimeField(v)) return [clean(v.body.text)];
    if (isTimeField(v)) break;
  }
  const key = TIME_FIELD.exec(u.body.text)?.[1] ?? "";
  return GENERIC_KEYS.test(key) ? [] : [key];
}

/** Dated activities from the time fields among the lines the schedule decoder left in the body. */
export function fieldSentences(decisions: readonly Decision[]): BodySentence[] {
  const units = decisions.map((d) => d.unit);
  const out: BodySentence[] = [];
  for (let i = 0; i < units.length; i++) {
    const reading = (decisions[i] as Decision).reading.kind;
    if (reading !== "other" && reading !== "field") continue;
    const date = fieldDate(units, i);
    if (!date) continue;
    for (const name of activityNames(units, i)) {
      if (name.length < 2) continue;
      out.push({ label: date.label, months: date.phrase.months.map((m) => ({ year: m.year, month: m.month })), text: name, line: date.line });
    }
  }
  return out;
}
