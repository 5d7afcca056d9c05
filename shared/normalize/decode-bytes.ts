/**
 * Bytes of a plan file → text. Plans saved on Windows are often GBK (GB18030), Big5 (Taiwan, Hong
 * Kong) or UTF-16 rather than UTF-8; reading them as UTF-8 would turn every line into mojibake.
 * TextDecoder exists in Node, browsers and Obsidian alike; it has no UTF-32, which is decoded here.
 */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: "binary" };

const SNIFF_BYTES = 8192;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const b = (i: number): number => bytes[i] ?? -1;
  // Byte order marks. UTF-32 LE's (FF FE 00 00) starts with UTF-16 LE's, so it is tested first.
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return utf32(bytes.subarray(4), true);
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return utf32(bytes.subarray(4), false);
  if (b(0) === 0xff && b(1) === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (b(0) === 0xfe && b(1) === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };

  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    // NUL bytes: UTF-32 or UTF-16 saved without a BOM, else a binary file (.docx, image, PDF).
    const wide = sniffUtf32(head, bytes.length) ?? sniffUtf16(head, bytes.length);
    if (wide === "utf-32le" || wide === "utf-32be") {
      const r = utf32(bytes, wide === "utf-32le");
      if (r.ok && looksLikeText(r.text)) return r;
    } else if (wide !== null) {
      const text = decodeStrict(wide, bytes);
      if (text !== null && looksLikeText(text)) return { ok: true, text, encoding: wide };
    }
    return { ok: false, reason: "binary" };
  }
  const utf8 = decodeStrict("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8" };
  // Not UTF-8: the Chinese Windows code pages. Big5 bytes are nearly always valid GB18030 too (and
  // read as rare characters), so when both decode, the one with more common characters wins.
  const gb = decodeStrict("gb18030", bytes);
  const big5 = decodeStrict("big5", bytes);
  if (gb !== null && big5 !== null) return commonScore(big5) > commonScore(gb) ? { ok: true, text: big5, encoding: "big5" } : { ok: true, text: gb, encoding: "gb18030" };
  if (gb !== null) return { ok: true, text: gb, encoding: "gb18030" };
  if (big5 !== null) return { ok: true, text: big5, encoding: "big5" };
  return { ok: false, reason: "binary" };
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-32 by hand, one code point at a time (String.fromCodePoint(...all) would overflow the stack). */
function utf32(bytes: Uint8Array, littleEndian: boolean): DecodeResult {
  if (bytes.length % 4 !== 0) return { ok: false, reason: "binary" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { ok: false, reason: "binary" };
    chars.push(String.fromCodePoint(cp));
  }
  return { ok: true, text: chars.join(""), encoding: littleEndian ? "utf-32le" : "utf-32be" };
}

/** UTF-32 without a BOM: every unit's two high bytes are 0 (or a plane number ≤ 0x10). */
function sniffUtf32(head: Uint8Array, total: number): "utf-32le" | "utf-32be" | null {
  if (total % 4 !== 0 || head.length < 4) return null;
  let le = true;
  let be = true;
  for (let i = 0; i + 3 < head.length && (le || be); i += 4) {
    if (head[i + 3] !== 0 || (head[i + 2] ?? 0) > 0x10) le = false;
    if (head[i] !== 0 || (head[i + 1] ?? 0) > 0x10) be = false;
  }
  return le ? "utf-32le" : be ? "utf-32be" : null;
}

/**
 * UTF-16 without a BOM: ASCII (newlines, digits) puts its NUL on one side of each pair; a few CJK
 * characters (一 is U+4E00) put one on the other, so one side must clearly dominate.
 */
function sniffUtf16(head: Uint8Array, total: number): "utf-16le" | "utf-16be" | null {
  if (total % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 === 0 ? even++ : odd++);
  if (odd > 4 * even) return "utf-16le";
  if (even > 4 * odd) return "utf-16be";
  return null;
}

/** No NUL or other control character besides tab, newline, form feed and carriage return. */
function looksLikeText(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return false;
  }
  return true;
}

// Frequent characters of Chinese text and of plans, Simplified and Traditional: text decoded with
// the right code page is full of them; decoded with the wrong one, it is rare characters.
const COMMON = new Set(
  "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干幹做必战戰先回则則任取据據处處府研师師教职職校会议議划劃活育安排节節术術团團组织織开展月份",
);

function commonScore(text: string): number {
  let score = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) if (COMMON.has(text.charAt(i))) score++;
  return score;
}
