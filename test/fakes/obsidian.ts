/**
 * A fake of the `obsidian` module for vitest (aliased in vitest.config.ts), holding only what
 * union-plan uses and behaving the way Obsidian does where the plugin can tell:
 *
 * - an in-memory Vault: create refuses an existing path, process/modify/rename/delete fire the
 *   vault events, every write is followed (asynchronously, as in Obsidian) by the metadata cache's
 *   `changed` (file, data, cache with real YAML frontmatter) and then `resolved`;
 * - FileManager.processFrontMatter edits YAML keys for real (the `yaml` package) and keeps the body;
 * - a Workspace whose onLayoutReady waits for `App.setLayoutReady()`, with leaves that open files
 *   (recording the eState, e.g. the line) and views registered by plugins;
 * - Plugin/Component with register* bookkeeping, so a test can check that unloading leaves nothing.
 *
 * DOM pieces (Modal, Setting, ItemView, ribbon icons) need a document: run those tests under
 * `// @vitest-environment happy-dom`. The vault, metadata cache and index work without one.
 */
import { parse as parseYamlText, stringify as stringifyYamlText } from "yaml";

// ---------------------------------------------------------------------------------------------
// Events

export interface EventRef {
  readonly events: Events;
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
  readonly ctx: unknown;
}

export class Events {
  private handlers = new Map<string, EventRef[]>();

