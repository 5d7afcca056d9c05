/**
 * The Notion section of the settings: the token's secret name (the token itself stays in
 * app.secretStorage), the parent page or databases, property names, auto-sync and trash-on-delete.
 */
import { Setting, SecretComponent, type App } from "obsidian";
import { DEFAULT_PROPERTY_NAMES, type PropertyNames } from "../../notion-sync/properties";
import { parseNotionId } from "../../notion-sync/schema";

export interface NotionSettings {
  /** Name of the secret in app.secretStorage holding the integration token ("" = none). */
  tokenSecret: string;
  /** Parent page (URL or id) the databases are created under. */
  parentPage: string;
  /** Existing databases (URL or id), when not set up from a parent page. */
  plansDatabase: string;
  tasksDatabase: string;
  /** Property names by role; blank keeps the default name. */
  propertyNames: { plans: Partial<PropertyNames["plans"]>; tasks: Partial<PropertyNames["tasks"]> };
  /** Minutes between automatic syncs; 0 = off (the default). */
  autoSyncMinutes: number;
  /** Sync once when Obsidian starts (off by default). */
  syncOnStartup: boolean;
  /** Move pages of deleted plans/tasks to Notion's trash instead of marking them (off by default). */
  trashOnDelete: boolean;
  /** This member's name, recorded as 同步人 on the pages their syncs write ("" = not recorded). */
  syncName: string;
  /** How the last sync matched owners (负责人) to workspace members, shown in the settings. */
  lastOwners?: { matched: Record<string, string>; unmatched: string[] };
}

export const DEFAULT_NOTION_SETTINGS: NotionSettings = {
  tokenSecret: "",
  parentPage: "",
  plansDatabase: "",
  tasksDatabase: "",
  propertyNames: { plans: {}, tasks: {} },
  autoSyncMinutes: 0,
  syncOnStartup: false,
  trashOnDelete: false,
  syncName: "",
};

/** Settings from data.json (any shape) with defaults for what is missing or wrong. */
export function readNotionSettings(raw: unknown): NotionSettings {
  const r = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const str = (k: string): string => (typeof r[k] === "string" ? r[k] : "");
  const names = typeof r["propertyNames"] === "object" && r["propertyNames"] !== null ? (r["propertyNames"] as Record<string, unknown>) : {};
  const part = (v: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
    return out;
  };
  const minutes = typeof r["autoSyncMinutes"] === "number" && r["autoSyncMinutes"] >= 0 ? Math.floor(r["autoSyncMinutes"]) : 0;
  return {
    tokenSecret: str("tokenSecret"),
    parentPage: str("parentPage"),
    plansDatabase: str("plansDatabase"),
    tasksDatabase: str("tasksDatabase"),
    propertyNames: { plans: part(names["plans"]), tasks: part(names["tasks"]) },
    autoSyncMinutes: minutes,
    syncOnStartup: r["syncOnStartup"] === true,
    trashOnDelete: r["trashOnDelete"] === true,
    syncName: str("syncName"),
    ...ownersFrom(r["lastOwners"]),
  };
}

function ownersFrom(v: unknown): Pick<NotionSettings, "lastOwners"> {
  if (typeof v !== "object" || v === null) return {};
  const o = v as Record<string, unknown>;
  const matched: Record<string, string> = {};
  if (typeof o["matched"] === "object" && o["matched"] !== null) for (const [k, x] of Object.entries(o["matched"])) if (typeof x === "string") matched[k] = x;
  const unmatched = Array.isArray(o["unmatched"]) ? o["unmatched"].filter((x): x is string => typeof x === "string") : [];
  return { lastOwners: { matched, unmatched } };
}

/** "中文 / English", the way every label in union-plan reads. */
export const bi = (zh: string, en: string): string => `${zh} / ${en}`;

const PLACEHOLDER_URL = "https://www.notion.so/…";

const ROLE_LABELS: Record<string, string> = {
  title: "标题 / Title",
  school: "学校 / School",
  year: "年度/学年 / Year",
  term: "学期 / Term",
  kind: "类型 / Kind",
  reviewStatus: "审核状态 / Review status",
  reviewComment: "审核意见 / Review comment",
  taskCount: "任务数 / Task count",
  source: "来源 / Source",
  key: "同步键 / Sync key",
  month: "月份 / Month",
  plan: "计划 / Plan",
  done: "完成 / Done",
  owner: "负责人 / Owner",
  members: "负责成员 / Owners in Notion (people)",
  fromBody: "来自正文 / From the body",
  syncedBy: "同步人 / Synced by",
};

