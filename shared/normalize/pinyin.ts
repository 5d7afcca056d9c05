/**
 * Pinyin annotations that some websites glue into scraped Chinese text: 學(xué)習(xí) → 學習.
 * Only a parenthesis that directly follows a CJK character and holds one pinyin syllable with a
 * tone mark is removed, so ordinary brackets such as (一) or (负责人：张三) stay.
 */
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
// One syllable: an optional initial, a final, letters only. Checked after the tone test.
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:n|ng|r)?$/;
const ANNOTATION = /([\u3400-\u9fff])[(（]([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7})[)）]/g;

export function isPinyinSyllable(text: string): boolean {
  const lower = text.toLowerCase();
  return TONE_MARKED.test(lower) && SYLLABLE.test(lower);
}

/** Returns the text without annotations and how many were removed. */
export function stripPinyinAnnotations(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(ANNOTATION, (whole, han: string, syllable: string) => {
    if (!isPinyinSyllable(syllable)) return whole;
    removed++;
    return han;
  });
  return { text: out, removed };
}