  on(name: string, callback: (...args: never[]) => unknown, ctx?: unknown): EventRef {
    const ref: EventRef = { events: this, name, fn: callback as (...args: unknown[]) => unknown, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  off(name: string, callback: (...args: never[]) => unknown): void {
    const list = this.handlers.get(name);
    if (!list) return;
    this.handlers.set(
      name,
      list.filter((r) => r.fn !== (callback as unknown)),
    );
  }

  offref(ref: EventRef): void {
    const list = this.handlers.get(ref.name);
    if (!list) return;
    this.handlers.set(
      ref.name,
      list.filter((r) => r !== ref),
    );
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn.apply(ref.ctx, data);
  }

  tryTrigger(evt: EventRef, args: unknown[]): void {
    try {
      evt.fn.apply(evt.ctx, args);
    } catch (error) {
      console.error(error);
    }
  }

  /** Test helper: how many listeners are attached (to one event, or to all). */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers Obsidian exports

/** Obsidian's normalizePath: forward slashes, no doubled or edge slashes, plain spaces, NFC. */
export function normalizePath(path: string): string {
  let p = path.replace(/[\\/]+/g, "/").replace(/\u00a0|\u202f/g, " ");
  p = p.replace(/^\/+|\/+$/g, "");
  if (p === "") p = "/";
  return p.normalize("NFC");
}

let language = "en";
export function getLanguage(): string {
  return language;
}
/** Test helper: what getLanguage() answers. */
export function setLanguage(lang: string): void {
  language = lang;
}

export interface Debouncer<T extends unknown[], V> {
  (...args: [...T]): this;
  cancel(): this;
  run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: T | null = null;
  const fire = (): V | void => {
    timer = null;
    if (lastArgs === null) return;
    const args = lastArgs;
    lastArgs = null;
    return cb(...args);
  };
  const d = function (this: unknown, ...args: [...T]) {
    lastArgs = args;
    if (timer !== null && resetTimer) {
      clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = setTimeout(fire, timeout);
    return d;
  } as Debouncer<T, V>;
  d.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
    return d;
  };
  d.run = () => {
    if (timer !== null) clearTimeout(timer);
    return fire();
  };
  return d;
}

export function parseYaml(text: string): unknown {
  return parseYamlText(text);
}

export function stringifyYaml(obj: unknown): string {
  return stringifyYamlText(obj);
}

export interface RequestUrlParam {
  url: string;
  method?: string;
  contentType?: string;
  body?: string | ArrayBuffer;
  headers?: Record<string, string>;
  throw?: boolean;
}

export interface RequestUrlResponse {
  status: number;
  headers: Record<string, string>;
  arrayBuffer: ArrayBuffer;
  json: unknown;
  text: string;
}

type RequestHandler = (req: RequestUrlParam) => Promise<RequestUrlResponse> | RequestUrlResponse;
let requestHandler: RequestHandler | null = null;
/** Test helper: answers every requestUrl call (none by default: the call rejects). */
export function setRequestUrlHandler(handler: RequestHandler | null): void {
  requestHandler = handler;
}

export async function requestUrl(request: RequestUrlParam | string): Promise<RequestUrlResponse> {
  const req = typeof request === "string" ? { url: request } : request;
  if (!requestHandler) throw new Error(`requestUrl: no handler for ${req.url}`);
  const res = await requestHandler(req);
  if (res.status >= 400 && req.throw !== false) throw new Error(`Request failed, status ${res.status}`);
  return res;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers Obsidian adds to elements (createEl, createDiv, empty, setText, …)

export interface DomElementInfo {
  cls?: string | string[];
  text?: string;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  value?: string;
  type?: string;
  placeholder?: string;
  href?: string;
}

function doc(): Document {
  const d = (globalThis as { document?: Document }).document;
  if (!d) throw new Error("The obsidian fake needs a DOM for this: add `// @vitest-environment happy-dom` to the test file");
  installDomHelpers();
  return d;
}

function applyInfo(el: HTMLElement, info: DomElementInfo | string | undefined): void {
  if (info === undefined) return;
  if (typeof info === "string") {
    el.className = info;
    return;
  }
  if (info.cls) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(" ")).filter((c) => c !== ""));
  if (info.text !== undefined) el.textContent = info.text;
  if (info.title !== undefined) el.setAttribute("title", info.title);
  if (info.type !== undefined) el.setAttribute("type", info.type);
  if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
  if (info.href !== undefined) el.setAttribute("href", info.href);
  if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
  for (const [k, v] of Object.entries(info.attr ?? {})) {
    if (v === null || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

let domHelpersInstalled = false;
function installDomHelpers(): void {
  if (domHelpersInstalled) return;
  const g = globalThis as { HTMLElement?: { prototype: object }; Node?: { prototype: object } };
  if (!g.HTMLElement) return;
  domHelpersInstalled = true;
  const proto = g.HTMLElement.prototype as Record<string, unknown>;
  const nodeProto = (g.Node?.prototype ?? proto) as Record<string, unknown>;
  function createEl(this: HTMLElement, tag: string, info?: DomElementInfo | string, callback?: (el: HTMLElement) => void): HTMLElement {
    const el = this.ownerDocument.createElement(tag);
    applyInfo(el, info);
    this.appendChild(el);
    callback?.(el);
    return el;
  }
  proto["createEl"] = createEl;
  proto["createDiv"] = function (this: HTMLElement, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
    return createEl.call(this, "div", info, cb);
  };
  proto["createSpan"] = function (this: HTMLElement, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
    return createEl.call(this, "span", info, cb);
  };
  nodeProto["empty"] = function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  proto["setText"] = function (this: HTMLElement, text: string) {
    this.textContent = text;
  };
  proto["addClass"] = function (this: HTMLElement, ...cls: string[]) {
    this.classList.add(...cls);
  };
  proto["removeClass"] = function (this: HTMLElement, ...cls: string[]) {
    this.classList.remove(...cls);
  };
  proto["toggleClass"] = function (this: HTMLElement, cls: string | string[], value: boolean) {
    for (const c of Array.isArray(cls) ? cls : [cls]) this.classList.toggle(c, value);
  };
  proto["setAttr"] = function (this: HTMLElement, name: string, value: string | number | boolean | null) {
    if (value === null || value === false) this.removeAttribute(name);
    else this.setAttribute(name, value === true ? "" : String(value));
  };
}

function div(cls?: string): HTMLElement {
  const el = doc().createElement("div");
  if (cls) el.className = cls;
  return el;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.setAttribute("data-icon", iconId);
}

// ---------------------------------------------------------------------------------------------
// Files

export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

export abstract class TAbstractFile {
  vault: Vault;
  path: string;
  name: string;
  parent: TFolder | null;

  constructor(vault: Vault, path: string) {
    this.vault = vault;
    this.path = path;
    this.name = path.slice(path.lastIndexOf("/") + 1);
    this.parent = null;
  }
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: Date.now(), mtime: Date.now(), size: 0 };
  basename = "";
  extension = "";

  constructor(vault: Vault, path: string) {
    super(vault, path);
    this.setPath(path);
  }

  /** @internal keeps name, basename and extension in step with the path. */
  setPath(path: string): void {
    this.path = path;
    this.name = path.slice(path.lastIndexOf("/") + 1);
    const dot = this.name.lastIndexOf(".");
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === "/";
  }
}

export interface DataWriteOptions {
  ctime?: number;
  mtime?: number;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** An in-memory vault. Paths are vault paths ("folder/note.md"), the root folder is "/". */
export class Vault extends Events {
  /** The file-system adapter, for files outside the vault's index (a plugin's own state files). */
  adapter = {
    files: new Map<string, string>(),
    getName: (): string => "fake",
    exists: async (path: string): Promise<boolean> => this.adapter.files.has(normalizePath(path)) || this.getAbstractFileByPath(path) !== null,
    read: async (path: string): Promise<string> => {
      const p = normalizePath(path);
      const own = this.adapter.files.get(p);
      if (own !== undefined) return own;
      const text = this.textAt(p);
      if (text === null) throw new Error(`ENOENT: ${p}`);
      return text;
    },
    write: async (path: string, data: string): Promise<void> => {
      this.adapter.files.set(normalizePath(path), data);
    },
    remove: async (path: string): Promise<void> => {
      this.adapter.files.delete(normalizePath(path));
    },
    /** Like FileSystemAdapter.rename: refuses when the target exists (as the mobile adapter does). */
    rename: async (from: string, to: string): Promise<void> => {
      const data = this.adapter.files.get(normalizePath(from));
      if (data === undefined) throw new Error(`ENOENT: ${from}`);
      if (this.adapter.files.has(normalizePath(to))) throw new Error(`EEXIST: ${to}`);
      this.adapter.files.delete(normalizePath(from));
      this.adapter.files.set(normalizePath(to), data);
    },
  };
  configDir = ".obsidian";
  private readonly root: TFolder;
  private readonly entries = new Map<string, TAbstractFile>();
  private readonly contents = new Map<string, string | ArrayBuffer>();
  /** Test helper: number of writes (create/modify/process/delete/rename) done. */
  writes = 0;

  constructor() {
    super();
    this.root = new TFolder(this, "/");
    this.root.name = "";
    this.entries.set("/", this.root);
  }

  getName(): string {
    return "fake-vault";
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.entries.get(normalizePath(path)) ?? null;
  }

  getFileByPath(path: string): TFile | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFile ? f : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFolder ? f : null;
  }

  getFiles(): TFile[] {
    return [...this.entries.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === "md");
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.entries.values()];
  }

  getAllFolders(includeRoot = false): TFolder[] {
    return [...this.entries.values()].filter((f): f is TFolder => f instanceof TFolder && (includeRoot || !f.isRoot()));
  }

  async read(file: TFile): Promise<string> {
    return this.readText(file);
  }

  async cachedRead(file: TFile): Promise<string> {
    return this.readText(file);
  }

  async readBinary(file: TFile): Promise<ArrayBuffer> {
    const data = this.contentOf(file);
    return typeof data === "string" ? new TextEncoder().encode(data).buffer : data.slice(0);
  }

  async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
    return this.createEntry(path, data, options);
  }

  async createBinary(path: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<TFile> {
    return this.createEntry(path, data.slice(0), options);
  }

  async createFolder(path: string): Promise<TFolder> {
    const p = normalizePath(path);
    if (this.entries.has(p)) throw new Error("Folder already exists.");
    return this.ensureFolder(p);
  }

  async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    this.contentOf(file);
    this.write(file, data, options);
  }

  async append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    this.write(file, this.readText(file) + data, options);
  }

  /** Atomically reads, changes and writes a text file (the callback is synchronous, as in Obsidian). */
  async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    const before = this.readText(file);
    const after = fn(before);
    if (after !== before) this.write(file, after, options);
    return after;
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const to = normalizePath(newPath);
    if (this.entries.has(to)) throw new Error("Destination file already exists!");
    const from = file.path;
    const parent = this.ensureFolder(parentPath(to));
    this.detachFromParent(file);
    const moved: [string, string][] = [];
    if (file instanceof TFolder) {
      for (const [p, entry] of [...this.entries]) {
        if (p.startsWith(`${from}/`) && entry) moved.push([p, `${to}/${p.slice(from.length + 1)}`]);
      }
    }
    moved.unshift([from, to]);
    for (const [a, b] of moved) {
      const entry = this.entries.get(a);
      if (!entry) continue;
      this.entries.delete(a);
      this.entries.set(b, entry);
      if (entry instanceof TFile) entry.setPath(b);
      else {
        entry.path = b;
        entry.name = b.slice(b.lastIndexOf("/") + 1);
      }
      const content = this.contents.get(a);
      if (content !== undefined) {
        this.contents.delete(a);
        this.contents.set(b, content);
      }
    }
    file.parent = parent;
    parent.children.push(file);
    this.writes++;
    this.trigger("rename", file, from);
  }

