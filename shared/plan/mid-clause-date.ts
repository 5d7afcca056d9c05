/**
 * A date after a clause's subject: activity notices and plans commit to dates this way.
 *   "校工会定于3月23日（星期六）举办春季踏青活动。"   → 3月23日: 举办春季踏青活动
 *   "请各小组在3月8日前确定踏青地点，并报至工会办公室。" → 3月8日前: 确定踏青地点，并报至工会办公室
 *   "请于5月6日17:00前将报名表交工会办公室。"         → 5月6日: 将报名表交工会办公室
 * A word of intent (将于, 定于, 拟于, 计划在 …) before the date commits to an event; the task is the rest
 * of its clause, after a weekday or an hour. A plain 于/在 commits to a deadline (…前), or to an event
 * when a day and an event verb follow ("于五月五日上午十时举办庆祝大会"): "在5月的教代会上" is a
 * setting, not a date to keep. A deadline's task is what is due: what follows it, with the clauses
 * joined to it by 并; whoever it binds, named before the date, stays in the line.
 */
import { foldKey } from "../normalize/fold";
import { isDigit, monthsOf, readDatePhrase } from "../schedule/date-phrase";
import { HAN_DIGITS } from "../schedule/date-words";
import { isOneOf } from "../schedule/word-lookup";
import { tellsOfThePast } from "../schedule/past-tense";
import { dayAndHourLength } from "./day-and-hour";
import { CONVENE_VERBS, HELD_ONLY, HOLD_VERBS } from "./event-words";
import type { BodySentence } from "./body-tasks";

// Longest first: 拟定于 before 定于, 将于 before 于.
// Traditional text converted by hand often keeps a simplified 于 ("將于…"): both are listed.
const INTENT_WORDS = ["将从", "將從", "将自", "將自", "拟定于", "擬定於", "擬定于", "計劃于", "預計于", "將于", "擬于", "计划于", "計劃於", "计划在", "計劃在", "预计于", "預計於", "准备于", "準備於", "准备在", "準備在", "将于", "將於", "将在", "將在", "定于", "定於", "拟于", "擬於", "拟在", "擬在", "拟", "擬"];
// "单位工会拟20**年元月中旬，组织…": 拟 alone says what is planned, as 拟于 does.
// "将从3月4日开始举办…": a date that starts something (its 开始 is read with the hour, day-and-hour.ts).
const LEAD_CHARS = "于於在拟擬从從自";
// "9月20日(下周二)下班前": the end of the working day is a deadline's hour.
const DEADLINE_WORD = /^(?:下班)?(以前|之前|前)/;
// An event verb right after the date (and its hour), or after where it is held: "于5月9日在操场举办…".
const EVENT_VERB = new RegExp(`^(?:在[^，,。；;]{1,20}?)?(${HOLD_VERBS}|${CONVENE_VERBS})(?!的)`);
const DATED_EVENT = /^(召开|召開|举行|舉行|举办|舉辦)的/;
const CLAUSE_BREAK = /[，,；;。！!？?]/;
// A subject that is an event ("…运动会", "…教代会", "…比赛") and not the body that holds one ("校工会", "各分会").
const EVENT_SUBJECT = /(会|會|赛|賽|活动|活動|仪式|儀式|讲座|講座|培训|培訓|典礼|典禮)$/;
const HOLDER_SUBJECT = /(工会|工會|分会|分會|委员会|委員會|协会|協會|学会|學會|教师会|教師會|理事会|理事會)$/;
const SENTENCE_END_CHARS = "。；;！!？?";

/** Where the clause at `from` ends: at a break outside brackets ("报县总工会（纸质版盖章，电子版发邮箱）"). */
function clauseEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "(" || c === "（") depth++;
    else if ((c === ")" || c === "）") && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_BREAK.test(c)) return i;
  }
  return text.length;
}

// A clause's subject starts after a clause break, a colon ("各分工会：我校…") or a layout space.
const SUBJECT_BREAK = /[，,；;。！!？?:： \u3000]/;

/** Where the clause (or, with SUBJECT_BREAK, its subject) that ends before `before` starts. */
function startAfterBreak(text: string, before: number, breaks = CLAUSE_BREAK): number {
  for (let i = before - 1; i >= 0; i--) if (breaks.test(text.charAt(i))) return i + 1;
  return 0;
}

// "…前确定踏青地点，并报至工会办公室": a clause that goes on with 并 is more of the same duty.
const JOINED = /^\s*(并|並|并且|並且|再|然后|然後|同时|同時)/;

/** The end of the clause at `from`, and of any clauses joined to it. */
function dutyEnd(text: string, from: number): number {
  let end = clauseEnd(text, from);
  while (end < text.length && !SENTENCE_END_CHARS.includes(text.charAt(end)) && JOINED.test(text.slice(end + 1, end + 4))) {
    const next = clauseEnd(text, end + 1);
    // "…，同时将电子档于12月10日前发至…": a joined clause with a date of its own is a duty of its own.
    if (namesAMonth(text, end + 1, next)) break;
    end = next;
  }
  return end;
}

/** Whether a 月 after a number stands in text[from, to). */
export function namesAMonth(text: string, from = 0, to = text.length): boolean {
  for (let at = text.indexOf("月", from); at >= 0 && at < to; at = text.indexOf("月", at + 1)) {
    const c = text.charAt(at - 1);
    // Full-width digits too: the text as written ("４月").
    if (isDigit(c) || (c >= "０" && c <= "９") || isOneOf(HAN_DIGITS, c)) return true;
  }
  return false;
}

/** "…前，各小组组长将…": after a deadline at the end of its clause, the duty is the next clause. */
function skipBreak(text: string, at: number): number {
  const m = /^\s*[,，]\s*/.exec(text.slice(at));
  return m ? at + m[0].length : at;
}

