/**
 * Reviewers' comments, both ways: the open discussions on a plan page and its task pages come into
 * the note's 审核意见 section, and replies the user wrote there go to their discussions.
 *
 * Which pages are read (the request budget). Notion's documentation does not say whether a
 * comment moves a page's `last_edited_time`, so it cannot tell alone which pages to read:
 *   - the plan page: every sync, one read (reviewers comment on the plan first and most);
 *   - a task page: when its `last_edited_time` moved since it was last accounted for, when it
 *     already has open discussions (so a reply to a known discussion is seen whatever the time
 *     does), in the plan's sweeps (block-comments.ts says when: a person edited the plan page, or a
 *     day passed), or with `fullComments` (once, for a user who suspects a missed one);
 *   - a page this run created: never (it cannot have comments yet).
 * Timestamps are whole minutes: a comment in the same minute as our own write to the task page,
 * on a page with no discussion yet, is seen at the next sweep.
 *   - a to-do block of the plan's body (a comment on one line of the 行事历): by the rules of
 *     block-comments.ts (those with open discussions every sync, the others in sweeps).
 *
 * Replies are posted exactly once: each is recorded in the state before the request and marked
 * after it; one left unmarked (the answer was lost) is looked for in its discussion first.
 */
import { reviewSectionOf, trimTrailingNewlines } from "../shared/markdown/review-section";
import { pushAll } from "../shared/collections/array-edit";
import { blockTargets } from "./block-comments";
import { noteNewDiscussions } from "./review-news";
import { explainError } from "./errors";
import type { LocalPlan } from "./local-plans";
import { mirroredTasks } from "./mapping";
import { commentText, sameDiscussion, type CommentLike, type PageLike } from "./notion-ops";
import { applyToNote } from "./note-edits";
import { normalizeId } from "./properties";
import { readReplies, renderReviewSection, type ReviewComment, type ReviewDiscussion } from "./review-notes";
import type { Session } from "./session";
import type { PlanEntry } from "./sync-state";

export const NO_READ_COMMENTS =
  "Notion 集成没有评论权限，审核意见没有同步，其余内容照常同步；请在 notion.so/profile/integrations 为集成勾选“读取评论”和“插入评论” / the integration cannot read comments: reviewers' comments were not synced, everything else was; give it the “Read comments” and “Insert comments” capabilities at notion.so/profile/integrations";
export const NO_INSERT_COMMENTS =
  "Notion 集成没有插入评论的权限，笔记中的回复没有发出（下次同步再试）/ the integration cannot insert comments: the replies in the notes were not posted (tried again next sync)";

export interface CommentsContext {
  planPageId: string;
  /** The plan page was made by this run: nothing to read on it. */
  planFresh: boolean;
  /** A task's page as the remote index read it at the start of this run (null: made by this run). */
  taskPage: (taskId: string) => PageLike | null;
  /** The plan page as the remote index read it (its last_edited_time is recorded with a sweep). */
  planPage: PageLike | null;
  /** Read every to-do block of the plan this time (block-comments.ts says when). */
  sweepBlocks: boolean;
  /** To-do blocks this run wrote: new, so without comments. */
  newBlocks: ReadonlySet<string>;
}

interface Target {
  /** Where the comments are listed: a page, or a to-do block of the plan's body. */
  pageId: string;
  taskId?: string;
  taskText?: string;
}

const isRefused = (error: unknown): boolean => explainError(error).status === 403;

function toComment(c: CommentLike): ReviewComment & { byIntegration: boolean } {
  return { author: c.display_name?.resolved_name ?? "?", time: c.created_time, text: commentText(c), byIntegration: c.display_name?.type === "integration" };
}

/** The pages whose comments this sync reads, by the rules above. */
function targetsOf(session: Session, local: LocalPlan, entry: PlanEntry, ctx: CommentsContext): Target[] {
  const open = new Set((entry.discussions ?? []).map((d) => normalizeId(d.pageId)));
  const targets: Target[] = ctx.planFresh ? [] : [{ pageId: ctx.planPageId }];
  for (const task of mirroredTasks(local.plan)) {
    const te = session.state.tasks[`${local.key}/${task.id}`];
    const remote = ctx.taskPage(task.id);
    if (!te || !remote || te.gone) continue;
    const moved = remote.last_edited_time === undefined || te.seenEdited !== remote.last_edited_time;
    // A sweep reads the task pages too: a first comment on one that moves no time stamp is seen then.
    if (session.options.fullComments === true || ctx.sweepBlocks || moved || open.has(normalizeId(te.pageId))) targets.push({ pageId: te.pageId, taskId: task.id, taskText: task.text });
  }
  return targets;
}

type Discussion = Omit<ReviewDiscussion, "comments"> & { pageId: string; comments: Array<ReviewComment & { byIntegration: boolean }> };

/** Open discussions on the targets, oldest first; null when the integration may not read comments. */
async function readDiscussions(session: Session, targets: readonly Target[]): Promise<Discussion[] | null> {
  const byId = new Map<string, Discussion>();
  for (const t of targets) {
    let comments: CommentLike[];
    try {
      comments = await session.ops.listComments(t.pageId, () => session.report.commentReads++);
    } catch (error) {
      if (isRefused(error)) return null;
      // A task page deleted in Notion meanwhile has no comments to show; anything else stops the sync.
      if (explainError(error).status === 404) continue;
      throw error;
    }
    for (const c of comments) {
      const id = normalizeId(c.discussion_id);
      let d = byId.get(id);
      if (!d) {
        d = { id: c.discussion_id, pageId: t.pageId, about: t.taskId === undefined ? { kind: "plan" } : { kind: "task", taskId: t.taskId, text: t.taskText ?? "" }, comments: [] };
        byId.set(id, d);
      }
      d.comments.push(toComment(c));
    }
  }
  return [...byId.values()].sort((a, b) => (a.comments[0]?.time ?? "").localeCompare(b.comments[0]?.time ?? ""));
}

