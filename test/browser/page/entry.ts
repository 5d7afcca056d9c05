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
  /** Mounts and lays out the view `runs` times; the time of each in ms (for the bench). */
  timeMount(config: PageConfig, runs: number): number[];
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
    const fixed = new Date(config.now);
    const container = app();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const h = new FakeHost(config.notes, config.settings, config.withExport);
      const t0 = performance.now();
      const mounted = mountCalendar(container, h, { ym: config.ym, mode: config.mode, now: () => fixed });
      // Force style and layout, so the figure includes what the browser must do before it can paint.
      void container.getBoundingClientRect().height;
      void container.offsetHeight;
      const t1 = performance.now();
      times.push(t1 - t0);
      mounted.destroy();
    }
    return times;
  },
};
