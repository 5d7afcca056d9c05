/**
 * The sync state as a JSON file, with an exclusive lock beside it. Two `union-plan sync` runs on
 * one vault at once would each create the pages (and, on a first `--setup`, the databases) the
 * other is creating; with the lock the second waits for the first and then finds everything made.
 * The lock file holds the holder's pid, host and start time; the holder touches it while it works,
 * so a lock whose process is gone (same host) or that nobody touched for STALE_MS is taken over.
 * State writes go through a unique temporary file and a rename: never half-written, and two
 * writers never share a temporary file.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { SyncError } from "../notion-sync/errors";
import { checkState, emptyState, type SyncState, type SyncStateStore } from "../notion-sync/sync-state";
import { replaceFileAtomically } from "./note-file";

export interface LockOptions {
  /** How long a second sync waits for the first (default 10 minutes: a first sync of 1,000 tasks takes about 6). */
  waitMs?: number;
  /** A lock not touched for this long is abandoned (default 2 minutes; the holder touches it every 20 s). */
  staleMs?: number;
  pollMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  time: string;
  id: string;
}

function readHolder(path: string): Holder | null {
  try {
    const v = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    return typeof v.pid === "number" && typeof v.host === "string" && typeof v.id === "string" ? { pid: v.pid, host: v.host, time: String(v.time), id: v.id } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Whether the lock at `path` may be taken over, and why. */
function staleness(path: string, staleMs: number): string | null {
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    return null;
  }
  const holder = readHolder(path);
  if (holder && holder.host === hostname() && !alive(holder.pid)) return `进程 ${holder.pid} 已不在 / process ${holder.pid} is gone`;
  if (Date.now() - mtime > staleMs) return `${Math.round((Date.now() - mtime) / 1000)} 秒无人更新 / untouched for ${Math.round((Date.now() - mtime) / 1000)} s`;
  return null;
}

/** Removes a stale lock, unless another waiter replaced it meanwhile (then that one is put back). */
function breakLock(path: string, seen: Holder | null): void {
  const aside = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readHolder(aside);
  if (seen && moved && moved.id !== seen.id) {
    try {
      linkSync(aside, path);
    } catch {
      // A third sync took the lock: it is theirs.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

// Node's timers (the CLI has no window).
const timers: Pick<typeof globalThis, "setTimeout" | "setInterval" | "clearInterval"> = globalThis;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => timers.setTimeout(resolve, ms));

/** Takes the lock at `path` (waiting for a live holder); resolves with its release. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? 10 * 60_000;
  const staleMs = options.staleMs ?? 2 * 60_000;
  const pollMs = options.pollMs ?? 200;
  const me: Holder = { pid: process.pid, host: hostname(), time: new Date().toISOString(), id: `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` };
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
    const seen = readHolder(path);
    if (staleness(path, staleMs) !== null) {
      breakLock(path, seen);
      continue;
    }
    if (Date.now() >= deadline) {
      const zh = seen ? `进程 ${seen.pid}（${seen.host}，${seen.time} 开始）` : path;
      const en = seen ? `process ${seen.pid} on ${seen.host}, since ${seen.time}` : path;
      throw new SyncError("config", `另一个同步正在进行：${zh}；等它结束后再试（若它已不在，删除 ${path}）/ another sync is running: ${en}; try again when it ends (if it is gone, delete ${path})`);
    }
    await sleep(pollMs);
  }
  // Touched while held, so a long sync is not taken for abandoned.
  const beat = timers.setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Taken over or removed: the release below leaves it alone.
    }
  }, Math.max(1000, Math.floor(staleMs / 6)));
  beat.unref();
  return () => {
    timers.clearInterval(beat);
    if (readHolder(path)?.id === me.id) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
    }
    return Promise.resolve();
  };
}

/** The sync state file at `path`, locked through `path.lock`. */
export function fileStateStore(path: string, lockOptions: LockOptions = {}): SyncStateStore {
  return {
    load(): Promise<SyncState | null> {
      if (!existsSync(path)) return Promise.resolve(null);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        // Unreadable: said as such by the sync, and rebuilt from Notion.
        return Promise.resolve({ ...emptyState(), corrupt: "不是有效的 JSON / not valid JSON" });
      }
      return Promise.resolve(checkState(raw));
    },
    save(state: SyncState): Promise<void> {
      mkdirSync(dirname(path), { recursive: true });
      replaceFileAtomically(path, JSON.stringify(state));
      return Promise.resolve();
    },
    lock: () => acquireLock(`${path}.lock`, lockOptions),
  };
}
