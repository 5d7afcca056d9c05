/**
 * The test page's script: mounts the 行事历 view over a FakeHost and hands both to the test
 * (window.unionPlanTest), which drives the page through Playwright.
 */
import { mountCalendar, type CalendarHandle } from "../../../plugin/view/mount-calendar";
import type { CalendarMode } from "../../../plugin/view/context";
import type { ViewSettings } from "../../../plugin/host";
import { FakeHost } from "./fake-host";

export interface PageConfig {
  notes: Record<string, string>;
  ym: string;
  mode: CalendarMode;
  /** ISO date-time the view takes for "now". */
  now: string;
  settings: ViewSettings;
  theme: "light" | "dark";
  withExport: boolean;
}

export interface PageApi {
  start(config: PageConfig): void;
  host(): FakeHost;
  handle(): CalendarHandle;
  /**
   * Mounts the view `runs` times; per run, `layout` is mountCalendar plus a forced layout, and
   * `frame` adds the rendering work of the next frame (style, layout and paint the browser still
   * had to do before the user saw it), all in ms.
   */
  timeMount(config: PageConfig, runs: number): Promise<Timings>;
  /**
   * The peer: the least a page can do to show the same tasks (a bare <ul>, one checkbox and the
   * text per task, no styles of ours), timed the same way.
   */
  timePlainList(texts: readonly string[], runs: number): Promise<Timings>;
  /** Resolves when the mounted view has drawn every row (rows off screen are drawn in idle time). */
  settled(): Promise<void>;
  /** Elements the mounted view holds (once settled: every row drawn). */
  elementCount(): number;
  /** Clicks `runs` days of the mounted month in turn; per click the same two figures as timeMount. */
  timeDayClick(runs: number): Promise<Timings>;
  /** Flips the status filter (全部 ↔ 未完成) `runs` times; per change the same two figures. */
  timeFilter(runs: number): Promise<Timings>;
  /**
   * Ticks and unticks a task in the note `runs` times; per tick the view's redraw for the index
   * change (the engine's re-read of the note is done before the clock starts).
   */
  timeTick(path: string, runs: number): Promise<Timings>;
  /**
   * Scrolls the page down a screen a frame for `frames` frames and gives the time between
   * consecutive frames (about 16.7 ms when none is dropped).
   */
  timeScroll(frames: number): Promise<number[]>;
  /** Puts the peer's bare list of `texts` on the page in place of the view (for timeScroll on the peer). */
  showPlainList(texts: readonly string[]): void;
}

export interface Timings {
  /** The script alone, before the forced layout. */
  script: number[];
  layout: number[];
  frame: number[];
}

/** Runs `render`, forces layout, then waits for the next frame and measures its rendering work. */
async function measure(render: (run: number) => void, cleanup: (run: number) => void, runs: number): Promise<Timings> {
  const out: Timings = { script: [], layout: [], frame: [] };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    render(i);
    out.script.push(performance.now() - t0);
    void document.body.getBoundingClientRect().height;
    void document.body.offsetHeight;
    const t1 = performance.now();
    // requestAnimationFrame runs just before the frame's style, layout and paint; a message posted
    // from it arrives after them. The wait for the frame itself (idle time) is not counted.
    const [rafAt, doneAt] = await new Promise<[number, number]>((resolve) =>
      window.requestAnimationFrame(() => {
        const at = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve([at, performance.now()]);
        channel.port2.postMessage(0);
      }),
    );
    out.layout.push(t1 - t0);
    out.frame.push(t1 - t0 + (doneAt - rafAt));
    cleanup(i);
  }
  return out;
}

declare global {
  interface Window {
    unionPlanTest: PageApi;
  }
}

let host: FakeHost | null = null;
let handle: CalendarHandle | null = null;

function app(): HTMLElement {
  const found = document.getElementById("app");
  if (found) return found;
  const div = document.createElement("div");
  div.id = "app";
  document.body.append(div);
  return div;
}

