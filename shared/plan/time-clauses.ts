/**
 * Dates a sentence gives as the time of what it names, not as a date it opens with:
 *   "本次大赛作品征集时间将持续到4月25日"       → 4月25日: 本次大赛作品征集
 *   "经济学类读书活动，时间安排在1-5月份"        → 1-5月份: 经济学类读书活动
 *   "（2）书画大赛，时间4月12日至5月31日，要求…" → the item's first clause, dated by its time field
 */
import type { OutlineNode } from "./types";
import type { BodySentence } from "./body-tasks";
import { foldKey } from "../normalize/fold";
import { SPACES, trimEndOf } from "../normalize/trim-chars";
import { monthsOf, readDatePhrase } from "../schedule/date-phrase";
import { tellsOfThePast } from "../schedule/past-tense";

// "作品征集时间将持续到4月25日", "报名截至9月9日": what runs until the date is named before it.
const RUNS_UNTIL = /(?:时间|時間|日期)?(?:将|將)?(?:持续到|持續到|截至|截止到|截止至|截止日期为|截止日期為|截止时间为|截止時間為)\s*/g;
const CLAUSE_BREAKS = "，,；;：:";

/** The activity a clause says runs until a date, dated by it: "本次大赛作品征集时间将持续到4月25日". */
export function subjectUntil(sentence: string, line: number): BodySentence | null {
  const key = foldKey(sentence);
  RUNS_UNTIL.lastIndex = 0;
  const m = RUNS_UNTIL.exec(key);
  if (!m) return null;
  const phrase = readDatePhrase(key, m.index + m[0].length);
  if (!phrase) return null;
  let opens = m.index;
  while (opens > 0 && !CLAUSE_BREAKS.includes(key.charAt(opens - 1))) opens--;
  const text = sentence.slice(opens, m.index).trim();
  if (text.length < 2 || text.length > 30 || tellsOfThePast(text)) return null;
  return { label: sentence.slice(m.index + m[0].length, phrase.end).trim(), months: monthsOf(phrase), text, line };
}

// "…，时间安排在4-5月。": a last clause that gives the time of what the sentence says.
const TIME_CLAUSE = /^(?:活动|活動|比赛|比賽)?(?:时间|時間)(?:为|為|是|安排在|安排于|安排於|定于|定於|定在)?[:：]?\s*/;
const CLAUSE_CLOSE = /^[\s,，。；;]*$/;
// "为使女教职工们健康…，": a purpose that opens the sentence is no part of what is done.
const PURPOSE_OPEN = /^(?:为了|為了|为|為)[^，,]{0,30}[，,]/;

/** "经济学类读书活动，时间安排在1-5月份": the activity before a closing time clause, dated by it. */
export function timeClauseAtEnd(sentence: string, starts: readonly number[], line: number): BodySentence | null {
  const key = foldKey(sentence);
  // The last clause with words in it ("…1-5月份,;" ends with an empty one).
  let k = starts.length - 1;
  while (k > 0 && CLAUSE_CLOSE.test(key.slice(starts[k]))) k--;
  const at = starts[k] ?? 0;
  if (at === 0) return null;
  const lead = TIME_CLAUSE.exec(key.slice(at));
  if (!lead || lead[0].length < 2) return null;
  const phrase = readDatePhrase(key, at + lead[0].length);
  if (!phrase || !CLAUSE_CLOSE.test(key.slice(phrase.end))) return null;
  const before = trimEndOf(sentence.slice(0, at), SPACES + "，,");
  const text = before.replace(PURPOSE_OPEN, "").trim();
  if (text.length < 4 || tellsOfThePast(text)) return null;
  return { label: sentence.slice(at + lead[0].length, phrase.end).trim(), months: monthsOf(phrase), text, line };
}

// "……大赛，时间4月12日至5月31日，要求…", "……擂台赛。时间：4月至12月。": a time field inside an item.
const INLINE_TIME_KEY = /[，,。；;]\s*(?:活动|活動|比赛|比賽)?(?:时间|時間)(?:为|為)?[:：]?\s*/g;
const FIRST_CLAUSE_END = /[，,。；;：:]/;

/**
 * An item that names its activity, then gives its time as a field of its own inside the same item:
 * the activity (the item's first clause) is dated by that field. Null when the item has none.
 */
export function inlineTimeField(node: OutlineNode): BodySentence | null {
  if (node.ordinal === null) return null;
  INLINE_TIME_KEY.lastIndex = 0;
  const m = INLINE_TIME_KEY.exec(node.text);
  if (!m) return null;
  const at = m.index + m[0].length;
  const key = foldKey(node.text);
  const phrase = readDatePhrase(key, at);
  if (!phrase) return null;
  const end = FIRST_CLAUSE_END.exec(node.text);
  const name = node.text.slice(0, end ? end.index : node.text.length).trim();
  if (name.length < 4 || readDatePhrase(foldKey(name)) !== null || tellsOfThePast(name)) return null;
  return { label: node.text.slice(at, phrase.end).trim(), months: monthsOf(phrase), text: name, line: node.line };
}
