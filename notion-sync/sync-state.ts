/**
 * What the mirror remembers between syncs: which Notion page each key has, the body hash of each
 * plan page, the to-do block of each task in its plan's body, and the last value of each field that
 * flows both ways. Saved after every successful write, so a sync cut off anywhere resumes. When
 * it is lost it is rebuilt from Notion by 同步键 (never by creating pages again).
 */
import type { NameOverrides, PropertyIds } from "./schema-repair";

export const SYNC_STATE_VERSION = 1;

export interface PlanEntry {
  pageId: string;
  /** Vault path of the note the plan was last seen in. */
  path: string;
  /** Hash of the body last written in full; null while a rewrite is unfinished or unknown. */
  bodyHash: string | null;
  /** The body's top-level blocks in order, with the hash of each one's shape (for partial rewrites). */
  blocks?: Array<{ id: string; h: string }>;
  /** To-do block per task id in the body, with the tick it shows. */
  todos: Record<string, { blockId: string; checked: boolean; text?: string }>;
  /** 审核状态 / 审核意见 as both sides last agreed. */
  reviewStatus: string | null;
  reviewComment: string | null;
  /** Set once the page was marked deleted or moved to trash. */
  gone?: "marked" | "trashed";
  /** Found again by 同步键 after the state was lost: the last agreed values are unknown. */
  adopted?: boolean;
  /**
   * Open discussions last seen, and where each is listed: the plan or task page it is on, or the
   * to-do block of the plan's body (`pageId` holds the block's id then); read at every sync.
   */
  discussions?: Array<{ id: string; pageId: string; taskId?: string }>;
  /**
   * When the to-do blocks' comments were last read whole (the sync's clock, ms) and the page's
   * `last_edited_time` then (block-comments.ts).
   */
  blockSweep?: { at: number; edited?: string };
  /**
   * Replies from the note being posted: recorded before the request, marked `posted` after it. One
   * left unmarked (the answer was lost) is looked for in its discussion before it is sent again.
   */
  replies?: Array<{ discussionId: string; text: string; posted: boolean }>;
}

export interface TaskEntry {
  pageId: string;
  planKey: string;
  /** 完成 as both sides last agreed. */
  done: boolean;
  gone?: "marked" | "trashed";
  adopted?: boolean;
  /** The page's last_edited_time when its comments were last accounted for (see comments-phase). */
  seenEdited?: string;
}

export interface SyncState {
  version: number;
  plansDatabaseId: string | null;
  plansDataSourceId: string | null;
  tasksDatabaseId: string | null;
  tasksDataSourceId: string | null;
  /** This integration's user id (who wrote a page last: us or a person; block-comments.ts). */
  botId?: string;
  /** false once the server refused page mentions: to-dos then carry the task's text. */
  mentions?: boolean;
  /** Hash of the property names the schema was last checked with. */
  namesKey?: string;
  /** Title property names when the databases' differ from the mapped ones. */
  titleNames?: { plans: string; tasks: string };
  plans: Record<string, PlanEntry>;
  tasks: Record<string, TaskEntry>;
  /** Property renames followed (logical name → its name now) or given up (null), per database. */
  nameOverrides?: NameOverrides;
  /** Property ids per logical name, from when the schema was last right (to follow a rename). */
  propertyIds?: PropertyIds;
  /** Set by checkState when storage held entries a sync never writes: what was wrong (not saved). */
  corrupt?: string;
}

export interface SyncStateStore {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
  /**
   * Takes the store's exclusive lock (waiting while another sync holds it) and resolves with its
   * release. Two syncs on one state would each create the pages the other is creating.
   */
  lock?(): Promise<() => Promise<void>>;
}

export function emptyState(): SyncState {
  return { version: SYNC_STATE_VERSION, plansDatabaseId: null, plansDataSourceId: null, tasksDatabaseId: null, tasksDataSourceId: null, plans: {}, tasks: {} };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

const isIdOrNull = (v: unknown): boolean => v === null || v === undefined || typeof v === "string";

function planEntryOk(v: unknown): boolean {
  return isObject(v) && typeof v["pageId"] === "string" && typeof v["path"] === "string" && isObject(v["todos"]) && Object.values(v["todos"]).every((t) => isObject(t) && typeof t["blockId"] === "string");
}

function taskEntryOk(v: unknown): boolean {
  return isObject(v) && typeof v["pageId"] === "string" && typeof v["planKey"] === "string" && typeof v["done"] === "boolean";
}

/**
 * A state from storage; an empty one when it is missing or of another version. Entries that are
 * not what a sync wrote (a null, a hand edit, a half-copied file) are dropped and the state is
 * marked `corrupt`: the sync then says so and finds those pages again by 同步键, instead of
 * failing on them later with a message about something else.
 */
export function checkState(value: unknown): SyncState {
  if (!isObject(value)) return { ...emptyState(), corrupt: "不是 JSON 对象 / not a JSON object" };
  const s = value as Partial<SyncState>;
  if (s.version !== SYNC_STATE_VERSION) return emptyState();
  const problems: string[] = [];
  const plans: Record<string, PlanEntry> = {};
  const tasks: Record<string, TaskEntry> = {};
  if (isObject(s.plans)) {
    for (const [k, e] of Object.entries(s.plans)) if (planEntryOk(e)) plans[k] = e;
    const dropped = Object.keys(s.plans).length - Object.keys(plans).length;
    if (dropped > 0) problems.push(`${dropped} 个计划条目无效 / ${dropped} bad plan entries`);
  } else problems.push("没有计划表 / no plans table");
  if (isObject(s.tasks)) {
    for (const [k, e] of Object.entries(s.tasks)) if (taskEntryOk(e)) tasks[k] = e;
    const dropped = Object.keys(s.tasks).length - Object.keys(tasks).length;
    if (dropped > 0) problems.push(`${dropped} 个任务条目无效 / ${dropped} bad task entries`);
  } else problems.push("没有任务表 / no tasks table");
  const ids = ["plansDatabaseId", "plansDataSourceId", "tasksDatabaseId", "tasksDataSourceId"] as const;
  const state: SyncState = { ...emptyState(), ...s, plans, tasks };
  for (const k of ids) {
    if (!isIdOrNull(s[k])) {
      state[k] = null;
      problems.push(`${k} 无效 / bad ${k}`);
    }
  }
  delete state.corrupt;
  if (problems.length > 0) state.corrupt = problems.join("，");
  return state;
}

/** A store in memory (tests, the demo); `snapshot` is what was saved last. */
export class MemoryStateStore implements SyncStateStore {
  saves = 0;
  private saved: string | null = null;

  constructor(initial: SyncState | null = null) {
    if (initial) this.saved = JSON.stringify(initial);
  }

  load(): Promise<SyncState | null> {
    return Promise.resolve(this.saved === null ? null : checkState(JSON.parse(this.saved)));
  }

  save(state: SyncState): Promise<void> {
    this.saves++;
    this.saved = JSON.stringify(state);
    return Promise.resolve();
  }

  get snapshot(): SyncState | null {
    return this.saved === null ? null : (JSON.parse(this.saved) as SyncState);
  }

  clear(): void {
    this.saved = null;
  }
}
