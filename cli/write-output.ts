/**
 * Writing a command's result to `-o FILE`: never over an existing file without --force (as import
 * refuses), and every failure in words rather than a raw ENOENT / EISDIR.
 */
import { statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "./read-plans";

export function writeOutputFile(target: string, content: string, force: boolean): void {
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new InputError(`${target} 是文件夹，请给出文件名（如 -o 行事历.md）/ is a folder; give a file name (e.g. -o calendar.md)`);
  if (existing && !force) throw new InputError(`${target} 已存在，未覆盖（加 --force 可覆盖）/ already exists; not overwritten (use --force)`);
  const folder = dirname(target);
  const parent = statSync(folder, { throwIfNoEntry: false });
  if (!parent) throw new InputError(`文件夹 ${folder} 不存在 / folder ${folder} does not exist`);
  if (!parent.isDirectory()) throw new InputError(`${folder} 不是文件夹 / ${folder} is not a folder`);
  try {
    writeFileSync(target, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new InputError(`没有权限写入 ${target} / no permission to write ${target}`);
    throw new InputError(`无法写入 ${target} / cannot write ${target} (${code ?? String(e)})`);
  }
}
