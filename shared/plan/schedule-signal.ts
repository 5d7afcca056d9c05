/**
 * Whether a text can hold a 行事历 at all: a test cheap enough to run on every note of a vault
 * before deciding to parse it (the vault index asks it of notes that do not say they are plans).
 *
 * Every month the schedule decoder reads comes from one of two reading rules (decode/readings.ts):
 * a month word in the line (monthReading: 月, 寒假, 暑假, 暑期, 季度, see hasMonthWord), a slash date
 * ("9/1", monthReading too), a bare month number in a table's month column ("3": monthCellReading),
 * or a month number glued to an item number ("21、" = 二月 item 1, "7组织…": gluedReading); the last
 * three need an ASCII digit after folding. Normalization only ever drops characters (spaces, zero-width
 * characters, pinyin annotations) or folds full-width forms to ASCII, so each of those leaves one
 * of 月 寒 暑 季 or a digit (ASCII or full-width) in the text as written. A text with none of them
 * has no 行事历. When a reading rule learns a new way to name a month, this must learn it too:
 * schedule-signal.test.ts holds it against the engine.
 */

const MONTH_WORD = /寒假|暑假|暑期|季度/;
const MONTH_SIGNAL = /[月寒暑季0-9０-９]/;

/** A month word in a normalized line key: what monthReading looks for before it reads a date phrase. */
export function hasMonthWord(key: string): boolean {
  // indexOf first: almost every month heading has 月, and the regex is slower than a plain search.
  return key.indexOf("月") >= 0 || MONTH_WORD.test(key);
}

/** False only when the engine cannot find a 行事历 in `text` (see the module comment). */
export function mayHoldSchedule(text: string): boolean {
  return MONTH_SIGNAL.test(text);
}
