/**
 * A small argument reader for the CLI: flags with values, boolean flags, positionals. `--` ends
 * the options (a file named "-o" or "--x.md" can follow it). Errors read in Chinese and English,
 * like every other message.
 */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: { values: string[]; booleans: string[]; aliases?: Record<string, string> }): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    if (raw === "--") {
      for (const rest of argv.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (!raw.startsWith("-") || raw === "-") {
      positionals.push(raw);
      continue;
    }
    const [nameRaw, inline] = raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    const name = spec.aliases?.[nameRaw] ?? nameRaw;
    if (spec.booleans.includes(name)) {
      flags.set(name, true);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} 需要一个值 / ${name} needs a value`);
      flags.set(name, value);
    } else {
      throw new UsageError(`没有 ${nameRaw} 这个选项 / unknown option ${nameRaw}`);
    }
  }
  return { positionals, flags };
}

export function flagString(args: ParsedArgs, name: string): string | null {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : null;
}
