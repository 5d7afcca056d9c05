/**
 * Opens the 行事历 view in real Chromium: bundles plugin/view with a fake host (esbuild), loads it
 * into a page with styles.css and a small test theme, and hands back the Playwright page.
 * Used by the browser tests and by the render bench.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import type * as Esbuild from "esbuild";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { PageConfig } from "./page/entry";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

let bundleCache: string | null = null;

/** The page script: plugin/view + the fake host, one IIFE. */
export async function pageBundle(root = process.cwd()): Promise<string> {
  if (bundleCache !== null) return bundleCache;
  // Loaded from the project at run time: esbuild's API cannot itself be bundled (the bench is).
  const esbuild = createRequire(join(root, "package.json"))("esbuild") as typeof Esbuild;
  const result = await esbuild.build({
    entryPoints: [join(root, "test/browser/page/entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
    minify: false,
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error("esbuild wrote no page bundle");
  bundleCache = out.text;
  return bundleCache;
}

export interface Harness {
  context: BrowserContext;
  page: Page;
  /** Loads a fresh page with the view mounted as `config` says. */
  open(config: PageConfig, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(root = process.cwd()): Promise<Harness> {
  const userDataDir = mkdtempSync(join(tmpdir(), "union-plan-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const script = await pageBundle(root);
  const css = readFileSync(join(root, "styles.css"), "utf8");
  const theme = readFileSync(join(root, "test/browser/theme.css"), "utf8");
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10000);

  const open = async (config: PageConfig, viewport = { width: 1200, height: 900 }) => {
    await page.setViewportSize(viewport);
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>union-plan 行事历</title></head><body><div id="app"></div></body></html>');
    await page.addStyleTag({ content: theme });
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: script });
    await page.evaluate((c) => window.unionPlanTest.start(c), config);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  };

  return {
    context,
    page,
    open,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
