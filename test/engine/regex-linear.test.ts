/**
 * No regex in shared/ or cli/ may cost more than linear time. Timing a big input in a test is flaky
 * on a loaded machine, so this checks the two shapes that made the engine quadratic (1 MB of "，"
 * took 99 s), by reading every regex literal in the source:
 *  1. an unanchored pattern that starts with an unbounded repetition and has more to match after
 *     it (`/[ 。；;,，、]+$/`, `/\d+篇/`, `/ *\^…/`): tried at each position of a run, it rescans
 *     the rest of the run every time;
 *  2. an opener followed by a class that does not exclude the opener (`【[^】]*】`): tried at each
 *     opener of a run, it rescans to the end of the line every time.
 * `npm run bench` measures the same thing on adversarial inputs of 1 to 8 MB.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "../..");

// Patterns of shape 1 or 2 that only ever see short, bounded text; each says why.
const BOUNDED = new Map<string, string>([
  // The 行事历 heading: isScheduleHeading takes only lines of 40 characters or fewer.
  ["shared/plan/build-plan.ts /[:：\\s]+$/", "schedule heading ≤ 40 characters"],
]);

interface Literal {
  where: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(full));
    else if (e.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

function regexLiterals(): Literal[] {
  const found: Literal[] = [];
  for (const dir of ["shared", "cli"]) {
    for (const file of tsFiles(join(ROOT, dir))) {
      const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = n.getText();
          const cut = text.lastIndexOf("/");
          found.push({ where: `${file.slice(ROOT.length + 1)} ${text}`, source: text.slice(1, cut), flags: text.slice(cut + 1) });
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
  }
  return found;
}

/** One atom of a pattern: its text, and where the next atom starts. */
function atomAt(src: string, i: number): { text: string; end: number } {
  const c = src.charAt(i);
  if (c === "\\") {
    const next = src.charAt(i + 1);
    const len = next === "u" ? 6 : next === "x" ? 4 : 2;
    return { text: src.slice(i, i + len), end: i + len };
  }
  if (c === "[") {
    let j = i + 1;
    while (j < src.length && src.charAt(j) !== "]") j += src.charAt(j) === "\\" ? 2 : 1;
    return { text: src.slice(i, j + 1), end: j + 1 };
  }
  return { text: c, end: i + 1 };
}

/** The alternatives where a match attempt starts: top-level ones, and those of a leading group. */
function startingAlternatives(src: string): string[] {
  const split = (s: string): string[] => {
    const parts: string[] = [];
    let depth = 0;
    let last = 0;
    for (let i = 0; i < s.length; ) {
      const c = s.charAt(i);
      if (c === "\\" || c === "[") {
        i = atomAt(s, i).end;
        continue;
      }
      if (c === "(") depth++;
      else if (c === ")") depth--;
      else if (c === "|" && depth === 0) {
        parts.push(s.slice(last, i));
        last = i + 1;
      }
      i++;
    }
    parts.push(s.slice(last));
    return parts;
  };
  const out: string[] = [];
  for (const alt of split(src)) {
    out.push(alt);
    const open = /^\((?:\?:|\?<[A-Za-z]+>)?/.exec(alt);
    if (open && !alt.startsWith("(?=") && !alt.startsWith("(?!")) {
      let depth = 0;
      let i = 0;
      for (; i < alt.length; i = atomAt(alt, i).end) {
        const c = alt.charAt(i);
        if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      for (const inner of split(alt.slice(open[0].length, i))) out.push(inner + alt.slice(i + 1));
    }
  }
  return out;
}

/** Shape 1: starts with an unbounded repetition and has something after it that can fail. */
function rescansLeadingRun(alt: string): boolean {
  if (alt.startsWith("^") || alt === "") return false;
  const first = atomAt(alt, 0);
  const q = alt.slice(first.end);
  const unbounded = /^(?:[*+]|\{\d+,\})\??/.exec(q);
  return unbounded !== null && q.slice(unbounded[0].length).replace(/\)+$/, "") !== "";
}

/** Shape 2: a literal opener, then a negated class repeated that does not exclude the opener. */
function rescansFromOpener(alt: string): boolean {
  if (alt.startsWith("^")) return false;
  for (let i = 0; i < alt.length; ) {
    const a = atomAt(alt, i);
    const b = atomAt(alt, a.end);
    // "=" / "!" / ":" right after "(?" open a group; they are not literal openers.
    const isLiteral = a.text.length === 1 && !/[()|^$.*+?{}]/.test(a.text) && alt.charAt(i - 1) !== "?";
    if (isLiteral && b.text.startsWith("[^") && /^[*+]/.test(alt.slice(b.end)) && !b.text.includes(a.text)) return true;
    i = a.end;
  }
  return false;
}

describe("regexes cost linear time", () => {
  const literals = regexLiterals();

  it("reads the regexes of shared/ and cli/", () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it("no unanchored pattern starts with a repetition it can fail after (retried at each position of a run)", () => {
    const bad = literals.filter((l) => !l.flags.includes("y") && !BOUNDED.has(l.where) && startingAlternatives(l.source).some(rescansLeadingRun));
    expect(bad.map((l) => l.where)).toEqual([]);
  });

  it("no opener is followed by a repeated class that runs past the next opener", () => {
    const bad = literals.filter((l) => !BOUNDED.has(l.where) && startingAlternatives(l.source).some(rescansFromOpener));
    expect(bad.map((l) => l.where)).toEqual([]);
  });

  it("the checks see the shapes that were quadratic", () => {
    const shape1 = ["[ 。；;,，、]+$", "\\d+篇[】)）]", " *\\^([A-Za-z0-9-]+)$", "x|(?:\\s*篇)\\d"];
    for (const s of shape1) expect(startingAlternatives(s).some(rescansLeadingRun), s).toBe(true);
    expect(startingAlternatives("^\\d{4}$|【[^】]*】").some(rescansFromOpener)).toBe(true);
    // What stays allowed: anchored, bounded, a bare run with nothing after it, an opener the class excludes.
    for (const s of ["^ *x", "\\s+", "\\d{1,2}月", "【[^】【]*】", "\\d篇[】)）]"]) {
      expect(startingAlternatives(s).some((a) => rescansLeadingRun(a) || rescansFromOpener(a)), s).toBe(false);
    }
  });
});