function intentBefore(key: string, at: number): string | null {
  for (const w of INTENT_WORDS) if (at >= w.length && key.startsWith(w, at - w.length)) return w;
  return null;
}

// What may join the parts of one date ("2025年3月", "3—5月"): a digit after one of them is no new date.
const DATE_JOINS = "年月日.-—~～至到、,，/";

// A sentence commits to a few dates at most.
const DATES_IN_SENTENCE = 4;

/**
 * The dates in the sentence that a subject, then a word of intent or a deadline, frames, each read
 * after the clause of the one before: "…于12月8日前交到工会，同时将电子档于12月8日前OA至…" holds two.
 */
export function midClauseDates(sentence: string, line: number): BodySentence[] {
  const key = foldKey(sentence);
  const out: BodySentence[] = [];
  // Position 0 has no subject before it: datedSentence reads a sentence that opens with 于/在.
  let from = 1;
  while (out.length < DATES_IN_SENTENCE && from < key.length) {
    const found = midClauseFrom(sentence, key, line, from);
    if (!found) break;
    out.push(found.piece);
    from = Math.max(found.next + 1, from + 1);
  }
  return out;
}

/** The first such date from `from` on, and where the text it dates ends. */
function midClauseFrom(sentence: string, key: string, line: number, from: number): { piece: BodySentence; next: number } | null {
  for (let i = from; i < key.length; i++) {
    // "请各分会9月10日前将名单报工会": a date in digits right after the subject, with no 于 or 在,
    // can only set a deadline.
    const bare = !LEAD_CHARS.includes(key.charAt(i));
    if (bare && !(isDigit(key.charAt(i)) && !isDigit(key.charAt(i - 1)) && !DATE_JOINS.includes(key.charAt(i - 1)))) continue;
    // "将在（12月27日）举行…": the date in brackets.
    const bracketed = !bare && (key.charAt(i + 1) === "(" || key.charAt(i + 1) === "（");
    // "定于 2019 年5月25日": a space after the lead word, copied from a form's layout.
    const at = bare ? i : bracketed ? i + 2 : i + 1 + (key.charAt(i + 1) === " " ? 1 : 0);
    const phrase = readDatePhrase(key, at);
    if (!phrase) continue;
    const label = sentence.slice(at, phrase.end).trim();
    const end = phrase.end + (bracketed ? (/^\s*[)）]/.exec(key.slice(phrase.end))?.[0].length ?? 0) : 0);
    const gap = dayAndHourLength(key, end);
    const after = end + gap;
    const deadline = /(以前|之前|前)$/.test(label) || DEADLINE_WORD.test(key.slice(after));
    // "暑假前", "9月前": before a season or a month is no day to keep; a deadline names its day.
    if (deadline && phrase.day === null) continue;
    if (bare && !deadline) continue;
    // "工会于五月五日上午十时举办庆祝大会": a plain 于 before a day and an event verb commits to the event.
    const intent = intentBefore(key, i + 1) ?? (phrase.day !== null && EVENT_VERB.test(key.slice(after)) ? key.charAt(i) : null);
    // "参与组织于4月初召开的两代会": the date belongs to an event the clause names; the clause is the task.
    const datedEvent = DATED_EVENT.test(key.slice(after));
    if (!deadline && !datedEvent && intent === null) continue;
    const leadStart = i + 1 - (intent?.length ?? 1);
    if (datedEvent && !deadline) {
      const opens = startAfterBreak(sentence, leadStart);
      const eventEnd = clauseEnd(sentence, after);
      const text = sentence.slice(opens, eventEnd).trim();
      if (text.length < 6 || tellsOfThePast(text)) continue;
      return { piece: { label, months: monthsOf(phrase), text, line }, next: eventEnd };
    }
    if (deadline) {
      // What is due is what follows the deadline, as a 行事历 task is what follows its month; who it
      // binds stands before the date and stays in the line.
      const tail = DEADLINE_WORD.exec(key.slice(after))?.[0].length ?? 0;
      const due = skipBreak(sentence, after + tail);
      const dueEnd = dutyEnd(sentence, due);
      const text = sentence.slice(due, dueEnd).replace(/^[\s,，:：]+/, "").trim();
      if (text.length < 2 || tellsOfThePast(text)) return null;
      return { piece: { label, months: monthsOf(phrase), text, line }, next: dueEnd };
    }
    // "教职工运动会将于9月29日在南区运动场举行": when the subject is the event itself, not who holds
    // it, the clause names the task whole, date and all.
    const opens = startAfterBreak(sentence, leadStart, SUBJECT_BREAK);
    const subject = sentence.slice(opens, leadStart).trim();
    // "工会委员会将于9月12日召开，…": nothing is held but the subject itself, then it is the event.
    const subjectHeld = subject.length >= 2 && HELD_ONLY.test(key.slice(after));
    if (subjectHeld || (subject.length >= 4 && EVENT_SUBJECT.test(subject) && !HOLDER_SUBJECT.test(subject))) {
      const held = clauseEnd(sentence, after);
      const text = sentence.slice(opens, held).trim();
      if (!tellsOfThePast(text)) return { piece: { label, months: monthsOf(phrase), text, line }, next: held };
    }
    // "拟定于4月24日—4月26日，对全县劳模进行走访慰问": the task may follow in the next clause.
    const next = skipBreak(sentence, after);
    const nextEnd = clauseEnd(sentence, next);
    const text = sentence.slice(next, nextEnd).trim();
    if (text.length < 4 || text.startsWith("的") || tellsOfThePast(text)) continue;
    return { piece: { label, months: monthsOf(phrase), text, line }, next: nextEnd };
  }
  return null;
}
