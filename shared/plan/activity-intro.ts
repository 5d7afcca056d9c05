/**
 * The activity an activity notice's opening paragraph names, for the notice's time field to date:
 *   "……经研究，工会决定开展“迎新春”环保健步走活动，现将方案通知如下："  → “迎新春”环保健步走活动
 *   "……组织全体教职工开展秋季登高活动。"                              → 秋季登高活动
 *   "……组织教职工于2030年10月12日赴城郊森林公园开展秋游活动，……"      → 赴城郊森林公园开展秋游活动
 * The name is the object of the last 举办/开展/组织/举行 in a clause, when it ends in a word for an
 * activity (活动, 比赛, 运动会, 讲座 …). A quoted name starts at its quote (what stands before it is the
 * organiser: "艺术中心“迎新趣味运动会”"); a name under a 的 starts after it ("意义重大的植树活动").
 * When the clause also holds the field's own date, the activity is what follows that date.
 */
import { foldKey } from "../normalize/fold";
import { HOLD_VERBS } from "./event-words";
import { dayAndHourLength } from "./day-and-hour";

const ORGANISE = new RegExp(`(${HOLD_VERBS})`, "g");
const ORGANISE_FIRST = new RegExp(`^(${HOLD_VERBS})`);
const ACTIVITY_END = /(活动|活動|比赛|比賽|赛|賽|会|會|游|遊|节|節|讲座|講座|仪式|儀式|联欢|聯歡|培训|培訓|演出|展览|展覽|展|观影|觀影|登山|植树|植樹|踏青|健步走)[”」』"]?$/;
// The activity words alone, to find where a name ends inside a longer object.
const ACTIVITY_WORD = /(活动|活動|比赛|比賽|运动会|運動會|欢送会|歡送會|联欢会|聯歡會|座谈会|座談會|讲座|講座|仪式|儀式|培训|培訓|演出|展览|展覽)/g;
const PURPOSE_START = "以来來";
const COUNTED = /^(了|一次|一场|一場|一届|一屆|本次|此次|本届|本屆|首届|首屆)/;
// A clause ends at a break outside quotes: "“新春送温暖,党暖万人心”职工游园活动" is one name.
const CLAUSES = /(?:[^，,。；;！!？?：:“”]|“[^“”]{0,40}”)+/g;
const OPEN_QUOTE = /[“「『"]/;
// Who stands before a quoted name: an organiser or the members taking part.
const ORGANISER_END = /(中心|工会|工會|学校|學校|学院|學院|协会|協會|委员会|委員會|委|部|处|處|室|组|組|队|隊|园|園|馆|館|院|局|会员|會員|教职工|教職工|职工|職工|员工|員工|教师|教師|女工|全体|全體|各单位|各單位)$/;

function nameFromObject(object: string): string | null {
  let name = upToPurpose(object.trim().replace(COUNTED, ""));
  const quote = name.search(OPEN_QUOTE);
  // "艺术中心“迎新趣味运动会”": the organiser before the quote is no part of the name; "庆“三八”趣味
  // 运动会", "2009年庆“三八”赏花行活动": words of the occasion before it are.
  if (quote > 0 && ORGANISER_END.test(name.slice(0, quote))) name = name.slice(quote);
  else if (quote < 0) {
    const de = name.lastIndexOf("的");
    if (de >= 0) name = name.slice(de + 1);
  }
  return name.length >= 2 && ACTIVITY_END.test(name) ? name : null;
}

/** "退休教师欢送会以表达对老教师的感谢": the name ends where the purpose begins. */
function upToPurpose(object: string): string {
  if (ACTIVITY_END.test(object)) return object;
  ACTIVITY_WORD.lastIndex = 0;
  for (let m = ACTIVITY_WORD.exec(object); m; m = ACTIVITY_WORD.exec(object)) {
    const end = m.index + m[0].length;
    if (PURPOSE_START.includes(object.charAt(end))) return object.slice(0, end);
  }
  return object;
}

/** The activity named in one clause, or null. */
function clauseActivity(clause: string, date: string | null): string | null {
  if (date !== null) {
    const clauseKey = foldKey(clause);
    const at = clauseKey.indexOf(date);
    if (at >= 0) {
      // After the date, its weekday and part of the day ("(星期六)上午举办…").
      const from = at + date.length;
      const rest = clause.slice(from + dayAndHourLength(clauseKey, from)).trim();
      // "定于12月1日开展线下趣味运动会": the name is what the verb organises.
      const verb = ORGANISE_FIRST.exec(rest);
      const named = verb ? nameFromObject(rest.slice(verb[0].length)) : null;
      if (named !== null) return named;
      if (rest.length >= 4) return rest;
    }
  }
  let last: RegExpExecArray | null = null;
  ORGANISE.lastIndex = 0;
  for (let m = ORGANISE.exec(clause); m; m = ORGANISE.exec(clause)) last = m;
  if (!last) return null;
  return nameFromObject(clause.slice(last.index + last[0].length));
}

/**
 * The activity a paragraph names; `date` (month and day as "M月D日", folded) is the field's date,
 * to find the clause that names it; `hint`, a word of the field's key (观影 of 观影时间), picks the
 * activity it speaks of among several.
 */
export function introActivity(paragraph: string, date: string | null, hint: string | null = null): string | null {
  if (paragraph.length < 6) return null;
  const clauses = paragraph.match(CLAUSES) ?? [];
  if (date !== null) {
    for (const c of clauses) if (foldKey(c).includes(date)) return clauseActivity(c, date);
  }
  // "观影时间": of the activities the paragraph names, the one the field's key speaks of.
  if (hint !== null) {
    for (let k = clauses.length - 1; k >= 0; k--) {
      const name = clauseActivity(clauses[k] as string, null);
      if (name !== null && name.includes(hint)) return name;
    }
  }
  for (let k = clauses.length - 1; k >= 0; k--) {
    const name = clauseActivity(clauses[k] as string, null);
    if (name !== null) return name;
  }
  return null;
}
