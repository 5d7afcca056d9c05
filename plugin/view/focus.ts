/**
 * Focus across redraws: what had it is named by a key (an element's data-focus, a task row's
 * control, or "grid" for the grid's tab stop) and found again after the parts were redrawn.
 */
import type { RowStore } from "./row-store";
import { parseTaskFocus, rowControl, taskFocusKey } from "./task-row";

/** The key of a focused element, or null when it cannot be found again. */
export function focusKeyOf(node: Element): string | null {
  return node.getAttribute("data-focus") ?? taskFocusKey(node);
}

export function restoreFocus(root: HTMLElement, key: string, store: RowStore | null): void {
  let target: HTMLElement | null = null;
  if (key === "grid") {
    target = root.querySelector<HTMLElement>(".union-plan-day[tabindex='0']");
  } else if (key.startsWith("task|")) {
    const want = parseTaskFocus(key);
    const row = want ? store?.made(want.key) : undefined;
    if (want && row?.isConnected) target = rowControl(row, want.part);
  } else {
    // Few elements carry data-focus (toolbar, grid days, overview months): compare, no selector escaping.
    for (const node of root.querySelectorAll<HTMLElement>("[data-focus]")) {
      if (node.getAttribute("data-focus") === key) {
        target = node;
        break;
      }
    }
  }
  target?.focus();
}
