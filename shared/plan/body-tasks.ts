/**
 * Dated items in a plan's body: many plans have no 行事历 but commit to dates in their sections,
 *   "（2）11月左右组织一次秋季登山。"   "2023年12月召开会员大会进行换届。"
 *   "6月上旬，举办优秀会员表彰会……"    "……工作。今年10月，组织一次青年教师沙龙。"
 * A sentence that opens with a date phrase is a task for those months; its text is the sentence
 * without the phrase, as a 行事历 task is its item without the month heading. Not tasks: the past
 * ("3月份以来，大力开展了…"), a date inside a longer account, section headings, the sign-off.
 */
import type { OutlineNode } from "./types";
import { foldKey } from "../normalize/fold";
import { SPACES, trimEndOf } from "../normalize/trim-chars";
import { monthsOf, readDatePhrase } from "../schedule/date-phrase";

import { markedDone, tellsOfThePast } from "../schedule/past-tense";
import { matchItemNumber } from "../outline/item-number";
import { takeTrailingFields } from "../tasks/task-serializer";
import { midClauseDates, namesAMonth } from "./mid-clause-date";
import { dayAndHourLength } from "./day-and-hour";
import { CONVENE_VERBS, HELD_ONLY, HOLD_VERBS } from "./event-words";
import { firstCharsOf } from "../schedule/word-lookup";
import { introActivity } from "./activity-intro";
import { inlineTimeField, subjectUntil, timeClauseAtEnd } from "./time-clauses";

export interface BodySentence {
  label: string;
  months: { year: number | null; month: number }[];
  text: string;
  line: number;
}

// Words that may stand before the date in a sentence that commits to it (决定4月组织…: a decision or a plan, with no 于).
// Traditional text converted by hand often keeps a simplified 于 ("將于4月底組織…"): both are listed.
// "即日起至5月10日止，…": from today until the date; the date is the one to keep.
const LEAD_WORDS = ["自即日起至", "即日起至", "即日起到", "從即日起至", "从即日起至", "将在", "將在", "將于", "擬于", "預計于", "計劃于", "一般安排在", "安排在", "拟定于", "擬定於", "拟定", "擬定", "计划于", "計劃於", "计划在", "計劃在", "计划", "計劃", "决定", "決定", "准备", "準備", "拟于", "擬於", "拟在", "擬在", "预计于", "預計於", "预计", "預計", "定于", "定於", "将于", "將於", "力争", "力爭", "争取", "爭取", "将从", "將從", "从", "從", "自", "于", "於", "在"];
const CLOCK_TIME = /^[(（]?(星期|周|週|礼拜|禮拜|上午|下午|中午|晚上|晚|早上|早|凌晨|傍晚|\d{1,2}\s*[:：点點时時])/;
// "…至5月10日止，": 止 closes the span the lead word opened.
const AFTER_PHRASE = /^止?[\s,:、，：]*/;
// "上午下班前": the end of the working day is a deadline's hour.
const DEADLINE_AFTER_HOUR = /^(?:下班)?(以前|之前|前)/;
const CLOCK_IN = /\d|[一二三四五六七八九十][点點时時]/;
// "将参加人员名单报工会": 参加 there starts the object's name (参加人员), and 将 marks the object.
// "4月26日，区总工会将联合…举行…": after the date, who will hold it goes with the 将, as a date
// after the subject leaves the subject out (mid-clause-date.ts).
const WILL_BEFORE_VERB = /^(?:[^，,。；;：:]{0,10}?(?:工会|工會|分会|分會|委员会|委員會|协会|協會)(?:亦|也|还|還)?)?(将要|將要|将|將)(?=(?:参加|參加)(?![人者名对對单單])|举办|舉辦|举行|舉行|组织|組織|开展|開展|召开|召開|进行|進行|启动|啟動|联合|聯合)/;
const EVENT_WORD = new RegExp(`(${HOLD_VERBS}|${CONVENE_VERBS}|进行|進行|参加|參加|活动|活動|比赛|比賽|会议|會議|大会|大會)`);
// The past, or a date that only frames what follows: not a commitment. "在10月的教工大会上" sets
// a scene: the date qualifies a noun.
// "3月8日是第115个妇女节", "2010年3月8日是妇女节100周年纪念日" state what the day is: no commitment either.
const PAST_AFTER = /^(份)?(以来|以來|至今|期间已|期間已|已经|已經|已|曾|的|是)/;
// "寒假将近，…": the season is near; it dates nothing that follows.
const NEAR_AFTER = /^(将近|將近|临近|臨近|即将|即將|来临|來臨|到来|到來|快到)/;
const SENTENCE_END = /[。；;！!？?]/;
// Date phrases with no 月 in them: holidays, quarters, festival periods ("五一期间", "教师节前后").
const DATE_WITHOUT_MONTH_WORD = /(寒假|暑假|暑期|季度|期间|期間|前后|前後|前夕|之际|之際)/;
// "……评选活动。（六月份）。": a date in brackets after the full stop is the sentence's, not one of its own.
const BRACKETED_ONLY = /^\s*[(（][^()（）]{1,12}[)）]\s*[。；;]?\s*$/;

/** SENTENCE_END for one UTF-16 unit, by its code: no one-character string and no pattern per character. */
function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff1b || code === 0x3b || code === 0xff01 || code === 0x21 || code === 0xff1f || code === 0x3f;
}


