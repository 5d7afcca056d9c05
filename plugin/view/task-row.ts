/**
 * One task as a list item: a real checkbox, its text as a button that opens the note, what the
 * plan says about it (day, part of the month, span, owner) and a "移到…月" button.
 *
 * A row is five elements at most, cloned from a template (no option objects), and carries no
 * listeners: the view listens once on its root (task-events.ts) and finds the task by the row's
 * key. The row is a CSS grid, so the text and its meta line need no wrapper.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { monthSpan } from "../../shared/calendar/month-model";
import { make } from "./dom";
import type { ViewContext } from "./context";
import { monthSpanShort, shortDate, t } from "./strings";

/** How a row looks beyond its task: what the row store decides. */
export interface RowLook {
  draggable: boolean;
  selected: boolean;
  busy: boolean;
  canMove: boolean;
}

/** What is written beside the task: day or days, part of the month, months it spans, owner. */
export function taskMeta(ctx: ViewContext, task: PlanTask): string {
  const { lang } = ctx;
  const meta: string[] = [];
  if (task.date) meta.push(task.dateEnd ? `${shortDate(lang, task.date)}—${shortDate(lang, task.dateEnd)}` : shortDate(lang, task.date));
  if (task.partOfMonth) meta.push(task.partOfMonth);
  // A task of several months (七、八月份) is on each of its month pages: say it goes on beyond this one.
  const span = task.date ? null : monthSpan(task);
  if (span) meta.push(monthSpanShort(lang, span[0], span[1]));
  if (task.owner) meta.push(`${t(lang, "owner")}：${task.owner}`);
  return meta.join("  ·  ");
}

/**
 * The least height a task's row takes, in px, at Obsidian's interface font sizes (a row is 30 px
 * for one line, 45 with its meta line or a 💬 count under it). A first frame counts rows by it to
 * draw only what the screen shows (a key without a task counts as one line: too little only draws
 * a row more).
 */
export function rowHeightAtLeast(task: PlanTask | undefined): number {
  if (!task) return 28;
  const twoLines = task.date !== null || task.partOfMonth !== null || task.owner !== null || task.months.length > 1 || (task.comments?.length ?? 0) > 0;
  return twoLines ? 42 : 28;
}

/** The parts every row shares, made once per document and language and cloned for each row (a clone copies its attributes natively). */
interface RowTemplates {
  row: HTMLLIElement;
  meta: HTMLSpanElement;
  move: HTMLButtonElement;
  source: HTMLSpanElement;
  comments: HTMLButtonElement;
}

const templates = new WeakMap<Document, Map<string, RowTemplates>>();

function templatesFor(ctx: ViewContext): RowTemplates {
  const { doc, lang } = ctx;
  let byLang = templates.get(doc);
  if (!byLang) {
    byLang = new Map();
    templates.set(doc, byLang);
  }
  const key = `${lang}|${ctx.openTitle}`;
  const found = byLang.get(key);
  if (found) return found;
  const row = make(doc, "li");
  row.className = "union-plan-task";
  // Explicit: the chunk wrappers between the list and its rows are presentational, and an li
  // without a role would inherit that and stop being a list item to assistive technology.
  row.setAttribute("role", "listitem");
  const box = make(doc, "input");
  box.type = "checkbox";
  box.className = "union-plan-task-check";
  const open = make(doc, "button");
  open.type = "button";
  open.className = "union-plan-task-text";
  open.title = ctx.openTitle;
  row.append(box, open);
  const meta = make(doc, "span");
  meta.className = "union-plan-task-meta";
  const move = make(doc, "button");
  move.type = "button";
  move.className = "union-plan-btn union-plan-task-move";
  move.textContent = t(lang, "moveTo");
  move.title = ctx.moveTitle;
  move.setAttribute("aria-haspopup", "menu");
  move.setAttribute("aria-expanded", "false");
  const source = make(doc, "span");
  source.className = "union-plan-task-source";
  source.textContent = t(lang, "fromBody");
  source.title = ctx.fromBodyTitle;
  // A button: the threads show on hover, a click (or Enter) opens them to reply.
  const comments = make(doc, "button");
  comments.type = "button";
  comments.className = "union-plan-task-comments";
  const made = { row, meta, move, source, comments };
  byLang.set(key, made);
  return made;
}

