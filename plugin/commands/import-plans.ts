/**
 * "Import plan from text / 从文本导入计划": pasted text, or a .txt / .md / .docx file in the vault,
 * becomes one canonical plan note per plan the engine finds. Nothing is ever overwritten: a taken
 * name gets a number. The modal then shows what was found, and every diagnostic with its line.
 */
import { App, FuzzySuggestModal, Modal, Notice, Setting, TFile } from "obsidian";
import { extractRawText } from "../docx/mammoth-raw-text";
import { parsePlans } from "../../shared/plan/parse-plans";
import { planTasks } from "../../shared/tasks/extract-tasks";
import type { Diagnostic } from "../../shared/plan/types";
import { renderPlanMarkdown } from "../../shared/markdown/render-plan";
import { noteFileName } from "../../shared/markdown/note-name";
import { decodeBytes } from "../../shared/normalize/decode-bytes";
import { splitNoteLines } from "../../shared/edit/note-lines";
import type { UnionPlanSettings } from "../settings";
import { createNewFile } from "../vault-files";
import { tr } from "../i18n";

export const IMPORTABLE_EXTENSIONS = ["txt", "md", "docx"] as const;

export interface ImportedPlan {
  title: string | null;
  path: string;
  months: number;
  tasks: number;
}

export interface ImportReport {
  plans: ImportedPlan[];
  diagnostics: Diagnostic[];
  /** The source text, so a diagnostic can show its line. */
  source: string;
  /** The vault file read, when the text came from one. */
  sourcePath: string | null;
}

/** The text of a vault file to import: .docx through mammoth, text files in whatever encoding they are. */
export async function readImportFile(app: App, file: TFile): Promise<string> {
  const bytes = await app.vault.readBinary(file);
  if (file.extension.toLowerCase() === "docx") {
    // mammoth's browser build (the plugin's) reads `arrayBuffer`; its Node build (tests) reads `buffer`.
    const result = await extractRawText({ arrayBuffer: bytes, buffer: bytes });
    return result.value;
  }
  const decoded = decodeBytes(new Uint8Array(bytes));
  if (!decoded.ok) throw new Error(tr("readFailed"));
  return decoded.text;
}

/** Writes one canonical note per plan found in `text`. */
export async function importPlansFromText(app: App, settings: UnionPlanSettings, text: string, sourcePath: string | null = null): Promise<ImportReport> {
  const result = parsePlans(text, sourcePath === null ? {} : { fileName: sourcePath });
  const plans: ImportedPlan[] = [];
  for (let i = 0; i < result.plans.length; i++) {
    const plan = result.plans[i];
    if (!plan) continue;
    const markdown = renderPlanMarkdown(plan, { format: settings.tasksFormat, monthDueDates: settings.tasksDueDates });
    const file = await createNewFile(app, settings.planFolder, noteFileName(plan, i), markdown);
    plans.push({
      title: plan.title,
      path: file.path,
      months: plan.schedule.length,
      // The body's dated items are tasks of the note too.
      tasks: planTasks(plan).length,
    });
  }
  return { plans, diagnostics: result.diagnostics, source: text, sourcePath };
}

type ImportSource = { kind: "text" } | { kind: "file"; file: TFile };

class ImportFilePicker extends FuzzySuggestModal<TFile> {
  constructor(
    app: App,
    private readonly onPick: (file: TFile) => void,
  ) {
    super(app);
    this.setPlaceholder(tr("pickFile"));
  }

  getItems(): TFile[] {
    return this.app.vault.getFiles().filter((f) => (IMPORTABLE_EXTENSIONS as readonly string[]).includes(f.extension.toLowerCase()));
  }

  getItemText(item: TFile): string {
    return item.path;
  }

  onChooseItem(item: TFile): void {
    this.onPick(item);
  }
}

export class ImportModal extends Modal {
  private text = "";
  private busy = false;

