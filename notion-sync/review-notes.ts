/**
 * The 审核意见 section as text, both ways (pure): open discussions rendered into the note, and the
 * replies a user wrote under them read back out.
 *
 * The form, documented in the section itself:
 *
 *   ## 审核意见 / Review comments
 *
 *   <!-- … how to reply … -->
 *
 *   - 李审核 · 2026-03-01 10:00 · 任务 / task「召开教代会」`^t-k2m9` <!-- d:DISCUSSION -->
 *     日期对吗？
 *     - union-plan · 2026-03-01 10:05：已改
 *     - 回复：好的            ← a line the user adds: posted to that discussion on the next sync
 *
 * The task's id is written as inline code so that it is never read as the task's own block id.
 */
import { REVIEW_ENTRY_LINE, REVIEW_HEADING, REVIEW_REPLY_LINE } from "../shared/markdown/review-section";

export interface ReviewComment {
  author: string;
  /** ISO time as Notion gives it. */
  time: string;
  text: string;
}

export interface ReviewDiscussion {
  id: string;
  /** What it is about: the plan, or one task (its text and id). */
  about: { kind: "plan" } | { kind: "task"; taskId: string; text: string };
  comments: ReviewComment[];
}

export interface WrittenReply {
  discussionId: string;
  text: string;
}

const HOW_TO = "<!-- 由 Notion 同步维护，请勿改动条目；在某条意见下加一行「  - 回复：……」，下次同步时发到 Notion。/ Kept by the Notion sync: do not edit the entries; add a line \"  - 回复：…\" under one to reply in Notion on the next sync. -->";

/** "2026-03-01T10:05:00.000Z" → "2026-03-01 10:05" (UTC, as Notion answers). */
function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1] ?? ""} ${m[2] ?? ""}` : iso;
}

/** A comment's lines under its entry: never a line that would read as a reply or a new entry. */
function bodyLines(text: string, indent: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => `${indent}${/^[-*+#>]/.test(l.trim()) ? "\\" : ""}${l.trim()}`);
}

function aboutText(d: ReviewDiscussion): string {
  return d.about.kind === "plan" ? "计划 / plan" : `任务 / task「${d.about.text}」\`^${d.about.taskId}\``;
}

/** The section for these discussions (oldest first); null when there are none. */
export function renderReviewSection(discussions: readonly ReviewDiscussion[]): string | null {
  if (discussions.length === 0) return null;
  const lines = [REVIEW_HEADING, "", HOW_TO, ""];
  for (const d of discussions) {
    const [first, ...rest] = d.comments;
    if (!first) continue;
    lines.push(`- ${first.author} · ${shortTime(first.time)} · ${aboutText(d)} <!-- d:${d.id} -->`);
    for (const l of bodyLines(first.text, "  ")) lines.push(l);
    for (const c of rest) {
      const [head = "", ...more] = bodyLines(c.text, "").length > 0 ? bodyLines(c.text, "") : [""];
      lines.push(`  - ${c.author} · ${shortTime(c.time)}：${head}`);
      for (const l of more) lines.push(`    ${l}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Replies the user wrote in the section, each under the entry of its discussion, in order. */
export function readReplies(section: string | null): WrittenReply[] {
  if (section === null) return [];
  const replies: WrittenReply[] = [];
  let current: string | null = null;
  for (const line of section.split(/\r?\n/)) {
    const entry = REVIEW_ENTRY_LINE.exec(line);
    if (entry) {
      current = entry[2] ?? null;
      continue;
    }
    const reply = REVIEW_REPLY_LINE.exec(line);
    if (reply && current !== null && (reply[1] ?? "") !== "") replies.push({ discussionId: current, text: reply[1] ?? "" });
  }
  return replies;
}
