/**
 * Files and folders on disk → plan texts, with the one-line errors the CLI promises: a missing
 * file, a folder with no plans, a binary file, a file over 20 MB.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { decodeBytes } from "../shared/normalize/decode-bytes";
import { UsageError } from "./args";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const PLAN_EXTENSIONS = new Set([".md", ".txt", ".markdown"]);

export interface PlanFile {
  path: string;
  text: string;
}

export class InputError extends Error {}

export function readPlanFile(path: string): PlanFile {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path} 是文件夹，不是文件 / is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到文件 / no such file: ${path}`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`${path} 超过 20 MB，不像一份计划 / is over 20 MB (${(size / 1048576).toFixed(1)} MB)`);
  const decoded = decodeBytes(readFileSync(path));
  if (!decoded.ok) throw new InputError(`${path} 是二进制文件，不是文本（.docx 请先另存为 .txt，或在 Obsidian 中导入）/ is a binary file, not text`);
  return { path, text: decoded.text };
}

/** Every plan file under the given paths (files as given; folders walked, hidden folders skipped). */
export function collectPlanFiles(paths: readonly string[]): PlanFile[] {
  if (paths.length === 0) throw new UsageError("no file or folder given");
  const out: PlanFile[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new InputError(`找不到文件或文件夹 / no such file or folder: ${p}`);
    }
    if (!isDir) {
      out.push(readPlanFile(p));
      continue;
    }
    const found = walk(p).map((f) => readPlanFile(f));
    if (found.length === 0) throw new InputError(`${p} 里没有计划文件（.md / .txt）/ no plan files in this folder`);
    out.push(...found.map((f) => ({ ...f, path: relative(process.cwd(), f.path) || f.path })));
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (PLAN_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}
