/**
 * Pinyin annotations that some websites glue into scraped Chinese text: 學(xué)習(xí) → 學習.
 * Only a parenthesis that directly follows a CJK character and holds one pinyin syllable with a
 * tone mark is removed, so ordinary brackets such as (一) or (负责人：张三) stay.
 */
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
// One syllable: an optional initial, a final, letters only. Checked after the tone test.
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:n|ng|r)?$/;
// What an annotation's brackets hold: an initial and a final carrying a tone mark.
const ANNOTATION_BODY = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü]{0,2}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][aeiouü]{0,2}(?:ng|n|r)?$/i;
// The longest annotation: "( zhuāng )" holds 6 letters and a space on either side.
const LONGEST = 8;

function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

function isOpen(c: number): boolean {
  return c === 0x28 || c === 0xff08;
}

function isClose(c: number): boolean {
  return c === 0x29 || c === 0xff09;
}

export function isPinyinSyllable(text: string): boolean {
  const lower = text.toLowerCase();
  return TONE_MARKED.test(lower) && SYLLABLE.test(lower);
}

/**
 * Returns the text without annotations and how many were removed. A walk over the brackets, each
 * checked once, rather than a pattern tried at every character of a long scraped page.
 */
export function stripPinyinAnnotations(text: string): { text: string; removed: number } {
  let removed = 0;
  let out = "";
  let last = 0;
  for (let i = 1; i < text.length; i++) {
    if (!isOpen(text.charCodeAt(i)) || !isHan(text.charCodeAt(i - 1))) continue;
    let close = -1;
    for (let k = i + 2; k < text.length && k <= i + LONGEST + 1; k++) {
      if (isClose(text.charCodeAt(k))) {
        close = k;
        break;
      }
    }
    // A copy may leave a space inside the brackets ("會(huì )"): one on either side is not the syllable's.
    const from = text.charAt(i + 1) === " " ? i + 2 : i + 1;
    const to = text.charAt(close - 1) === " " && close - 1 > from ? close - 1 : close;
    if (close < 0 || !ANNOTATION_BODY.test(text.slice(from, to))) continue;
    out += text.slice(last, i);
    last = close + 1;
    removed++;
    i = close;
  }
  return { text: removed === 0 ? text : out + text.slice(last), removed };
}
