/**
 * `union-plan`: the command line. Thin: reads arguments and files, prints; every decision about a
 * plan is the engine's (shared/) or the mirror's (notion-sync/).
 */
import { UsageError } from "./args";
import { InputError } from "./read-plans";
import { err, out } from "./output";
import { PARSE_HELP, runParse } from "./commands/parse";
import { IMPORT_HELP, runImport } from "./commands/import";
import { TASKS_HELP, runTasks } from "./commands/tasks";
import { DEMO_HELP, runDemo } from "./commands/demo";
import { CALENDAR_HELP, runCalendar } from "./commands/calendar";
import { SYNC_HELP, runSync } from "./commands/sync";
import pkg from "../package.json";
import { useYamlPackage } from "./yaml-codec";

interface Command {
  help: string;
  run: (argv: string[]) => number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  parse: { help: PARSE_HELP, run: runParse },
  import: { help: IMPORT_HELP, run: runImport },
  tasks: { help: TASKS_HELP, run: runTasks },
  calendar: { help: CALENDAR_HELP, run: runCalendar },
  sync: { help: SYNC_HELP, run: (argv) => runSync(argv) },
  demo: { help: DEMO_HELP, run: runDemo },
};

const MAIN_HELP = `union-plan — 学校工会工作计划工具 / school union work plans

用法 / usage: union-plan <命令 command> [参数 options]

  parse FILE… [--json]                         读取计划 / read plans and show what was found
  import FILE [-o OUT.md | -o FOLDER/] [--force]
                                               转为规范 Markdown 笔记 / convert to canonical plan notes
  tasks PATH… [--month YYYY-MM] [--json]       列出行事历任务 / list 行事历 tasks
  calendar PATH… [--month YYYY-MM] [--format text|md|html|ics] [--overview] [-o FILE] [--force]
                                               月度行事历 / the monthly 行事历
  sync PATH [--dry-run] [--state FILE] [--setup PARENT_PAGE] [--database PLANS_DB[,TASKS_DB]]
                                               同步到 Notion / mirror to Notion
  demo VAULT [--today YYYY-MM-DD]              npm start 的演示 / what npm start runs

  --help, -h      每个命令都有 / every command takes --help
  --version, -V   版本 / print the version
  --              其后都是文件名 / everything after it is a file name

环境变量 / environment:
  NOTION_TOKEN       sync 用的 Notion 集成令牌 / the Notion integration token sync uses
  NOTION_BASE_URL    另一个 Notion API 地址（如模拟器）/ another Notion API base URL (the emulator, a proxy)
  UNION_PLAN_DEBUG   出错时打印堆栈 / print the stack on an internal error`;

export function registerCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

export async function main(argv: string[]): Promise<number> {
  // Frontmatter is read and written with a real YAML codec.
  useYamlPackage();
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    out(MAIN_HELP);
    return name === undefined ? 1 : 0;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    out(`union-plan ${pkg.version}`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`union-plan: 没有 "${name}" 这个命令 / unknown command "${name}" (union-plan --help)`);
    return 1;
  }
  // After "--" a "-h" is a file name.
  const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (options.includes("--help") || options.includes("-h")) {
    out(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`union-plan ${name}: ${error.message}\n\n${command.help}`);
      return 1;
    }
    if (error instanceof InputError) {
      err(`union-plan ${name}: ${error.message}`);
      return 1;
    }
    // Anything else is our bug; still one line, no stack trace (UNION_PLAN_DEBUG=1 shows it).
    const message = error instanceof Error ? error.message : String(error);
    err(`union-plan ${name}: 出错了 / failed: ${message}`);
    if (process.env["UNION_PLAN_DEBUG"]) err(error instanceof Error ? (error.stack ?? "") : "");
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`union-plan: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
