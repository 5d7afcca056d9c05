/**
 * Notion's changes brought into a note, before anything of the note's goes to Notion: the edit is
 * handed to the caller (the plugin or the CLI writes the note), and only once it is written does the
 * state record the values as agreed — a sync cut off in between takes them again next time.
 */
import type { PlanDecision } from "./decide";
import type { Session } from "./session";
import type { NoteEdit } from "./sync-types";

export async function applyToNote(session: Session, planKey: string, edit: NoteEdit, decision?: PlanDecision): Promise<void> {
  session.report.edits.push(edit);
  if (session.dry) return;
  if (session.options.applyEdit) await session.options.applyEdit(edit);
  const entry = session.state.plans[planKey];
  if (entry && edit.frontmatter && decision) {
    if ("review-status" in edit.frontmatter) entry.reviewStatus = decision.reviewStatus;
    if ("review-comment" in edit.frontmatter) entry.reviewComment = decision.reviewComment;
  }
  for (const t of edit.tasks ?? []) {
    const task = session.state.tasks[`${planKey}/${t.taskId}`];
    if (task) task.done = t.done;
  }
  await session.save();
}
