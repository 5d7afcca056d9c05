/** The plugin's sync state file: written through a temporary file and a rename, unreadable JSON called corrupt. */
import { describe, expect, it } from "vitest";
import type { Plugin } from "obsidian";
import { Vault } from "../fakes/obsidian";
import { adapterStateStore } from "../../plugin/notion/index";
import { emptyState } from "../../notion-sync/sync-state";

function fakePlugin(vault: Vault): Plugin {
  return { manifest: { id: "union-plan", dir: ".obsidian/plugins/union-plan" }, app: { vault } } as unknown as Plugin;
}

describe("plugin sync state store", () => {
  it("saves whole, leaves no temporary file, and reports unreadable JSON as corrupt", async () => {
    const vault = new Vault();
    const store = adapterStateStore(fakePlugin(vault));
    await store.save({ ...emptyState(), plansDatabaseId: "a" });
    await store.save({ ...emptyState(), plansDatabaseId: "b" });
    expect([...vault.adapter.files.keys()]).toEqual([".obsidian/plugins/union-plan/notion-sync-state.json"]);
    expect((await store.load())?.plansDatabaseId).toBe("b");
    vault.adapter.files.set(".obsidian/plugins/union-plan/notion-sync-state.json", '{"version":1,"plans":');
    expect((await store.load())?.corrupt).toMatch(/not valid JSON/);
  });
});
