/**
 * Pinyin annotations that some websites glue into scraped Chinese text: 學(xué)習(xí) → 學習.
 * Only a parenthesis that directly follows a CJK character and holds one pinyin syllable with a
 * tone mark is removed, so ordinary brackets such as (一) or (负责人：张三) stay.
 */
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
// One syllable: an optional initial, a final, letters only. Checked after the tone test.
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:n|ng|r)?$/;
// A Han character, then in brackets an initial and a final carrying a tone mark: the shape of an
// annotation. Matching the shape in the pattern itself keeps this fast on long scraped pages.
const ANNOTATION = /([\u3400-\u9fff])[(（]((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü]{0,2}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][aeiouü]{0,2}(?:ng|n|r)?)[)）]/gi;

export function isPinyinSyllable(text: string): boolean {
  const lower = text.toLowerCase();
  return TONE_MARKED.test(lower) && SYLLABLE.test(lower);
}

/** Returns the text without annotations and how many were removed. */
export function stripPinyinAnnotations(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(ANNOTATION, (_whole: string, han: string) => {
    removed++;
    return han;
  });
  return { text: out, removed };
}
