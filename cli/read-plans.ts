/**
 * Files and folders on disk → plan texts, with the one-line errors the CLI promises: a missing
 * file, a folder with no plans, a binary file, a file over 20 MB.
 *
 * Only regular files are read: `/dev/zero` and a FIFO report size 0, so a size check before
 * reading cannot stop them (one read 3 GB in 30 s); the cap is enforced while reading instead.
 * Inside a folder one bad entry (a symlink loop, a dangling link, an unreadable, binary or
 * oversized file) is skipped with a one-line warning and the others are still read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join, relative } from "node:path";
import { decodeBytes } from "../shared/normalize/decode-bytes";
import { UsageError } from "./args";
import { err } from "./output";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const PLAN_EXTENSIONS = new Set([".md", ".txt", ".markdown"]);

export interface PlanFile {
  path: string;
  text: string;
}

export class InputError extends Error {}

/** What went wrong with one path, in the CLI's two languages. */
function statError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ELOOP") return new InputError(`${path} 是循环的符号链接 / is a symbolic link loop`);
  if (code === "EACCES" || code === "EPERM") return new InputError(`${path} 没有读取权限 / cannot be read (permission denied)`);
  if (code === "ENOENT") {
    // stat follows the link and finds nothing; lstat finds the link itself.
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return new InputError(`${path} 是失效的符号链接 / is a dangling symbolic link`);
    return new InputError(`找不到文件 / no such file: ${path}`);
  }
  return new InputError(`${path} 无法读取 / cannot be read (${code ?? String(e)})`);
}

function notRegular(path: string, st: Stats): InputError {
  const what = st.isFIFO() ? "管道 / a FIFO" : st.isCharacterDevice() || st.isBlockDevice() ? "设备 / a device" : st.isSocket() ? "套接字 / a socket" : "特殊文件 / a special file";
  return new InputError(`${path} 不是普通文件（${what}），未读取 / is not a regular file; not read`);
}

function tooBig(path: string): InputError {
  return new InputError(`${path} 超过 20 MB，不像一份计划 / is over 20 MB`);
}

/**
 * The file's bytes, at most `max`: opened without blocking (a FIFO swapped in after the stat must
 * not hang), checked to be a regular file on the open descriptor, and cut off while reading.
 */
export function readRegularFile(path: string, max = MAX_FILE_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw statError(path, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${path} 是文件夹，不是文件 / is a folder, not a file`);
    if (!st.isFile()) throw notRegular(path, st);
    if (st.size > max) throw tooBig(path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      chunks.push(chunk.subarray(0, n));
      // The size said it fits, but a file can grow while it is read (a log, /proc): stop at the cap.
      if (total > max) throw tooBig(path);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw statError(path, e);
  } finally {
    closeSync(fd);
  }
}

function decodeError(path: string): InputError {
  return new InputError(`${path} 是二进制文件，或编码不受支持（请另存为 UTF-8；.docx 请先另存为 .txt，或在 Obsidian 中导入）/ is a binary file or in an encoding union-plan does not read (save it as UTF-8)`);
}

export function readPlanFile(path: string): PlanFile {
  const decoded = decodeBytes(readRegularFile(path));
  if (!decoded.ok) throw decodeError(path);
  return { path, text: decoded.text };
}

export interface CollectOptions {
  /** Told about each file of a folder that was skipped; the default prints one line on stderr. */
  warn?: (message: string) => void;
}

function defaultWarn(message: string): void {
  err(`跳过 / skipped: ${message}`);
}

/**
 * Every plan file under the given paths: files as given (a bad one is an error), folders walked
 * (hidden folders skipped; a bad file inside is skipped with a warning).
 */
export function collectPlanFiles(paths: readonly string[], options: CollectOptions = {}): PlanFile[] {
  if (paths.length === 0) throw new UsageError("没有给出文件或文件夹 / no file or folder given");
  const warn = options.warn ?? defaultWarn;
  const out: PlanFile[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      const error = statError(p, e);
      throw new InputError(error.message.startsWith("找不到文件 /") ? `找不到文件或文件夹 / no such file or folder: ${p}` : error.message);
    }
    if (!isDir) {
      out.push(readPlanFile(p));
      continue;
    }
    let found = 0;
    const candidates = walk(p, warn, new Set());
    if (candidates.length === 0) throw new InputError(`${p} 里没有计划文件（.md / .txt）/ no plan files in this folder`);
    for (const file of candidates) {
      try {
        const f = readPlanFile(file);
        out.push({ ...f, path: relative(process.cwd(), f.path) || f.path });
        found++;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        warn(e.message);
      }
    }
    if (found === 0) throw new InputError(`${p} 里没有可读的计划文件（.md / .txt）/ no readable plan files in this folder`);
  }
  return out;
}

/** Plan-file paths under `dir`, in name order; `seen` holds the real paths of folders already walked. */
function walk(dir: string, warn: (message: string) => void, seen: Set<string>): string[] {
  const out: string[] = [];
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    warn(statError(dir, e).message);
    return out;
  }
  // A link back to a folder above would walk forever.
  if (seen.has(real)) {
    warn(`${dir} 链接到已读过的文件夹 / links to a folder already read`);
    return out;
  }
  seen.add(real);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(dir, entry.name);
    const isPlanName = PLAN_EXTENSIONS.has(extname(entry.name).toLowerCase());
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = statSync(full).isDirectory();
      } catch (e) {
        // A dangling link or a loop: only worth a word if it looks like a plan or a folder.
        if (isPlanName || extname(entry.name) === "") warn(statError(full, e).message);
        continue;
      }
    }
    if (isDir) {
      for (const f of walk(full, warn, seen)) out.push(f);
    } else if (isPlanName) {
      out.push(full);
    }
  }
  return out;
}