function sentencesOf(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    // Chinese asks with ？; an ASCII ? inside the text stands for a character the page lost
    // ("7月1日?8月5日", "“杏耀梦?想”"), and ends a sentence only before a space or the end
    // (charAt past the end is "", which includes() finds).
    if (isSentenceEnd(text.charCodeAt(i)) && !(text.charCodeAt(i) === 0x3f && !SPACES.includes(text.charAt(i + 1)))) {
      out.push({ text: text.slice(from, i + 1), at: from });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ text: text.slice(from), at: from });
  for (let k = out.length - 1; k > 0; k--) {
    const s = out[k] as { text: string; at: number };
    if (!BRACKETED_ONLY.test(s.text)) continue;
    const before = out[k - 1] as { text: string; at: number };
    // The date moves inside the sentence it closes, where trailingDate reads it.
    before.text = before.text.replace(/[。；;]\s*$/, "") + s.text;
    out.splice(k, 1);
  }
  return out;
}

// Most sentences open with none of the lead words: one look at the first character spares the list.
const LEAD_FIRST = firstCharsOf(LEAD_WORDS);

function leadWordLength(key: string): number {
  if (key === "" || !LEAD_FIRST.includes(key.charAt(0))) return 0;
  // "定于 5月25日": a space after the word, copied from a form's layout, goes with it.
  for (const w of LEAD_WORDS) if (key.startsWith(w)) return key.charAt(w.length) === " " ? w.length + 1 : w.length;
  return 0;
}

/**
 * What follows a date's weekday and hour. With an hour, the sentence dates a task only when it
 * sets a deadline ("3月20日（周四）下午5点前各单位将名单报送工会") or names an event ("…下午4:30在
 * 礼堂召开教代会"); a time alone ("(星期二)上午8:30") or a step of the day ("早9:30北京大厦集合出发",
 * under the activity it belongs to) is a detail: null.
 */
function afterTheHour(rest: string, restKey: string): string | null {
  // Hours are read on the folded key ("下午４：３０" as "下午4:30"); the text keeps its own characters.
  const timed = dayAndHourLength(restKey);
  if (timed === 0) return rest.replace(AFTER_PHRASE, "");
  const after = rest.slice(timed);
  const deadline = DEADLINE_AFTER_HOUR.exec(after);
  if (deadline) return after.slice(deadline[0].length).replace(AFTER_PHRASE, "");
  // Only a clock time makes the line a step of the day; "早上送给每位女教工一支鲜花" is a task.
  const clock = CLOCK_IN.test(restKey.slice(0, timed));
  return !clock || EVENT_WORD.test(after) ? after.replace(AFTER_PHRASE, "") : null;
}

