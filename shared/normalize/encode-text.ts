/**
 * Text → bytes in the encoding decodeBytes() found, so a note read as GB18030 or UTF-16 is written
 * back the same way. TextEncoder only speaks UTF-8, so the GB18030 table is built once from
 * TextDecoder itself (which every runtime we run in has): each two-byte and BMP four-byte sequence
 * is decoded, and the answer inverted. Callers still decode what they encoded and compare before
 * writing: a table is only trusted as far as that check goes.
 */

export const WRITABLE_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "gb18030"] as const;

let gbTable: Map<number, number[]> | null = null;

/** Decodes `count` sequences laid out back to back; one UTF-16 unit each, or null when that does not hold. */
function decodeRun(bytes: Uint8Array, count: number): string | null {
  const text = new TextDecoder("gb18030").decode(bytes);
  return text.length === count ? text : null;
}

function buildGbTable(): Map<number, number[]> {
  const table = new Map<number, number[]>();
  // Two-byte sequences first: where a character has two spellings, the two-byte one is the standard's.
  const pairs: number[][] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push([lead, trail]);
  }
  // Four-byte sequences that land in the BMP (the ones past 0x84 0x31 0xA4 0x39 decode to U+FFFD and are skipped).
  const quads: number[][] = [];
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++) for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) quads.push([b1, b2, b3, b4]);
  for (const group of [pairs, quads]) {
    const flat = new Uint8Array(group.length * (group[0]?.length ?? 0));
    let at = 0;
    for (const seq of group) for (const b of seq) flat[at++] = b;
    const run = decodeRun(flat, group.length);
    group.forEach((seq, i) => {
      const text = run !== null ? run.charAt(i) : new TextDecoder("gb18030").decode(Uint8Array.from(seq));
      if (text.length !== 1 || text === "\ufffd") return;
      const unit = text.charCodeAt(0);
      if (!table.has(unit)) table.set(unit, seq);
    });
  }
  // U+FFFD has its own four-byte code; the loop above skipped it as "undecodable".
  table.set(0xfffd, [0x84, 0x31, 0xa4, 0x37]);
  return table;
}

function encodeGb18030(text: string): Uint8Array | null {
  gbTable ??= buildGbTable();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return null;
      // Supplementary planes are laid out linearly from 0x90 0x30 0x81 0x30.
      let linear = ((c - 0xd800) << 10) + (low - 0xdc00);
      const b4 = linear % 10;
      linear = Math.floor(linear / 10);
      const b3 = linear % 126;
      linear = Math.floor(linear / 126);
      const b2 = linear % 10;
      const b1 = Math.floor(linear / 10);
      out.push(0x90 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4);
      i++;
      continue;
    }
    const seq = gbTable.get(c);
    if (!seq) return null;
    for (const b of seq) out.push(b);
  }
  return Uint8Array.from(out);
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** The bytes of `text` in `encoding` (without a BOM), or null when that encoding cannot hold it or is not one we write. */
export function encodeText(text: string, encoding: string): Uint8Array | null {
  switch (encoding) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-16le":
      return encodeUtf16(text, true);
    case "utf-16be":
      return encodeUtf16(text, false);
    case "gb18030":
    case "gbk":
      return encodeGb18030(text);
    default:
      return null;
  }
}

/** The byte-order mark a file in `encoding` starts with, when it had one. */
export function bomBytes(encoding: string): Uint8Array {
  if (encoding === "utf-8") return Uint8Array.of(0xef, 0xbb, 0xbf);
  if (encoding === "utf-16le") return Uint8Array.of(0xff, 0xfe);
  if (encoding === "utf-16be") return Uint8Array.of(0xfe, 0xff);
  return new Uint8Array(0);
}
