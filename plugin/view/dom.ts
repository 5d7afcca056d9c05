/**
 * A few lines of plain DOM building, so the view mounts in Obsidian and in a plain page alike
 * (no innerHTML, no Obsidian helpers). Elements are created from the container's own document,
 * which keeps the view right in Obsidian's pop-out windows.
 */

export type AttrValue = string | number | boolean | null | undefined;

export interface ElOptions {
  cls?: string | readonly string[];
  text?: string;
  attr?: Readonly<Record<string, AttrValue>>;
}

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  options: ElOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  const { cls, text, attr } = options;
  if (typeof cls === "string") {
    if (cls !== "") node.classList.add(...cls.split(" ").filter((c) => c !== ""));
  } else if (cls) {
    node.classList.add(...cls.filter((c) => c !== ""));
  }
  if (text !== undefined) node.textContent = text;
  if (attr) setAttrs(node, attr);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return node;
}

/** true → present (""), false / null / undefined → absent. */
export function setAttrs(node: Element, attr: Readonly<Record<string, AttrValue>>): void {
  for (const [name, value] of Object.entries(attr)) {
    if (value === null || value === undefined || value === false) node.removeAttribute(name);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
