/**
 * Asks before a tick in the 行事历 view changes how a line of the plan's body is written: a dated
 * sentence there has no checkbox, so ticking it adds one (with Tasks' done date and the task's
 * block id). The user sees the line before and after and says yes or no; closing the dialog is no.
 */
import { Modal, Setting, type App } from "obsidian";

/** Chinese first, English beside: the question changes the user's note, so both readers get it whole. */
const bi = (zh: string, en: string): string => `${zh} / ${en}`;

export class BodyTickModal extends Modal {
  private answered = false;

  constructor(
    app: App,
    private readonly before: string,
    private readonly after: string,
    private readonly answer: (yes: boolean) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(bi("给正文中的这一行加复选框？", "Add a checkbox to this line of the body?"));
    const { contentEl } = this;
    contentEl.createEl("p", {
      text: bi(
        "这项工作写在计划正文里，不在行事历中，这一行还没有复选框。勾选会把这一行改成已完成的任务行，原文一字不改：",
        "This task is written in the plan's body, not in its 行事历, and its line has no checkbox. Ticking it turns the line into a done task line, its words unchanged:",
      ),
    });
    contentEl.createEl("p", { cls: "union-plan-body-tick-label", text: bi("现在", "Now") });
    contentEl.createEl("pre", { cls: "union-plan-body-tick-line", text: this.before });
    contentEl.createEl("p", { cls: "union-plan-body-tick-label", text: bi("勾选后", "After the tick") });
    contentEl.createEl("pre", { cls: "union-plan-body-tick-line", text: this.after });
    new Setting(contentEl)
      .addButton((b) =>
        b
          .setButtonText(bi("加复选框并勾选", "Add the checkbox, ticked"))
          .setCta()
          .onClick(() => this.reply(true)),
      )
      .addButton((b) => b.setButtonText(bi("取消", "Cancel")).onClick(() => this.reply(false)));
  }

  override onClose(): void {
    this.contentEl.empty();
    // Escape, the close button or a click outside: the note stays as it is.
    if (!this.answered) {
      this.answered = true;
      this.answer(false);
    }
  }

  private reply(yes: boolean): void {
    if (this.answered) return;
    this.answered = true;
    this.answer(yes);
    this.close();
  }
}

/** Opens the question and resolves with the answer. */
export function askBodyTick(app: App, before: string, after: string): Promise<boolean> {
  return new Promise((resolve) => new BodyTickModal(app, before, after, resolve).open());
}
