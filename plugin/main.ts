import { Plugin } from "obsidian";

export default class UnionPlanPlugin extends Plugin {
  override async onload(): Promise<void> {
    // The plugin's commands and views are registered here.
  }
}
