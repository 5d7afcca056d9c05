/**
 * One sync run's working set, handed to every phase: the requests (NotionOps), where writes go
 * (Notion, or the dry run's list), the state and its save, the report, and progress. The mutable
 * things of a run live here and nowhere else, so each phase can be read on its own.
 */
import type { NotionConnection } from "./client";
import { NotionOps } from "./notion-ops";
import type { SyncState } from "./sync-state";
import { emptyReport, type SyncOptions, type SyncReport } from "./sync-types";
import { dryWriter, realWriter, type Writer } from "./writer";

import type { Member, OwnerMatches } from "./members";

export interface Session {
  readonly options: SyncOptions;
  readonly conn: NotionConnection;
  readonly ops: NotionOps;
  readonly writer: Writer;
  readonly dry: boolean;
  readonly report: SyncReport;
  state: SyncState;
  /** The integration may not read comments: said once, and no plan asks again this run. */
  commentsRefused: boolean;
  /** The workspace's people, read once a sync when a task names an owner (null: not read). */
  members: Member[] | null;
  /** How owner names matched members in this sync. */
  owners: OwnerMatches;
  /** Saves the state as it is now (saves run one after another; the last holds everything). */
  save(): Promise<void>;
  /** Waits for saves under way. */
  flush(): Promise<void>;
  /** Progress: `n` more items done. */
  tick(n?: number): void;
  setTotal(total: number): void;
  /** The report with the request counters since the session opened. */
  finish(): SyncReport;
}

export function openSession(options: SyncOptions, state: SyncState): Session {
  const conn = options.connection;
  const ops = new NotionOps(conn, options.retry);
  const report = emptyReport();
  const dry = options.dryRun === true;
  const counters = conn.counters;
  const start = { requests: counters.requests, writes: counters.writes, http429: counters.http429 };
  let saving: Promise<void> = Promise.resolve();
  let done = 0;
  let total = 0;
  const session: Session = {
    options,
    conn,
    ops,
    writer: dry ? dryWriter(report.plannedWrites) : realWriter(ops),
    dry,
    report,
    state,
    commentsRefused: false,
    members: null,
    owners: report.owners,
    save() {
      if (dry) return Promise.resolve();
      const next = saving.then(() => options.store.save(session.state));
      saving = next.catch(() => undefined);
      return next;
    },
    flush: () => saving,
    tick(n = 1) {
      done += n;
      options.onProgress?.(done, total);
    },
    setTotal(n) {
      total = n;
      options.onProgress?.(done, total);
    },
    finish() {
      report.requests = counters.requests - start.requests;
      report.writes = counters.writes - start.writes;
      report.http429 = counters.http429 - start.http429;
      return report;
    },
  };
  return session;
}
