/**
 * Every plan in the vault, kept current. Cold until the plugin calls `build()` (after
 * onLayoutReady); then fed by the metadata cache's `changed` (which hands over the note's text, so
 * a change costs no read) and `deleted`, and the vault's `rename`. Changes are collected per note
 * and applied after a quiet 100 ms: only the notes that changed are parsed again, and listeners hear
 * of it only when a note's plans really differ from what the index held.
 *
 * A note is a plan note when its frontmatter says `type: union-plan`, or when the engine finds a
 * 行事历 in it. The index never reads plans itself: parsePlans decides (plan-candidate.ts only
 * rules out notes the engine could not find a plan in).
 *
 * The index keeps one entry per note; snapshots are made from the entries (index-snapshot.ts), so
 * a change costs the changed note, not the vault.
 *
 * Only types come from 'obsidian', so the bench can run this index over the test fake in Node.
 */
import type { CachedMetadata, EventRef, MetadataCache, TAbstractFile, TFile, Vault } from "obsidian";
import { parsePlans } from "../../shared/plan/parse-plans";
import type { Plan } from "../../shared/plan/types";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { splitNoteLines } from "../../shared/edit/note-lines";
import type { PlanIndexLike, PlanIndexSnapshot } from "../host";
import { IndexSnapshot } from "./index-snapshot";
import { noteEntry, renamedEntry, samePlans, type NoteEntry } from "./note-entry";
import { saysPlanNote, worthReading } from "./plan-candidate";
import { mayHoldSchedule } from "../../shared/plan/schedule-signal";
import { TimeSlicer } from "./time-slice";

export interface PlanIndexDeps {
  vault: Pick<Vault, "getMarkdownFiles" | "cachedRead" | "getFileByPath" | "on">;
  metadataCache: Pick<MetadataCache, "getFileCache" | "on">;
  /** Runs `fn` after `ms`; returns a cancel function (window.setTimeout in the plugin). */
  setTimer(fn: () => void, ms: number): () => void;
  /** Quiet time before a batch of changes is applied; 100 ms unless told. */
  debounceMs?: number;
  /** Milliseconds for the cold build's turns; performance.now unless told (tests pass a fake clock). */
  now?: () => number;
  /**
   * Gives the UI a turn during the cold build (ui-turn.ts in the plugin, whose turns browsers do
   * not clamp as they clamp nested timers); a 0 ms timer unless told.
   */
  yieldTurn?: () => Promise<void>;
}

type Pending = { kind: "changed"; file: TFile; data: string } | { kind: "deleted" };

/**
 * The cold build plans turns of this much work before the UI gets one. The goal is 40 ms; the
 * margin is for what the slicer cannot foresee: a garbage collection, or a note dearer than the one
 * before it. A turn costs well under a millisecond (ui-turn.ts), so a wide margin is cheap.
 */
const TURN_BUDGET_MS = 28;
/** Notes read at once during the cold build (reads overlap; parsing is one note at a time). */
const READ_BATCH = 64;

export class PlanIndex implements PlanIndexLike {
  private readonly notes = new Map<string, NoteEntry>();
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<string, Pending>();
  private cancelTimer: (() => void) | null = null;
  private snap: IndexSnapshot | null = null;
  /** Notes whose entry changed, came or went since the snapshot was made. */
  private readonly dirty = new Set<string>();
  private built = false;
  private destroyed = false;
  /** Notes parsed since start: tests and the bench read it to see that only changed notes are. */
  parseCount = 0;
  /** Turns the cold build gave the UI (tests read it). */
  buildYields = 0;

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

