/**
 * A NoteEdit (what Notion changed) applied to a note's text: review fields into the frontmatter,
 * ticks onto the task lines, reviewers' comments into the 审核意见 section at the end. Pure text → text; the plugin does the same through
 * FileManager.processFrontMatter and Vault.process, the CLI writes the file.
 */
import { setFrontmatterFields } from "../shared/edit/frontmatter";
import { setTaskDone, type TickOptions } from "../shared/edit/task-line";
import { replaceReviewSection } from "../shared/markdown/review-section";
import type { NoteEdit } from "./sync-engine";

/** `tick` says how a tick from Notion is written (Tasks' format; the done date, today by default). */
export function applyNoteEdit(text: string, edit: NoteEdit, tick: TickOptions = {}): string {
  let out = text;
  for (const t of edit.tasks ?? []) out = setTaskDone(out, t.taskId, t.done, tick).text;
  if (edit.frontmatter) out = setFrontmatterFields(out, edit.frontmatter);
  if (edit.reviewSection !== undefined) out = replaceReviewSection(out, edit.reviewSection);
  return out;
}
