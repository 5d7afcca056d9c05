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

/**
 * A bare element of the container's document. Obsidian's createEl helpers are not there when the
 * view is mounted in a plain page (the browser tests), so every element comes from here.
 */
export function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className !== undefined) node.className = className;
  return node;
}

/** A fragment of the container's document: many rows are put on the page in one insertion. */
export function fragment(doc: Document): DocumentFragment {
  return doc.createDocumentFragment();
}

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  options: ElOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = make(doc, tag);
  const { cls, text, attr } = options;
  if (typeof cls === "string") {
    if (cls !== "") node.className = cls;
  } else if (cls) {
    node.className = cls.filter((c) => c !== "").join(" ");
  }
  if (text !== undefined) node.textContent = text;
  if (attr) setAttrs(node, attr);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return node;
}

/**
 * true → present (""), false / null / undefined → absent. A for…in loop: Object.entries made an
 * array of pairs for every element the view drew.
 */
export function setAttrs(node: Element, attr: Readonly<Record<string, AttrValue>>): void {
  for (const name in attr) {
    const value = attr[name];
    if (value === null || value === undefined || value === false) node.removeAttribute(name);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/*
 * Realm-safe checks: in an Obsidian pop-out window the elements belong to another window, where
 * `instanceof HTMLElement` (of the main window) is false. Node types and tag names hold everywhere.
 */

/** The event target as an element, or null. */
export function asElement(target: EventTarget | null): HTMLElement | null {
  return target !== null && (target as Partial<Node>).nodeType === 1 ? (target as HTMLElement) : null;
}

/** The event target as a node, or null. */
export function asNode(target: EventTarget | null): Node | null {
  return target !== null && typeof (target as Partial<Node>).nodeType === "number" ? (target as Node) : null;
}

export function isInput(node: Element): node is HTMLInputElement {
  return node.tagName === "INPUT";
}

export function isButton(node: Element): node is HTMLButtonElement {
  return node.tagName === "BUTTON";
}
