/**
 * What the mirror remembers between syncs: which Notion page each key has, the body hash of each
 * plan page, the to-do block of each task in its plan's body, and the last value of each field that
 * flows both ways. Saved after every successful write, so a sync cut off anywhere resumes. When
 * it is lost it is rebuilt from Notion by 同步键 (never by creating pages again).
 */
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
}

export interface TaskEntry {
  pageId: string;
  planKey: string;
  /** 完成 as both sides last agreed. */
  done: boolean;
  gone?: "marked" | "trashed";
  adopted?: boolean;
}

export interface SyncState {
  version: number;
  plansDatabaseId: string | null;
  plansDataSourceId: string | null;
  tasksDatabaseId: string | null;
  tasksDataSourceId: string | null;
  /** false once the server refused page mentions: to-dos then carry the task's text. */
  mentions?: boolean;
  /** Hash of the property names the schema was last checked with. */
  namesKey?: string;
  /** Title property names when the databases' differ from the mapped ones. */
  titleNames?: { plans: string; tasks: string };
  plans: Record<string, PlanEntry>;
  tasks: Record<string, TaskEntry>;
}

export interface SyncStateStore {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
}

export function emptyState(): SyncState {
  return { version: SYNC_STATE_VERSION, plansDatabaseId: null, plansDataSourceId: null, tasksDatabaseId: null, tasksDataSourceId: null, plans: {}, tasks: {} };
}

/** A state from storage, or an empty one when it is missing or of another version. */
export function checkState(value: unknown): SyncState {
  if (value === null || typeof value !== "object") return emptyState();
  const s = value as Partial<SyncState>;
  if (s.version !== SYNC_STATE_VERSION || typeof s.plans !== "object" || typeof s.tasks !== "object" || !s.plans || !s.tasks) return emptyState();
  return { ...emptyState(), ...s };
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
