/**
 * The shapes the sync is called with and answers with: the notes handed in, the edits Notion's side
 * asks of them, the conflicts and the report. Kept apart from the phases so each phase imports the
 * words it needs and nothing else.
 */
import type { ReviewNews } from "./review-news";
import type { Plan } from "../shared/plan/types";
import type { NotionConnection } from "./client";
import type { PropertyNames } from "./properties";
import type { RetryOptions } from "./retry";
import type { SchemaReport } from "./schema";
import type { SyncStateStore } from "./sync-state";

/** A note handed to the sync: its vault path, its text and the engine's reading of it. */
export interface SyncNote {
  path: string;
  text: string;
  plans: Plan[];
}

/** What Notion changed that the note should take: frontmatter fields and task ticks. */
export interface NoteEdit {
  path: string;
  /** `review-status` / `review-comment`; null removes the key. */
  frontmatter?: Record<string, string | null>;
  tasks?: Array<{ taskId: string; done: boolean }>;
  /** The note's 审核意见 section, rewritten whole ("\n" line ends); null removes it. */
  reviewSection?: string | null;
}

export interface SyncConflict {
  path: string;
  plan: string;
  taskId: string;
  task: string;
  /** The value Obsidian had (and Notion now has again). */
  obsidian: boolean;
  notion: boolean;
}

export interface SyncReport {
  /** Pages (plans and tasks) created, updated, left as they were. */
  created: number;
  updated: number;
  unchanged: number;
  /** Fields taken from Notion into notes (review fields, ticks). */
  pulledBack: number;
  conflicts: SyncConflict[];
  /** Pages of deleted plans or tasks marked (or moved to trash when allowed). */
  trashed: number;
  /** comments.list requests (reviewers' comments read back). */
  commentReads: number;
  /** Replies from notes posted to Notion discussions. */
  repliesPosted: number;
  /** What reviewers did in Notion since the last sync, per plan (review-news.ts). */
  reviews: ReviewNews[];
  /** Owner names (负责人) that matched workspace members (name → member), and those that matched no one. */
  owners: { matched: Record<string, string>; unmatched: string[] };
  /** HTTP requests made (reads included) and those that changed something. */
  requests: number;
  writes: number;
  http429: number;
  edits: NoteEdit[];
  /** --dry-run: the writes it would make, one line each. */
  plannedWrites: string[];
  /** Plans that could not be synced (a 400 on one plan does not stop the others). */
  errors: string[];
  /** Notes the sync wants the user to read (set-up results, duplicate plan ids). */
  notes: string[];
  schema: SchemaReport | null;
}

export interface SyncTarget {
  /** Create the databases under this page when they are not there yet. */
  parentPageId?: string;
  plansDatabaseId?: string;
  tasksDatabaseId?: string;
}

export interface SyncOptions {
  connection: NotionConnection;
  store: SyncStateStore;
  target: SyncTarget;
  names?: PropertyNames;
  /** Only these vault paths are in the sync ("Sync this plan"); deletions are judged only among them. Default: all notes given. */
  onlyPaths?: string[];
  /** Move pages of deleted plans/tasks to Notion's trash (default false: they are marked). */
  trashOnDelete?: boolean;
  dryRun?: boolean;
  /** Writes a Notion-side change into a note; called before the state records it. */
  applyEdit?: (edit: NoteEdit) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  retry?: Partial<RetryOptions>;
  /**
   * Read the comments of every task page once, not only of those whose page changed or that have
   * open discussions (for a user who suspects a comment was missed).
   */
  fullComments?: boolean;
  /**
   * Hours after which a plan's to-do blocks are read for comments again when nothing else calls
   * for it (default 24; block-comments.ts): Notion gives no sign of a new comment on a block.
   */
  blockCommentsHours?: number;
  /** Who runs this sync (a committee member's name), recorded as 同步人 on the pages it writes. */
  syncedBy?: string;
  /** Task pages written at once (default 3); the limiter keeps the rate whatever this is. */
  concurrency?: number;
}

export function emptyReport(): SyncReport {
  return {
    created: 0,
    updated: 0,
    unchanged: 0,
    pulledBack: 0,
    conflicts: [],
    trashed: 0,
    commentReads: 0,
    repliesPosted: 0,
    owners: { matched: {}, unmatched: [] },
    reviews: [],
    requests: 0,
    writes: 0,
    http429: 0,
    edits: [],
    plannedWrites: [],
    errors: [],
    notes: [],
    schema: null,
  };
}

export const planLabel = (plan: Plan, path: string): string => `计划「${plan.title ?? path}」/ plan "${plan.title ?? path}"`;
