/** Writing new files into the vault without ever overwriting one. */
import { normalizePath, type App, type TFile } from "obsidian";

/** "folder/name.md", or "folder/name 2.md", "folder/name 3.md" … when taken. */
export function freePath(app: App, folder: string, fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : "";
  const join = (name: string): string => normalizePath(folder === "" ? name : `${folder}/${name}`);
  let path = join(fileName);
  for (let n = 2; app.vault.getAbstractFileByPath(path) !== null; n++) path = join(`${base} ${n}${ext}`);
  return path;
}

/** Makes the folder (and its parents) when it is missing. */
export async function ensureFolder(app: App, folder: string): Promise<void> {
  if (folder === "") return;
  const path = normalizePath(folder);
  if (app.vault.getAbstractFileByPath(path) !== null) return;
  try {
    await app.vault.createFolder(path);
  } catch (error) {
    // Another write may have made it meanwhile; only a real failure matters.
    if (app.vault.getAbstractFileByPath(path) === null) throw error;
  }
}

/** Creates a new text file under a free name in `folder`; never replaces an existing file. */
export async function createNewFile(app: App, folder: string, fileName: string, content: string): Promise<TFile> {
  await ensureFolder(app, folder);
  // A name taken between freePath and create makes create throw; try the next free name then.
  for (let attempt = 0; ; attempt++) {
    const path = freePath(app, folder, fileName);
    try {
      return await app.vault.create(path, content);
    } catch (error) {
      if (attempt >= 3 || app.vault.getAbstractFileByPath(path) === null) throw error;
    }
  }
}
