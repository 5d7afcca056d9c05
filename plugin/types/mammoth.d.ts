/** The part of mammoth (no types of its own) the import command uses: .docx → plain text, in the browser too. */
declare module "mammoth" {
  export interface MammothMessage {
    type: string;
    message: string;
  }
  /** The browser build reads `arrayBuffer`, the Node build `buffer` (a Buffer or an ArrayBuffer). */
  export function extractRawText(input: { arrayBuffer?: ArrayBuffer; buffer?: ArrayBuffer }): Promise<{ value: string; messages: MammothMessage[] }>;
}
