/**
 * Starts union-plan inside the obsidian fake the way Obsidian does: construct, load, then the
 * layout becomes ready and the index is built.
 */
import { App, Notice, type PluginManifest } from "../fakes/obsidian";
import UnionPlanPlugin from "../../plugin/main";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import type { App as ObsidianApp } from "obsidian";

export const MANIFEST: PluginManifest = {
  id: "union-plan",
  name: "Union Plan",
  version: "0.1.0",
  minAppVersion: "1.11.4",
  description: "test",
  author: "test",
};

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface Running {
  app: App;
  plugin: UnionPlanPlugin;
}

/** A loaded plugin over a vault holding `files`, layout ready, index built. */
export async function startPlugin(files: Record<string, string> = {}, data?: unknown): Promise<Running> {
  Notice.messages = [];
  const app = new App(files);
  if (data !== undefined) app.pluginData.set(MANIFEST.id, data);
  const plugin = new UnionPlanPlugin(app as unknown as ObsidianApp, MANIFEST);
  plugin.load();
  await sleep(0); // onload awaits loadData
  app.setLayoutReady();
  await waitFor(() => plugin.index?.isBuilt === true);
  return { app, plugin };
}

export async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await sleep(5);
  }
}

/** Waits until the metadata cache has fired and the index's 100 ms debounce has run. */
export async function indexSettled(app: App): Promise<void> {
  await app.metadataCache.settle();
  await sleep(130);
}

export function tasksOf(plugin: UnionPlanPlugin): readonly PlanTask[] {
  const index = plugin.index;
  if (!index) throw new Error("plugin not loaded");
  return index.snapshot().tasks;
}

export function taskByText(plugin: UnionPlanPlugin, text: string): PlanTask {
  const t = tasksOf(plugin).find((x) => x.text === text);
  if (!t) throw new Error(`no task ${text}`);
  return t;
}
