/**
 * "New union plan / 新建工会计划": a modal (template, school, year or 学年, term, folder) that writes
 * a new plan note from a built-in template (shared/templates). It never overwrites: a taken name
 * gets a number.
 */
import { App, Modal, Notice, Setting, type TFile } from "obsidian";
import { renderTemplateNote } from "../../shared/templates/render-template";
import { TEMPLATES, templateInfo, type TemplateId } from "../../shared/templates/catalog";
import { renderCustomTemplate } from "../../shared/templates/custom-template";
import { parsePlans } from "../../shared/plan/parse-plans";
import { monthsForward } from "../../shared/time/year-month";
import { folderPath, holidayOverridesOf, type UnionPlanSettings } from "../settings";
import { createNewFile } from "../vault-files";
import { currentLang, tr } from "../i18n";

/** A built-in template's id, or "custom:" and the vault path of a template file. */
export type TemplateChoice = TemplateId | `custom:${string}`;

export interface NewPlanOptions {
  template: TemplateChoice;
  school: string;
  /** Calendar year, or the 学年 start year for a term plan. */
  year: number;
  term?: 1 | 2;
  /** Vault folder ("" = root); default: the plan folder setting. */
  folder?: string;
}

/** Characters no file system takes in a name. */
function safeFileName(title: string): string {
  return title.replace(/[\\/:*?"<>|#^[\]]/g, "-").replace(/\s+/g, " ").trim().slice(0, 100) || "工会工作计划";
}

/** The Markdown files of the template folder, offered beside the built-in templates. */
export function customTemplates(app: App, settings: UnionPlanSettings): TFile[] {
  const folder = folderPath(settings.templateFolder);
  if (folder === "") return [];
  return app.vault
    .getMarkdownFiles()
    .filter((f) => f.path.startsWith(`${folder}/`))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function isCustom(choice: TemplateChoice): choice is `custom:${string}` {
  return choice.startsWith("custom:");
}

/** Whether a template asks for a term: built-ins say so; a custom template may have one or not. */
function termRule(choice: TemplateChoice): "required" | "optional" | "none" {
  return isCustom(choice) ? "optional" : templateInfo(choice).term;
}

/** Writes the new plan note and returns it. */
export async function createPlanNote(app: App, settings: UnionPlanSettings, options: NewPlanOptions): Promise<TFile> {
  const term = termRule(options.template) !== "none" && options.term !== undefined ? { term: options.term } : {};
  const holidays = holidayOverridesOf(settings);
  let markdown: string;
  let title: string;
  if (isCustom(options.template)) {
    const file = app.vault.getFileByPath(options.template.slice("custom:".length));
    if (!file) throw new Error(tr("refusedNoFile"));
    markdown = renderCustomTemplate(await app.vault.read(file), { school: options.school, year: options.year, ...term, holidays });
    // The engine says what the note is called.
    title = parsePlans(markdown).plans[0]?.title ?? `${options.school}${options.year}工会工作计划`;
  } else {
    const rendered = renderTemplateNote({ template: options.template, school: options.school, year: options.year, ...term, holidays, format: settings.tasksFormat });
    markdown = rendered.markdown;
    title = rendered.title;
  }
  const folder = folderPath(options.folder ?? settings.planFolder);
  return createNewFile(app, folder, `${safeFileName(title)}.md`, markdown);
}

/** The term and year a new plan most likely is for, today, by the term months in the settings. */
export function defaultTermAndYear(settings: UnionPlanSettings, now: Date = new Date()): { term: 1 | 2; schoolYear: number; year: number } {
  const month = now.getMonth() + 1;
  const year = now.getFullYear();
  const inTerm = (t: { start: number; end: number }): boolean => (t.start <= t.end ? month >= t.start && month <= t.end : month >= t.start || month <= t.end);
  if (inTerm(settings.term2)) return { term: 2, schoolYear: year - 1, year };
  if (inTerm(settings.term1)) return { term: 1, schoolYear: month >= settings.term1.start ? year : year - 1, year };
  // Between terms (the summer, a winter break): the term that starts next.
  const until = (start: number): number => monthsForward(month, start);
  const startYear = (start: number): number => year + (month > start ? 1 : 0);
  if (until(settings.term1.start) <= until(settings.term2.start)) return { term: 1, schoolYear: startYear(settings.term1.start), year };
  return { term: 2, schoolYear: startYear(settings.term2.start) - 1, year };
}

export class NewPlanModal extends Modal {
  private template: TemplateChoice = "term";
  private school = "";
  private year: number;
  private term: 1 | 2 | null;
  private folder: string;

  constructor(
    app: App,
    private readonly settings: () => UnionPlanSettings,
    private readonly onCreated: (file: TFile) => Promise<void>,
  ) {
    super(app);
    const d = defaultTermAndYear(settings());
    this.year = d.schoolYear;
    this.term = d.term;
    this.folder = settings().planFolder;
  }

  override onOpen(): void {
    this.setTitle(tr("newPlanTitle"));
    this.render();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private render(): void {
    const { contentEl } = this;
    contentEl.empty();
    const en = currentLang() === "en";
    const rule = termRule(this.template);
    const custom = customTemplates(this.app, this.settings());
    const desc = isCustom(this.template) ? this.template.slice("custom:".length) : en ? templateInfo(this.template).descriptionEn : templateInfo(this.template).description;

    new Setting(contentEl)
      .setName(tr("template"))
      .setDesc(desc)
      .addDropdown((d) => {
        for (const t of TEMPLATES) d.addOption(t.id, en ? `${t.nameEn} / ${t.name}` : `${t.name} / ${t.nameEn}`);
        for (const f of custom) d.addOption(`custom:${f.path}`, f.basename);
        d.setValue(this.template).onChange((v) => {
          const next: TemplateChoice | null = TEMPLATES.find((t) => t.id === v)?.id ?? (v.startsWith("custom:") ? (v as `custom:${string}`) : null);
          if (next === null) return;
          this.template = next;
          // A calendar-year plan takes this year; a term plan the 学年 start year.
          const d0 = defaultTermAndYear(this.settings());
          const nextRule = termRule(next);
          if (nextRule === "none") this.year = d0.year;
          else if (nextRule === "required") {
            this.year = d0.schoolYear;
            this.term ??= d0.term;
          }
          this.render();
        });
      });
    new Setting(contentEl).setName(tr("school")).addText((t) =>
      t
        .setPlaceholder(tr("schoolPlaceholder"))
        .setValue(this.school)
        .onChange((v) => {
          this.school = v;
        }),
    );
    new Setting(contentEl)
      .setName(tr("year"))
      .setDesc(tr("yearDesc"))
      .addText((t) => {
        t.inputEl.type = "number";
        t.setValue(String(this.year)).onChange((v) => {
          this.year = Number(v);
        });
      });
    if (rule !== "none") {
      new Setting(contentEl).setName(tr("term")).addDropdown((d) => {
        d.addOption("1", tr("term1")).addOption("2", tr("term2"));
        if (rule === "optional") d.addOption("", tr("termNone"));
        d.setValue(this.term === null ? "" : String(this.term)).onChange((v) => {
          this.term = v === "1" ? 1 : v === "2" ? 2 : null;
        });
      });
    }
    new Setting(contentEl).setName(tr("folder")).addText((t) =>
      t.setValue(this.folder).onChange((v) => {
        this.folder = v;
      }),
    );
    new Setting(contentEl).addButton((b) =>
      b
        .setButtonText(tr("create"))
        .setCta()
        .onClick(() => void this.submit()),
    );
  }

  /** Creates the note from what the form holds; null (with a notice) when the form is not right. */
  async submit(): Promise<TFile | null> {
    if (!Number.isInteger(this.year) || this.year < 1900 || this.year > 9999) {
      new Notice(tr("badYear"));
      return null;
    }
    const options: NewPlanOptions = { template: this.template, school: this.school.trim(), year: this.year, folder: this.folder };
    if (termRule(this.template) !== "none" && this.term !== null) options.term = this.term;
    let file: TFile;
    try {
      file = await createPlanNote(this.app, this.settings(), options);
    } catch (error) {
      new Notice(error instanceof Error ? error.message : String(error));
      return null;
    }
    new Notice(`${tr("created")} ${file.path}`);
    this.close();
    await this.onCreated(file);
    return file;
  }

  /** Test and keyboard hook: fill the form in one go. */
  fill(values: Partial<{ template: TemplateChoice; school: string; year: number; term: 1 | 2 | null; folder: string }>): void {
    if (values.template !== undefined) this.template = values.template;
    if (values.school !== undefined) this.school = values.school;
    if (values.year !== undefined) this.year = values.year;
    if (values.term !== undefined) this.term = values.term;
    if (values.folder !== undefined) this.folder = values.folder;
    if (this.isOpenNow()) this.render();
  }

  private isOpenNow(): boolean {
    return this.contentEl.childElementCount > 0;
  }
}