  async delete(file: TAbstractFile, _force?: boolean): Promise<void> {
    if (file instanceof TFolder) for (const child of [...file.children]) await this.delete(child, true);
    this.detachFromParent(file);
    this.entries.delete(file.path);
    this.contents.delete(file.path);
    this.writes++;
    this.trigger("delete", file);
  }

  async trash(file: TAbstractFile, _system: boolean): Promise<void> {
    await this.delete(file, true);
  }

  // ----- test helpers and internals

  /** Test helper: puts a file in place without firing events (the vault as found at startup). */
  seed(path: string, data: string | ArrayBuffer): TFile {
    const p = normalizePath(path);
    const file = new TFile(this, p);
    const parent = this.ensureFolder(parentPath(p));
    file.parent = parent;
    parent.children.push(file);
    this.entries.set(p, file);
    this.contents.set(p, data);
    file.stat.size = typeof data === "string" ? byteLength(data) : data.byteLength;
    return file;
  }

  /** Test helper: the text of a path, or null. */
  textAt(path: string): string | null {
    const c = this.contents.get(normalizePath(path));
    return typeof c === "string" ? c : null;
  }

  private createEntry(path: string, data: string | ArrayBuffer, options?: DataWriteOptions): TFile {
    const p = normalizePath(path);
    if (this.entries.has(p)) throw new Error("File already exists.");
    // Like Obsidian, create does not make missing folders: callers createFolder first.
    if (!(this.entries.get(parentPath(p)) instanceof TFolder)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
    const file = this.seed(p, data);
    if (options?.ctime) file.stat.ctime = options.ctime;
    if (options?.mtime) file.stat.mtime = options.mtime;
    this.writes++;
    this.trigger("create", file);
    return file;
  }

  private write(file: TFile, data: string, options?: DataWriteOptions): void {
    this.contents.set(file.path, data);
    file.stat.mtime = options?.mtime ?? Math.max(Date.now(), file.stat.mtime + 1);
    file.stat.size = byteLength(data);
    this.writes++;
    this.trigger("modify", file);
  }

  private contentOf(file: TFile): string | ArrayBuffer {
    const c = this.contents.get(file.path);
    if (c === undefined || this.entries.get(file.path) !== file) throw new Error(`ENOENT: no such file, '${file.path}'`);
    return c;
  }

  private readText(file: TFile): string {
    const c = this.contentOf(file);
    return typeof c === "string" ? c : new TextDecoder().decode(c);
  }

  private ensureFolder(path: string): TFolder {
    if (path === "" || path === "/") return this.root;
    const existing = this.entries.get(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`${path} is a file`);
    const parent = this.ensureFolder(parentPath(path));
    const folder = new TFolder(this, path);
    folder.parent = parent;
    parent.children.push(folder);
    this.entries.set(path, folder);
    return folder;
  }

  private detachFromParent(file: TAbstractFile): void {
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
  }
}

function parentPath(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "/" : path.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// Metadata cache

export interface Pos {
  start: { line: number; col: number; offset: number };
  end: { line: number; col: number; offset: number };
}
export interface FrontMatterCache {
  [key: string]: unknown;
}
export interface HeadingCache {
  heading: string;
  level: number;
  position: Pos;
}
export interface ListItemCache {
  task?: string;
  parent: number;
  position: Pos;
}
export interface CachedMetadata {
  frontmatter?: FrontMatterCache;
  frontmatterPosition?: Pos;
  headings?: HeadingCache[];
  listItems?: ListItemCache[];
}

function linePos(line: number, length: number, offset: number): Pos {
  return { start: { line, col: 0, offset }, end: { line, col: length, offset: offset + length } };
}

/** What Obsidian's metadata cache would say about a note: frontmatter (real YAML), headings, list items. */
export function computeMetadata(text: string): CachedMetadata {
  const lines = text.split("\n");
  const meta: CachedMetadata = {};
  let start = 0;
  if (lines[0]?.replace(/\r$/, "") === "---") {
    const end = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, "") === "---");
    if (end > 0) {
      try {
        const fm: unknown = parseYamlText(lines.slice(1, end).join("\n"));
        if (fm && typeof fm === "object" && !Array.isArray(fm)) meta.frontmatter = fm as FrontMatterCache;
      } catch {
        // Obsidian leaves broken YAML out of the cache.
      }
      meta.frontmatterPosition = linePos(0, 3, 0);
      start = end + 1;
    }
  }
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (i >= start) {
      const h = /^(#{1,6}) +(.*)$/.exec(line);
      if (h) (meta.headings ??= []).push({ heading: (h[2] ?? "").trim(), level: (h[1] ?? "#").length, position: linePos(i, line.length, offset) });
      const li = /^\s*(?:[-*+]|\d+[.)]) +(?:\[(.)\])?/.exec(line);
      if (li) {
        const item: ListItemCache = { parent: -1, position: linePos(i, line.length, offset) };
        if (li[1] !== undefined) item.task = li[1];
        (meta.listItems ??= []).push(item);
      }
    }
    offset += line.length + 1;
  }
  return meta;
}

