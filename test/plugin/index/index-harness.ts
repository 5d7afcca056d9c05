/**
 * A PlanIndex over the in-memory fake vault, driven by hand: the debounce timer never fires by
 * itself (tests call flush), while the cold build's 0 ms turns run on real timers. `now` may be a
 * fake clock, so no test depends on how fast the machine is.
 */
import type { MetadataCache, Vault } from "obsidian";
import { App, type TFile } from "../../fakes/obsidian";
import { PlanIndex } from "../../../plugin/index/plan-index";

export interface HarnessOptions {
  now?: () => number;
}

export function indexOver(app: App, options: HarnessOptions = {}): PlanIndex {
  return new PlanIndex({
    vault: app.vault as unknown as Vault,
    metadataCache: app.metadataCache as unknown as MetadataCache,
    setTimer: (fn, ms) => {
      if (ms > 0) return () => {};
      const id = setTimeout(fn, 0);
      return () => clearTimeout(id);
    },
    now: options.now,
  });
}

/** A vault of `files` with its metadata cached (as Obsidian's is once the layout is ready), and an index built over it. */
export async function builtIndex(files: Record<string, string>, options: HarnessOptions = {}): Promise<{ app: App; index: PlanIndex }> {
  const app = new App(files);
  for (const f of app.vault.getMarkdownFiles()) app.metadataCache.getFileCache(f);
  const index = indexOver(app, options);
  index.eventRefs();
  await index.build();
  return { app, index };
}

/** Lets the metadata cache fire its `changed` events, then applies them to the index. */
export async function applyChanges(app: App, index: PlanIndex): Promise<void> {
  await app.metadataCache.settle();
  index.flush();
}

/** The note at `path`, which the test knows is there. */
export function fileAt(app: App, path: string): TFile {
  const file = app.vault.getFileByPath(path);
  if (!file) throw new Error(`no note at ${path}`);
  return file;
}
