/**
 * Replying to reviewers from the 行事历 view: the 💬 count beside a task opens its open discussions
 * (as the note's 审核意见 section lists them), each with a box to answer in. An answer is written
 * into the section as a reply line under its discussion ("  - 回复：…"); the next Notion sync posts
 * it there, exactly once, as a reply typed into the note by hand would be.
 */
import { Modal, Setting, type App } from "obsidian";
import type { ReviewThread } from "../shared/markdown/review-section";

const bi = (zh: string, en: string): string => `${zh} / ${en}`;

export class ReviewReplyModal extends Modal {
  constructor(
    app: App,
    private readonly taskText: string,
    private readonly threads: readonly ReviewThread[],
    /** Writes one reply into the note; resolves once it is written (or says why not). */
    private readonly send: (discussionId: string, reply: string) => Promise<boolean>,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(bi(`审核意见：${this.taskText}`, `Review comments: ${this.taskText}`));
    const { contentEl } = this;
    contentEl.createEl("p", {
      cls: "union-plan-reply-hint",
      text: bi("回复写进笔记的审核意见部分，下次同步时发到 Notion。", "A reply is written into the note's review section and posted to Notion on the next sync."),
    });
    for (const thread of this.threads) this.showThread(thread);
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private showThread(thread: ReviewThread): void {
    const box = this.contentEl.createDiv({ cls: "union-plan-reply-thread" });
    const [head = "", ...comments] = thread.lines;
    box.createEl("p", { cls: "union-plan-reply-head", text: head });
    for (const line of comments) box.createEl("p", { cls: "union-plan-reply-line", text: line });
    const input = box.createEl("textarea", { cls: "union-plan-reply-input", attr: { rows: "2", "aria-label": bi("回复", "Reply") } });
    new Setting(box).addButton((b) =>
      b
        .setButtonText(bi("回复", "Reply"))
        .setCta()
        .onClick(async () => {
          const reply = input.value.trim();
          if (reply === "") return;
          b.setDisabled(true);
          const written = await this.send(thread.discussionId, reply);
          b.setDisabled(false);
          if (!written) return;
          input.value = "";
          box.createEl("p", { cls: "union-plan-reply-line union-plan-reply-sent", text: bi(`回复：${reply}（下次同步时发出）`, `Reply: ${reply} (sent on the next sync)`) });
        }),
    );
  }
}