export class MetadataCache extends Events {
  private readonly cache = new Map<string, CachedMetadata>();
  private pending = 0;

  constructor(private readonly vault: Vault) {
    super();
    vault.on("create", (file: TAbstractFile) => this.reindex(file));
    vault.on("modify", (file: TAbstractFile) => this.reindex(file));
    vault.on("delete", (file: TAbstractFile) => {
      if (!(file instanceof TFile)) return;
      const prev = this.cache.get(file.path) ?? null;
      this.cache.delete(file.path);
      this.trigger("deleted", file, prev);
    });
    vault.on("rename", (file: TAbstractFile, oldPath: string) => {
      const c = this.cache.get(oldPath);
      if (c) {
        this.cache.delete(oldPath);
        this.cache.set(file.path, c);
      }
    });
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.getCache(file.path);
  }

  getCache(path: string): CachedMetadata | null {
    const c = this.cache.get(path);
    if (c) return c;
    const file = this.vault.getFileByPath(path);
    if (!file || file.extension !== "md") return null;
    const text = this.vault.textAt(path);
    if (text === null) return null;
    const meta = computeMetadata(text);
    this.cache.set(path, meta);
    return meta;
  }

  getFirstLinkpathDest(linkpath: string, _sourcePath: string): TFile | null {
    const path = linkpath.split("#")[0] ?? "";
    const direct = this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
    if (direct) return direct;
    return this.vault.getFiles().find((f) => f.basename === path || f.name === path) ?? null;
  }

  fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
    return omitMdExtension && file.extension === "md" ? file.path.slice(0, -3) : file.path;
  }

  /** Test helper: resolves once every scheduled `changed` has fired. */
  async settle(): Promise<void> {
    while (this.pending > 0) await new Promise((r) => setTimeout(r, 0));
  }

  private reindex(file: TAbstractFile): void {
    if (!(file instanceof TFile) || file.extension !== "md") return;
    this.pending++;
    // Obsidian reads and parses the file after the write returns: `changed` comes a moment later.
    setTimeout(() => {
      this.pending--;
      const text = this.vault.textAt(file.path);
      if (text === null || this.vault.getFileByPath(file.path) !== file) return;
      const meta = computeMetadata(text);
      this.cache.set(file.path, meta);
      this.trigger("changed", file, text, meta);
      if (this.pending === 0) this.trigger("resolved");
    }, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// File manager

export class FileManager {
  constructor(private readonly app: App) {}

  /** Edits the note's YAML frontmatter as an object; adds a block when the note has none. */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: DataWriteOptions): Promise<void> {
    await this.app.vault.process(
      file,
      (text) => {
        const eol = text.includes("\r\n") ? "\r\n" : "\n";
        const lines = text.split(/\r?\n/);
        let data: Record<string, unknown> = {};
        let bodyStart = 0;
        if (lines[0] === "---") {
          const end = lines.findIndex((l, i) => i > 0 && l === "---");
          if (end > 0) {
            const parsed: unknown = parseYamlText(lines.slice(1, end).join("\n"));
            if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
            bodyStart = end + 1;
          }
        }
        fn(data);
        const yaml = stringifyYamlText(data).replace(/\n$/, "");
        const body = lines.slice(bodyStart).join(eol);
        const block = Object.keys(data).length === 0 ? "" : `---${eol}${yaml.split("\n").join(eol)}${eol}---${eol}`;
        return block + body;
      },
      options,
    );
  }

  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    await this.app.vault.rename(file, newPath);
  }

  async trashFile(file: TAbstractFile): Promise<void> {
    await this.app.vault.delete(file, true);
  }

  getNewFileParent(_sourcePath: string, _newFilePath?: string): TFolder {
    return this.app.vault.getRoot();
  }

  generateMarkdownLink(file: TFile, _sourcePath: string): string {
    return `[[${file.path.replace(/\.md$/, "")}]]`;
  }
}