/** The dated task a sentence commits to, or null. */
export function datedSentence(sentence: string, line: number): BodySentence | null {
  const trimmed = sentence.trim();
  const key = foldKey(trimmed);
  const phrase = readDatePhrase(key, leadWordLength(key));
  if (!phrase) return null;
  const rest = trimmed.slice(phrase.end);
  // The task below is `rest` with words taken off its front, and must be 4 characters at least:
  // a shorter rest ("3月" alone, a heading) can give none.
  if (rest.length < 4 || PAST_AFTER.test(rest) || NEAR_AFTER.test(rest)) return null;
  const after = afterTheHour(rest, key.slice(phrase.end));
  // "五月将参加歌咏比赛": 将 says "will" before a verb; the task is what will be done. (Before a
  // noun, "将报名表送交工会", it marks the object and stays.)
  const text = after === null ? null : after.replace(WILL_BEFORE_VERB, "");
  // "四月底（具体时间另行通知）": a note in brackets says when, not what.
  // "~2/15止…": the rest of a range the phrase did not take is no task.
  if (text === null || text.length < 4) return null;
  const textKey = foldKey(text);
  if (CLOCK_TIME.test(textKey) || BRACKETED_NOTE.test(textKey) || RANGE_REST.test(textKey)) return null;
  if (tellsOfThePast(text)) return null;
  return { label: trimmed.slice(leadWordLength(key), phrase.end).trim(), months: monthsOf(phrase), text, line };
}

const RANGE_REST = /^\s*[-—–~～至到]/;
const UNDATED_CLAUSE = /^\s*(平时|平時|同时|同時|此外|另外|日常|每月|每周|每週|每学期|每學期|全年|常年|长期|長期)/;
const TRAILING_DATE = /[(（]\s*([^()（）]{2,40}?)\s*[)）]\s*[。；;]?\s*$/;
// "书法比赛（3月7日下午4:30-5:30图文中心二楼自修室）": after a day and its hour, the bracket may name
// where; no more than a place.
const PLACE_AFTER_DATE = /^[^,，;；。:：]{0,20}$/;

/** "组织会员秋季登高活动（十月份）。": the month the item is for, written after it in brackets. */
function trailingDate(sentence: string, line: number): BodySentence | null {
  // The pattern needs a closing bracket: most sentences have none, and indexOf is cheaper than the pattern's scan.
  if (sentence.indexOf(")") < 0 && sentence.indexOf("）") < 0) return null;
  const m = TRAILING_DATE.exec(sentence);
  if (!m || m.index === undefined) return null;
  const inner = m[1] ?? "";
  const innerKey = foldKey(inner);
  const phrase = readDatePhrase(innerKey);
  if (!phrase) return null;
  if (phrase.end < inner.length) {
    const timed = phrase.day === null ? 0 : dayAndHourLength(innerKey, phrase.end);
    if (timed === 0 || !PLACE_AFTER_DATE.test(innerKey.slice(phrase.end + timed))) return null;
  }
  // "第一阶段：选拔赛（5月9日前）": the stage's number is no part of what is done, as an item's is not.
  const before = sentence.slice(0, m.index).trim();
  const text = before.slice(STAGE_LABEL.exec(foldKey(before))?.[0].length ?? 0);
  if (text.length < 2 || tellsOfThePast(text)) return null;
  return { label: inner.slice(0, phrase.end).trim(), months: monthsOf(phrase), text, line };
}

// "3月8日开会" is the shortest sentence any reading below could date ("3月" and a task of 2+ characters,
// each with the words a reading needs around them); shorter ones hold none.
const SHORTEST_DATED = 5;

const STAGE_LABEL = /^第[一二三四五六七八九十\d]{1,3}(?:阶段|階段|步|批|轮|輪)\s*[:：]\s*/;

const WHOLE_MONTH = /月份?$/;

// "自行车环湖运动：四月份组织…": an activity's name and a colon before what is done; no longer than this.
const NAME_BEFORE_COLON = 12;

