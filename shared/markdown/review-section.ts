/**
 * The part of a plan note the Notion mirror owns: `## 审核意见 / Review comments` at the end of the
 * note, one entry per open discussion in Notion. It is not plan content: the engine reads the note
 * up to it, and a write replaces it and nothing else (line endings kept as the note has them).
 */

export const REVIEW_HEADING = "## 审核意见 / Review comments";

// The whole heading, English included: a plan of one's own may well have a section called 审核意见.
const HEADING_LINE = /^## 审核意见 \/ Review comments[ \t]*\r?$/;

/** `text` without the line ends at its end (walked from the end: a regex would retry at each newline of a long run). */
export function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
  return text.slice(0, end);
}

/** Where the section starts (the offset of its heading line), or -1 when the note has none. */
export function reviewSectionOffset(text: string): number {
  // Most notes have none: one search instead of a look at every line.
  let start = text.indexOf("## 审核意见");
  if (start === -1) return -1;
  start = text.lastIndexOf("\n", start) + 1;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    if (HEADING_LINE.test(line)) return start;
    if (end === -1) return -1;
    start = end + 1;
  }
  return -1;
}

/** The note without the section (the plan the engine reads). */
export function withoutReviewSection(text: string, at = reviewSectionOffset(text)): string {
  return at === -1 ? text : text.slice(0, at);
}

/** The section's text as the note holds it (heading included, "\n" line ends), or null. */
export function reviewSectionOf(text: string, at = reviewSectionOffset(text)): string | null {
  return at === -1 ? null : text.slice(at).replace(/\r\n/g, "\n");
}

/**
 * The note with the section replaced by `section` ("\n" line ends; null removes it). The lines
 * before it are left as they are; the new lines take the note's own line ending.
 */
export function replaceReviewSection(text: string, section: string | null): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const at = reviewSectionOffset(text);
  let head = at === -1 ? text : text.slice(0, at);
  if (section === null) {
    // Removing the section leaves the note as it was before the mirror added it: no trailing blank line of ours.
    if (at === -1) return text;
    return head === "" ? "" : trimTrailingNewlines(head) + eol;
  }
  const body = trimTrailingNewlines(section).split("\n").join(eol) + eol;
  if (head !== "" && !head.endsWith("\n")) head += eol;
  if (head !== "" && !/(\r?\n){2}$/.test(head)) head += eol;
  return head + body;
}

/** One open discussion as the section shows it: the task it is about (null: the plan) and its lines. */
export interface ReviewThread {
  /** The Notion discussion the entry stands for (a reply under it is posted there). */
  discussionId: string;
  taskId: string | null;
  /** The entry's head ("李审核 · 2027-03-02 09:15") and its comments' lines, indentation removed. */
  lines: string[];
}

/**
 * An entry's first line, "- 李审核 · 2027-03-02 09:15 · 任务 / task「…」`^t-ab12` <!-- d:… -->":
 * its head, then the id of its Notion discussion. The one rule every reader of the section uses.
 */
export const REVIEW_ENTRY_LINE = /^[-*+] (.*)<!-- d:([0-9a-fA-F-]{32,36}) -->[ \t]*$/;
const TASK_REF = /`\^(t-[A-Za-z0-9-]+)`/;

/** The discussions the section lists, each with the task it is about, for the view's comment count. */
export function reviewThreads(section: string | null): ReviewThread[] {
  if (section === null) return [];
  const threads: ReviewThread[] = [];
  let current: ReviewThread | null = null;
  for (const line of section.split("\n")) {
    const entry = REVIEW_ENTRY_LINE.exec(line);
    if (entry) {
      const head = (entry[1] ?? "").trim();
      // Author and time; what it is about follows them.
      current = { discussionId: entry[2] ?? "", taskId: TASK_REF.exec(head)?.[1] ?? null, lines: [head.split(" · ").slice(0, 2).join(" · ")] };
      threads.push(current);
    } else if (current && line.startsWith("  ") && line.trim() !== "") {
      current.lines.push(line.trim());
    }
  }
  return threads;
}

/** A reply the user writes under an entry ("  - 回复：好的"): the sync posts it to the entry's discussion. */
export const REVIEW_REPLY_LINE = /^[ \t]+[-*+] 回复[：:][ \t]*(.*?)[ \t]*$/;

/** The reply as a line of the section: one line, whatever was typed (line breaks become spaces). */
export function replyLine(reply: string): string {
  const parts = reply.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== "");
  return `  - 回复：${parts.join(" ")}`;
}

/**
 * The note with a reply added under the entry of `discussionId`, after that entry's own lines and any
 * earlier replies; every other line as it was, in the note's own line ending. Null when the note has
 * no such entry (the discussion was resolved, or the section changed) or the reply is empty.
 */
export function withReply(text: string, discussionId: string, reply: string): string | null {
  const line = replyLine(reply);
  if (line.trim() === "- 回复：") return null;
  const at = reviewSectionOffset(text);
  if (at === -1) return null;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.slice(at).split(/\r?\n/);
  let entry = -1;
  for (let i = 0; i < lines.length && entry === -1; i++) if (REVIEW_ENTRY_LINE.exec(lines[i] ?? "")?.[2] === discussionId) entry = i;
  if (entry === -1) return null;
  // The entry runs over its indented lines; a blank line, a new entry or anything else ends it.
  let end = entry + 1;
  while (end < lines.length && /^[ \t]+\S/.test(lines[end] ?? "")) end++;
  lines.splice(end, 0, line);
  return text.slice(0, at) + lines.join(eol);
}
