/** `union-plan import FILE [-o OUT.md]`: a text plan → canonical Markdown note(s). */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parsePlans, planTasks, renderPlanMarkdown } from "../../shared/index";
import { noteFileName } from "../../shared/markdown/note-name";
import { flagString, parseArgs, UsageError } from "../args";
import { InputError, readPlanFile } from "../read-plans";
import { err, out } from "../output";
import { isPlanFound } from "../../shared/plan/plan-found";
import { noPlanMessage } from "../collect-tasks";

export const IMPORT_HELP = `union-plan import FILE [-o OUT.md | -o FOLDER/] [--force] [--due-dates] [--tasks-format emoji|dataview]

把粘贴来的计划文本转换为规范的 Markdown 计划笔记；一个文件里有几份计划就生成几篇笔记。
Turns a pasted plan into canonical Markdown plan notes, one per plan found.

  -o OUT.md    写入文件（多份计划时为 OUT.md、OUT-2.md…）/ write to this file (OUT-2.md … for more plans)
  -o FOLDER/   写入文件夹，以计划标题命名 / write into a folder, named after each plan's title
  --force      覆盖已有文件 / overwrite existing files
  --due-dates  只写了月份的工作也以该月最后一天为 📅 截止日期（写明日期的工作总会带 📅）
               / also give tasks that name only a month the month's last day as 📅 (a written day always gets one)
  --tasks-format emoji|dataview
               Tasks 插件的任务格式，默认 emoji（📅 🛫 ✅）；dataview 写 [due:: …]
               / the Tasks plugin's task format: emoji (📅 🛫 ✅, the default) or dataview ([due:: …])
  不加 -o 时输出到屏幕 / without -o, print to stdout`;

export function runImport(argv: string[]): number {
  const args = parseArgs(argv, { values: ["-o", "--tasks-format"], booleans: ["--force", "--due-dates"], aliases: { "--out": "-o" } });
  const format = flagString(args, "--tasks-format") ?? "emoji";
  if (format !== "emoji" && format !== "dataview") throw new UsageError("--tasks-format 只能是 emoji 或 dataview / --tasks-format takes emoji or dataview");
  if (args.positionals.length !== 1) throw new UsageError("import 只接受一个文件 / import takes exactly one FILE");
  const file = readPlanFile(args.positionals[0] as string);
  const result = parsePlans(file.text, { fileName: file.path });
  const found = result.plans.filter(isPlanFound);
  if (found.length === 0) throw new InputError(noPlanMessage(file.path));
  const lineOptions = { format, monthDueDates: args.flags.has("--due-dates") } as const;
  const notes = found.map((p) => ({ plan: p, markdown: renderPlanMarkdown(p, lineOptions) }));
  const target = flagString(args, "-o");
  if (target === null) {
    out(notes.map((n) => n.markdown).join("\n"));
  } else {
    const isFolder = target.endsWith("/") || (existsSync(target) && statSync(target).isDirectory());
    const used = new Set<string>();
    const paths = notes.map((n, i) => {
      if (isFolder) {
        let name = noteFileName(n.plan, i);
        for (let k = 2; used.has(name); k++) name = noteFileName(n.plan, i, k);
        used.add(name);
        return join(target, name);
      }
      return i === 0 ? target : target.replace(/(\.md)?$/, `-${i + 1}.md`);
    });
    const clash = paths.find((p) => existsSync(p));
    if (clash && !args.flags.has("--force")) throw new InputError(`${clash} 已存在，未覆盖（加 --force 可覆盖）/ already exists; not overwritten (use --force)`);
    paths.forEach((p, i) => {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, (notes[i] as { markdown: string }).markdown);
      err(`已写入 / wrote ${p}`);
    });
  }
  // Body items count: the note the import writes keeps their sentences, and every consumer lists them.
  const tasks = found.reduce((n, p) => n + planTasks(p).length, 0);
  err(`${found.length} 份计划 / plan(s), ${tasks} 项任务 / tasks, ${result.diagnostics.length} 条提示 / diagnostics`);
  for (const d of result.diagnostics.filter((x) => x.severity !== "info")) err(`  第 ${d.line} 行 / line ${d.line}: ${d.message}`);
  return 0;
}