/** Offsets just after each clause break (，or ,) in a sentence, and after a short name's colon that opens it. */
function clauseStarts(sentence: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < sentence.length && out.length < 40; i++) {
    const c = sentence.charAt(i);
    if (c === "，" || c === ",") out.push(i + 1);
    else if ((c === "：" || c === ":") && out.length === 0 && i >= 2 && i <= NAME_BEFORE_COLON) out.push(i + 1);
  }
  return out;
}

/**
 * The dated pieces of one sentence. "三月份学雷锋日组织义务劳动，四月份和九月份分别组织参观学习。" holds
 * two; "……开展读书活动，六月份，举办一次交流会。" holds one, in a later clause: a clause that opens
 * with a date commits the sentence up to the next such clause.
 */
export function datedPieces(sentence: string, line: number): BodySentence[] {
  // Every reading below needs a date and a task of two characters or more: a shorter sentence ("3月"
  // alone, a heading) holds none, and costs no more than this look.
  if (sentence.length < SHORTEST_DATED) return [];
  // "…投票。 5、2月x日行政会讨论…": an item run into the line before it opens with its number.
  // "…活动。(工会负责)3、9月10日…": the owner's note closes the item before; the next item follows it.
  // On the folded key ("２．" as "2."): the same offsets as the sentence.
  const sentenceKey = foldKey(sentence);
  const run = RUN_IN_ITEM_NUMBER.exec(sentenceKey) ?? NOTE_THEN_ITEM_NUMBER.exec(sentenceKey);
  if (run) return datedPieces(sentence.slice(run[0].length), line);
  const trailing = trailingDate(sentence, line);
  if (trailing) return [trailing];
  const starts = [0].concat(clauseStarts(sentence));
  const found: { at: number; piece: BodySentence }[] = [];
  for (const at of starts) {
    const d = datedSentence(sentence.slice(at), line) ?? (afterColon(sentence, at) ? heldOnDate(sentence.slice(at), line) : null);
    // "10月份，…，在十月初我们将继续…": a later date inside a whole month the item opens with refines
    // it; one item. ("5月上旬…，5月下旬…" stays two.)
    const before = found[found.length - 1]?.piece;
    const refines = before !== undefined && WHOLE_MONTH.test(before.label) && d !== null && d.months.every((m) => before.months.some((b) => b.month === m.month));
    if (d && !refines) found.push({ at, piece: d });
  }
  if (found.length === 0) {
    // No clause opens on a date; the sentence may still commit to one after its subject, or close
    // with the time of what it says.
    const mid = midClauseDates(sentence, line);
    if (mid.length > 0) return mid;
    const closing = subjectUntil(sentence, line) ?? timeClauseAtEnd(sentence, starts, line);
    return closing ? [closing] : [];
  }
  return found.map((f, k) => namedBeforeColon(sentence, f.at, upToNextDated(sentence, starts, found, k, line)));
}

/** The k-th dated piece, cut where the next dated clause (or a clause about all along) begins. */
function upToNextDated(sentence: string, starts: readonly number[], found: readonly { at: number; piece: BodySentence }[], k: number, line: number): BodySentence {
  const f = found[k] as { at: number; piece: BodySentence };
  // "……，平时不定期走访会员": a clause about what is done all along is no part of the dated item.
  const undated = starts.find((at) => at > f.at && UNDATED_CLAUSE.test(sentence.slice(at)));
  const nextAt = found[k + 1]?.at ?? undated;
  const next = nextAt === undefined ? undefined : { at: Math.min(nextAt, undated ?? nextAt) };
  if (!next) return f.piece;
  // The piece ends where the next dated clause begins, without the comma between them.
  const cut = datedSentence(sentence.slice(f.at, next.at - 1), line);
  return cut ?? f.piece;
}

function afterColon(sentence: string, at: number): boolean {
  const c = sentence.charAt(at - 1);
  return at >= 3 && (c === "：" || c === ":");
}

/**
 * "会员大会：预计于6月20日（星期五）举行": a date with nothing after it but that the event is held,
 * too short a task on its own; its text is that rest, for namedBeforeColon to name.
 */
