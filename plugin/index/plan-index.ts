/**
 * Every plan in the vault, kept current. Cold until the plugin calls `build()` (after
 * onLayoutReady); then fed by the metadata cache's `changed` (which hands over the note's text, so
 * a change costs no read) and `deleted`, and the vault's `rename`. Changes are collected per note
 * and applied after a quiet 100 ms: only the notes that changed are parsed again, and listeners hear
 * of it only when a note's plans really differ from what the index held.
 *
 * A note is a plan note when its frontmatter says `type: union-plan`, or when the engine finds a
 * 行事历 in it. The index never reads plans itself: parsePlans decides.
 *
 * Only types come from 'obsidian', so the bench can run this index over the test fake in Node.
 */
import type { CachedMetadata, EventRef, MetadataCache, TAbstractFile, TFile, Vault } from "obsidian";
import { parsePlans } from "../../shared/plan/parse-plans";
import type { Plan } from "../../shared/plan/types";
import { extractTasks, type PlanTask } from "../../shared/tasks/extract-tasks";
import { splitNoteLines } from "../../shared/edit/note-lines";
import type { IndexedPlan, PlanIndexLike, PlanIndexSnapshot } from "../host";
import { spliceAll } from "../../shared/collections/array-edit";

export interface PlanIndexDeps {
  vault: Pick<Vault, "getMarkdownFiles" | "cachedRead" | "getFileByPath" | "on">;
  metadataCache: Pick<MetadataCache, "getFileCache" | "on">;
  /** Runs `fn` after `ms`; returns a cancel function (window.setTimeout in the plugin). */
  setTimer(fn: () => void, ms: number): () => void;
  /** Quiet time before a batch of changes is applied; 100 ms unless told. */
  debounceMs?: number;
}

interface NoteEntry {
  path: string;
  /** The note's text as parsed: the view's task lines are checked against it. */
  text: string;
  plans: Plan[];
  tasks: PlanTask[];
  /** JSON of the plans, made only when a diff needs it. */
  signature: string | null;
}

interface NoteRange {
  plans: number;
  planCount: number;
  tasks: number;
  taskCount: number;
}

type Pending = { kind: "changed"; file: TFile; data: string } | { kind: "deleted" };

