/**
 * A CalendarViewHost over notes held in memory, for the page the browser tests open. It reads the
 * notes with the plan engine (parsePlans), edits them the way the plugin does (one line, after
 * checking it still says what the view showed) and tells the view when they change.
 */
import { parsePlans } from "../../../shared/index";
import { extractTasks, type PlanTask } from "../../../shared/tasks/extract-tasks";
import { parseYm } from "../../../shared/time/year-month";
import type {
  CalendarExportKind,
  CalendarViewHost,
  IndexedPlan,
  PlanIndexLike,
  PlanIndexSnapshot,
  TaskEditResult,
  ViewSettings,
} from "../../../plugin/host";

export interface FakeHostLog {
  notices: string[];
  opened: { path: string | null; line: number; text: string }[];
  exports: { kind: CalendarExportKind; name: string; content: string }[];
}

export class FakeIndex implements PlanIndexLike {
  private listeners = new Set<() => void>();
  private current: PlanIndexSnapshot = { plans: [], tasks: [] };

  constructor(readonly notes: Map<string, string>) {
    this.rebuild();
  }

  rebuild(): void {
    const plans: IndexedPlan[] = [];
    const tasks: PlanTask[] = [];
    for (const [path, text] of this.notes) {
      const parsed = parsePlans(text, { fileName: path }).plans;
      for (const plan of parsed) plans.push({ path, plan });
      tasks.push(...extractTasks(parsed, path));
    }
    this.current = { plans, tasks };
  }

  snapshot(): PlanIndexSnapshot {
    return this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Re-reads the notes and tells the listeners, a tick later as the real (debounced) index does. */
  changed(): Promise<void> {
    this.rebuild();
    return new Promise((resolve) =>
      window.setTimeout(() => {
        for (const l of this.listeners) l();
        resolve();
      }, 0),
    );
  }
}

export class FakeHost implements CalendarViewHost {
  readonly index: FakeIndex;
  readonly log: FakeHostLog = { notices: [], opened: [], exports: [] };
  viewSettings: ViewSettings;
  /** Milliseconds each edit takes, so a test can see the busy state. */
  delayMs = 0;
  export?: CalendarViewHost["export"];

  constructor(notes: Record<string, string>, settings: ViewSettings, withExport: boolean) {
    this.index = new FakeIndex(new Map(Object.entries(notes)));
    this.viewSettings = settings;
    if (withExport) {
      this.export = (kind, content, suggestedName) => {
        this.log.exports.push({ kind, name: suggestedName, content });
        return Promise.resolve();
      };
    }
  }

  settings(): ViewSettings {
    return this.viewSettings;
  }

  openTask(task: PlanTask): Promise<void> {
    this.log.opened.push({ path: task.path, line: task.line, text: task.text });
    return Promise.resolve();
  }

  notice(message: string): void {
    this.log.notices.push(message);
  }

  /** Edits a note outside the view (as another device or the editor would). */
  async editNote(path: string, edit: (text: string) => string): Promise<void> {
    const text = this.index.notes.get(path);
    if (text === undefined) throw new Error(`no note ${path}`);
    this.index.notes.set(path, edit(text));
    await this.index.changed();
  }

  async toggleTask(task: PlanTask): Promise<TaskEditResult> {
    await this.wait();
    const found = this.taskLine(task);
    if (!found.ok) return found;
    const { lines, index } = found;
    const line = lines[index] ?? "";
    lines[index] = line.replace(/^(\s*[-*+] \[)([ xX])\]/, (_m, head: string, mark: string) => `${head}${mark === " " ? "x" : " "}]`);
    this.index.notes.set(task.path ?? "", lines.join("\n"));
    await this.index.changed();
    return { ok: true };
  }

  async moveTask(task: PlanTask, ym: string): Promise<TaskEditResult> {
    await this.wait();
    const target = parseYm(ym);
    if (!target) return { ok: false, reason: `不是月份：${ym}` };
    const found = this.taskLine(task);
    if (!found.ok) return found;
    const { lines, index } = found;
    const [moved] = lines.splice(index, 1);
    const heading = `### ${target.year}年${target.month}月`;
    let h = lines.findIndex((l) => l.trim() === heading);
    if (h < 0) {
      while (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() === "") lines.pop();
      lines.push("", heading);
      h = lines.length - 1;
    }
    let at = h + 1;
    while (at < lines.length && /^\s*[-*+] \[/.test(lines[at] ?? "")) at++;
    lines.splice(at, 0, moved ?? "");
    this.index.notes.set(task.path ?? "", lines.join("\n"));
    await this.index.changed();
    return { ok: true };
  }

  private async wait(): Promise<void> {
    if (this.delayMs > 0) await new Promise((r) => window.setTimeout(r, this.delayMs));
  }

  /** The task's line, if it still says what the view showed: same checkbox state, same id or text. */
  private taskLine(task: PlanTask): { ok: true; lines: string[]; index: number } | { ok: false; reason: string } {
    const text = task.path === null ? undefined : this.index.notes.get(task.path);
    if (text === undefined) return { ok: false, reason: "找不到这条任务所在的笔记 / the task's note is gone" };
    const lines = text.split("\n");
    const index = task.line - 1;
    const line = lines[index] ?? "";
    const box = /^\s*[-*+] \[([ xX])\]/.exec(line);
    const sameTask = line.includes(`^${task.id}`) || line.includes(task.text);
    if (!box || !sameTask || (box[1] !== " ") !== task.done) {
      return { ok: false, reason: "笔记已被修改，没有勾选；已刷新 / the note changed underneath, nothing was written; refreshed" };
    }
    return { ok: true, lines, index };
  }
}
