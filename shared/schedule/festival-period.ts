/** Festival periods as dates: "五一期间", "“五一”国际劳动节期间", "教师节前后" name the festival's month. */
import { byFirstChar, firstStartingAt, isOneOf, startsWithAny } from "./word-lookup";
import type { DatePhrase } from "./date-phrase";

/**
 * Festivals on a fixed day of the solar calendar, as written before 期间 ("五一期间", "“五一”国际劳动节期间",
 * "教师节前后"). Lunar festivals (春节, 端午, 中秋) move between months and are not read. Longest first.
 */
const FESTIVALS: readonly [string, number][] = [
  ["元旦", 1],
  ["三八", 3],
  ["国际劳动妇女节", 3],
  ["國際勞動婦女節", 3],
  ["妇女节", 3],
  ["婦女節", 3],
  ["五一", 5],
  ["劳动节", 5],
  ["勞動節", 5],
  ["五四", 5],
  ["青年节", 5],
  ["青年節", 5],
  ["六一", 6],
  ["儿童节", 6],
  ["兒童節", 6],
  ["七一", 7],
  ["建党节", 7],
  ["建黨節", 7],
  ["八一", 8],
  ["建军节", 8],
  ["建軍節", 8],
  ["教师节", 9],
  ["教師節", 9],
  ["国庆", 10],
  ["國慶", 10],
];
const FESTIVALS_BY_FIRST = byFirstChar(FESTIVALS);
// What may follow the festival's short name: "“五一”国际劳动节", "三八妇女节", "国庆节".
const FESTIVAL_TAILS = ["国际劳动妇女节", "國際勞動婦女節", "国际劳动节", "國際勞動節", "国际妇女节", "國際婦女節", "国际儿童节", "國際兒童節", "劳动节", "勞動節", "妇女节", "婦女節", "儿童节", "兒童節", "青年节", "青年節", "节", "節"];
// A festival dates something only as a period: "以三八妇女节为契机" names an occasion, not a time.
const FESTIVAL_PERIODS = ["期间", "期間", "前后", "前後", "前夕", "之际", "之際"];
const OPEN_QUOTES = "“\"「『";
const CLOSE_QUOTES = "”\"」』";

/** "五一期间", "“五一”国际劳动节期间", "教师节前后": the festival's month, or null. */
export function readFestivalPeriod(key: string, at: number): { end: number; month: number } | null {
  let i = at;
  if (isOneOf(OPEN_QUOTES, key.charAt(i))) i++;
  // Most phrases start with a digit: one look at the first character spares the list, and only the
  // festivals that start with it are tried.
  const festival = firstStartingAt(key, i, FESTIVALS_BY_FIRST);
  if (!festival) return null;
  i += festival[0].length;
  if (isOneOf(CLOSE_QUOTES, key.charAt(i))) i++;
  const tail = startsWithAny(key, i, FESTIVAL_TAILS);
  if (tail) i += tail.length;
  const period = startsWithAny(key, i, FESTIVAL_PERIODS);
  return period ? { end: i + period.length, month: festival[1] } : null;
}

/** A festival period at `at` as a date phrase (date-phrase.ts), or null. */
export function festivalPhrase(key: string, at: number): DatePhrase | null {
  const festival = readFestivalPeriod(key, at);
  return festival ? { end: festival.end, months: [{ year: null, month: festival.month }], day: null, dayEnd: null, partOfMonth: null, relativeYear: null } : null;
}