/** Posts the note's new replies; false when one could not be posted (its line must stay in the note). */
async function postReplies(session: Session, entry: PlanEntry, section: string | null, discussions: Discussion[]): Promise<boolean> {
  const written = readReplies(section);
  const same = (r: { discussionId: string; text: string }, w: { discussionId: string; text: string }): boolean => sameDiscussion(r.discussionId, w.discussionId) && r.text === w.text;
  // Replies no longer in the note were posted and shown as comments: nothing to remember of them.
  const before = entry.replies?.length ?? 0;
  entry.replies = (entry.replies ?? []).filter((r) => written.some((w) => same(r, w)));
  let dirty = entry.replies.length !== before;
  let allPosted = true;
  for (const w of written) {
    let record = entry.replies.find((r) => same(r, w));
    if (record?.posted) continue;
    const d = discussions.find((x) => sameDiscussion(x.id, w.discussionId));
    if (!d) {
      session.report.notes.push(`这条回复的讨论已在 Notion 中解决或删除，未发送 / the discussion of this reply was resolved or deleted in Notion, not posted: ${w.text}`);
      continue;
    }
    if (record && d.comments.some((c) => c.byIntegration && c.text === w.text)) {
      // Sent before, its answer lost: it is there already.
      record.posted = true;
      dirty = true;
      continue;
    }
    if (!record) {
      record = { discussionId: d.id, text: w.text, posted: false };
      entry.replies.push(record);
      await session.save();
    }
    try {
      d.comments.push(toComment(await session.ops.postReply(d.id, w.text, d.pageId, () => session.report.commentReads++)));
    } catch (error) {
      allPosted = false;
      if (isRefused(error)) {
        if (!session.report.notes.includes(NO_INSERT_COMMENTS)) session.report.notes.push(NO_INSERT_COMMENTS);
        break;
      }
      session.report.notes.push(`回复未能发出（下次同步再试）/ a reply could not be posted (tried again next sync): ${explainError(error, { token: session.conn.token }).message}`);
      continue;
    }
    record.posted = true;
    session.report.repliesPosted++;
    await session.save();
  }
  if (dirty) await session.save();
  return allPosted;
}

export async function syncComments(session: Session, local: LocalPlan, ctx: CommentsContext): Promise<void> {
  const entry = session.state.plans[local.key];
  // The section lives at the end of a note: a note holding several plans has no one place for it.
  if (session.dry || session.commentsRefused || !entry || !local.ownsFrontmatter) return;
  const targets = targetsOf(session, local, entry, ctx);
  pushAll(targets, await blockTargets(session, local, entry, { planPageId: ctx.planPageId, sweep: ctx.sweepBlocks, newBlocks: ctx.newBlocks, already: targets }));
  const discussions = await readDiscussions(session, targets);
  if (discussions === null) {
    session.commentsRefused = true;
    session.report.notes.push(NO_READ_COMMENTS);
    return;
  }
  const section = reviewSectionOf(local.note.text);
  const posted = await postReplies(session, entry, section, discussions);
  // Discussions on pages not read this time are those with none open (by the rules above).
  const open = discussions.map((d) => ({ id: d.id, pageId: d.pageId, ...(d.about.kind === "task" ? { taskId: d.about.taskId } : {}) }));
  // The state is saved only when it changed: an unchanged re-sync writes nothing, the state file included.
  let dirty = JSON.stringify(open) !== JSON.stringify(entry.discussions ?? []);
  // Discussions not open last time are new to the committee: the notice after the sync says so.
  // (The first time a plan's comments are read, every open one is new.)
  const before = new Set((entry.discussions ?? []).map((d) => d.id));
  noteNewDiscussions(session.report.reviews, local.plan.title ?? local.note.path, local.plan, open.filter((d) => !before.has(d.id)).map((d) => d.taskId), session.options.syncedBy?.trim());
  entry.discussions = open;
  // A sweep read every to-do block (or the body is all new): the cadence starts again from now.
  const allNew = Object.values(entry.todos).every((t) => ctx.newBlocks.has(normalizeId(t.blockId)));
  if (ctx.sweepBlocks || (allNew && entry.blockSweep === undefined)) {
    entry.blockSweep = { at: session.conn.clock.now(), ...(ctx.planPage?.last_edited_time !== undefined ? { edited: ctx.planPage.last_edited_time } : {}) };
    dirty = true;
  }
  for (const t of targets) {
    if (t.taskId === undefined) continue;
    const te = session.state.tasks[`${local.key}/${t.taskId}`];
    const seen = ctx.taskPage(t.taskId)?.last_edited_time;
    if (te && seen !== undefined && te.seenEdited !== seen) {
      te.seenEdited = seen;
      dirty = true;
    }
  }
  const rendered = renderReviewSection(discussions);
  const current = section === null ? null : `${trimTrailingNewlines(section)}\n`;
  // A reply that could not be posted keeps its line: the section waits for the next sync.
  if (posted && rendered !== current) await applyToNote(session, local.key, { path: local.note.path, reviewSection: rendered });
  else if (dirty) await session.save();
}