/** Draws the Notion section into a settings tab; `save` stores the changed settings. */
export function displayNotionSettings(containerEl: HTMLElement, app: App, settings: NotionSettings, save: (next: NotionSettings) => Promise<void>): void {
  new Setting(containerEl).setName(bi("Notion 同步", "Notion sync")).setHeading();
  containerEl.createEl("p", {
    cls: "setting-item-description",
    text: bi("此功能会连接 Notion，需要 Notion 账号和一个集成（integration）。令牌保存在 Obsidian 的密钥存储中，不写入 data.json。", "This connects to Notion and needs a Notion account and an integration. The token stays in Obsidian's secret storage, never in data.json."),
  });
  new Setting(containerEl)
    .setName(bi("集成令牌", "Integration token"))
    .setDesc(bi("在 notion.so/profile/integrations 创建内部集成，复制令牌存为密钥", "create an internal integration, store its token as a secret"))
    .addComponent((el) =>
      new SecretComponent(app, el).setValue(settings.tokenSecret).onChange(async (name) => {
        settings.tokenSecret = name;
        await save(settings);
      }),
    );
  const idSetting = (name: string, desc: string, key: "parentPage" | "plansDatabase" | "tasksDatabase"): void => {
    new Setting(containerEl)
      .setName(name)
      .setDesc(desc)
      .addText((text) =>
        text
          .setPlaceholder(PLACEHOLDER_URL)
          .setValue(settings[key])
          .onChange(async (value) => {
            settings[key] = value.trim();
            await save(settings);
          }),
      );
  };
  idSetting(bi("父页面", "Parent page"), bi("在此页面下创建两个数据库；先把页面连接到集成：••• → 连接（Connections）", "the databases are created under it; share it with the integration first: ••• → Connections"), "parentPage");
  idSetting(bi("计划数据库", "Plans database"), bi("或使用已有数据库（URL 或 ID）", "or an existing database (URL or id)"), "plansDatabase");
  idSetting(bi("任务数据库", "Tasks database"), bi("已有的任务数据库（URL 或 ID）", "an existing tasks database (URL or id)"), "tasksDatabase");
  for (const page of [settings.parentPage, settings.plansDatabase, settings.tasksDatabase]) {
    if (page !== "" && parseNotionId(page) === null) containerEl.createEl("p", { cls: "mod-warning", text: `不是 Notion 链接或 ID / not a Notion link or id: ${page}` });
  }
  new Setting(containerEl)
    .setName(bi("自动同步（分钟）", "Auto-sync (minutes)"))
    .setDesc(bi("0 为关闭", "0 = off"))
    .addText((text) =>
      text.setValue(String(settings.autoSyncMinutes)).onChange(async (value) => {
        const n = Number(value);
        settings.autoSyncMinutes = Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
        await save(settings);
      }),
    );
  new Setting(containerEl)
    .setName(bi("启动时同步", "Sync on start-up"))
    .setDesc(bi("自动同步在离线、正在同步或计划笔记有未保存的修改时会等待", "automatic syncs wait while offline, while a sync runs, or while a plan note has unsaved changes"))
    .addToggle((toggle) =>
      toggle.setValue(settings.syncOnStartup).onChange(async (value) => {
        settings.syncOnStartup = value;
        await save(settings);
      }),
    );
  new Setting(containerEl)
    .setName(bi("删除的计划移到 Notion 回收站", "Move deleted plans to Notion's trash"))
    .setDesc(bi("关闭时只在标题前加标记", "when off, their pages are only marked"))
    .addToggle((toggle) =>
      toggle.setValue(settings.trashOnDelete).onChange(async (value) => {
        settings.trashOnDelete = value;
        await save(settings);
      }),
    );
  new Setting(containerEl)
    .setName(bi("同步人", "Your name"))
    .setDesc(bi("几位委员同步同一个数据库时，记在你同步写入的页面上", "when several members sync one database, recorded on the pages your syncs write"))
    .addText((text) =>
      text.setValue(settings.syncName).onChange(async (value) => {
        settings.syncName = value.trim();
        await save(settings);
      }),
    );
  displayOwners(containerEl, settings.lastOwners);
  new Setting(containerEl).setName(bi("属性名称", "Property names")).setHeading();
  const nameSetting = (table: "plans" | "tasks", role: string, fallback: string): void => {
    new Setting(containerEl)
      .setName(`${table === "plans" ? "计划" : "任务"} · ${ROLE_LABELS[role] ?? role}`)
      .addText((text) =>
        text
          .setPlaceholder(fallback)
          .setValue((settings.propertyNames[table] as Record<string, string | undefined>)[role] ?? "")
          .onChange(async (value) => {
            (settings.propertyNames[table] as Record<string, string>)[role] = value.trim();
            await save(settings);
          }),
      );
  };
  const planDefaults: Record<string, string> = { ...DEFAULT_PROPERTY_NAMES.plans };
  const taskDefaults: Record<string, string> = { ...DEFAULT_PROPERTY_NAMES.tasks };
  for (const [role, fallback] of Object.entries(planDefaults)) nameSetting("plans", role, fallback);
  for (const [role, fallback] of Object.entries(taskDefaults)) nameSetting("tasks", role, fallback);
}

/** How the last sync matched owners (负责人) to workspace members: members are notified in Notion, the rest stay text. */
function displayOwners(containerEl: HTMLElement, owners: NotionSettings["lastOwners"]): void {
  new Setting(containerEl).setName(bi("负责人与 Notion 成员", "Owners and Notion members")).setHeading();
  if (!owners || (Object.keys(owners.matched).length === 0 && owners.unmatched.length === 0)) {
    containerEl.createEl("p", { cls: "setting-item-description", text: bi("同步后在这里显示哪些负责人是 Notion 工作区成员（会收到通知）", "after a sync, shows which owners are members of the Notion workspace (they are notified)") });
    return;
  }
  const matched = Object.entries(owners.matched).map(([name, member]) => (name === member ? name : `${name} → ${member}`));
  if (matched.length > 0) new Setting(containerEl).setName(bi("已匹配成员", "Matched members")).setDesc(matched.join("、"));
  if (owners.unmatched.length > 0) new Setting(containerEl).setName(bi("仅文字（不是工作区成员）", "Text only (no workspace member)")).setDesc(owners.unmatched.join("、"));
}
