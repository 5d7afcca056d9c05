/** Opens a note with its line in view and the cursor on it. */
import { MarkdownView, Notice, type App } from "obsidian";
import { tr } from "./i18n";

/** `line` is 1-based, as the engine counts. */
export async function openNoteAtLine(app: App, path: string, line: number): Promise<void> {
  const file = app.vault.getFileByPath(path);
  if (!file) {
    new Notice(tr("refusedNoFile"));
    return;
  }
  const at = Math.max(0, line - 1);
  const leaf = app.workspace.getLeaf(false);
  await leaf.openFile(file, { active: true, eState: { line: at } });
  const view = leaf.view;
  if (view instanceof MarkdownView) {
    view.editor.setCursor({ line: at, ch: 0 });
    view.editor.scrollIntoView({ from: { line: at, ch: 0 }, to: { line: at, ch: 0 } }, true);
  }
}
