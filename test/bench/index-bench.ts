/**
 * The vault index's figures: 2,000 generated plan notes indexed cold (goal ≤ 300 ms), and one
 * changed note re-indexed (goal ≤ 2 ms). Runs the plugin's PlanIndex over the in-memory fake vault;
 * the fake's metadata cache is filled first, as Obsidian's is by the time the layout is ready.
 */
import type { MetadataCache, Vault } from "obsidian";
import { App, type EventRef as FakeEventRef, type TFile } from "../fakes/obsidian";
import { PlanIndex } from "../../plugin/index/plan-index";

const SCHOOLS = ["晨光小学", "东方小学", "礼河实验学校", "青石路小学", "滨江中学", "实验幼儿园", "城南初级中学", "新桥小学"];
const TASKS = [
  "召开工会委员会议",
  "“三八”妇女节庆祝活动",
  "教职工春季健步走",
  "青年教师基本功比赛",
  "困难教职工帮扶走访",
  "工会小组长会议",
  "教师节表彰大会",
  "教职工体检",
  "读书分享会",
  "送温暖慰问活动",
  "年度考核与工会工作总结",
  "暑期教工疗休养",
];

/** One canonical plan note, different for each n (school, year, term, task texts). */
export function generatedPlanNote(n: number): string {
  const school = SCHOOLS[n % SCHOOLS.length] ?? "晨光小学";
  const year = 2020 + (n % 7);
  const first = n % 2 === 0;
  const months = first ? [9, 10, 11, 12, 1].map((m) => ({ y: m === 1 ? year + 1 : year, m })) : [2, 3, 4, 5, 6, 7].map((m) => ({ y: year + 1, m }));
  const title = `${school}${year}学年度${first ? "第一" : "第二"}学期工会工作计划（${n}）`;
  const out = [
    "---",
    "type: union-plan",
    `title: ${title}`,
    `school: ${school}`,
    "kind: 学期",
    `period: ${first ? `${year}-09..${year + 1}-01` : `${year + 1}-02..${year + 1}-07`}`,
    `plan-id: p-b${n.toString(36)}`,
    "review-status: 待审核",
    "---",
    `# ${title}`,
    "",
    "## 一、指导思想",
    "",
    "以服务教职工为中心，推进学校民主管理，建设和谐校园。",
    "",
    "## 二、主要工作",
    "",
    "### （一）加强教职工队伍建设",
    "",
    "- 1、开展师德主题学习。",
    "- 2、组织青年教师基本功比赛。",
    "",
    "## 三、行事历",
    "",
  ];
  months.forEach(({ y, m }, i) => {
    out.push(`### ${y}年${m}月`);
    for (let k = 0; k < 4; k++) {
      const text = TASKS[(n + i * 4 + k) % TASKS.length] ?? "工作";
      out.push(`- [${(n + k) % 5 === 0 ? "x" : " "}] ${text}${k === 0 ? `（负责人：王老师${n % 10}）` : ""} ^t-${n.toString(36)}m${i}k${k}`);
    }
    out.push("");
  });
  return out.join("\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function newIndex(app: App): PlanIndex {
  return new PlanIndex({
    vault: app.vault as unknown as Vault,
    metadataCache: app.metadataCache as unknown as MetadataCache,
    setTimer: (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  });
}

export async function runIndexBench(): Promise<{ cold2000Ms: number; oneChangeMs: number }> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 2000; i++) files[`计划/${Math.floor(i / 100)}/plan-${i}.md`] = generatedPlanNote(i);
  const app = new App(files);
  // Obsidian has every note's metadata cached by the time the layout is ready.
  for (const f of app.vault.getMarkdownFiles()) app.metadataCache.getFileCache(f);

  // Cold: a fresh index reads and parses all 2,000 notes. Median of three fresh indexes.
  const colds: number[] = [];
  let index: PlanIndex | null = null;
  for (let run = 0; run < 3; run++) {
    index?.destroy();
    index = newIndex(app);
    const t0 = performance.now();
    await index.build();
    colds.push(performance.now() - t0);
  }
  if (!index) throw new Error("no index");
  const planCount = index.snapshot().plans.length;
  if (planCount !== 2000) throw new Error(`index holds ${planCount} plans, expected 2000`);

  // One change: the metadata cache hands over the new text; the index re-parses that one note,
  // diffs it and rebuilds its snapshot. Timed from the change being applied to the snapshot ready.
  const refs = index.eventRefs();
  const file = app.vault.getFileByPath("计划/7/plan-777.md") as TFile;
  const changes: number[] = [];
  for (let k = 0; k < 15; k++) {
    await app.vault.process(file, (d) => d.replace(/王老师7(-\d+)?/, `王老师7-${k}`));
    await app.metadataCache.settle();
    const t0 = performance.now();
    index.flush();
    index.snapshot();
    changes.push(performance.now() - t0);
  }
  for (const ref of refs) {
    const fakeRef = ref as unknown as FakeEventRef;
    fakeRef.events.offref(fakeRef);
  }
  index.destroy();
  return { cold2000Ms: Math.round(median(colds) * 10) / 10, oneChangeMs: Math.round(median(changes) * 100) / 100 };
}
