/**
 * The text the parse benchmarks read, the same wherever the bench runs: the project's own fixture
 * plans (every layout form under test/engine/forms, the example vault's plans and imports, the
 * golden note), written by the team for the tests. They come to about 23 KB, so the corpus is made
 * from them at bench time: copy after copy, each with its years moved and its plan and task ids made
 * its own, the plans of each copy in an order shuffled by a fixed seed, until the size asked for.
 * Nothing is read from outside the repository, and there is no fallback: a missing fixture folder
 * stops the bench rather than quietly measuring something else.
 *
 * The seed plans (../shared/seeds) are measured beside it when they are there (seedsCorpus).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
// The emulator's seeded generator (mulberry32): every run shuffles alike.
import { seededRandom } from "../../notion-emulator/random";

export interface BenchCorpus {
  text: string;
  /** Where the plans came from, for the printed figures. */
  source: string;
  /** How many different plan texts one copy holds. */
  plans: number;
}

const FIXTURE_DIRS: readonly { dir: string; ends: string }[] = [
  { dir: "test/engine/forms", ends: ".txt" },
  { dir: "example-vault/导入", ends: ".txt" },
  { dir: "example-vault/计划", ends: ".md" },
  { dir: "test/engine/golden", ends: ".md" },
];

/** The fixture plans, in file-name order within each folder. */
export function fixturePlans(root = process.cwd()): string[] {
  const out: string[] = [];
  for (const { dir, ends } of FIXTURE_DIRS) {
    const path = resolve(root, dir);
    if (!existsSync(path)) throw new Error(`bench corpus: ${dir} is missing (run the bench from the repository root)`);
    for (const name of readdirSync(path).filter((f) => f.endsWith(ends)).sort()) out.push(withoutFrontmatter(readFileSync(join(path, name), "utf8")));
  }
  if (out.length < 40) throw new Error(`bench corpus: only ${out.length} fixture plans found`);
  return out;
}

/**
 * A note's frontmatter says `type: union-plan`, which makes the whole text one plan by definition:
 * at the head of the corpus it would swallow every plan after it. The corpus is plans one after
 * another, as pasted text is, so each note gives its body.
 */
function withoutFrontmatter(text: string): string {
  if (!text.startsWith("---\n")) return text;
  const end = text.indexOf("\n---\n", 3);
  return end < 0 ? text : text.slice(end + 5);
}

const YEAR = /(^|[^0-9])((?:19|20)\d\d)(?=[^0-9]|$)/g;
const IDS = /(plan-id: p-|\^t-)([0-9a-z]+)/g;

/** Copy `k` of a plan: every written year moved by k mod 9, every plan and task id given a suffix. */
export function plainVariant(text: string, k: number): string {
  const shift = k % 9;
  const suffix = k.toString(36);
  return text.replace(YEAR, (_m, before: string, year: string) => `${before}${Number(year) + shift}`).replace(IDS, (_m, head: string, id: string) => `${head}${id}${suffix}`);
}

/** At least `minBytes` (UTF-8) of the fixture plans, copy after copy, deterministic. */
export function fixtureCorpus(minBytes: number, root = process.cwd()): BenchCorpus {
  const plans = fixturePlans(root);
  const random = seededRandom(20261127);
  const parts: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < minBytes; k++) {
    const order = plans.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const part = plainVariant(plans[i] as string, k);
      parts.push(part);
      bytes += Buffer.byteLength(part) + 2;
    }
  }
  return { text: parts.join("\n\n"), source: `${plans.length} fixture plans of this repository, varied copies`, plans: plans.length };
}

/** At least `minBytes` of the seed plans in ../shared/seeds, repeated; null when they are not there. */
export function seedsCorpus(minBytes: number, root = process.cwd()): BenchCorpus | null {
  const seeds = resolve(root, "../shared/seeds");
  if (!existsSync(seeds)) return null;
  const files = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort();
  if (files.length === 0) return null;
  const unit = files.map((f) => readFileSync(join(seeds, f), "utf8")).join("\n\n");
  const unitBytes = Buffer.byteLength(unit) + 2;
  const copies = Math.max(1, Math.ceil(minBytes / unitBytes));
  return { text: Array.from({ length: copies }, () => unit).join("\n\n"), source: "../shared/seeds", plans: files.length };
}
