/**
 * `union-plan sync --watch`: for a machine that mirrors a shared vault. A sync, then another after
 * each change under the folder (once changes have settled for a moment), and every N minutes to
 * bring reviewers' changes back from Notion, until interrupted (Ctrl-C). A round that fails (the
 * network is down) is reported and the next round tries again; the state it left lets it finish.
 */
import { watch, type FSWatcher } from "node:fs";
import { sep } from "node:path";

export type WakeReason = "change" | "timer" | "stop";

export interface WatchWaiter {
  /** Resolves when the next round should run, or "stop". */
  next(): Promise<WakeReason>;
  close(): void;
}

// The sync's own state folder changes with every round; it is no reason for another.
const OWN_FOLDER = `.union-plan`;

/** Waits on the folder (fs.watch, recursive), a timer, and SIGINT. */
export function folderWaiter(root: string, everyMs: number, settleMs = 2000): WatchWaiter {
  let wake: ((r: WakeReason) => void) | null = null;
  let pending: WakeReason | null = null;
  let settle: NodeJS.Timeout | null = null;
  const fire = (r: WakeReason): void => {
    if (wake) {
      const w = wake;
      wake = null;
      w(r);
    } else if (pending !== "stop") pending = r;
  };
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, name) => {
    const path = typeof name === "string" ? name : "";
    if (path.split(sep).includes(OWN_FOLDER) || !path.endsWith(".md")) return;
    if (settle) clearTimeout(settle);
    settle = setTimeout(() => fire("change"), settleMs);
  });
  const timer = setInterval(() => fire("timer"), everyMs);
  const onStop = (): void => fire("stop");
  process.once("SIGINT", onStop);
  return {
    next: () =>
      new Promise<WakeReason>((resolve) => {
        if (pending !== null) {
          const p = pending;
          pending = null;
          resolve(p);
        } else wake = resolve;
      }),
    close() {
      watcher.close();
      clearInterval(timer);
      if (settle) clearTimeout(settle);
      process.off("SIGINT", onStop);
    },
  };
}

/** Runs rounds until the waiter says stop; returns the last round's exit code. */
export async function watchLoop(round: () => Promise<number>, waiter: WatchWaiter, log: (line: string) => void, isFatal: (e: unknown) => boolean): Promise<number> {
  let code = 0;
  try {
    for (;;) {
      try {
        code = await round();
      } catch (error) {
        if (isFatal(error)) throw error;
        code = 1;
        log(`同步失败，下一轮再试 / the sync failed, the next round tries again: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
      const reason = await waiter.next();
      if (reason === "stop") return code;
      log(reason === "change" ? "笔记有改动，再次同步 / notes changed, syncing again" : "定时同步 / scheduled sync");
    }
  } finally {
    waiter.close();
  }
}
