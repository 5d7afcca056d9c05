/**
 * A list of task rows drawn in chunks: the first chunks at once (what fits on screen), the rest
 * when they come near the screen or when the window is idle. Each chunk is a `content-visibility:
 * auto` item, so chunks off screen cost no style, layout or paint; an undrawn chunk holds its
 * estimated height, so the scroll bar is right from the first frame.
 *
 * New keys are laid over the chunks already there (each chunk keeps the run of keys from its
 * first surviving key to the next chunk's), so a tick or a filter moves, adds and removes only
 * the rows that changed. Chunks on screen (or holding focus) change at once; chunks off screen
 * are brought up to date when they come near the screen or in idle time, so the work done at
 * once stays about a screen's worth however long the list is.
 *
 * Markup: ul.union-plan-task-list > li.union-plan-chunk[role=none] > ul[role=none] > li.union-plan-task;
 * the two wrappers are presentational, so assistive technology reads one list of tasks.
 */
import { fragment, make } from "./dom";
import type { IdleWork } from "./idle-work";
import type { NearWatcher } from "./near-watcher";

/**
 * Rows a chunk holds when it is first made: about a quarter of a screen for the first rows of a
 * list (a chunk drawn at once ends where the screen does), four times that further down (fewer
 * boxes for a long month to lay out; drawn before they are seen).
 */
export const CHUNK_ROWS = 12;
export const FAR_CHUNK_ROWS = 48;
/** The first rows of a list, chunked finely. */
const NEAR_ROWS = 4 * CHUNK_ROWS;
/** A chunk that grew past this (rows added around it) is split. */
const MAX_ROWS = 2 * FAR_CHUNK_ROWS;
/** Estimated heights by row count (styles.css: .union-plan-chunk--sN). */
const SIZE_STEPS = [2, 4, 8, 12, 16, 24, 32, 48, 64, 96] as const;

/** How much of the screen the current redraw may still fill at once (shared by every list it draws). */
export interface RowBudget {
  /** Height still to fill, in px; each row drawn takes its least height off it. */
  px: number;
  /**
   * A new layout's first frame: the chunks drawn now are always rendered (laid out with that frame,
   * not one frame later when content-visibility would first find them near the screen).
   */
  first?: boolean;
}

export interface RowSource {
  /** The up-to-date row of a key. */
  rowFor(key: string): HTMLElement;
  /** The least height the key's row takes, in px (what the budget counts; too little only draws a row more). */
  heightOf(key: string): number;
}

export interface ChunkHost {
  doc: Document;
  work: IdleWork;
  near: NearWatcher;
}

interface Chunk {
  el: HTMLLIElement;
  list: HTMLUListElement;
  /** The keys the chunk is to show (a stale chunk still shows older ones). */
  keys: string[];
  filled: boolean;
  /** Drawn, but its keys changed while it was off screen: redrawn when it comes near or in idle time. */
  stale: boolean;
  dead: boolean;
  /**
   * Drawn with the layout's first frame and always rendered: laid out with that frame, not one
   * frame later when content-visibility would first find it near the screen.
   */
  first: boolean;
  size: string;
}

function sizeClass(rows: number): string {
  const step = SIZE_STEPS.find((s) => rows <= s) ?? SIZE_STEPS[SIZE_STEPS.length - 1];
  return `union-plan-chunk--s${step}`;
}