/** The text of a plan note's frontmatter says union-plan (for notes the metadata cache has not read yet). */
function frontmatterSaysPlan(text: string): boolean {
  if (!text.startsWith("---")) return false;
  const end = text.indexOf("\n---", 3);
  const block = end < 0 ? "" : text.slice(0, end);
  return /\ntype:\s*["']?union-plan["']?\s*(\r?\n|$)/.test(block);
}

export class PlanIndex implements PlanIndexLike {
  private readonly notes = new Map<string, NoteEntry>();
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<string, Pending>();
  private cancelTimer: (() => void) | null = null;
  private snap: PlanIndexSnapshot | null = null;
  /** Note paths in order, kept until a note comes or goes. */
  private order: string[] | null = null;
  /** Where each note's plans and tasks sit in the snapshot's arrays. */
  private ranges: Map<string, NoteRange> | null = null;
  /** Notes whose plans changed since the snapshot was made (the set of notes did not). */
  private readonly dirty = new Set<string>();
  private built = false;
  private destroyed = false;
  /** Notes parsed since start: tests and the bench read it to see that only changed notes are. */
  parseCount = 0;

  constructor(private readonly deps: PlanIndexDeps) {}

  /**
   * The events that keep the index current. The caller registers each (plugin.registerEvent), so
   * unloading the plugin detaches them.
   */
  eventRefs(): EventRef[] {
    const { vault, metadataCache } = this.deps;
    return [
      metadataCache.on("changed", (file: TFile, data: string, _cache: CachedMetadata) => {
        if (file.extension !== "md") return;
        this.queue(file.path, { kind: "changed", file, data });
      }),
      metadataCache.on("deleted", (file: TFile) => {
        this.queue(file.path, { kind: "deleted" });
      }),
      vault.on("rename", (file: TAbstractFile, oldPath: string) => {
        this.renamed(file, oldPath);
      }),
    ];
  }

  /** Reads every Markdown note once (cold start). Call after the workspace layout is ready. */
  async build(): Promise<void> {
    const files = this.deps.vault.getMarkdownFiles();
    const texts = await Promise.all(files.map(async (f) => ({ file: f, text: await this.deps.vault.cachedRead(f) })));
    if (this.destroyed) return;
    // Parsing a large vault takes a while: give the UI a turn every ~40 ms.
    let sliceStart = performance.now();
    for (const { file, text } of texts) {
      if (performance.now() - sliceStart > 40) {
        await new Promise<void>((resolve) => this.deps.setTimer(resolve, 0));
        if (this.destroyed) return;
        sliceStart = performance.now();
      }
      // A change that arrived while we were reading is newer than what we read.
      if (this.pending.has(file.path)) continue;
      const entry = this.read(file, text);
      if (entry) this.notes.set(file.path, entry);
    }
    this.built = true;
    this.snap = null;
    this.order = null;
    this.flush();
    this.notify();
  }

  get isBuilt(): boolean {
    return this.built;
  }

  snapshot(): PlanIndexSnapshot {
    if (this.snap && this.dirty.size === 0) return this.snap;
    if (this.snap && this.order && this.ranges) {
      this.snap = this.patchedSnapshot(this.snap, this.ranges);
      this.dirty.clear();
      return this.snap;
    }
    this.order ??= [...this.notes.keys()].sort();
    const plans: IndexedPlan[] = [];
    const tasks: PlanTask[] = [];
    const ranges = new Map<string, NoteRange>();
    for (const path of this.order) {
      const entry = this.notes.get(path);
      if (!entry) continue;
      ranges.set(path, { plans: plans.length, planCount: entry.plans.length, tasks: tasks.length, taskCount: entry.tasks.length });
      for (const plan of entry.plans) plans.push({ path, plan });
      for (const t of entry.tasks) tasks.push(t);
    }
    this.ranges = ranges;
    this.dirty.clear();
    this.snap = { plans, tasks };
    return this.snap;
  }

  /**
   * A new snapshot from the last one with only the changed notes' slices replaced: copying the
   * arrays is native and fast, pushing every task of every note again is not.
   */
  private patchedSnapshot(prev: PlanIndexSnapshot, ranges: Map<string, NoteRange>): PlanIndexSnapshot {
    const plans = prev.plans.slice();
    const tasks = prev.tasks.slice();
    // From the end, so the earlier ranges stay where they are.
    const changed = [...this.dirty].map((path) => ({ path, range: ranges.get(path) })).sort((a, b) => (b.range?.tasks ?? 0) - (a.range?.tasks ?? 0));
    let shifted = false;
    for (const { path, range } of changed) {
      const entry = this.notes.get(path);
      if (!range || !entry) {
        this.ranges = null;
        this.snap = null;
        this.dirty.clear();
        return this.snapshot();
      }
      spliceAll(plans, range.plans, range.planCount, entry.plans.map((plan) => ({ path, plan })));
      spliceAll(tasks, range.tasks, range.taskCount, entry.tasks);
      if (range.planCount !== entry.plans.length || range.taskCount !== entry.tasks.length) shifted = true;
      range.planCount = entry.plans.length;
      range.taskCount = entry.tasks.length;
    }
    if (shifted) this.recomputeRanges();
    return { plans, tasks };
  }

  private recomputeRanges(): void {
    if (!this.order || !this.ranges) return;
    let p = 0;
    let t = 0;
    for (const path of this.order) {
      const r = this.ranges.get(path);
      if (!r) continue;
      r.plans = p;
      r.tasks = t;
      p += r.planCount;
      t += r.taskCount;
    }
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Every plan note with the text it was parsed from, in path order (for the Notion mirror). */
  planNotes(): { path: string; text: string; plans: Plan[] }[] {
    return [...this.notes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((e) => ({ path: e.path, text: e.text, plans: e.plans }));
  }

  /** The plans the index holds for one note. */
  plansAt(path: string): readonly Plan[] {
    return this.notes.get(path)?.plans ?? [];
  }

  /**
   * The note's line for a task as the index read it, when the index still holds that very task
   * (same plan, id, line, text, owner and done state) — the line a toggle must find unchanged in
   * the file. A view drawn before the note changed gets null, so its edit is refused.
   */
  indexedTaskLine(task: PlanTask): string | null {
    if (task.path === null) return null;
    const entry = this.notes.get(task.path);
    if (!entry) return null;
    const same = entry.tasks.find((t) => t.planId === task.planId && t.id === task.id);
    if (!same || same.line !== task.line || same.done !== task.done || same.text !== task.text || same.owner !== task.owner) return null;
    return splitNoteLines(entry.text).lines[task.line - 1] ?? null;
  }

  /** The note's text as the index read it (what the view shows), or null when the index has no such note. */
  indexedText(path: string): string | null {
    return this.notes.get(path)?.text ?? null;
  }

  /** Tells listeners to look again (after a refused edit, say) without any change. */
  poke(): void {
    this.notify();
  }

  /**
   * Takes a note's new text at once (after the plugin itself wrote it), so the view shows the edit
   * without waiting for the metadata cache; its later `changed` then finds nothing new.
   */
  ingest(file: TFile, text: string): void {
    this.queue(file.path, { kind: "changed", file, data: text });
    this.flush();
  }

  /** Re-reads one note now (after an edit was refused because the note changed). */
  async refresh(path: string): Promise<void> {
    const file = this.deps.vault.getFileByPath(path);
    if (!file) {
      this.queue(path, { kind: "deleted" });
    } else {
      const data = await this.deps.vault.cachedRead(file);
      this.queue(path, { kind: "changed", file, data });
    }
    this.flush();
  }

  /** Applies queued changes at once (the debounce timer calls this; tests and the bench may too). */
  flush(): void {
    if (this.cancelTimer) {
      this.cancelTimer();
      this.cancelTimer = null;
    }
    if (!this.built || this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending.clear();
    let changed = false;
    for (const [path, change] of batch) {
      const before = this.notes.get(path) ?? null;
      if (change.kind === "deleted") {
        if (before) {
          this.notes.delete(path);
          this.order = null;
          changed = true;
        }
        continue;
      }
      const after = this.read(change.file, change.data);
      if ((before === null) !== (after === null)) this.order = null;
      if (after) this.notes.set(path, after);
      else this.notes.delete(path);
      if (!samePlans(before, after)) {
        changed = true;
        if (before && after) this.dirty.add(path);
      } else if (before && after) after.signature = before.signature;
    }
    if (this.order === null) this.snap = null; // a note came or went: build afresh
    if (changed) this.notify();
  }

  /** Stops timers and listeners; the plugin's registerEvent detaches the events. */
  destroy(): void {
    this.destroyed = true;
    if (this.cancelTimer) this.cancelTimer();
    this.cancelTimer = null;
    this.pending.clear();
    this.listeners.clear();
    this.notes.clear();
    this.snap = null;
    this.order = null;
  }

  /** Number of notes holding plans. */
  get noteCount(): number {
    return this.notes.size;
  }

  private queue(path: string, change: Pending): void {
    if (this.destroyed) return;
    this.pending.set(path, change);
    if (!this.built) return; // build() applies it when it finishes
    if (this.cancelTimer) this.cancelTimer();
    this.cancelTimer = this.deps.setTimer(() => {
      this.cancelTimer = null;
      this.flush();
    }, this.deps.debounceMs ?? 100);
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    if (this.destroyed) return;
    const pend = this.pending.get(oldPath);
    if (pend) {
      this.pending.delete(oldPath);
      this.pending.set(file.path, pend);
    }
    const entry = this.notes.get(oldPath);
    if (!entry) return;
    this.notes.delete(oldPath);
    this.order = null;
    if (!file.path.endsWith(".md")) {
      // Renamed away from Markdown: no longer a note.
      this.snap = null;
      this.notify();
      return;
    }
    // Same text, same plans: only the path (and every task's path) changes. No parse.
    this.notes.set(file.path, { ...entry, path: file.path, tasks: extractTasks(entry.plans, file.path) });
    this.snap = null;
    this.notify();
  }

  private read(file: TFile, text: string): NoteEntry | null {
    const cache = this.deps.metadataCache.getFileCache(file);
    const fmType: unknown = cache?.frontmatter?.["type"];
    const isPlanNote = fmType === "union-plan" || (fmType === undefined && frontmatterSaysPlan(text));
    // Every 行事历 has a month heading, and every month heading the engine reads has 月 in it.
    if (!isPlanNote && !text.includes("月")) return null;
    this.parseCount++;
    const { plans } = parsePlans(text, { fileName: file.path });
    const kept = isPlanNote ? plans : plans.filter((p) => p.schedule.length > 0);
    if (kept.length === 0) return null;
    return { path: file.path, text, plans: kept, tasks: extractTasks(kept, file.path), signature: null };
  }

  private notify(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (error) {
        console.error("union-plan: index listener failed", error);
      }
    }
  }
}

function signatureOf(entry: NoteEntry): string {
  entry.signature ??= JSON.stringify(entry.plans);
  return entry.signature;
}

function samePlans(a: NoteEntry | null, b: NoteEntry | null): boolean {
  if (a === null || b === null) return a === b;
  return signatureOf(a) === signatureOf(b);
}
