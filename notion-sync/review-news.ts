/**
 * What reviewers did in Notion since the last sync, for the notice after it: a plan's review status
 * that came back ("《…》已通过", "《…》需修改"), and new discussions on it, those on the tasks of the
 * member who ran the sync counted apart ("新意见 3 条，其中我的任务 1 条").
 */
import type { Plan } from "../shared/plan/types";
import { ownerNames } from "./members";
import { mirroredTasks } from "./mapping";

export interface ReviewNews {
  plan: string;
  /** The review status that came back from Notion this sync (null: none did). */
  status: string | null;
  newDiscussions: number;
  /** New discussions on tasks whose owner is the member who ran the sync (--as NAME). */
  onMine: number;
}

function entryFor(news: ReviewNews[], plan: string): ReviewNews {
  let e = news.find((n) => n.plan === plan);
  if (!e) {
    e = { plan, status: null, newDiscussions: 0, onMine: 0 };
    news.push(e);
  }
  return e;
}

export function noteStatus(news: ReviewNews[], plan: string, status: string | null): void {
  if (status !== null) entryFor(news, plan).status = status;
}

/** Counts the open discussions not seen before; `taskIds` are the tasks each new one is about. */
export function noteNewDiscussions(news: ReviewNews[], planTitle: string, plan: Plan, newTaskIds: readonly (string | undefined)[], me: string | undefined): void {
  if (newTaskIds.length === 0) return;
  const e = entryFor(news, planTitle);
  e.newDiscussions += newTaskIds.length;
  if (!me) return;
  const owners = new Map<string, string[]>();
  for (const t of mirroredTasks(plan)) owners.set(t.id, ownerNames(t.owner));
  for (const id of newTaskIds) if (id !== undefined && (owners.get(id) ?? []).includes(me)) e.onMine++;
}

/** One line per plan, Chinese first: "《…》需修改，新意见 3 条（其中我的任务 1 条）". */
export function reviewNewsLines(news: readonly ReviewNews[]): string[] {
  return news
    .filter((n) => n.status !== null || n.newDiscussions > 0)
    .map((n) => {
      const parts: string[] = [];
      if (n.status !== null) parts.push(n.status);
      if (n.newDiscussions > 0) parts.push(`新意见 ${n.newDiscussions} 条${n.onMine > 0 ? `（其中我的任务 ${n.onMine} 条）` : ""}`);
      const en: string[] = [];
      if (n.status !== null) en.push(`review status ${n.status}`);
      if (n.newDiscussions > 0) en.push(`${n.newDiscussions} new comment thread(s)${n.onMine > 0 ? `, ${n.onMine} on my tasks` : ""}`);
      return `《${n.plan}》${parts.join("，")} / "${n.plan}": ${en.join(", ")}`;
    });
}