export function buildTaskRow(ctx: ViewContext, task: PlanTask, key: string, look: RowLook): HTMLLIElement {
  const { lang } = ctx;
  const parts = templatesFor(ctx);
  const fromBody = task.source === "body";
  const row = parts.row.cloneNode(true) as HTMLLIElement;
  if (task.done) row.classList.add("union-plan-task--done");
  if (fromBody) row.classList.add("union-plan-task--from-body");
  if (look.selected) row.classList.add("union-plan-task--selected");
  if (look.busy) row.classList.add("union-plan-task--busy");
  row.setAttribute("data-task-key", key);
  row.setAttribute("data-task-id", task.id);
  // A body sentence has no month heading to move under: it is never dragged.
  if (look.draggable && !fromBody) row.setAttribute("draggable", "true");

  const box = row.firstChild as HTMLInputElement;
  box.checked = task.done;
  box.setAttribute("aria-label", `${t(lang, "done")}：${task.text}${fromBody ? `（${t(lang, "fromBody")}）` : ""}`);
  if (look.busy) box.setAttribute("aria-busy", "true");
  (box.nextSibling as HTMLButtonElement).textContent = task.text;

  // A dated item of the plan's body says so: it is not in the 行事历, and ticking it adds a box to its line.
  if (fromBody) row.append(parts.source.cloneNode(true));
  const text = taskMeta(ctx, task);
  if (text !== "") {
    const meta = parts.meta.cloneNode(false) as HTMLSpanElement;
    meta.textContent = text;
    row.append(meta);
  }
  // Reviewers' open discussions on this task (from the note's 审核意见 section): a count, the threads on hover.
  const comments = task.comments;
  if (comments && comments.length > 0) {
    const badge = parts.comments.cloneNode(false) as HTMLButtonElement;
    badge.textContent = `💬 ${comments.length}`;
    badge.title = `${comments.map((lines) => lines.join("\n")).join("\n\n")}\n\n${t(lang, "replyHint")}`;
    badge.setAttribute("aria-label", `${t(lang, "reviewComments")} ${comments.length}`);
    row.append(badge);
  }
  if (look.canMove) {
    const move = parts.move.cloneNode(true) as HTMLButtonElement;
    move.setAttribute("aria-label", `${t(lang, "moveTo")}：${task.text}`);
    row.append(move);
  }
  return row;
}

/** Puts a row's done state on screen without rebuilding it (focus stays where it is). */
export function showDone(row: HTMLElement, done: boolean): void {
  row.classList.toggle("union-plan-task--done", done);
  const box = row.querySelector<HTMLInputElement>(":scope > .union-plan-task-check");
  if (box) box.checked = done;
}

/** Puts a row's busy state (an edit under way) on screen. */
export function showBusy(row: HTMLElement, busy: boolean): void {
  row.classList.toggle("union-plan-task--busy", busy);
  const box = row.querySelector<HTMLInputElement>(":scope > .union-plan-task-check");
  if (!box) return;
  if (busy) box.setAttribute("aria-busy", "true");
  else box.removeAttribute("aria-busy");
}

/** Which control of a task row an element is, for putting focus back after a redraw. */
export function taskFocusKey(node: Element): string | null {
  const row = node.closest(".union-plan-task");
  const key = row?.getAttribute("data-task-key");
  if (!row || key === null || key === undefined) return null;
  for (const part of ["check", "text", "move"] as const) {
    if (node.classList.contains(`union-plan-task-${part}`)) return `task|${part}|${key}`;
  }
  return null;
}

/** The row key and control part a task focus key names. */
export function parseTaskFocus(focusKey: string): { key: string; part: "check" | "text" | "move" } | null {
  const m = /^task\|(check|text|move)\|(.*)$/s.exec(focusKey);
  if (!m) return null;
  const part = m[1] as "check" | "text" | "move";
  return { key: m[2] ?? "", part };
}

/** The control of a row a task focus key names. */
export function rowControl(row: HTMLElement, part: "check" | "text" | "move"): HTMLElement | null {
  return row.querySelector<HTMLElement>(`:scope > .union-plan-task-${part}`);
}
