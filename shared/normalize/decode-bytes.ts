/**
 * Bytes of a plan file → text. Plans saved on Windows are often GBK (GB18030) or UTF-16 rather than
 * UTF-8; reading them as UTF-8 would turn every line into mojibake. TextDecoder exists in Node,
 * browsers and Obsidian alike.
 */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: "binary" };

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // A NUL byte in the first 8 KB (outside UTF-16) means a binary file: a .docx, an image, a PDF.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: "binary" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: try the Chinese Windows code page.
  }
  try {
    return { ok: true, text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
  } catch {
    return { ok: false, reason: "binary" };
  }
}
