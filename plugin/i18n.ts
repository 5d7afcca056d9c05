/**
 * The plugin's words, Chinese first and English beside. The language follows Obsidian's
 * (getLanguage(): "zh", "zh-TW" → Chinese, anything else → English); moment's global locale is
 * never touched.
 */
import { getLanguage } from "obsidian";

export type Lang = "zh" | "en";

export function currentLang(): Lang {
  return getLanguage().toLowerCase().startsWith("zh") ? "zh" : "en";
}

const STRINGS = {
  // Commands and ribbon (command names carry no plugin name: Obsidian shows it beside them).
  cmdNewPlan: ["新建工会计划", "New union plan"],
  cmdImport: ["从文本导入计划", "Import plan from text"],
  cmdNormalize: ["规范本笔记的行事历", "Normalize 行事历 in this note"],
  cmdOpenCalendar: ["打开行事历", "Open 行事历"],
  ribbonCalendar: ["打开行事历", "Open 行事历"],

  // New plan modal
  newPlanTitle: ["新建工会计划", "New union plan"],
  template: ["模板", "Template"],
  school: ["学校", "School"],
  schoolPlaceholder: ["例如：晨光小学", "For example: 晨光小学"],
  year: ["年份或学年", "Year or school year (学年)"],
  yearDesc: ["年度计划填年份；学期计划填学年的起始年（2026学年从2026年9月开始）", "A year plan takes the year; a term plan takes the year its school year (学年) starts in"],
  term: ["学期", "Term"],
  term1: ["第一学期（9月—次年1月）", "First term (September–January)"],
  term2: ["第二学期（2月—7月）", "Second term (February–July)"],
  termNone: ["不分学期", "No term"],
  folder: ["文件夹", "Folder"],
  create: ["创建", "Create"],
  created: ["已创建", "Created"],
  noTemplates: ["模板还没有加载", "No templates are available yet"],
  badYear: ["年份应为四位数字，例如 2026", "The year should be four digits, for example 2026"],

  // Import modal
  importTitle: ["从文本导入计划", "Import plan from text"],
  pasteHere: ["把计划全文粘贴到这里（可以一次粘贴多份计划）", "Paste the plan's text here (several plans at once are fine)"],
  pickFile: ["从库中选择文件（.txt / .md / .docx）", "Pick a file in the vault (.txt, .md, .docx)"],
  pickFileButton: ["选择文件…", "Choose a file…"],
  importButton: ["导入", "Import"],
  importing: ["正在导入…", "Importing…"],
  nothingToImport: ["没有可导入的内容", "Nothing to import"],
  importResult: ["导入结果", "Import result"],
  plansFound: ["找到计划", "Plans found"],
  monthsFound: ["月份", "Months"],
  tasksFound: ["工作项", "Tasks"],
  diagnostics: ["提示", "Diagnostics"],
  noDiagnostics: ["没有提示", "No diagnostics"],
  line: ["第 {n} 行", "Line {n}"],
  writtenTo: ["已写入", "Written to"],
  docxFailed: ["无法读取 .docx 文件", "Could not read the .docx file"],
  readFailed: ["无法读取文件", "Could not read the file"],

  // Normalize
  noActiveNote: ["请先打开一篇笔记", "Open a note first"],
  normalized: ["行事历已规范", "The 行事历 is in canonical form now"],
  nothingToNormalize: ["这篇笔记里没有找到行事历", "No 行事历 found in this note"],
  alreadyNormal: ["行事历已经是规范格式", "The 行事历 is already in canonical form"],

  // Task edits
  refusedLineChanged: ["笔记已被修改，未做更改；行事历已刷新", "The note changed underneath; nothing was changed and the view is refreshed"],
  refusedNoSuchLine: ["笔记中已没有这一行；行事历已刷新", "That line is no longer in the note; the view is refreshed"],
  refusedNotCheckbox: ["这一行不是任务复选框；请先运行“规范本笔记的行事历”", "That line is not a task checkbox; run “Normalize 行事历 in this note” first"],
  refusedTaskNotFound: ["在笔记中找不到这项工作", "That task is no longer in the note"],
  refusedSharedLine: ["这项工作和其他内容在同一行；请先运行“规范本笔记的行事历”", "That task shares its line; run “Normalize 行事历 in this note” first"],
  refusedBadMonth: ["月份格式不对", "That month is not valid"],
  refusedNoFile: ["找不到这篇笔记", "That note is gone"],
  replyWritten: ["回复已写入笔记的审核意见，下次同步时发到 Notion", "Reply written into the note's review section; it goes to Notion on the next sync"],
  replyNoDiscussion: ["这条意见已不在笔记中（可能已在 Notion 中解决），回复没有写入", "That discussion is no longer in the note (perhaps resolved in Notion); the reply was not written"],
  refusedBodySharedLine: ["这一行写了两项带日期的工作，一个复选框会把两项一起勾上；请先把它们分成两行", "That line holds two dated items, and one checkbox would tick both; put them on lines of their own first"],
  refusedNotReadBack: ["加上复选框后这一行读不回同一项工作，未做更改", "With a checkbox that line would not read back as the same task; nothing was changed"],
  bodyTickCancelled: ["未做更改：这一行没有加复选框", "Nothing changed: no checkbox was added to the line"],
  exported: ["已导出到", "Exported to"],

  // Settings
  settingsGeneral: ["常规", "General"],
  planFolder: ["计划文件夹", "Plan folder"],
  planFolderDesc: ["新建和导入的计划放在这里；留空则放在库的根目录", "New and imported plans go here; empty means the vault's root"],
  templateFolder: ["模板文件夹", "Template folder"],
  templateFolderDesc: [
    "这里的 Markdown 文件会和内置模板一起列出。占位符：{{school}}、{{year}}、{{term}}、{{months}}，日期用 dayjs 格式，如 {{date:YYYY-MM-DD}}",
    "Markdown files here are offered beside the built-in templates. Placeholders: {{school}}, {{year}}, {{term}}, {{months}}, and dates in dayjs formats such as {{date:YYYY-MM-DD}}",
  ],
  weekStart: ["每周从哪天开始", "Week starts on"],
  monday: ["星期一", "Monday"],
  sunday: ["星期日", "Sunday"],
  headingTasks: ["任务", "Tasks"],
  dueDates: ["没有具体日期的工作也写截止日期", "Due dates for tasks without a day"],
  dueDatesDesc: [
    "写明日期的工作总会带上 📅（日期范围写成 🛫 开始、📅 结束）。打开后，导入和规范行事历时，只写了月份的工作以该月最后一天作为 📅 截止日期",
    "A task whose day is written always gets its 📅 (a range gets 🛫 start and 📅 end). When on, importing or normalizing also gives a task that names only a month the month's last day as its 📅 due date",
  ],
  tasksFormat: ["Tasks 插件的任务格式", "Tasks plugin task format"],
  tasksFormatDesc: ["与 Tasks 插件设置中的“任务格式”一致", "Match the “Task format” in the Tasks plugin's settings"],
  tasksFormatEmoji: ["Tasks 表情符号格式（📅 ✅）", "Tasks emoji format (📅 ✅)"],
  tasksFormatDataview: ["Dataview 格式（[due:: ]）", "Dataview format ([due:: ])"],
  refusedAmbiguous: ["笔记里有两行完全相同的任务，无法确定是哪一项；请先修改其中一行", "Two task lines in the note read exactly the same, so the task is ambiguous; change one of them first"],
  headingTerms: ["学期", "Terms"],
  term1Months: ["第一学期的月份", "First term months"],
  term1MonthsDesc: ["起止月份，如 9-1 表示 9 月到次年 1 月", "Start and end month, e.g. 9-1 for September to January"],
  term2Months: ["第二学期的月份", "Second term months"],
  term2MonthsDesc: ["起止月份，如 2-7", "Start and end month, e.g. 2-7"],
  headingHolidays: ["节假日", "Holidays"],
  holidayOverrides: ["自定义节假日和调休", "Holiday and make-up workday overrides"],
  holidayOverridesDesc: [
    "内置节假日数据只到 2026 年。每行一天：日期、类型（休 或 班）、名称，例如：2027-10-01 休 国庆节",
    "Built-in holiday data ends in 2026. One day a line: date, kind (休 off or 班 workday), name, e.g. 2027-10-01 休 国庆节",
  ],
  badMonths: ["请写成 起-止，如 9-1", "Write it as start-end, e.g. 9-1"],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

/** The text in the current language, with {name} placeholders filled. */
export function tr(key: StringKey, vars: Record<string, string | number> = {}, lang: Lang = currentLang()): string {
  const pair = STRINGS[key];
  let text: string = lang === "zh" ? pair[0] : pair[1];
  for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** Both languages, the current one first: for command names, which users search in either. */
export function both(key: StringKey, lang: Lang = currentLang()): string {
  const [zh, en]: readonly [string, string] = STRINGS[key];
  if (zh === en) return zh;
  return lang === "zh" ? `${zh} / ${en}` : `${en} / ${zh}`;
}