function heldOnDate(clause: string, line: number): BodySentence | null {
  const trimmed = clause.trim();
  const key = foldKey(trimmed);
  const lead = leadWordLength(key);
  const phrase = readDatePhrase(key, lead);
  if (!phrase || phrase.day === null) return null;
  const rest = key.slice(phrase.end + dayAndHourLength(key, phrase.end)).trim();
  if (!HELD_ONLY.test(rest)) return null;
  return { label: trimmed.slice(lead, phrase.end).trim(), months: monthsOf(phrase), text: rest, line };
}

// "具体时间另行通知": what follows the date only says more will be told.
const NOTE_ONLY = /^(?:具体|具體)?[^，,。；;]{0,8}(?:另行通知|另行安排|另定|待定)/;

/**
 * "疗休养：一般安排在7月上、中旬，具体线路另行通知", "运动会：拟定10月18日上午，在操场举行": when what
 * follows the date is only a note, or where and that it is held, the name before the colon is the task.
 */
function namedBeforeColon(sentence: string, at: number, piece: BodySentence): BodySentence {
  if (!afterColon(sentence, at)) return piece;
  if (!NOTE_ONLY.test(piece.text) && !HELD_ONLY.test(piece.text)) return piece;
  const name = sentence.slice(0, at - 1).trim();
  return name.length >= 2 ? { ...piece, text: name } : piece;
}

/**
 * Dated sentences of the body's checkbox lines: a body sentence a user ticked becomes
 * "- [x] （2）11月左右组织一次秋季登山。 ✅ … ^t-…", and reads back as the same task. The box, the
 * item number and Tasks' fields at the end are not part of the sentence; `fields` carries the
 * fields, as written, for the task to read.
 */
export interface BodyBox {
  line: number;
  /** The line's text after its box. */
  text: string;
  done: boolean;
}

/**
 * The body's sentences with those of its checkbox lines, in reading order (a stable sort keeps
 * each line's pieces in order), and what each boxed line's box says: done, and the fields to read.
 */
export function withBoxedSentences(sentences: readonly BodySentence[], boxes: readonly BodyBox[]): { sentences: BodySentence[]; boxOf: (line: number) => { done: boolean; fields: string } | undefined } {
  const out = sentences.slice();
  const byLine = new Map<number, { done: boolean; fields: string }>();
  for (const b of boxes) {
    const { text: words, fields } = takeTrailingFields(b.text);
    const number = matchItemNumber(foldKey(words));
    const text = number ? words.slice(number.textStart) : words;
    if (markedDone(text)) continue;
    byLine.set(b.line, { done: b.done, fields });
    for (const s of sentencesOf(text)) for (const d of datedPieces(s.text, b.line)) out.push(d);
  }
  return { sentences: out.sort((a, b) => a.line - b.line), boxOf: (line) => byLine.get(line) };
}

/** Dated sentences in the body outline (items below section level, and paragraphs). */
export function bodySentences(outline: readonly OutlineNode[], skipLines: ReadonlySet<number>): BodySentence[] {
  // Lines read as fields or furniture are skipped: field-tasks.ts reads the fields.
  const found: BodySentence[] = [];
  // Each node with the node it stands under (null at the top).
  const stack: [OutlineNode, OutlineNode | null][] = [];
  for (let i = outline.length - 1; i >= 0; i--) stack.push([outline[i] as OutlineNode, null]);
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [OutlineNode, OutlineNode | null];
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as OutlineNode, node]);
    // Section headings (一、 （一）) name a part of the plan; a date there is not a task. A section
    // item that is a whole sentence ("一、五月份组织会员义务植树……。"), even with lines under it, is
    // read like any other.
    // Lines under it that are page furniture (the sign-off under a last item with no full stop) head nothing.
    const heading = node.level <= 2 && !SENTENCE_END.test(node.text) && (node.children.some((c) => !skipLines.has(c.line)) || node.text.length <= 20);
    if (skipLines.has(node.line) || markedDone(node.text)) continue;
    if (heading) {
      // "（三）总结表彰（4月下旬）": a heading that dates its activity in brackets is that activity.
      const dated = trailingDate(node.text, node.line);
      if (dated && !PART_OF_PLAN.test(dated.text)) found.push(dated);
      continue;
    }
    if (node.text.indexOf("月") < 0 && !DATE_WITHOUT_MONTH_WORD.test(node.text)) continue;
    const inline = inlineTimeField(node);
    if (inline) found.push(inline);
    let before = "";
    for (const s of sentencesOf(continuedText(node, skipLines))) {
      for (const d of datedPieces(s.text, node.line)) found.push(namedBefore(namedByHeading(d, parent), before));
      before = s.text;
    }
  }
  return found;
}

