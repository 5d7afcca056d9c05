/**
 * The one place that asks the `chinese-days` package. It knows 2004–2026 and, for any other year,
 * silently answers with plain weekdays; `builtInCovers` tells the two apart.
 */
import chineseDays from "chinese-days";

export interface BuiltInDay {
  kind: "holiday" | "workday";
  name: string;
}

/** chinese-days names are "English,中文,n" ("National Day,国庆节,3"); short names get their 节. */
const FULL_NAMES: Readonly<Record<string, string>> = {
  清明: "清明节",
  端午: "端午节",
  中秋: "中秋节",
  劳动: "劳动节",
  国庆: "国庆节",
};

function chineseName(raw: string): string | null {
  const parts = raw.split(",");
  if (parts.length < 2) return null;
  const zh = (parts[1] ?? "").trim();
  if (zh === "") return null;
  return FULL_NAMES[zh] ?? zh;
}

const coverage = new Map<number, boolean>();

/**
 * Whether chinese-days has the State Council's arrangement for the year. 元旦 (1 January) is a
 * public holiday every year, so a year whose 1 January comes back as an ordinary day is a year the
 * package has no data for.
 */
export function builtInCovers(year: number): boolean {
  const known = coverage.get(year);
  if (known !== undefined) return known;
  let covered = false;
  try {
    const d = chineseDays.getDayDetail(`${String(year).padStart(4, "0")}-01-01`);
    covered = !d.work && chineseName(d.name) !== null;
  } catch {
    covered = false;
  }
  coverage.set(year, covered);
  return covered;
}

/**
 * Answers already given, by date: chinese-days parses and formats each date it is asked about
 * (about 20 µs a day), and its data never changes while the plugin runs. A grid asks for the same
 * 42 days every time it is drawn.
 */
const known = new Map<string, BuiltInDay | null>();

/** What chinese-days says about one day ("YYYY-MM-DD"), or null for an ordinary day or an uncovered year. */
export function builtInDay(date: string): BuiltInDay | null {
  const cached = known.get(date);
  if (cached !== undefined) return cached;
  const found = askChineseDays(date);
  known.set(date, found);
  return found;
}

function askChineseDays(date: string): BuiltInDay | null {
  const year = Number(date.slice(0, 4));
  if (!builtInCovers(year)) return null;
  let detail: { work: boolean; name: string };
  try {
    detail = chineseDays.getDayDetail(date);
  } catch {
    return null;
  }
  const name = chineseName(detail.name);
  if (name === null) return null;
  return { kind: detail.work ? "workday" : "holiday", name };
}
