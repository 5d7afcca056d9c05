/**
 * What the 行事历 view asks of the plugin (CalendarViewHost): open a task's note at its line,
 * tick a task, move it to another month, save an export. Every write goes through Vault.process
 * and the pure edits in shared/edit, which touch only the task's own line (or, for a move, the
 * line and its month heading).
 */
import { Notice, type App, type TFile } from "obsidian";
import type { PlanTask } from "../shared/tasks/extract-tasks";
import { parsePlans } from "../shared/plan/parse-plans";
import { splitNoteLines } from "../shared/edit/note-lines";
import { moveTaskToMonth, toggleTaskAtLine, type EditRefusal } from "../shared/edit/task-line";
import { tickBodySentence } from "../shared/edit/body-task-line";
import { todayIso } from "../shared/tasks/task-serializer";
import { askBodyTick } from "./body-tick-modal";
import type { CalendarExportKind, CalendarViewHost, TaskEditResult, ViewSettings } from "./host";
import type { PlanIndex } from "./index/plan-index";
import { holidayOverridesOf, type UnionPlanSettings } from "./settings";
import { currentLang, tr, type StringKey } from "./i18n";
import { createNewFile } from "./vault-files";
import { openNoteAtLine } from "./open-note";
import { reviewSectionOf, reviewThreads, withReply } from "../shared/markdown/review-section";
import { ReviewReplyModal } from "./review-reply-modal";

const REFUSAL_TEXT: Record<EditRefusal | "no-file", StringKey> = {
  "line-changed": "refusedLineChanged",
  "no-such-line": "refusedNoSuchLine",
  "not-a-checkbox": "refusedNotCheckbox",
  ambiguous: "refusedAmbiguous",
  "task-not-found": "refusedTaskNotFound",
  "shared-line": "refusedSharedLine",
  "bad-month": "refusedBadMonth",
  "not-read-back": "refusedNotReadBack",
  "no-file": "refusedNoFile",
};

export function refusalMessage(reason: EditRefusal | "no-file"): string {
  return tr(REFUSAL_TEXT[reason]);
}

export class PluginCalendarHost implements CalendarViewHost {
  constructor(
    private readonly app: App,
    readonly index: PlanIndex,
    private readonly getSettings: () => UnionPlanSettings,
  ) {}

  settings(): ViewSettings {
    const s = this.getSettings();
    return { weekStart: s.weekStart, language: currentLang(), holidayOverrides: holidayOverridesOf(s) };
  }

  notice(message: string): void {
    new Notice(message);
  }

  private fileOf(task: PlanTask): TFile | null {
    return task.path === null ? null : this.app.vault.getFileByPath(task.path);
  }

  async openTask(task: PlanTask): Promise<void> {
    if (task.path === null) {
      this.notice(refusalMessage("no-file"));
      return;
    }
    await openNoteAtLine(this.app, task.path, task.line);
  }

  async replyToTask(task: PlanTask): Promise<void> {
    const file = this.fileOf(task);
    if (!file) {
      this.notice(refusalMessage("no-file"));
      return;
    }
    const threads = reviewThreads(reviewSectionOf(await this.app.vault.read(file))).filter((t) => t.taskId === task.id);
    if (threads.length === 0) {
      await this.openTask(task);
      return;
    }
    new ReviewReplyModal(this.app, task.text, threads, async (discussionId, reply) => {
      let written = false;
      // Only the section changes, by one line under the discussion; if the discussion is gone (a sync
      // resolved it meanwhile), the note is written back as it was.
      await this.app.vault.process(file, (data) => {
        const next = withReply(data, discussionId, reply);
        written = next !== null;
        return next ?? data;
      });
      this.notice(tr(written ? "replyWritten" : "replyNoDiscussion"));
      return written;
    }).open();
  }

  async toggleTask(task: PlanTask): Promise<TaskEditResult> {
    const file = this.fileOf(task);
    if (!file) return this.refuse(task, "no-file");
    if (task.form === "body-sentence" && !task.done) return this.tickBodySentence(task, file);
    // The engine said how the task is written: only a checkbox is ticked in place, so nothing is written for the others.
    if (task.form !== undefined && task.form !== "checkbox") return this.refuse(task, "not-a-checkbox");
    // The line as the index read it when the view was drawn; the file must still say exactly that.
    const expected = this.index.indexedTaskLine(task);
    if (expected === null) return this.refuse(task, "line-changed");
    return this.editNote(task, file, (data) => toggleTaskAtLine(data, task.line, expected, { format: this.getSettings().tasksFormat }));
  }

