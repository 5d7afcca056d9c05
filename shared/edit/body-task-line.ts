/**
 * Ticking a dated sentence of the plan's body (a body task): the sentence has no box, so the tick
 * adds one, "（2）11月左右组织一次秋季登山。" → "- [x] （2）11月左右组织一次秋季登山。 ✅ 2026-11-27 ^t-…".
 * Every character of the line stays as it was; the box goes in front, Tasks' done date and the
 * task's block id at the end (the id keeps the task's Notion page and links when the words are
 * edited later). The caller asks the user first: this changes how the line is written.
 *
 * Once boxed, the line is a checkbox task like a 行事历 line, ticked and unticked by toggleTaskAtLine.
 */
import { parsePlans } from "../plan/parse-plans";
import { setLineDone, withBlockId, withCheckbox } from "../tasks/task-serializer";
import { joinNoteLines } from "./note-lines";
import { allTasks, lineAsShown, writeFreshIds, type EditRefusal, type TickOptions } from "./task-line";

export type BoxResult = { ok: true; text: string } | { ok: false; reason: EditRefusal };

/**
 * Adds a ticked checkbox to the line of body task `taskId` (1-based `line`), only when that line
 * still reads `expectedLineText`, holds that task alone, and the result reads back as the same
 * task, done. Otherwise the note is left as it was and the reason is given.
 */
export function tickBodySentence(text: string, taskId: string, line: number, expectedLineText: string, options: TickOptions = {}): BoxResult {
  const at = lineAsShown(text, line, expectedLineText);
  if (!at.ok) return at;
  const { note, current, plans, tasks } = at;
  const task = tasks.find((t) => t.id === taskId && t.line === line);
  if (!task) return { ok: false, reason: "task-not-found" };
  // A checkbox already (ticked before, in another window): the ordinary tick applies, not this one.
  if (task.form !== "body-sentence") return { ok: false, reason: "line-changed" };
  // "三月份…，四月份…。" holds two tasks: one box would tick both.
  if (tasks.some((t) => t !== task && t.line === line)) return { ok: false, reason: "shared-line" };
  const boxed = withCheckbox(current);
  const ticked = boxed === null ? null : setLineDone(boxed, true, options);
  if (ticked === null) return { ok: false, reason: "not-a-checkbox" };
  writeFreshIds(note, plans);
  note.lines[line - 1] = withBlockId(ticked, task.id);
  const next = joinNoteLines(note);
  // The engine must read the new line as this task, done; else writing it would lose the task.
  const back = allTasks(parsePlans(next).plans).find((t) => t.id === task.id);
  if (!back || !back.done || back.form !== "checkbox" || back.text !== task.text || back.line !== line) return { ok: false, reason: "not-read-back" };
  return { ok: true, text: next };
}
