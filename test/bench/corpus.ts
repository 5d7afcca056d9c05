/**
 * The text the parse benchmark reads: the seed plans when ../shared/seeds/ is there, else the
 * example vault's sample plans, repeated to the size asked for.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

export function benchCorpus(minBytes: number): { text: string; source: string } {
  const seeds = resolve(process.cwd(), "../shared/seeds");
  let files: string[] = [];
  let source = "../shared/seeds";
  if (existsSync(seeds)) files = readdirSync(seeds).filter((f) => f.endsWith(".txt")).map((f) => join(seeds, f));
  if (files.length === 0) {
    source = "example-vault";
    for (const dir of ["example-vault/导入", "example-vault/计划"]) {
      if (existsSync(dir)) files.push(...readdirSync(dir).map((f) => join(dir, f)));
    }
  }
  const unit = files.map((f) => readFileSync(f, "utf8")).join("\n\n");
  const parts: string[] = [];
  let bytes = 0;
  const unitBytes = Buffer.byteLength(unit);
  while (bytes < minBytes) {
    parts.push(unit);
    bytes += unitBytes + 2;
  }
  return { text: parts.join("\n\n"), source };
}