// ---------------------------------------------------------------------------------------------
// Components, plugins, views, the workspace

export class Component {
  private loaded = false;
  private children: Component[] = [];
  private cleanups: (() => void)[] = [];

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const r = this.onload() as unknown;
    if (r instanceof Promise) void r;
    for (const c of this.children) c.load();
  }

  onload(): void | Promise<void> {}

  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const c of [...this.children]) c.unload();
    this.children = [];
    const cleanups = this.cleanups;
    this.cleanups = [];
    for (const fn of cleanups.reverse()) fn();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    if (this.loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    this.children = this.children.filter((c) => c !== component);
    component.unload();
    return component;
  }

  register(cb: () => unknown): void {
    this.cleanups.push(() => void cb());
  }

  registerEvent(eventRef: EventRef): void {
    this.register(() => eventRef.events.offref(eventRef));
  }

  registerDomEvent(el: EventTarget, type: string, callback: (evt: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }

  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }

  /** Test helper: cleanups still registered. */
  get registeredCount(): number {
    return this.cleanups.length;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }
}

export interface ViewState {
  type: string;
  state?: Record<string, unknown>;
  active?: boolean;
  pinned?: boolean;
}

export interface OpenViewState {
  state?: Record<string, unknown>;
  eState?: Record<string, unknown>;
  active?: boolean;
}

export abstract class View extends Component {
  app: App;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  icon = "";
  navigation = false;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = div("workspace-leaf-content");
  }

  abstract getViewType(): string;
  abstract getDisplayText(): string;
  getIcon(): string {
    return this.icon;
  }
  async onOpen(): Promise<void> {}
  async onClose(): Promise<void> {}
  getState(): Record<string, unknown> {
    return {};
  }
  async setState(_state: unknown, _result: unknown): Promise<void> {}
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.containerEl.appendChild(div("view-header"));
    this.contentEl = div("view-content");
    this.containerEl.appendChild(this.contentEl);
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = div("view-action");
    el.setAttribute("aria-label", title);
    setIcon(el, icon);
    el.addEventListener("click", (e) => callback(e as MouseEvent));
    return el;
  }
}

/** The view a leaf shows after openFile: just enough to tell which file is open, and where. */
export interface EditorPosition {
  line: number;
  ch: number;
}

/** The little of Editor the plugin uses: where the cursor is, and what was scrolled into view. */
export class Editor {
  cursor: EditorPosition = { line: 0, ch: 0 };
  /** The editor's text (a test sets it to stand for changes not yet saved). */
  value: string | null = null;
  getValue(): string {
    return this.value ?? "";
  }
  scrolledTo: EditorPosition | null = null;
  setCursor(pos: EditorPosition | number, ch?: number): void {
    this.cursor = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
  }
  getCursor(): EditorPosition {
    return this.cursor;
  }
  scrollIntoView(range: { from: EditorPosition; to: EditorPosition }, _center?: boolean): void {
    this.scrolledTo = range.from;
  }
}

export class MarkdownView {
  editor = new Editor();
  constructor(
    public file: TFile,
    public eState: Record<string, unknown> | undefined,
  ) {}
  getViewType(): string {
    return "markdown";
  }
}

export class WorkspaceLeaf extends Events {
  view: View | MarkdownView | null = null;
  /** Test helper: every openFile call. */
  opened: { file: TFile; openState: OpenViewState | undefined }[] = [];
  detached = false;

  constructor(public app: App) {
    super();
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    await this.closeView();
    this.opened.push({ file, openState });
    this.view = new MarkdownView(file, openState?.eState);
    this.app.workspace.setActiveLeaf(this);
  }

  async setViewState(viewState: ViewState, _eState?: unknown): Promise<void> {
    await this.closeView();
    const creator = this.app.viewRegistry.get(viewState.type);
    if (!creator) throw new Error(`No view registered for ${viewState.type}`);
    const view = creator(this);
    this.view = view;
    view.load();
    await view.setState(viewState.state ?? {}, {});
    await view.onOpen();
    if (viewState.active) this.app.workspace.setActiveLeaf(this);
  }

  getViewState(): ViewState {
    const v = this.view;
    return { type: v ? v.getViewType() : "empty", state: v instanceof View ? v.getState() : {} };
  }

