/**
 * A note written back the way it was found. `union-plan sync` brings review fields and ticks from
 * Notion into notes; a note saved as GB18030 or UTF-16 (with its BOM, its CRLF endings) must stay
 * so, or a Windows editor shows mojibake and the next sync reads no 行事历 and marks every task
 * deleted in Notion. The write is refused, with the note untouched, whenever the new bytes would
 * not read back as exactly the new text; it goes through a temporary file and a rename, so a crash
 * leaves the old note or the new one, never half of each.
 */
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { decodeBytes } from "../shared/normalize/decode-bytes";
import { bomBytes, encodeText } from "../shared/normalize/encode-text";
import { SyncError } from "../notion-sync/errors";

export interface NoteFile {
  text: string;
  encoding: string;
  /** The file started with a byte-order mark. */
  bom: boolean;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.length > 0 && bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Reads a note's text and how it is stored. */
export function readNoteFile(file: string): NoteFile {
  const bytes = readFileSync(file);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new SyncError("invalid", `${file} 不是文本文件，未写回 / ${file} is not a text file; nothing written back`);
  return { text: decoded.text, encoding: decoded.encoding, bom: startsWith(bytes, bomBytes(decoded.encoding)) };
}

function refuse(file: string, encoding: string, why: string): SyncError {
  return new SyncError("invalid", `${file}：无法按原编码 ${encoding} 写回（${why}），笔记未改动；请把它另存为 UTF-8 后再同步 / cannot write ${file} back in its encoding ${encoding} (${why}); the note was left unchanged: save it as UTF-8 and sync again`);
}

/** The bytes of `text` stored as `like` was; throws (writing nothing) when they would not read back as `text`. */
export function encodeNote(file: string, text: string, like: Pick<NoteFile, "encoding" | "bom">): Uint8Array {
  const body = encodeText(text, like.encoding);
  if (body === null) throw refuse(file, like.encoding, "有此编码写不出的字符 / it holds characters that encoding cannot store");
  const bom = like.bom ? bomBytes(like.encoding) : new Uint8Array(0);
  const bytes = new Uint8Array(bom.length + body.length);
  bytes.set(bom, 0);
  bytes.set(body, bom.length);
  const back = decodeBytes(bytes);
  if (!back.ok || back.text !== text || back.encoding !== like.encoding) throw refuse(file, like.encoding, "写出的内容读回不一致 / the bytes would not read back the same");
  return bytes;
}

/** Writes `bytes` to `file` through a unique temporary file in the same folder, then a rename. */
export function replaceFileAtomically(file: string, bytes: Uint8Array | string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode: number | null = null;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    // A new file: the default mode.
  }
  try {
    writeFileSync(tmp, bytes, { flag: "wx" });
    if (mode !== null) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never made, or already renamed.
    }
    throw error;
  }
}

/** Re-reads the note, applies `edit` to its current text, and writes it back in its own encoding. Returns whether it changed. */
export function editNoteFile(file: string, edit: (text: string) => string): boolean {
  const note = readNoteFile(file);
  let next: string;
  try {
    next = edit(note.text);
  } catch (error) {
    // An edit that would not read back (frontmatter.ts refuses it): this note is skipped, the others sync.
    throw new SyncError("invalid", `${file}：${error instanceof Error ? error.message : String(error)}`);
  }
  if (next === note.text) return false;
  replaceFileAtomically(file, encodeNote(file, next, note));
  return true;
}
