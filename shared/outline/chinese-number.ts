/** Chinese numerals as plans use them for section and month numbers: 一 … 九十九 (and 〇/零, 两). */
const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 十二 → 12, 二十三 → 23, 廿三 → 23; null for anything else. Arabic digits pass through. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const t = text.replace(/^廿/, "二十");
  if (t.length === 0 || t.length > 3) return null;
  const ten = t.indexOf("十");
  if (ten === -1) return t.length === 1 ? (DIGITS[t] ?? null) : null;
  const head = t.slice(0, ten);
  const tail = t.slice(ten + 1);
  const tens = head === "" ? 1 : (DIGITS[head] ?? null);
  const ones = tail === "" ? 0 : (DIGITS[tail] ?? null);
  if (tens === null || ones === null || tail.length > 1 || head.length > 1) return null;
  return tens * 10 + ones;
}

const NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 12 → 十二, 23 → 二十三 (1..99). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return NUMERALS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : NUMERALS[tens]}十${NUMERALS[ones] ?? ""}`;
}
