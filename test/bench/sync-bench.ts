/**
 * The Notion mirror under load: 50 plans with 1,000 行事历 tasks, written as canonical notes
 * (renderPlanMarkdown) and read back by the engine, synced into the emulator on a scaled clock.
 * Figures (counted by the emulator, not by the mirror): requests of the first sync, writes of a
 * re-sync with nothing changed and of a sync after one reworded task, the sustained request rate
 * as a fraction of the emulator's 3 requests/second, the 429s met, and the comments.list requests
 * of the first sync (none: every page is new) and of the unchanged re-sync (one per plan page).
 */
import { parsePlans, renderPlanMarkdown, type Plan, type Task } from "../../shared/index";
import { scaledClock, type Clock } from "../../notion-sync/clock";
import { createNotionClient } from "../../notion-sync/client";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { runNotionSync, type SyncNote } from "../../notion-sync/sync-engine";
import { createNotionEmulator } from "../../notion-emulator/index";

export interface SyncBenchFigures {
  firstRequests: number;
  unchangedWrites: number;
  oneEditWrites: number;
  rateFractionOfLimit: number;
  http429: number;
  /** comments.list requests of the re-sync with nothing changed (budget: one per plan page). */
  commentReads: number;
  /** comments.list requests of the first sync (none: every page is new). */
  commentReadsFirst: number;
  /** Every request of the re-sync with nothing changed. */
  unchangedRequests: number;
}

const commentReadsIn = (log: readonly { method: string; path: string }[]): number => log.filter((e) => e.method === "GET" && e.path === "/v1/comments").length;

const ACTIVITIES = ["教职工趣味运动会", "工会小组长例会", "困难教职工走访慰问", "青年教师座谈会", "教代会提案征集", "读书分享会", "健康讲座", "羽毛球联赛", "退休教师重阳慰问", "三八妇女节活动"];

/** Plan `p` of the corpus: a 学期 plan, 5 months × 4 tasks. */
export function benchPlan(p: number): Plan {
  const year = 2026;
  const schedule = [9, 10, 11, 12, 1].map((month, m) => {
    const y = month === 1 ? year + 1 : year;
    const tasks: Task[] = Array.from({ length: 4 }, (_, t) => ({
      id: `t-b${p}m${m}k${t}`,
      text: `${ACTIVITIES[(p + m * 4 + t) % ACTIVITIES.length] ?? "活动"}（第${p + 1}校）`,
      months: [{ year: y, month }],
      date: null,
      dateEnd: null,
      partOfMonth: null,
      owner: t === 0 ? "工会主席" : null,
      done: false,
      line: 0,
    }));
    return { label: `${y}年${month}月`, months: [{ year: y, month }], writtenYear: y, line: 0, tasks };
  });
  return {
    id: `p-bench${p}`,
    title: `第${p + 1}学校2026学年度第一学期工会工作计划`,
    school: `第${p + 1}学校`,
    kind: "学期",
    period: { start: "2026-09", end: "2027-01" },
    reviewStatus: "待审核",
    reviewComment: null,
    lines: { start: 1, end: 1 },
    scheduleHeading: "行事历",
    outline: [
      { level: 1, ordinal: 1, text: "指导思想", line: 0, children: [{ level: 6, ordinal: null, text: "以服务教职工为中心，推进民主管理。", line: 0, children: [] }] },
      { level: 1, ordinal: 2, text: "主要工作", line: 0, children: [1, 2, 3].map((n) => ({ level: 3, ordinal: n, text: `第${n}项工作，落实到各工会小组。`, line: 0, children: [] })) },
    ],
    schedule,
    bodyTasks: [],
    diagnostics: [],
  };
}

export function benchNotes(plans = 50): SyncNote[] {
  return Array.from({ length: plans }, (_, p) => {
    const text = renderPlanMarkdown(benchPlan(p));
    return { path: `计划/bench-${p}.md`, text, plans: parsePlans(text).plans };
  });
}

export interface SyncBenchOptions {
  /** Tests pass a virtual clock (figures independent of machine load); the bench runs on a scaled real one. */
  clock?: Clock;
  /**
   * Clock speed-up (default 10: the emulated minutes of a first sync take about 36 s). Timer
   * lateness is multiplied by the factor: at 40× a timer 5 ms late on a busy machine was 200 ms late
   * to the mirror, and the sustained rate measured the machine, not the mirror.
   */
  scale?: number;
  burst?: number;
  headroom?: number;
}

export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchFigures> {
  const clock = options.clock ?? scaledClock(options.scale ?? 10);
  const emulator = createNotionEmulator({ clock, seed: 7 });
  const parent = emulator.seedPage({ title: "工会" });
  const connection = createNotionClient({ token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock, limiter: new RateLimiter(clock, { burst: options.burst, headroom: options.headroom }) });
  const store = new MemoryStateStore();
  let notes = benchNotes();
  const tasks = notes.reduce((n, note) => n + note.plans.reduce((k, p) => k + p.schedule.reduce((j, m) => j + m.tasks.length, 0), 0), 0);
  if (notes.length !== 50 || tasks !== 1000) throw new Error(`bench corpus: ${notes.length} plans, ${tasks} tasks`);
  const sync = (): ReturnType<typeof runNotionSync> => runNotionSync(notes, { connection, store, target: { parentPageId: parent } });
  let http429 = 0;

  const t0 = clock.now();
  await sync();
  const seconds = (clock.now() - t0) / 1000;
  const firstRequests = emulator.counters.requests;
  const firstCommentReads = commentReadsIn(emulator.requestLog);
  http429 += emulator.counters.http429;
  const rateFractionOfLimit = Math.round((firstRequests / seconds / 3) * 1000) / 1000;

  emulator.resetCounters();
  await sync();
  const unchangedWrites = emulator.counters.writes;
  const unchangedRequests = emulator.counters.requests;
  const unchangedCommentReads = commentReadsIn(emulator.requestLog);
  http429 += emulator.counters.http429;

  // One task reworded in one note.
  const edited = notes[17];
  if (!edited) throw new Error("bench corpus too small");
  const text = edited.text.replace("（第18校）", "（第18校，改期）");
  notes = notes.map((n) => (n === edited ? { path: n.path, text, plans: parsePlans(text).plans } : n));
  emulator.resetCounters();
  await sync();
  const oneEditWrites = emulator.counters.writes;
  http429 += emulator.counters.http429;
  await emulator.close();
  return { firstRequests, unchangedWrites, oneEditWrites, rateFractionOfLimit, http429, commentReads: unchangedCommentReads, commentReadsFirst: firstCommentReads, unchangedRequests };
}