  detach(): void {
    void this.closeView();
    this.detached = true;
    this.app.workspace.removeLeaf(this);
  }

  private async closeView(): Promise<void> {
    const v = this.view;
    this.view = null;
    if (v instanceof View) {
      await v.onClose();
      v.unload();
    }
  }
}

export class Workspace extends Events {
  layoutReady = false;
  private readyCallbacks: (() => unknown)[] = [];
  private leaves: WorkspaceLeaf[] = [];
  activeLeaf: WorkspaceLeaf | null = null;
  containerEl: HTMLElement | null = null;

  constructor(private readonly app: App) {
    super();
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) {
      void callback();
      return;
    }
    this.readyCallbacks.push(callback);
  }

  /** @internal App.setLayoutReady calls this. */
  fireLayoutReady(): void {
    this.layoutReady = true;
    const cbs = this.readyCallbacks;
    this.readyCallbacks = [];
    for (const cb of cbs) void cb();
    this.trigger("layout-change");
  }

  /** Test helper: how often a view asked for its state to be saved. */
  layoutSaves = 0;
  requestSaveLayout(): void {
    this.layoutSaves++;
  }

  getLeaf(newLeaf?: boolean | "tab" | "split" | "window"): WorkspaceLeaf {
    if (!newLeaf && this.activeLeaf && !(this.activeLeaf.view instanceof View)) return this.activeLeaf;
    return this.createLeaf();
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return this.createLeaf();
  }

  getLeftLeaf(_split: boolean): WorkspaceLeaf {
    return this.createLeaf();
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view?.getViewType() === viewType);
  }

  getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
    const v = this.activeLeaf?.view;
    return v instanceof (type as unknown as abstract new (...args: never[]) => object) ? (v as T) : null;
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const l of [...this.leaves]) callback(l);
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.setActiveLeaf(leaf);
  }

  detachLeavesOfType(viewType: string): void {
    for (const l of this.getLeavesOfType(viewType)) l.detach();
  }

  getActiveFile(): TFile | null {
    const v = this.activeLeaf?.view;
    return v instanceof MarkdownView ? v.file : null;
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | "tab" | "split" | "window", openViewState?: OpenViewState): Promise<void> {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
    if (!file) throw new Error(`No file for ${linktext}`);
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.activeLeaf = leaf;
    this.trigger("active-leaf-change", leaf);
    if (leaf.view instanceof MarkdownView) this.trigger("file-open", leaf.view.file);
  }

  /** @internal */
  removeLeaf(leaf: WorkspaceLeaf): void {
    this.leaves = this.leaves.filter((l) => l !== leaf);
    if (this.activeLeaf === leaf) this.activeLeaf = this.leaves[this.leaves.length - 1] ?? null;
  }

  /** Test helper: every leaf. */
  allLeaves(): readonly WorkspaceLeaf[] {
    return this.leaves;
  }

  private createLeaf(): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app);
    this.leaves.push(leaf);
    return leaf;
  }
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description: string;
  author: string;
  isDesktopOnly?: boolean;
  dir?: string;
}

export interface Command {
  id: string;
  name: string;
  icon?: string;
  hotkeys?: unknown[];
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (editor: unknown, ctx: unknown) => unknown;
  editorCheckCallback?: (checking: boolean, editor: unknown, ctx: unknown) => boolean | void;
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

/** Secrets by id, in memory (Obsidian keeps them outside data.json). */
export class SecretStorage extends Events {
  private readonly secrets = new Map<string, string>();
  setSecret(id: string, secret: string): void {
    this.secrets.set(id, secret);
    this.trigger("changed", id);
  }
  getSecret(id: string): string | null {
    return this.secrets.get(id) ?? null;
  }
  listSecrets(): string[] {
    return [...this.secrets.keys()];
  }
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  workspace: Workspace;
  secretStorage = new SecretStorage();
  /** Fake-only: registered views by type. */
  viewRegistry = new Map<string, ViewCreator>();
  /** Fake-only: registered commands by full id ("plugin-id:command-id"). */
  commands = new Map<string, Command>();
  /** Fake-only: ribbon icons by title. */
  ribbon = new Map<string, { icon: string; el: HTMLElement | null; callback: (evt: MouseEvent) => unknown }>();
  /** Fake-only: setting tabs added. */
  settingTabs: PluginSettingTab[] = [];
  /** Fake-only: data.json of each plugin. */
  pluginData = new Map<string, unknown>();

  constructor(files: Record<string, string | ArrayBuffer> = {}) {
    this.vault = new Vault();
    for (const [path, data] of Object.entries(files)) this.vault.seed(path, data);
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this);
    this.workspace = new Workspace(this);
  }

  /** Test helper: Obsidian finished loading the layout. */
  setLayoutReady(): void {
    this.workspace.fireLayoutReady();
  }

  /** Test helper: runs a command by its full id, as the command palette would. */
  executeCommandById(id: string): boolean {
    const cmd = this.commands.get(id);
    if (!cmd) return false;
    if (cmd.checkCallback) return cmd.checkCallback(false) !== false;
    if (cmd.callback) {
      void cmd.callback();
      return true;
    }
    return false;
  }
}