  /**
   * Reads every note that may hold a plan once (cold start). Call after the workspace layout is
   * ready. Parsing a large vault takes a while: the UI gets a turn at least every 40 ms.
   */
  async build(): Promise<void> {
    const now = this.deps.now ?? (() => performance.now());
    const yieldTurn = this.deps.yieldTurn ?? (() => new Promise<void>((resolve) => this.deps.setTimer(resolve, 0)));
    const slicer = new TimeSlicer({ now, yieldTurn }, TURN_BUDGET_MS);
    const files = this.deps.vault.getMarkdownFiles().filter((f) => worthReading(this.deps.metadataCache.getFileCache(f)));
    for (let at = 0; at < files.length; at += READ_BATCH) {
      const batch = files.slice(at, at + READ_BATCH);
      const reads = await Promise.all(batch.map((file) => this.readText(file)));
      if (this.destroyed) return;
      for (const { file, text } of reads) {
        // A note that went while we read it: its `deleted` is queued, or it is simply gone.
        if (text === null) continue;
        await slicer.beforeItem();
        if (this.destroyed) return;
        // A change that arrived while we were reading is newer than what we read.
        if (this.pending.has(file.path)) continue;
        const entry = this.read(file.path, file, text);
        if (entry) this.notes.set(file.path, entry);
      }
    }
    this.buildYields = slicer.yields;
    this.built = true;
    this.snap = null;
    this.dirty.clear();
    this.flush();
    this.notify();
  }

  get isBuilt(): boolean {
    return this.built;
  }

  snapshot(): PlanIndexSnapshot {
    return this.current();
  }

  /** The snapshot of the notes as they are now, patched from the last one. */
  private current(): IndexSnapshot {
    if (!this.snap || this.dirty.size * 8 > this.notes.size + 8) {
      // No snapshot yet, or so much changed that sorting afresh is cheaper than patching.
      this.snap = IndexSnapshot.of(this.notes.values());
    } else if (this.dirty.size > 0) {
      const changes = new Map<string, NoteEntry | null>();
      for (const path of this.dirty) changes.set(path, this.notes.get(path) ?? null);
      this.snap = this.snap.next(changes);
    }
    this.dirty.clear();
    return this.snap;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Every plan note with the text it was parsed from, in path order (for the Notion mirror). */
  planNotes(): { path: string; text: string; plans: Plan[] }[] {
    return this.current().notes.map((e) => ({ path: e.path, text: e.text, plans: e.plans.slice() }));
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
      const after = change.kind === "deleted" ? null : this.read(path, change.file, change.data);
      if (samePlans(before, after)) {
        // Same plans: nothing to show anew, but edits check lines against the newest text.
        if (before && after) before.text = after.text;
        continue;
      }
      if (after) this.notes.set(path, after);
      else this.notes.delete(path);
      this.dirty.add(path);
      changed = true;
    }
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
    this.dirty.clear();
    this.snap = null;
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
    // A change queued under the old path follows the note. One queued under the new path was about
    // a note that is no longer there (deleted before this rename took its path): it is dropped.
    const pend = this.pending.get(oldPath);
    this.pending.delete(oldPath);
    if (pend) this.pending.set(file.path, pend);
    else this.pending.delete(file.path);
    const entry = this.notes.get(oldPath);
    if (!entry) return;
    this.notes.delete(oldPath);
    this.dirty.add(oldPath);
    // Renamed away from Markdown: no longer a note. Else same text, same plans: only the path (and
    // every task's path) changes. No parse.
    if (file.path.endsWith(".md")) {
      this.notes.set(file.path, renamedEntry(entry, file.path));
      this.dirty.add(file.path);
    }
    this.notify();
  }

  private async readText(file: TFile): Promise<{ file: TFile; text: string | null }> {
    try {
      return { file, text: await this.deps.vault.cachedRead(file) };
    } catch {
      return { file, text: null };
    }
  }

  private read(path: string, file: TFile, text: string): NoteEntry | null {
    const cache = this.deps.metadataCache.getFileCache(file);
    if (!worthReading(cache)) return null;
    const isPlanNote = saysPlanNote(cache, text);
    if (!isPlanNote && !mayHoldSchedule(text)) return null;
    this.parseCount++;
    const { plans } = parsePlans(text, { fileName: path });
    const kept = isPlanNote ? plans : plans.filter((p) => p.schedule.length > 0);
    if (kept.length === 0) return null;
    return noteEntry(path, text, kept);
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
