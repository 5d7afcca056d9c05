/**
 * Two `union-plan sync` runs on one vault at once: the state file's lock makes the second wait,
 * so two first-time `--setup` runs make two databases (not four) and every page once.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSync } from "../../cli/commands/sync";
import { acquireLock, fileStateStore } from "../../cli/state-file";
import { createNotionEmulator, type NotionEmulator } from "../../notion-emulator/index";
import { virtualClock } from "../../notion-emulator/virtual-clock";
import { exampleVaultCopy } from "../fixtures/example-vault";

beforeEach(() => {
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function env(emulator: NotionEmulator): Parameters<typeof runSync>[1] {
  return { token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock: emulator.clock, isTTY: false };
}

function keysOf(emulator: NotionEmulator, dataSourceId: string): string[] {
  return emulator.pages(dataSourceId).map((p) => JSON.stringify(p.properties["同步键"]));
}

describe("the sync state lock", () => {
  it("two first-time --setup runs at once: two data sources, every page once", async () => {
    const emulator = createNotionEmulator({ clock: virtualClock() });
    const parent = emulator.seedPage();
    const vault = exampleVaultCopy("union-plan-lock-");
    const codes = await Promise.all([runSync([vault, "--setup", parent], env(emulator)), runSync([vault, "--setup", parent], env(emulator))]);
    expect(codes).toEqual([0, 0]);
    const sources = emulator.dataSources();
    expect(sources).toHaveLength(2);
    for (const ds of sources) {
      const keys = keysOf(emulator, ds.id);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(sources.reduce((n, ds) => n + emulator.pages(ds.id).length, 0)).toBe(34);
    // The lock is gone and no temporary file is left.
    expect(readdirSync(join(vault, ".union-plan")).sort()).toEqual(["notion-sync.json"]);
  });

  it("a lock left by a process that is gone is taken over; a live one is waited for, then named", async () => {
    const vault = exampleVaultCopy("union-plan-lock-");
    const lock = join(vault, ".union-plan", "notion-sync.json.lock");
    const first = await acquireLock(lock);
    expect(existsSync(lock)).toBe(true);
    await expect(acquireLock(lock, { waitMs: 300, pollMs: 50 })).rejects.toThrow(/另一个同步正在进行.*another sync is running: process \d+/);
    await first();
    expect(existsSync(lock)).toBe(false);
    // A crashed sync's lock (its pid no longer runs).
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import("node:os")).hostname(), time: "2026-01-01T00:00:00Z", id: "dead" }));
    const release = await acquireLock(lock, { waitMs: 300, pollMs: 50 });
    expect((JSON.parse(readFileSync(lock, "utf8")) as { pid: number }).pid).toBe(process.pid);
    await release();
  });

  it("state saves from two writers at once never share a temporary file", async () => {
    const vault = exampleVaultCopy("union-plan-lock-");
    const path = join(vault, ".union-plan", "notion-sync.json");
    const a = fileStateStore(path);
    const b = fileStateStore(path);
    const state = { version: 1, plansDatabaseId: null, plansDataSourceId: null, tasksDatabaseId: null, tasksDataSourceId: null, plans: {}, tasks: {} };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).save({ ...state, plansDatabaseId: `db${i}` })));
    expect(readdirSync(join(vault, ".union-plan"))).toEqual(["notion-sync.json"]);
    expect((await a.load())?.plansDatabaseId).toMatch(/^db\d+$/);
  });
});