  constructor(
    app: App,
    private readonly settings: () => UnionPlanSettings,
    private readonly openAtLine: (path: string, line: number) => Promise<void>,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(tr("importTitle"));
    this.renderForm();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private renderForm(): void {
    const { contentEl } = this;
    contentEl.empty();
    new Setting(contentEl).setName(tr("pasteHere")).addTextArea((t) => {
      t.inputEl.rows = 12;
      t.inputEl.addClass("union-plan-import-text");
      t.setValue(this.text).onChange((v) => {
        this.text = v;
      });
    });
    new Setting(contentEl)
      .addButton((b) =>
        b.setButtonText(tr("pickFileButton")).onClick(() => {
          new ImportFilePicker(this.app, (file) => void this.run({ kind: "file", file })).open();
        }),
      )
      .addButton((b) =>
        b
          .setButtonText(tr("importButton"))
          .setCta()
          .onClick(() => void this.run({ kind: "text" })),
      );
  }

  /** Imports from the pasted text or a picked file, then shows the report. */
  async run(source: ImportSource): Promise<ImportReport | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      let text = this.text;
      let sourcePath: string | null = null;
      if (source.kind === "file") {
        sourcePath = source.file.path;
        try {
          text = await readImportFile(this.app, source.file);
        } catch {
          new Notice(source.file.extension === "docx" ? tr("docxFailed") : tr("readFailed"));
          return null;
        }
      }
      if (text.trim() === "") {
        new Notice(tr("nothingToImport"));
        return null;
      }
      const report = await importPlansFromText(this.app, this.settings(), text, sourcePath);
      this.renderReport(report);
      return report;
    } finally {
      this.busy = false;
    }
  }

  private renderReport(report: ImportReport): void {
    const { contentEl } = this;
    contentEl.empty();
    new Setting(contentEl).setName(tr("importResult")).setHeading();
    const summary = contentEl.createDiv({ cls: "union-plan-import-summary" });
    summary.createEl("p", {
      text: `${tr("plansFound")}: ${report.plans.length} · ${tr("monthsFound")}: ${report.plans.reduce((n, p) => n + p.months, 0)} · ${tr("tasksFound")}: ${report.plans.reduce((n, p) => n + p.tasks, 0)}`,
    });
    const list = contentEl.createEl("ul", { cls: "union-plan-import-plans" });
    for (const p of report.plans) {
      const li = list.createEl("li");
      const link = li.createEl("a", { text: p.title ?? p.path, href: "#", cls: "internal-link" });
      link.addEventListener("click", (e) => {
        e.preventDefault();
        void this.openAtLine(p.path, 1);
        this.close();
      });
      li.createSpan({ text: ` — ${tr("monthsFound")} ${p.months} · ${tr("tasksFound")} ${p.tasks} · ${tr("writtenTo")} ${p.path}`, cls: "union-plan-muted" });
    }

    new Setting(contentEl).setName(tr("diagnostics")).setHeading();
    if (report.diagnostics.length === 0) {
      contentEl.createEl("p", { text: tr("noDiagnostics"), cls: "union-plan-muted" });
      return;
    }
    const lines = splitNoteLines(report.source).lines;
    const diag = contentEl.createEl("ul", { cls: "union-plan-import-diagnostics" });
    for (const d of report.diagnostics) {
      const li = diag.createEl("li", { cls: `union-plan-diagnostic union-plan-diagnostic--${d.severity}` });
      const where = tr("line", { n: d.line });
      // Only a Markdown source opens in Obsidian at its line; a .docx or .txt shows the line's text.
      if (report.sourcePath !== null && report.sourcePath.toLowerCase().endsWith(".md")) {
        const path = report.sourcePath;
        const link = li.createEl("a", { text: where, href: "#", cls: "internal-link" });
        link.addEventListener("click", (e) => {
          e.preventDefault();
          void this.openAtLine(path, d.line);
          this.close();
        });
      } else {
        li.createEl("strong", { text: where });
      }
      li.createSpan({ text: ` ${d.message}` });
      const source = lines[d.line - 1];
      if (source !== undefined && source.trim() !== "") li.createEl("code", { text: source.trim().slice(0, 80), cls: "union-plan-diagnostic-source" });
    }
  }
}