  /**
   * One edit of a note through Vault.process: the edit sees the note as it is now and either gives
   * the new text or refuses (and the note is written back unchanged); the index then reads the result.
   */
  private async editNote(task: PlanTask, file: TFile, edit: (data: string) => { ok: true; text: string } | { ok: false; reason: EditRefusal }): Promise<TaskEditResult> {
    let refusal: EditRefusal | null = null;
    const written = await this.app.vault.process(file, (data) => {
      const r = edit(data);
      if (!r.ok) {
        refusal = r.reason;
        return data;
      }
      return r.text;
    });
    if (refusal !== null) return this.refuse(task, refusal);
    this.index.ingest(file, written);
    return { ok: true };
  }

  /**
   * A dated sentence of the body has no box: the tick adds one, but only after the user saw the
   * line as it is and as it would be, and said yes. A no writes nothing.
   */
  private async tickBodySentence(task: PlanTask, file: TFile): Promise<TaskEditResult> {
    const expected = this.index.indexedTaskLine(task);
    if (expected === null) return this.refuse(task, "line-changed");
    const format = this.getSettings().tasksFormat;
    // One done date for the preview and the write, so the user sees exactly what is written.
    const today = todayIso();
    const entryText = this.index.indexedText(task.path ?? "");
    const preview = entryText === null ? null : tickBodySentence(entryText, task.id, task.line, expected, { format, today });
    if (preview === null) return this.refuse(task, "line-changed");
    // "Normalize the 行事历" (the shared-line advice for a 行事历 line) leaves the body alone: this line needs splitting by hand.
    if (!preview.ok) return preview.reason === "shared-line" ? this.refuse(task, "shared-line", "refusedBodySharedLine") : this.refuse(task, preview.reason);
    const after = splitNoteLines(preview.text).lines[task.line - 1] ?? "";
    if (!(await askBodyTick(this.app, expected, after))) return { ok: false, reason: tr("bodyTickCancelled") };
    return this.editNote(task, file, (data) => tickBodySentence(data, task.id, task.line, expected, { format, today }));
  }

  async moveTask(task: PlanTask, ym: string): Promise<TaskEditResult> {
    const file = this.fileOf(task);
    if (!file) return this.refuse(task, "no-file");
    const expected = this.index.indexedTaskLine(task);
    if (expected === null) return this.refuse(task, "line-changed");
    const { tasksDueDates: dueDates, tasksFormat: format } = this.getSettings();
    return this.editNote(task, file, (data) => {
      // The engine reads the note as it is now; the task must still be where the view saw it.
      const plan = parsePlans(data, { fileName: file.path }).plans.find((p) => p.id === task.planId && p.schedule.some((m) => m.tasks.some((t) => t.id === task.id)));
      const current = plan?.schedule.flatMap((m) => m.tasks).find((t) => t.id === task.id);
      if (!plan || !current) return { ok: false, reason: "task-not-found" };
      if (current.line !== task.line || splitNoteLines(data).lines[task.line - 1] !== expected) return { ok: false, reason: "line-changed" };
      return moveTaskToMonth(data, plan, task.id, ym, { dueDates, format });
    });
  }

  async export(kind: CalendarExportKind, content: string, suggestedName: string): Promise<void> {
    const ext = kind === "markdown" ? ".md" : kind === "html" ? ".html" : ".ics";
    const name = suggestedName.endsWith(ext) ? suggestedName : `${suggestedName}${ext}`;
    const file = await createNewFile(this.app, this.getSettings().planFolder, name.replace(/[\\/:*?"<>|]/g, "-"), content);
    this.notice(`${tr("exported")} ${file.path}`);
    if (kind === "markdown") await this.app.workspace.getLeaf(true).openFile(file);
  }

  /**
   * Has the note read again so the view shows what the note says now, and gives the reason back:
   * the view shows it as a notice (and to screen readers), so it is not shown twice here.
   */
  private async refuse(task: PlanTask, reason: EditRefusal | "no-file", wording?: StringKey): Promise<TaskEditResult> {
    const message = wording ? tr(wording) : refusalMessage(reason);
    if (task.path !== null) await this.index.refresh(task.path);
    this.index.poke();
    return { ok: false, reason: message };
  }
}
