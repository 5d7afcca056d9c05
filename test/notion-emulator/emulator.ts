/** createNotionEmulator: wires store, limiter, faults and routes together (implementation follows). */
import type { NotionEmulator } from "./api";
import type { NotionEmulatorOptions } from "./types";

export function createNotionEmulator(options: NotionEmulatorOptions = {}): NotionEmulator {
  void options;
  throw new Error("the Notion emulator is not implemented yet");
}
