/** The part of mammoth (no types of its own) the import command uses: .docx → plain text, in the browser too. */
declare module "mammoth" {
  export interface MammothMessage {
    type: string;
    message: string;
  }
  /** The browser build reads `arrayBuffer`, the Node build `buffer` (a Buffer or an ArrayBuffer). */
  export function extractRawText(input: { arrayBuffer?: ArrayBuffer; buffer?: ArrayBuffer }): Promise<{ value: string; messages: MammothMessage[] }>;
}

/** mammoth's internal modules the plugin's raw-text entry (plugin/docx/mammoth-raw-text.ts) reads through. */
declare module "mammoth/lib/unzip" {
  export function openZip(input: { arrayBuffer?: ArrayBuffer; buffer?: ArrayBuffer }): Promise<unknown>;
}
declare module "mammoth/lib/docx/docx-reader" {
  export function read(docxFile: unknown): Promise<{ map<T>(f: (element: unknown) => T): { value: T; messages: import("mammoth").MammothMessage[] } }>;
}
