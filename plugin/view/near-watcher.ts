/**
 * Tells a list when one of its rows-to-be (a chunk not drawn yet) comes near the screen, so it is
 * drawn before it is seen. The lists are told at the start of the next frame (requestAnimationFrame),
 * so the rows are laid out with that frame rather than in a pass of their own in between. Chunks are `content-visibility: auto`; Chromium (Obsidian's engine)
 * fires `contentvisibilityautostatechange` when such an element starts to need rendering, which
 * takes scrolling containers into account. Where that event is missing, an IntersectionObserver
 * with a margin of half a screen does the same; where neither exists the idle queue still draws
 * every chunk.
 */

type NearCallback = () => void;

interface StateEvent extends Event {
  skipped?: boolean;
}

export class NearWatcher {
  private readonly watched = new Map<Element, NearCallback>();
  private readonly near = new Set<Element>();
  /** Came near since the last frame: told at the start of the next one. */
  private readonly due = new Set<Element>();
  private frame: number | null = null;
  private readonly observer: IntersectionObserver | null = null;
  private readonly onState = (e: StateEvent) => this.state(e);
  private readonly viaEvent: boolean;

  constructor(private readonly root: HTMLElement) {
    this.viaEvent = "oncontentvisibilityautostatechange" in root;
    const win = root.ownerDocument.defaultView;
    if (this.viaEvent) {
      // The event does not bubble: listen in the capture phase, once for the whole view.
      root.addEventListener("contentvisibilityautostatechange", this.onState, true);
    } else if (win && typeof win.IntersectionObserver === "function") {
      this.observer = new win.IntersectionObserver((entries) => {
        for (const entry of entries) this.set(entry.target, entry.isIntersecting);
      }, { rootMargin: "50% 0px" });
    }
  }

  /** Calls `onNear` each time `el` comes near the screen, until unwatched. */
  watch(el: Element, onNear: NearCallback): void {
    this.watched.set(el, onNear);
    this.observer?.observe(el);
  }

  unwatch(el: Element): void {
    this.watched.delete(el);
    this.near.delete(el);
    this.due.delete(el);
    this.observer?.unobserve(el);
  }

  /** Was `el` near the screen when last heard of? */
  isNear(el: Element): boolean {
    return this.near.has(el);
  }

  destroy(): void {
    if (this.frame !== null) this.root.ownerDocument.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = null;
    this.due.clear();
    if (this.viaEvent) this.root.removeEventListener("contentvisibilityautostatechange", this.onState, true);
    this.observer?.disconnect();
    this.watched.clear();
    this.near.clear();
  }

  private state(e: StateEvent): void {
    // Realm-safe (a pop-out window's elements are not this window's Element).
    if (e.target !== null && (e.target as Partial<Node>).nodeType === 1) this.set(e.target as Element, e.skipped === false);
  }

  private set(el: Element, near: boolean): void {
    if (!this.watched.has(el)) return;
    if (!near) {
      this.near.delete(el);
      return;
    }
    this.near.add(el);
    this.due.add(el);
    const win = this.root.ownerDocument.defaultView;
    if (this.frame === null && win) this.frame = win.requestAnimationFrame(() => this.tell());
  }

  private tell(): void {
    this.frame = null;
    const due = [...this.due];
    this.due.clear();
    for (const el of due) if (this.near.has(el)) this.watched.get(el)?.();
  }
}