export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.app.commands.set(full.id, full);
    this.register(() => this.app.commands.delete(full.id));
    return full;
  }

  removeCommand(commandId: string): void {
    this.app.commands.delete(`${this.manifest.id}:${commandId}`);
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const d = (globalThis as { document?: Document }).document;
    const el = d ? div("side-dock-ribbon-action") : null;
    if (el) {
      el.setAttribute("aria-label", title);
      setIcon(el, icon);
      el.addEventListener("click", (e) => callback(e as MouseEvent));
    }
    this.app.ribbon.set(title, { icon, el, callback });
    this.register(() => {
      this.app.ribbon.delete(title);
      el?.remove();
    });
    return el as HTMLElement;
  }

  addSettingTab(settingTab: PluginSettingTab): void {
    this.app.settingTabs.push(settingTab);
    this.register(() => {
      this.app.settingTabs = this.app.settingTabs.filter((t) => t !== settingTab);
    });
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    if (this.app.viewRegistry.has(type)) throw new Error(`View type ${type} is already registered`);
    this.app.viewRegistry.set(type, viewCreator);
    this.register(() => this.app.viewRegistry.delete(type));
  }

  addStatusBarItem(): HTMLElement {
    const el = div("status-bar-item");
    this.register(() => el.remove());
    return el;
  }

  async loadData(): Promise<unknown> {
    const d = this.app.pluginData.get(this.manifest.id);
    return d === undefined ? null : JSON.parse(JSON.stringify(d));
  }

  async saveData(data: unknown): Promise<void> {
    this.app.pluginData.set(this.manifest.id, JSON.parse(JSON.stringify(data)));
  }
}

// ---------------------------------------------------------------------------------------------
// UI pieces

export class Notice {
  /** Test helper: every message shown. */
  static messages: string[] = [];
  noticeEl: HTMLElement | null;
  message: string;

  constructor(message: string | DocumentFragment, _duration?: number) {
    this.message = typeof message === "string" ? message : (message.textContent ?? "");
    Notice.messages.push(this.message);
    this.noticeEl = null;
  }

  setMessage(message: string | DocumentFragment): this {
    this.message = typeof message === "string" ? message : (message.textContent ?? "");
    Notice.messages.push(this.message);
    return this;
  }

  hide(): void {}
}

export class Modal {
  /** Test helper: modals open now. */
  static open: Modal[] = [];
  app: App;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  isOpen = false;

  constructor(app: App) {
    this.app = app;
    this.containerEl = div("modal-container");
    this.modalEl = div("modal");
    this.titleEl = div("modal-title");
    this.contentEl = div("modal-content");
    this.modalEl.append(this.titleEl, this.contentEl);
    this.containerEl.appendChild(this.modalEl);
  }

  open(): void {
    this.isOpen = true;
    Modal.open.push(this);
    const r = this.onOpen() as unknown;
    if (r instanceof Promise) void r;
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    Modal.open = Modal.open.filter((m) => m !== this);
    this.onClose();
  }

  setTitle(title: string): this {
    this.titleEl.textContent = title;
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    if (typeof content === "string") this.contentEl.textContent = content;
    else this.contentEl.replaceChildren(content);
    return this;
  }

  onOpen(): void | Promise<void> {}
  onClose(): void {}
}

export abstract class SuggestModal<T> extends Modal {
  inputEl: HTMLInputElement;
  emptyStateText = "";
  limit = 100;

  constructor(app: App) {
    super(app);
    this.inputEl = doc().createElement("input");
    this.modalEl.prepend(this.inputEl);
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.setAttribute("placeholder", placeholder);
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export interface FuzzyMatch<T> {
  item: T;
  match: { score: number; matches: [number, number][] };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;

  getSuggestions(query: string): FuzzyMatch<T>[] {
    const q = query.toLowerCase();
    return this.getItems()
      .filter((i) => this.getItemText(i).toLowerCase().includes(q))
      .map((item) => ({ item, match: { score: 0, matches: [] } }));
  }

  renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
    el.textContent = this.getItemText(value.item);
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  /** Test helper: the user picks the item whose text is `text`. */
  choose(text: string): void {
    const item = this.getItems().find((i) => this.getItemText(i) === text);
    if (item === undefined) throw new Error(`No suggestion ${text}`);
    this.close();
    this.onChooseItem(item, new Event("click") as MouseEvent);
  }
}

abstract class ValueComponent<T> {
  protected changeHandlers: ((value: T) => unknown)[] = [];
  disabled = false;
  abstract getValue(): T;
  abstract setValue(value: T): this;
  onChange(callback: (value: T) => unknown): this {
    this.changeHandlers.push(callback);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  /** Test helper: the user sets the value. */
  simulate(value: T): void {
    this.setValue(value);
    for (const h of this.changeHandlers) void h(value);
  }
}

export class TextComponent extends ValueComponent<string> {
  inputEl: HTMLInputElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.inputEl = containerEl.ownerDocument.createElement("input");
    this.inputEl.type = "text";
    containerEl.appendChild(this.inputEl);
    this.inputEl.addEventListener("input", () => {
      for (const h of this.changeHandlers) void h(this.inputEl.value);
    });
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }
}

export class TextAreaComponent extends ValueComponent<string> {
  inputEl: HTMLTextAreaElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.inputEl = containerEl.ownerDocument.createElement("textarea");
    containerEl.appendChild(this.inputEl);
    this.inputEl.addEventListener("input", () => {
      for (const h of this.changeHandlers) void h(this.inputEl.value);
    });
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.ownerDocument.createElement("select");
    containerEl.appendChild(this.selectEl);
    this.selectEl.addEventListener("change", () => {
      for (const h of this.changeHandlers) void h(this.selectEl.value);
    });
  }
  addOption(value: string, display: string): this {
    const o = this.selectEl.ownerDocument.createElement("option");
    o.value = value;
    o.textContent = display;
    this.selectEl.appendChild(o);
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [v, d] of Object.entries(options)) this.addOption(v, d);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private value = false;
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.ownerDocument.createElement("div");
    this.toggleEl.className = "checkbox-container";
    containerEl.appendChild(this.toggleEl);
  }
  getValue(): boolean {
    return this.value;
  }
  setValue(on: boolean): this {
    this.value = on;
    this.toggleEl.classList.toggle("is-enabled", on);
    return this;
  }
}

