/**
 * Work the view does after the first frame: drawing the rows that are not on screen. Jobs run in
 * order in the window's idle time, a few milliseconds a slice, so scrolling and typing stay
 * smooth while a long month fills in. The container's own window is used, so the view keeps
 * working in an Obsidian pop-out window; where requestIdleCallback is missing (Safari, iOS) a
 * zero timeout with a fixed slice stands in.
 */

/** A job draws one piece (a piece already drawn by then costs nothing). */
export type IdleJob = () => void;

/** The longest slice: half a frame, so a frame that starts during a slice still makes its deadline. */
const SLICE_MS = 8;

type IdleWindow = Window & {
  requestIdleCallback?: (cb: (deadline: { timeRemaining(): number }) => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

export class IdleWork {
  private readonly jobs: IdleJob[] = [];
  private head = 0;
  private handle: number | null = null;
  private viaTimeout = false;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly win: IdleWindow) {}

  /** Queues a job after the ones already queued. */
  add(job: IdleJob): void {
    if (this.stopped) return;
    this.jobs.push(job);
    this.schedule();
  }

  /** Resolves when every queued job has run (at once when none is queued). */
  settled(): Promise<void> {
    if (this.head >= this.jobs.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops every queued job (the view redrew or closed); waiters are told the work is over. */
  clear(): void {
    this.jobs.length = 0;
    this.head = 0;
    this.unschedule();
    this.wake();
  }

  stop(): void {
    this.clear();
    this.stopped = true;
  }

  private schedule(): void {
    if (this.handle !== null) return;
    if (typeof this.win.requestIdleCallback === "function") {
      this.viaTimeout = false;
      // A timeout so the rows come in even while the page never goes idle (a busy vault).
      this.handle = this.win.requestIdleCallback((deadline) => this.run(() => deadline.timeRemaining()), { timeout: 200 });
    } else {
      this.viaTimeout = true;
      // No idle deadline to ask: the slice's own clock (in run) bounds it.
      this.handle = this.win.setTimeout(() => this.run(() => SLICE_MS), 0);
    }
  }

  private unschedule(): void {
    if (this.handle === null) return;
    if (this.viaTimeout) this.win.clearTimeout(this.handle);
    else this.win.cancelIdleCallback?.(this.handle);
    this.handle = null;
  }

  private run(remaining: () => number): void {
    this.handle = null;
    const start = this.win.performance.now();
    // At least one job a slice, so the work always moves on; then as many as fit.
    do {
      const job = this.jobs[this.head++];
      job?.();
    } while (this.head < this.jobs.length && remaining() > 1 && this.win.performance.now() - start < SLICE_MS);
    if (this.head < this.jobs.length) {
      this.schedule();
      return;
    }
    this.jobs.length = 0;
    this.head = 0;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
