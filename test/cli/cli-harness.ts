/** Builds the CLI once with esbuild and runs it as a user would: a real process, real files. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSync } from "esbuild";

const ROOT = resolve(__dirname, "../..");
let built: string | null = null;

export function cliPath(): string {
  if (built) return built;
  const out = join(mkdtempSync(join(tmpdir(), "union-plan-cli-")), "cli.cjs");
  buildSync({ entryPoints: [join(ROOT, "cli/main.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile: out, logLevel: "error" });
  built = out;
  return out;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}, timeoutMs = 60000): CliRun {
  const r = spawnSync(process.execPath, [cliPath(), ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