/** The peer: one checkbox and the text per task, no styles of ours. */
function plainList(texts: readonly string[]): HTMLUListElement {
  const list = document.createElement("ul");
  for (const text of texts) {
    const li = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    li.append(box, text);
    list.append(li);
  }
  return list;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => window.requestAnimationFrame((at) => resolve(at)));
}

function mounted(): { host: FakeHost; handle: CalendarHandle } {
  if (!host || !handle) throw new Error("not started");
  return { host, handle };
}

function setTheme(theme: "light" | "dark"): void {
  document.body.classList.toggle("theme-dark", theme === "dark");
  document.body.classList.toggle("theme-light", theme === "light");
}

window.unionPlanTest = {
  start(config) {
    handle?.destroy();
    setTheme(config.theme);
    host = new FakeHost(config.notes, config.settings, config.withExport);
    const fixed = new Date(config.now);
    handle = mountCalendar(app(), host, { ym: config.ym, mode: config.mode, now: () => fixed });
  },
  host() {
    if (!host) throw new Error("not started");
    return host;
  },
  handle() {
    if (!handle) throw new Error("not started");
    return handle;
  },
  timeMount(config, runs) {
    setTheme(config.theme);
    handle?.destroy();
    handle = null;
    const fixed = new Date(config.now);
    const container = app();
    let mounted: CalendarHandle | null = null;
    // The notes are parsed before the clock starts: the figure is the view's, not the engine's.
    const hosts = Array.from({ length: runs }, () => new FakeHost(config.notes, config.settings, config.withExport));
    return measure(
      (run) => {
        const h = hosts[run];
        if (h) mounted = mountCalendar(container, h, { ym: config.ym, mode: config.mode, now: () => fixed });
      },
      () => mounted?.destroy(),
      runs,
    );
  },
  timePlainList(texts, runs) {
    handle?.destroy();
    handle = null;
    const container = app();
    let list: HTMLUListElement | null = null;
    return measure(
      () => {
        list = plainList(texts);
        container.replaceChildren(list);
      },
      () => list?.remove(),
      runs,
    );
  },
  showPlainList(texts) {
    handle?.destroy();
    handle = null;
    window.scrollTo(0, 0);
    app().replaceChildren(plainList(texts));
  },
  settled() {
    return mounted().handle.settled();
  },
  elementCount() {
    return document.querySelector(".union-plan-calendar")?.querySelectorAll("*").length ?? 0;
  },
  timeDayClick(runs) {
    const days = [...document.querySelectorAll<HTMLElement>(".union-plan-day[data-date]")];
    return measure(
      (run) => days[(run * 7) % days.length]?.click(),
      () => undefined,
      runs,
    );
  },
  timeFilter(runs) {
    const select = document.querySelector<HTMLSelectElement>(".union-plan-filter-status");
    if (!select) throw new Error("no status filter");
    return measure(
      (run) => {
        select.value = run % 2 === 0 ? "open" : "all";
        select.dispatchEvent(new Event("change"));
      },
      () => undefined,
      runs,
    );
  },
  async timeTick(path, runs) {
    const { host: h, handle: v } = mounted();
    const out: Timings = { script: [], layout: [], frame: [] };
    for (let i = 0; i < runs; i++) {
      const text = h.index.notes.get(path) ?? "";
      h.index.notes.set(path, i % 2 === 0 ? text.replace("- [ ] 第2项", "- [x] 第2项") : text.replace("- [x] 第2项", "- [ ] 第2项"));
      h.index.rebuild();
      const timings = await measure(
        () => v.refresh(),
        () => undefined,
        1,
      );
      out.script.push(timings.script[0] ?? Number.NaN);
      out.layout.push(timings.layout[0] ?? Number.NaN);
      out.frame.push(timings.frame[0] ?? Number.NaN);
    }
    return out;
  },
  async timeScroll(frames) {
    const gaps: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < frames; i++) {
      window.scrollBy(0, window.innerHeight);
      const at = await nextFrame();
      gaps.push(at - last);
      last = at;
    }
    return gaps;
  },
};
