/** Whether an item tells what was done (a 总结) rather than what will be (a 计划). */
// 了 that is no completed aspect: 了解 (to learn about), 为了 (in order to), 除了 (besides) …
const NOT_ASPECT_BEFORE = "为為除不得";
const NOT_ASPECT_AFTER = "解";
// "……（已完成）", "（已做）": marked as done when the plan was written.
const DONE_MARK = /[(（]\s*(已完成|已做|已办|已辦|已开展|已開展|已举办|已舉辦)\s*[)）][。；;.．]?$/;

/**
 * "对义务消防员进行了演习" tells what was done, as a 总结 does: a plan's task says what will be.
 * Only the first sentence is read.
 */
/** Marked "（已完成）" anywhere in a line, not only in its first sentence. */
export function markedDone(text: string): boolean {
  return DONE_MARK.test(text);
}

export function tellsOfThePast(text: string): boolean {
  // Every past mark below holds 已, 曾 or 了: most items hold none of them.
  if (text.indexOf("了") < 0 && text.indexOf("已") < 0 && text.indexOf("曾") < 0) return false;
  let end = text.length;
  for (const stop of "。；;") {
    const k = text.indexOf(stop);
    if (k >= 0 && k < end) end = k;
  }
  if (/^(已经|已經|已|曾)/.test(text) || DONE_MARK.test(text)) return true;
  for (let i = text.indexOf("了"); i >= 0 && i < end; i = text.indexOf("了", i + 1)) {
    if (!NOT_ASPECT_BEFORE.includes(text.charAt(i - 1)) && !NOT_ASPECT_AFTER.includes(text.charAt(i + 1))) return true;
  }
  return false;
}

