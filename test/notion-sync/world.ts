/**
 * A test world: the Notion emulator on a scaled clock, the real @notionhq/client through the
 * mirror's transport, a vault of notes in memory, and a sync that writes Notion's changes back
 * into those notes the way the plugin and the CLI do.
 */
import { parsePlans } from "../../shared/index";
import { scaledClock } from "../../notion-sync/clock";
import { virtualClock } from "../../notion-emulator/virtual-clock";
import { createNotionClient, type NotionConnection } from "../../notion-sync/client";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { runNotionSync, type SyncOptions, type SyncReport } from "../../notion-sync/sync-engine";
import { applyNoteEdit } from "../../notion-sync/apply-back";
import { createNotionEmulator, type FaultOptions, type NotionEmulator, type NotionEmulatorOptions } from "../../notion-emulator/index";
import { exampleVault } from "../fixtures/example-vault";

export { exampleVault };

export interface World {
  emulator: NotionEmulator;
  parent: string;
  vault: Map<string, string>;
  store: MemoryStateStore;
  connection: NotionConnection;
  sync(extra?: Partial<SyncOptions>): Promise<SyncReport>;
  /** The data source ids the last sync used. */
  ids(): { plans: string; tasks: string };
}

export function notesOf(vault: Map<string, string>): SyncOptions extends never ? never : Array<{ path: string; text: string; plans: ReturnType<typeof parsePlans>["plans"] }> {
  return [...vault.entries()].map(([path, text]) => ({ path, text, plans: parsePlans(text, { fileName: path }).plans })).filter((n) => n.plans.length > 0);
}

/**
 * The Notion-Version the sync tests speak: the current one, or the next (2026-03-11) when
 * UNION_PLAN_NOTION_VERSION says so — vitest.config.ts runs the sync suite under both.
 */
export const TEST_NOTION_VERSION = process.env["UNION_PLAN_NOTION_VERSION"] ?? undefined;

export function makeWorld(options: { vault?: Map<string, string>; scale?: number; seed?: number; faults?: FaultOptions; timeoutMs?: number; emulator?: Partial<NotionEmulatorOptions>; notionVersion?: string } = {}): World {
  // Emulated time by default: no figure or cut-off in these tests may depend on how busy the machine is.
  const clock = options.scale !== undefined ? scaledClock(options.scale) : virtualClock();
  const emulator = createNotionEmulator({ clock, seed: options.seed ?? 1, ...(options.faults ? { faults: options.faults } : {}), ...options.emulator });
  const parent = emulator.seedPage({ title: "工会" });
  const vault = options.vault ?? exampleVault();
  const store = new MemoryStateStore();
  const notionVersion = options.notionVersion ?? TEST_NOTION_VERSION;
  const connection = createNotionClient({ token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock, limiter: new RateLimiter(clock), timeoutMs: options.timeoutMs ?? 20_000, ...(notionVersion ? { notionVersion } : {}) });
  const world: World = {
    emulator,
    parent,
    vault,
    store,
    connection,
    sync: (extra = {}) =>
      runNotionSync(notesOf(vault), {
        connection,
        store,
        target: { parentPageId: parent },
        applyEdit: (edit) => {
          const text = vault.get(edit.path);
          if (text !== undefined) vault.set(edit.path, applyNoteEdit(text, edit));
          return Promise.resolve();
        },
        retry: { random: () => 0.5 },
        ...extra,
      }),
    ids: () => {
      const s = store.snapshot;
      return { plans: s?.plansDataSourceId ?? "", tasks: s?.tasksDataSourceId ?? "" };
    },
  };
  return world;
}

/** Everything a reviewer sees in Notion, in a form two runs can be compared by (ids left out). */
export function notionPicture(world: World): unknown {
  const { plans, tasks } = world.ids();
  const e = world.emulator;
  const planPages = e.pages(plans);
  const titleOf = new Map(planPages.map((p) => [p.id, JSON.stringify(p.properties["名称"])]));
  const strip = (props: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) out[k] = k === "计划" && Array.isArray(v) ? v.map((id) => titleOf.get(String(id)) ?? "?") : v;
    return out;
  };
  return {
    plans: planPages.map((p) => ({ props: strip(p.properties), body: e.blocks(p.id).map((b) => ({ type: b.type, depth: b.depth, text: b.text, checked: b.checked })) })).sort((a, b) => String(a.props["同步键"]).localeCompare(String(b.props["同步键"]))),
    tasks: e.pages(tasks).map((p) => strip(p.properties)).sort((a, b) => String(a["同步键"]).localeCompare(String(b["同步键"]))),
  };
}