function sameKeys(a: readonly string[], b: readonly string[], from: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

const NOTHING: RowBudget = { px: 0 };

export class ChunkedList {
  readonly el: HTMLUListElement;
  private chunks: Chunk[] = [];
  private total = 0;

  constructor(
    private readonly host: ChunkHost,
    private readonly source: RowSource,
    label: string | null,
  ) {
    this.el = make(host.doc, "ul", "union-plan-task-list");
    if (label !== null) this.el.setAttribute("aria-label", label);
  }

  /** Shows `keys` in this order, changing only what differs from what is shown. */
  setKeys(keys: readonly string[], budget: RowBudget): void {
    if (this.chunks.length > 0 && keys.length === this.total && this.unchanged(keys)) return;
    const kept = this.chunks.length === 0 ? [] : this.anchor(keys);
    if (kept.length === 0) {
      this.chunks = this.makeChunks(keys, null, budget);
      this.total = keys.length;
      return;
    }
    const next: Chunk[] = [];
    kept.forEach(({ chunk, start }, i) => {
      const end = kept[i + 1]?.start ?? keys.length;
      const own = keys.slice(i === 0 ? 0 : start, end);
      next.push(chunk);
      if (own.length <= MAX_ROWS) {
        this.rekey(chunk, own);
        return;
      }
      // Keep the first rows here; the rest become chunks of their own right after it, drawn at once
      // (as far as the budget goes) only when this chunk is on screen.
      this.rekey(chunk, own.slice(0, FAR_CHUNK_ROWS));
      for (const c of this.makeChunks(own.slice(FAR_CHUNK_ROWS), chunk.el, this.isNear(chunk) ? budget : NOTHING, 0)) next.push(c);
    });
    this.chunks = next;
    this.total = keys.length;
  }

  /** Brings the chunk holding `key` up to date now, and gives its row (now on the page). */
  ensure(key: string): HTMLElement | null {
    const chunk = this.chunks.find((c) => c.keys.includes(key));
    if (!chunk) return null;
    this.show(chunk);
    return this.source.rowFor(key);
  }

  destroy(): void {
    for (const c of this.chunks) this.drop(c);
    this.chunks = [];
  }

  private unchanged(keys: readonly string[]): boolean {
    let at = 0;
    for (const c of this.chunks) {
      if (!sameKeys(c.keys, keys, at)) return false;
      at += c.keys.length;
    }
    return true;
  }

  /**
   * The chunks that stay, each with where its run now starts: its first key still shown (after
   * the previous chunk's start). A chunk none of whose keys is left goes.
   */
  private anchor(keys: readonly string[]): { chunk: Chunk; start: number }[] {
    const pos = new Map<string, number>();
    keys.forEach((k, i) => pos.set(k, i));
    const kept: { chunk: Chunk; start: number }[] = [];
    let last = -1;
    for (const chunk of this.chunks) {
      let start = -1;
      for (const k of chunk.keys) {
        const p = pos.get(k);
        if (p !== undefined && p > last) {
          start = p;
          break;
        }
      }
      if (start < 0) {
        this.drop(chunk);
        continue;
      }
      kept.push({ chunk, start });
      last = start;
    }
    return kept;
  }

  /**
   * Makes chunks for `keys` after `after` (or at the end), drawing at once the rows the budget
   * covers; rows past the list's first NEAR_ROWS (or past `fine`) go in the bigger far chunks.
   */
  private makeChunks(keys: readonly string[], after: Element | null, budget: RowBudget, fine = NEAR_ROWS): Chunk[] {
    const made: Chunk[] = [];
    const drawNow = new Set<Chunk>();
    const frag = fragment(this.host.doc);
    for (let i = 0; i < keys.length; ) {
      let size = i < fine ? CHUNK_ROWS : FAR_CHUNK_ROWS;
      const now = budget.px > 0;
      if (now) {
        // A chunk drawn at once ends where the screen does: no row is drawn before it can be seen.
        let n = 0;
        while (n < size && i + n < keys.length && budget.px > 0) {
          budget.px -= this.source.heightOf(keys[i + n] ?? "");
          n++;
        }
        size = n;
      }
      const chunk = this.newChunk(keys.slice(i, i + size));
      i += size;
      frag.append(chunk.el);
      made.push(chunk);
      if (now) drawNow.add(chunk);
    }
    if (after) after.after(frag);
    else this.el.append(frag);
    for (const chunk of made) {
      this.host.near.watch(chunk.el, () => this.show(chunk));
      if (!drawNow.has(chunk)) this.host.work.add(() => this.show(chunk));
    }
    for (const chunk of drawNow) {
      if (budget.first) {
        chunk.first = true;
        chunk.el.classList.add("union-plan-chunk--first");
      }
      this.fill(chunk);
    }
    return made;
  }

  private newChunk(keys: string[]): Chunk {
    const { doc } = this.host;
    const size = sizeClass(keys.length);
    const el = make(doc, "li", `union-plan-chunk ${size}`);
    el.setAttribute("role", "none");
    const list = make(doc, "ul", "union-plan-chunk-rows");
    list.setAttribute("role", "none");
    el.append(list);
    return { el, list, keys, filled: false, stale: false, dead: false, first: false, size };
  }

  /** On screen, near it, or holding focus: such a chunk is kept up to date at once. */
  private isNear(chunk: Chunk): boolean {
    if (chunk.first || this.host.near.isNear(chunk.el)) return true;
    const active = this.host.doc.activeElement;
    return active !== null && chunk.el.contains(active);
  }

  /** Draws a chunk, or brings a stale one up to date. */
  private show(chunk: Chunk): void {
    if (chunk.dead) return;
    if (!chunk.filled) this.fill(chunk);
    else if (chunk.stale) this.redraw(chunk);
  }

  private fill(chunk: Chunk): void {
    if (chunk.filled || chunk.dead) return;
    chunk.filled = true;
    const frag = fragment(this.host.doc);
    for (const key of chunk.keys) frag.append(this.source.rowFor(key));
    chunk.list.append(frag);
  }

  /** Gives a chunk its new run of keys: at once when it is near the screen, else when it comes near or in idle time. */
  private rekey(chunk: Chunk, keys: string[]): void {
    // The estimate is only read while a chunk is skipped and was never rendered (`auto` keeps the
    // height it last had on screen): a chunk on screen keeps its class, so a filter does not
    // restyle and relayout it for a number nobody reads.
    const size = sizeClass(keys.length);
    if (size !== chunk.size && !this.isNear(chunk)) {
      chunk.el.classList.replace(chunk.size, size);
      chunk.size = size;
    }
    // Same keys: each row may still have been made anew (its task changed), which put it in place itself.
    if (keys.length === chunk.keys.length && sameKeys(keys, chunk.keys, 0)) return;
    chunk.keys = keys;
    if (!this.isNear(chunk)) {
      if (chunk.filled && !chunk.stale) {
        chunk.stale = true;
        this.host.work.add(() => this.show(chunk));
      }
      return;
    }
    if (chunk.filled) this.redraw(chunk);
    else this.fill(chunk);
  }

  /** Moves, adds and removes rows so the chunk shows its keys. */
  private redraw(chunk: Chunk): void {
    chunk.stale = false;
    // Rows first: a row made anew takes its old row's place, which must happen before the walk.
    const rows = chunk.keys.map((key) => this.source.rowFor(key));
    // Rows that leave go first, so the walk below moves nothing when rows were only removed.
    const stay = new Set<Node>(rows);
    for (let node = chunk.list.firstChild; node; ) {
      const next: ChildNode | null = node.nextSibling;
      if (!stay.has(node)) node.remove();
      node = next;
    }
    let cursor = chunk.list.firstChild;
    for (const row of rows) {
      if (row === cursor) cursor = cursor.nextSibling;
      else chunk.list.insertBefore(row, cursor);
    }
  }

  private drop(chunk: Chunk): void {
    chunk.dead = true;
    this.host.near.unwatch(chunk.el);
    chunk.el.remove();
  }
}
