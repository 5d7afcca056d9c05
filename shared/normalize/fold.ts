/**
 * Folding for recognition only. Plan text keeps its own punctuation (a task reads "为教师送书，开展读书活动"
 * with the full-width comma it was written with), but the rules that recognise numbers, months and
 * colons match a folded copy. Folding maps one UTF-16 unit to one, so an offset found in the folded
 * key is the same offset in the display text.
 */
const FOLD: Record<string, string> = {
  "（": "(",
  "）": ")",
  "：": ":",
  "，": ",",
  "．": ".",
  "；": ";",
  "［": "[",
  "］": "]",
  "｜": "|",
  "－": "-",
  "～": "~",
  "﹑": "、",
  "｀": "`",
  "＃": "#",
  "＞": ">",
  "＊": "*",
  "＋": "+",
};

export function foldChar(ch: string): string {
  if (ch.length !== 1) return FOLD[ch] ?? ch;
  const code = ch.charCodeAt(0);
  const folded = foldedCode(code);
  return folded === code ? ch : String.fromCharCode(folded);
}

// Every character foldChar changes lies in the full-width block or is ﹑.
const FOLDABLE = /[\uff01-\uff5e\ufe51]/;

/** FOLD by char code. */
const FOLD_CODES = new Map<number, number>(Object.entries(FOLD).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

/** The code foldChar maps a character's code to (the same code when it leaves the character). */
function foldedCode(code: number): number {
  // Full-width ASCII letters and digits: U+FF10..U+FF5A map to ASCII by a fixed offset.
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return code - 0xfee0;
  return FOLD_CODES.get(code) ?? code;
}

/** Whether foldChar may change the character with this code (the class of FOLDABLE). */
function mayFold(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0xfe51;
}

// Lines up to this long are folded by concatenation (foldKey).
const SHORT_LINE = 256;

/**
 * Same length as the input; see the module comment. Most lines need no folding and share the string.
 * A walk by char codes that copies the runs between folded characters: a replace with a callback
 * calls it for every full-width comma and colon, and Chinese text is full of them.
 */
export function foldKey(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  // A short line's copied runs are concatenated (a rope at most SHORT_LINE nodes deep); a long
  // line's go into a list joined once. A string grown by += is a rope of one node per fold, and a
  // line of a million full-width commas made one a million nodes deep (time and memory grew faster
  // than the line); for a line of a plan, the list and its join cost more than the concatenation.
  const parts: string[] | null = text.length > SHORT_LINE ? [] : null;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!mayFold(code)) continue;
    const folded = foldedCode(code);
    if (folded === code) continue;
    const piece = text.slice(from, i) + String.fromCharCode(folded);
    if (parts) parts.push(piece);
    else out += piece;
    from = i + 1;
  }
  if (from === 0) return text;
  const rest = text.slice(from);
  if (!parts) return out + rest;
  parts.push(rest);
  return parts.join("");
}