export class ButtonComponent {
  buttonEl: HTMLButtonElement;
  private clickHandlers: ((evt: MouseEvent) => unknown)[] = [];
  constructor(containerEl: HTMLElement) {
    this.buttonEl = containerEl.ownerDocument.createElement("button");
    containerEl.appendChild(this.buttonEl);
    this.buttonEl.addEventListener("click", (e) => {
      for (const h of this.clickHandlers) void h(e);
    });
  }
  setButtonText(name: string): this {
    this.buttonEl.textContent = name;
    return this;
  }
  setCta(): this {
    this.buttonEl.classList.add("mod-cta");
    return this;
  }
  setWarning(): this {
    this.buttonEl.classList.add("mod-warning");
    return this;
  }
  setTooltip(tooltip: string): this {
    this.buttonEl.setAttribute("aria-label", tooltip);
    return this;
  }
  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.buttonEl.disabled = disabled;
    return this;
  }
  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.clickHandlers.push(callback);
    return this;
  }
}

export class SecretComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  constructor(
    public app: App,
    containerEl: HTMLElement,
  ) {
    super();
    this.selectEl = containerEl.ownerDocument.createElement("select");
    containerEl.appendChild(this.selectEl);
    for (const id of app.secretStorage.listSecrets()) {
      const o = containerEl.ownerDocument.createElement("option");
      o.value = id;
      o.textContent = id;
      this.selectEl.appendChild(o);
    }
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  /** Test helper: the components added, in order. */
  components: (ValueComponent<string> | ValueComponent<boolean> | ButtonComponent)[] = [];
  isHeading = false;

  constructor(containerEl: HTMLElement) {
    this.settingEl = div("setting-item");
    this.infoEl = div("setting-item-info");
    this.nameEl = div("setting-item-name");
    this.descEl = div("setting-item-description");
    this.controlEl = div("setting-item-control");
    this.infoEl.append(this.nameEl, this.descEl);
    this.settingEl.append(this.infoEl, this.controlEl);
    containerEl.appendChild(this.settingEl);
  }

  setName(name: string | DocumentFragment): this {
    if (typeof name === "string") this.nameEl.textContent = name;
    else this.nameEl.replaceChildren(name);
    return this;
  }

  setDesc(desc: string | DocumentFragment): this {
    if (typeof desc === "string") this.descEl.textContent = desc;
    else this.descEl.replaceChildren(desc);
    return this;
  }

  setHeading(): this {
    this.isHeading = true;
    this.settingEl.classList.add("setting-item-heading");
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.classList.add(cls);
    return this;
  }

  addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addComponent<T extends ValueComponent<string> | ValueComponent<boolean> | ButtonComponent>(cb: (el: HTMLElement) => T): this {
    this.components.push(cb(this.controlEl));
    return this;
  }

  addButton(cb: (c: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  private add<C extends ValueComponent<string> | ValueComponent<boolean> | ButtonComponent>(c: C, cb: (c: C) => unknown): this {
    this.components.push(c);
    cb(c);
    return this;
  }
}

export abstract class PluginSettingTab {
  app: App;
  plugin: Plugin;
  containerEl: HTMLElement;

  constructor(app: App, plugin: Plugin) {
    this.app = app;
    this.plugin = plugin;
    this.containerEl = div("vertical-tab-content");
  }

  abstract display(): void;
  hide(): void {}
}

export class MenuItem {
  title = "";
  icon: string | null = null;
  section: string | null = null;
  disabled = false;
  checked = false;
  callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
  setTitle(title: string | DocumentFragment): this {
    this.title = typeof title === "string" ? title : (title.textContent ?? "");
    return this;
  }
  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }
  setSection(section: string): this {
    this.section = section;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  setChecked(checked: boolean | null): this {
    this.checked = checked === true;
    return this;
  }
  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }
}

export class Menu {
  /** Test helper: the last menu shown. */
  static lastShown: Menu | null = null;
  items: (MenuItem | "separator")[] = [];

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    cb(item);
    this.items.push(item);
    return this;
  }

  addSeparator(): this {
    this.items.push("separator");
    return this;
  }

  showAtMouseEvent(_evt: MouseEvent): this {
    Menu.lastShown = this;
    return this;
  }

  showAtPosition(_position: { x: number; y: number }): this {
    Menu.lastShown = this;
    return this;
  }

  hide(): this {
    return this;
  }

  onHide(_callback: () => unknown): void {}
}

export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
};
