/**
 * The part of JSZip mammoth uses to read a .docx (`loadAsync(arrayBuffer)`, `file(name)`,
 * `async("uint8array" | "string")`), in 3 KB instead of JSZip's 95 KB: the central directory is read
 * by hand and deflated entries are inflated by the platform's DecompressionStream("deflate-raw")
 * (Chromium 103+, Safari 16.4+). Reading only: mammoth's raw-text path never writes a zip.
 *
 * Meant as an esbuild alias for `jszip` in the plugin build (`alias: { jszip: "./plugin/docx/jszip-lite.ts" }`).
 */

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  throw new Error("不是有效的 .docx（zip）文件 / not a valid .docx (zip) file");
}

function readEntries(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder("utf-8");
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error("zip central directory is damaged");
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  // A copy backed by a plain ArrayBuffer, which is what Blob accepts.
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

class ZipObject {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entry: Entry,
  ) {}

  get name(): string {
    return this.entry.name;
  }

  async async(type: "uint8array" | "string" | "arraybuffer"): Promise<Uint8Array | string | ArrayBuffer> {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = this.entry.localOffset;
    if (view.getUint32(at, true) !== LOCAL) throw new Error("zip entry is damaged");
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const raw = this.bytes.subarray(start, start + this.entry.compressedSize);
    let data: Uint8Array;
    if (this.entry.method === 0) data = raw.slice();
    else if (this.entry.method === 8) data = await inflateRaw(raw);
    else throw new Error(`zip compression method ${this.entry.method} is not supported`);
    if (type === "string") return new TextDecoder("utf-8").decode(data);
    // A fresh copy: its buffer is a plain ArrayBuffer holding exactly these bytes.
    if (type === "arraybuffer") return new Uint8Array(data).buffer;
    return data;
  }
}

export class JSZipLite {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async loadAsync(data: ArrayBuffer | Uint8Array): Promise<JSZipLite> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    return new JSZipLite(bytes, readEntries(bytes));
  }

  file(name: string): ZipObject | null {
    const entry = this.entries.get(name);
    return entry ? new ZipObject(this.bytes, entry) : null;
  }

  /** Entry names, for tests. */
  names(): string[] {
    return [...this.entries.keys()];
  }
}

export default JSZipLite;

/** `require("jszip").loadAsync(…)`, as mammoth calls it, works on this module's namespace too. */
export function loadAsync(data: ArrayBuffer | Uint8Array): Promise<JSZipLite> {
  return JSZipLite.loadAsync(data);
}
