/**
 * `npm run bench`: figures side by side with a peer measured in the same run. `--json` prints one
 * JSON object on stdout for machines. Times vary on shared machines; ratios hold.
 *
 * Each section (sections.ts) runs in a node process of its own, started with --expose-gc so it can
 * collect garbage between rounds: `node dist/bench.cjs --section NAME` runs one. A section's lines
 * reach stdout as it goes; its figures come back on one marked line, and this process prints them
 * all together under --json. A section that fails is reported and the bench exits 1.
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { SECTIONS, type Figures } from "./sections";
import { useYamlPackage } from "../../cli/yaml-codec";

const MARK = "@@bench-figures ";

async function runSection(name: string): Promise<void> {
  const section = SECTIONS.find((s) => s.name === name);
  if (!section) throw new Error(`no bench section "${name}" (${SECTIONS.map((s) => s.name).join(", ")})`);
  const quiet = process.argv.includes("--json");
  // The engine reads frontmatter with the host's YAML codec: Obsidian's parseYaml in the plugin,
  // the yaml package in the CLI. Without one it falls back to a flat reader neither ships with, and
  // the bench would time a reader no user runs.
  useYamlPackage();
  const figures = await section.run((line) => {
    if (!quiet) process.stdout.write(`${line}\n`);
  });
  process.stdout.write(`${MARK}${JSON.stringify(figures)}\n`);
}

/** Runs one section in a child node; forwards its lines (unless `json`), returns its figures. */
function child(name: string, json: boolean): Promise<Figures> {
  const script = process.argv[1] ?? "dist/bench.cjs";
  const args = ["--expose-gc", script, "--section", name, ...(json ? ["--json"] : [])];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let figures: Figures | null = null;
    let rest = "";
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (chunk: string) => {
      rest += chunk;
      let nl = rest.indexOf("\n");
      while (nl >= 0) {
        const line = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        if (line.startsWith(MARK)) figures = JSON.parse(line.slice(MARK.length)) as Figures;
        else if (!json) process.stdout.write(`${line}\n`);
        nl = rest.indexOf("\n");
      }
    });
    proc.on("error", reject);
    proc.on("close", (code) => {
      if (code === 0 && figures) resolve(figures);
      else reject(new Error(`bench section ${name} exited with ${code ?? "a signal"}${figures ? "" : " and no figures"}`));
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--section");
  if (at >= 0) return runSection(argv[at + 1] ?? "");
  const json = argv.includes("--json");
  const log = (line: string): void => {
    if (!json) process.stdout.write(`${line}\n`);
  };
  const figures: Figures = {};
  const seconds: Record<string, number> = {};
  const start = performance.now();
  for (const section of SECTIONS) {
    const t0 = performance.now();
    try {
      Object.assign(figures, await child(section.name, json));
    } catch (error) {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
    seconds[section.name] = Math.round((performance.now() - t0) / 100) / 10;
  }
  const bundle = existsSync("main.js") ? Math.round((statSync("main.js").size / 1024) * 10) / 10 : null;
  figures["bundle"] = { mainJsKB: bundle };
  log(`bundle — main.js minified: ${bundle ?? "not built"} KB (goal ≤ 500 KB)`);
  const totalSeconds = Math.round((performance.now() - start) / 100) / 10;
  figures["bench"] = { totalSeconds, sectionSeconds: seconds };
  log(`bench — ${totalSeconds} s in all: ${Object.entries(seconds).map(([name, s]) => `${name} ${s} s`).join(", ")}`);
  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