// "三、工作安排（3月—7月）": a heading over a part of the plan, dated by the part's period, is no activity.
const PART_OF_PLAN = /(安排|计划|計劃|工作|要点|要點|行事历|行事曆|时间|時間|内容|內容)$/;

// "（具体时间另行通知）", or a bracket the page never closed ("(非此期間內,恕無法申請!").
const BRACKETED_NOTE = /^[(（][^()（）]*(?:[)）][。；;，,\s]*)?$/;
// "⒈经济学类读书活动": a number with its full stop in one character (U+2488–U+249B) numbers an item
// too, and so does "七、" ("一、二月份" is two months, not an item).
const RUN_IN_ITEM_NUMBER = /^\s*(?:\d{1,2}\s*[、．.]|[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十])|[\u2488-\u249b])\s*(?=\S)/;
const NOTE_THEN_ITEM_NUMBER = /^\s*[(（][^()（）]{1,16}[)）]\s*\d{1,2}\s*[、．.]\s*(?=\S)/;

const SPACES_AND_COLONS = SPACES + ":：";

// What a line may end with and still be a whole sentence, a heading or a field.
const LINE_CLOSE = /[。；;！!？?：:，,、)）”」]$/;

// A page pasted from Word puts a blank line between all its lines: the line right under is then two down.
const LINE_UNDER = 2;

/**
 * "1、各代表队于10月24日前将报名表发送 / 到校篮球协会秘书长处。": a dated item a narrow page broke
 * before its end goes on in the paragraph right under it, up to that paragraph's first full stop.
 */
function continuedText(node: OutlineNode, skipLines: ReadonlySet<number>): string {
  const next = node.children[0];
  if (next === undefined || skipLines.has(next.line) || next.line - node.line > LINE_UNDER || next.ordinal !== null || LINE_CLOSE.test(node.text) || !namesAMonth(node.text)) return node.text;
  const stop = next.text.search(SENTENCE_END);
  if (stop < 0 || namesAMonth(next.text.slice(0, stop))) return node.text;
  return node.text + next.text.slice(0, stop + 1);
}

// "活动于6月9日举行", "本次比赛定于…举行": the subject only points back at the activity.
const POINTING_SUBJECT = /^(?:本次|此次|这次|這次|该|該)?(?:活动|活動|比赛|比賽|赛事|賽事)(?:将|將|拟|擬|定)?(?:于|於|在)/;

/** "本会亦举办…长跑比赛。活动于6月9日举行": a piece whose subject points back is the activity named before. */
function namedBefore(piece: BodySentence, before: string): BodySentence {
  if (before === "" || !POINTING_SUBJECT.test(foldKey(piece.text))) return piece;
  const name = introActivity(before, null);
  return name === null ? piece : { ...piece, text: name };
}

// A heading that names an event: "领队会议", "游泳比赛", "开幕式".
const EVENT_NAME = /(会议|會議|会|會|赛|賽|式|活动|活動|讲座|講座|培训|培訓|晚会|晚會)$/;

/**
 * "三、领队会议 / 定于3月27日下午4:30在工会活动室召开": a sentence that only says when and where the
 * event is held is about the event its heading names; that name is the task.
 */
function namedByHeading(piece: BodySentence, parent: OutlineNode | null): BodySentence {
  if (parent === null || !HELD_ONLY.test(piece.text)) return piece;
  const name = trimEndOf(parent.text, SPACES_AND_COLONS);
  return name.length >= 2 && name.length <= 20 && EVENT_NAME.test(name) ? { ...piece, text: name } : piece;
}
