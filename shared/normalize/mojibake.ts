/**
 * Lines garbled by a wrong text encoding (GBK bytes read as another code page), as web pages
 * sometimes serve them: "?。ㄈ┲匾暯搪毠り…". They cannot be read; the engine keeps them as they are
 * and says so, rather than guessing.
 */
// Characters that do not occur in a Chinese plan but are typical of mis-decoded bytes:
// the replacement character, box drawing, bopomofo and half-width katakana. (Private-use
// characters are not among them: Word pastes its symbol-font bullets as those.)
const GARBLE = /[\ufffd\u2500-\u257f\u3100-\u312f\uff61-\uff9f]/g;

const GARBLE_TEST = /[\ufffd\u2500-\u257f\u3100-\u312f\uff61-\uff9f]/;

export function looksLikeMojibake(text: string): boolean {
  if (!GARBLE_TEST.test(text)) return false;
  const hits = text.match(GARBLE)?.length ?? 0;
  if (text.includes("\ufffd")) return true;
  // "?。" at the start is a lost lead byte followed by a stray ideographic full stop.
  if (/^\?[\u3002\u3001]/.test(text)) return true;
  return hits >= 2;
}
